#include "admin/branchbox.h"

#include "admin/admincatalog.h"
#include "nextup/wire/keys.h"

namespace Nextup::Console {

BranchBox::BranchBox(QWidget *parent) : QComboBox(parent) {}

BranchBox::~BranchBox() = default;

void BranchBox::setBranches(const QList<BranchInfo> &branches)
{
    const QVariant chosen = currentData();
    clear();
    for (const BranchInfo &b : branches)
        addItem(b.name, b.id);
    if (const int at = findData(chosen); at >= 0)
        setCurrentIndex(at);
}

void BranchBox::selectBranch(int id)
{
    if (const int at = findData(id); at >= 0)
        setCurrentIndex(at);
}

void BranchBox::addTo(QJsonObject &body) const
{
    if (currentIndex() >= 0)
        body.insert(Wire::Key::BranchId, currentData().toInt());
}

} // namespace Nextup::Console
