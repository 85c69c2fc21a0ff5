#include "admin/historypage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include "admin/admincatalog.h"
#include "admin/adminmodels.h"
#include "admin/csvexport.h"
#include "admin/historymodels.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/tokenjobs.h"

namespace Nextup::Console {

namespace {
const int kPageSize = 50;
const int kDefaultDays = 7;

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setObjectName(name);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QDateEdit *makeDateEdit(const QDate &date, QWidget *parent)
{
    auto *edit = new QDateEdit(date, parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    return edit;
}
} // namespace

TokenHistoryPage::TokenHistoryPage(ApiClient *api, AdminCatalog *catalog, QWidget *parent)
    : QWidget(parent), m_api(api), m_catalog(catalog), m_model(new HistoryModel(this)),
      m_events(new TokenEventsModel(this)), m_message(new QLabel(this)), m_errors(m_message)
{
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(buildResults());
    splitter->addWidget(buildTimeline());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilters());
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    connect(m_catalog, &AdminCatalog::changed, this, &TokenHistoryPage::fillChoices);
    fillChoices();
    updatePager();
}

TokenHistoryPage::~TokenHistoryPage() = default;

QWidget *TokenHistoryPage::buildFilters()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    const QDate today = QDate::currentDate();
    m_from = makeDateEdit(today.addDays(-kDefaultDays), box);
    m_to = makeDateEdit(today, box);
    m_service = new QComboBox(box);
    m_counter = new QComboBox(box);
    m_status = new QComboBox(box);
    m_number = new QLineEdit(box);
    m_number->setPlaceholderText(tr("e.g. D007"));
    m_number->setClearButtonEnabled(true);
    m_status->addItem(tr("Any status"), QString());
    for (const QString &status : tokenStatuses())
        m_status->addItem(statusText(status), status);
    m_search = new QPushButton(tr("&Search"), box);
    m_search->setDefault(true);
    m_export = new QPushButton(tr("E&xport CSV…"), box);
    m_export->setToolTip(tr("Every token of the last search, all pages, as a CSV file"));
    const struct
    {
        QString label;
        QString field;
        QWidget *editor;
    } fields[] = {
        {tr("&From:"), QStringLiteral("from"), m_from},
        {tr("&To:"), QStringLiteral("to"), m_to},
        {tr("Ser&vice:"), QStringLiteral("service_id"), m_service},
        {tr("C&ounter:"), QStringLiteral("counter_id"), m_counter},
        {tr("St&atus:"), QStringLiteral("status"), m_status},
        {tr("&Number:"), QStringLiteral("number"), m_number},
    };
    int column = 0;
    for (const auto &f : fields) {
        f.editor->setObjectName(f.field);
        f.editor->setAccessibleName(QString(f.label).remove(u'&').remove(u':'));
        auto *label = new QLabel(f.label, box);
        label->setBuddy(f.editor);
        grid->addWidget(label, 0, column);
        grid->addWidget(m_errors.addField(f.field, f.editor), 1, column, Qt::AlignTop);
        grid->setColumnStretch(column, 1);
        ++column;
    }
    grid->addWidget(m_search, 1, column, Qt::AlignTop);
    grid->addWidget(m_export, 1, column + 1, Qt::AlignTop);
    connect(m_search, &QPushButton::clicked, this, &TokenHistoryPage::search);
    connect(m_number, &QLineEdit::returnPressed, this, &TokenHistoryPage::search);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (m_exporter)
            m_exporter->cancel();
        else
            chooseExportFile();
    });
    return box;
}

QWidget *TokenHistoryPage::buildResults()
{
    auto *box = new QWidget(this);
    m_table = makeTable(m_model, QStringLiteral("results"), box);
    m_table->setAccessibleName(tr("Tokens found"));
    stretchColumn(m_table, HistoryModel::ServiceColumn);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TokenHistoryPage::onCurrentRowChanged);
    m_previous = new QPushButton(tr("&Previous page"), box);
    m_next = new QPushButton(tr("N&ext page"), box);
    m_pageLabel = new QLabel(box);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    connect(m_previous, &QPushButton::clicked, this, [this] { showPage(m_shown.page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showPage(m_shown.page + 1); });
    auto *pager = new QHBoxLayout;
    pager->addWidget(m_pageLabel, 1);
    pager->addWidget(m_previous);
    pager->addWidget(m_next);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(pager);
    return box;
}

QWidget *TokenHistoryPage::buildTimeline()
{
    auto *box = new QWidget(this);
    m_timelineTitle = new QLabel(tr("Select a token to see its timeline."), box);
    m_timelineTitle->setObjectName(QStringLiteral("timelineTitle"));
    QFont bold = m_timelineTitle->font();
    bold.setBold(true);
    m_timelineTitle->setFont(bold);
    m_timeline = makeTable(m_events, QStringLiteral("timeline"), box);
    m_timeline->setAccessibleName(tr("Timeline of the selected token"));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_timelineTitle);
    layout->addWidget(m_timeline, 1);
    return box;
}

void TokenHistoryPage::fillChoices()
{
    const int service = m_service->currentData().toInt();
    const int counter = m_counter->currentData().toInt();
    m_service->clear();
    m_service->addItem(tr("Any service"), 0);
    for (const ServiceInfo &s : m_catalog->services())
        m_service->addItem(QStringLiteral("%1 — %2").arg(s.code, s.name), s.id);
    m_counter->clear();
    m_counter->addItem(tr("Any counter"), 0);
    for (const CounterInfo &c : m_catalog->counters())
        m_counter->addItem(c.name, c.id);
    m_service->setCurrentIndex(qMax(0, m_service->findData(service)));
    m_counter->setCurrentIndex(qMax(0, m_counter->findData(counter)));
}

HistoryFilter TokenHistoryPage::filter() const
{
    HistoryFilter f;
    f.from = m_from->date().toString(Qt::ISODate);
    f.to = m_to->date().toString(Qt::ISODate);
    f.serviceId = m_service->currentData().toInt();
    f.counterId = m_counter->currentData().toInt();
    f.status = m_status->currentData().toString();
    f.number = m_number->text().trimmed();
    f.page = 1;
    f.pageSize = kPageSize;
    return f;
}

void TokenHistoryPage::search()
{
    m_shown = filter();
    showPage(1);
}

void TokenHistoryPage::showPage(int page)
{
    if (!m_api || page < 1)
        return;
    if (m_job)
        m_job->abandon(); // only the newest search may fill the table
    HistoryFilter f = m_shown;
    f.page = page;
    m_job = m_api->history(f);
    HistoryJob *job = m_job;
    m_search->setEnabled(false);
    job->then(
        this,
        [this, job] {
            m_search->setEnabled(true);
            m_shown.page = job->page().page;
            onPageArrived(job->page());
        },
        [this](const Status &status) {
            m_search->setEnabled(true);
            m_errors.show(status);
            emit searchFailed(status);
        });
}

void TokenHistoryPage::onPageArrived(const Nextup::HistoryPage &page)
{
    m_errors.clear();
    m_model->setPage(page);
    m_events->setEvents({}, {});
    m_timelineTitle->setText(tr("Select a token to see its timeline."));
    m_table->resizeColumnsToContents();
    updatePager();
    emit searchFinished();
}

void TokenHistoryPage::updatePager()
{
    const Nextup::HistoryPage &page = m_model->page();
    const int pages = qMax(1, page.pageCount());
    m_pageLabel->setText(
        page.pageSize == 0
            ? tr("Choose the filters, then Search.")
            : tr("Page %L1 of %L2 · %Ln token(s)", nullptr, page.total).arg(page.page).arg(pages));
    m_previous->setEnabled(page.page > 1);
    m_next->setEnabled(page.page < pages && page.pageSize > 0);
}

void TokenHistoryPage::onCurrentRowChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid())
        showTimeline(current.data(IdRole).toLongLong());
}

void TokenHistoryPage::showTimeline(qint64 tokenId)
{
    if (!m_api)
        return;
    if (m_tokenJob)
        m_tokenJob->abandon();
    m_tokenJob = m_api->getToken(tokenId);
    GetTokenJob *job = m_tokenJob;
    job->then(
        this,
        [this, job, tokenId] {
            const TokenInfo t = job->token();
            QHash<int, QString> counters;
            for (const CounterInfo &c : m_catalog->counters())
                counters.insert(c.id, c.name);
            if (t.counterId)
                counters.insert(t.counterId, t.counterName);
            m_events->setEvents(job->events(), counters);
            m_timeline->resizeColumnsToContents();
            m_timelineTitle->setText(
                tr("%1 — %2 — %3").arg(t.tokenNumber, t.serviceName, statusText(t.status)));
            emit timelineShown(tokenId);
        },
        [this](const Status &status) { m_errors.showMessage(describe(status), true); });
}

void TokenHistoryPage::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = tr("tokens-%1-to-%2.csv").arg(m_shown.from, m_shown.to);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export tokens"), QDir(folder).filePath(name), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void TokenHistoryPage::exportCsv(const QString &path)
{
    if (!m_api || m_exporter)
        return;
    // Exports what the table shows; before any search, what the filters say.
    HistoryFilter f = m_model->page().pageSize > 0 ? m_shown : filter();
    auto *exporter = new CsvExport(m_api, f, path, this);
    m_exporter = exporter;
    exporter->setPageSize(m_exportPageSize);
    m_export->setText(tr("Cancel e&xport"));
    connect(exporter, &CsvExport::progress, this, [this](int rows, int total) {
        m_errors.showMessage(tr("Exporting… %L1 of %L2").arg(rows).arg(total), false);
    });
    connect(exporter, &CsvExport::finished, this,
            [this, exporter](bool ok, const QString &message, int rows) {
                m_export->setText(tr("E&xport CSV…"));
                m_errors.showMessage(message, !ok);
                exporter->deleteLater();
                emit exportFinished(ok, message, rows);
            });
    exporter->start();
}

} // namespace Nextup::Console
