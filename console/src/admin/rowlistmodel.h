#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace Nextup::Console {

// A read-only table over a list of rows that is replaced as a whole (the admin pages' tables):
// the row and column counts, the header and the reset live here; subclasses give the cells and
// the column titles. Being a template it has no Q_OBJECT, so each subclass keeps its own (and
// with it its translation context).
template <typename Row> class RowListModel : public QAbstractTableModel
{
public:
    const QList<Row> &rows() const { return m_rows; }
    // The row whose `id` is `id`, or -1.
    int rowOf(int id) const
    {
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            if (m_rows.at(i).id == id)
                return int(i);
        return -1;
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_columnCount;
    }
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        return columnTitle(section);
    }

protected:
    RowListModel(int columnCount, QObject *parent)
        : QAbstractTableModel(parent), m_columnCount(columnCount)
    {
    }

    // Replaces the rows; `alongside` runs inside the same reset, to replace what the subclass
    // keeps next to them.
    template <typename Alongside> void setRows(const QList<Row> &rows, Alongside alongside)
    {
        beginResetModel();
        m_rows = rows;
        alongside();
        endResetModel();
    }
    void setRows(const QList<Row> &rows)
    {
        setRows(rows, [] {});
    }
    // The horizontal header's text, or an invalid QVariant past the last column.
    virtual QVariant columnTitle(int column) const = 0;

private:
    QList<Row> m_rows;
    int m_columnCount;
};

} // namespace Nextup::Console
