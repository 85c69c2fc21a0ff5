#pragma once

#include <QComboBox>
#include <QJsonObject>

namespace Nextup::Wire {
struct Branch;
} // namespace Nextup::Wire

namespace Nextup::Console {

using BranchInfo = Wire::Branch;

// The Branch field of the Services and Counters forms: the catalog's branches, with the branch
// id as each item's data.
class BranchBox : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BranchBox)

public:
    explicit BranchBox(QWidget *parent = nullptr);
    ~BranchBox() override;

    // Lists `branches` again; the chosen branch stays chosen while it is still listed.
    void setBranches(const QList<BranchInfo> &branches);
    // Chooses the branch with that id; an unknown id leaves the choice as it is.
    void selectBranch(int id);
    // Adds "branch_id" to a request body when a branch is chosen.
    void addTo(QJsonObject &body) const;
};

} // namespace Nextup::Console
