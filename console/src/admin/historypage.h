#pragma once

#include <memory>

#include <QPointer>
#include <QWidget>

#include "admin/adminwidgets.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/client/tokentypes.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Nextup::Console {

class AdminCatalog;
class CsvExport;
class HistoryModel;
class TokenEventsModel;

// History: tokens by date range, service, counter, status and number (GET /api/tokens, 50 a
// page), the timeline of the selected token (GET /api/tokens/:id), and the whole result as CSV.
class TokenHistoryPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenHistoryPage)

public:
    TokenHistoryPage(ApiClient *api, AdminCatalog *catalog, QWidget *parent = nullptr);
    ~TokenHistoryPage() override;

    // The filter the widgets describe (page 1).
    HistoryFilter filter() const;
    HistoryModel *model() const { return m_model; }
    TokenEventsModel *eventsModel() const { return m_events; }
    QTableView *table() const { return m_table; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QComboBox *serviceBox() const { return m_service; }
    QComboBox *counterBox() const { return m_counter; }
    QComboBox *statusBox() const { return m_status; }
    QLineEdit *numberEdit() const { return m_number; }
    QPushButton *searchButton() const { return m_search; }
    QPushButton *exportButton() const { return m_export; }
    const FormErrors &errors() const { return m_errors; }
    // Rows per request of the CSV export (tests use a small one to get several pages).
    void setExportPageSize(int pageSize) { m_exportPageSize = pageSize; }

public slots:
    void search();
    void showPage(int page);
    void showTimeline(qint64 tokenId);
    // Asks for a file name, then exportCsv().
    void chooseExportFile();
    void exportCsv(const QString &path);

signals:
    void searchFinished();
    void searchFailed(const Nextup::Status &status);
    void timelineShown(qint64 tokenId);
    void exportFinished(bool ok, const QString &message, int rows);

private:
    QWidget *buildFilters();
    QWidget *buildResults();
    QWidget *buildTimeline();
    void fillChoices();
    void onPageArrived(const Nextup::HistoryPage &page);
    void onCurrentRowChanged();
    void updatePager();

    QPointer<ApiClient> m_api;
    AdminCatalog *m_catalog;
    HistoryModel *m_model;
    TokenEventsModel *m_events;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_service = nullptr;
    QComboBox *m_counter = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_number = nullptr;
    QPushButton *m_search = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_pageLabel = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_timelineTitle = nullptr;
    QTableView *m_timeline = nullptr;
    FormErrors m_errors;
    // The filter of the rows on screen (paging and export use it, not the edited widgets).
    HistoryFilter m_shown;
    QPointer<HistoryJob> m_job;
    QPointer<GetTokenJob> m_tokenJob;
    QPointer<CsvExport> m_exporter;
    int m_exportPageSize = 200;
};

} // namespace Nextup::Console
