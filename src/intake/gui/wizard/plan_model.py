"""The referral plan as the recommendations page shows it.

`PlanTreeModel`: pathways (in the plan's order, with their fit) holding their referrals
(in the plan's order), each referral checkable; urgent and safety-net referrals are
marked by a word and an icon, never by colour alone. `KeptOutModel`: the services the
rules kept out, why, and the counselor's note for those referred anyway.

Both hold a plan computed elsewhere (off the UI thread); neither reads the database.
"""

from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from intake.gui.i18n import fill
from intake.gui.wizard.widgets import plural
from intake.rules import Exclusion, PathwayPlan, Referral, ReferralPlan

AnyIndex = QModelIndex | QPersistentModelIndex
Key = tuple[str, str]  # (pathway code, service id): a service may sit in two pathways

COL_SERVICE, COL_MARK, COL_WHY, COL_DISTANCE = range(4)
REFERRAL_ROLE = Qt.ItemDataRole.UserRole + 1  # the Referral (or PathwayPlan on a pathway row)
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the (pathway, service id) of a referral row
_TOP = 0  # internal id of pathway rows; a referral row's id is its pathway's row + 1


def _icon(which: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(which)


def km_text(distance: float | None) -> str:
    if distance is None:
        return ""
    return f"{distance:.1f} km" if distance < 10 else f"{distance:.0f} km"


class PlanTreeModel(QAbstractItemModel):
    """Pathway rows with their referral rows; a referral row's first column is checkable."""

    checks_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pathways: list[PathwayPlan] = []
        self._checked: set[Key] = set()
        self._urgent_icon = _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._safety_icon = _icon(QStyle.StandardPixmap.SP_MessageBoxInformation)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Service"), self.tr("Priority"), self.tr("Why"), self.tr("Distance"))

    # -- the page's interface ----------------------------------------------------------

    def set_plan(self, plan: ReferralPlan | None, checked: Iterable[Key] = ()) -> None:
        """Show a plan; of `checked`, keep the ticks on referrals the plan still holds."""
        self.beginResetModel()
        self._pathways = list(plan.pathways) if plan is not None else []
        offered = {(r.pathway, r.service_id) for p in self._pathways for r in p.referrals}
        self._checked = {key for key in checked if key in offered}
        self.endResetModel()
        self.checks_changed.emit()

    def checked(self) -> list[Key]:
        """The ticked referrals, in plan order."""
        return [
            (p.code, r.service_id)
            for p in self._pathways
            for r in p.referrals
            if (p.code, r.service_id) in self._checked
        ]

    def set_checked(self, key: Key, checked: bool) -> bool:
        index = self.index_of(key)
        if not index.isValid():
            return False
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return self.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)

    def index_of(self, key: Key) -> QModelIndex:
        for row, pathway in enumerate(self._pathways):
            if pathway.code != key[0]:
                continue
            for child, referral in enumerate(pathway.referrals):
                if referral.service_id == key[1]:
                    return self.index(child, COL_SERVICE, self.index(row, COL_SERVICE))
        return QModelIndex()

    def pathway_codes(self) -> list[str]:
        return [p.code for p in self._pathways]

    def service_ids(self, pathway: str) -> list[str]:
        found = next((p for p in self._pathways if p.code == pathway), None)
        return [r.service_id for r in found.referrals] if found else []

    # -- Qt's model interface ----------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        if parent.internalId() == _TOP:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._pathways)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._pathways[parent.row()].referrals)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 4
        ):
            return self.headers()[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _TOP and index.column() == COL_SERVICE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._pathway_data(self._pathways[index.row()], index.column(), role)
        pathway = self._pathways[index.internalId() - 1]
        return self._referral_data(pathway.referrals[index.row()], index.column(), role)

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.internalId() == _TOP
            or index.column() != COL_SERVICE
        ):
            return False
        pathway = self._pathways[index.internalId() - 1]
        key = (pathway.code, pathway.referrals[index.row()].service_id)
        checked = _is_checked(value)
        if (key in self._checked) == checked:
            return True
        if checked:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checks_changed.emit()
        return True

    # -- what each row shows -----------------------------------------------------------

    def _pathway_data(self, pathway: PathwayPlan, column: int, role: int) -> object:
        if role == REFERRAL_ROLE:
            return pathway
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == COL_MARK:
            if any(r.urgent for r in pathway.referrals):
                return self._urgent_icon
            if any(r.safety_net for r in pathway.referrals):
                return self._safety_icon
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == COL_SERVICE:
            return pathway.label
        if column == COL_MARK:
            if any(r.urgent for r in pathway.referrals):
                return self.tr("Urgent")
            if any(r.safety_net for r in pathway.referrals):
                return self.tr("Safety first")
            return ""
        if column == COL_WHY:
            return self._pathway_why(pathway)
        return None

    def _pathway_why(self, pathway: PathwayPlan) -> str:
        fit = (
            self.tr("Fits the client's goals")
            if pathway.fit == "matches_goal"
            else self.tr("Also available")
        )
        count = len(pathway.referrals)
        text = fit + " · " + plural(count, self.tr("1 service"), self.tr("%1 services"))
        if pathway.more_available:
            more = pathway.more_available
            text += " " + plural(
                more, self.tr("(1 more not listed)"), self.tr("(%1 more not listed)")
            )
        return text

    def _referral_data(self, referral: Referral, column: int, role: int) -> object:
        if role == REFERRAL_ROLE:
            return referral
        if role == KEY_ROLE:
            return (referral.pathway, referral.service_id)
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_SERVICE:
            key = (referral.pathway, referral.service_id)
            return (
                Qt.CheckState.Checked if key in self._checked else Qt.CheckState.Unchecked
            ).value
        if role == Qt.ItemDataRole.DecorationRole and column == COL_MARK:
            if referral.urgent:
                return self._urgent_icon
            if referral.safety_net:
                return self._safety_icon
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [referral.service_name, referral.organization_name, *referral.reasons]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_SERVICE:
            parts = [referral.service_name, self._mark(referral)]
            key = (referral.pathway, referral.service_id)
            parts.append(self.tr("ticked") if key in self._checked else self.tr("not ticked"))
            return ", ".join(part for part in parts if part)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == COL_SERVICE:
            return referral.service_name
        if column == COL_MARK:
            return self._mark(referral)
        if column == COL_WHY:
            return "; ".join(referral.reasons)
        return km_text(referral.distance_km)

    def _mark(self, referral: Referral) -> str:
        if referral.urgent:
            return self.tr("Urgent")
        if referral.safety_net:
            return self.tr("Safety first")
        return ""


def _is_checked(value: object) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value == Qt.CheckState.Checked.value or value is True


COL_KEPT_SERVICE, COL_KEPT_WHY, COL_KEPT_NOTE = range(3)


class KeptOutModel(QAbstractTableModel):
    """Services the rules kept out, why, and the note of each one referred anyway."""

    notes_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._excluded: list[Exclusion] = []
        self._notes: dict[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Service"), self.tr("Why it was kept out"), self.tr("Referred anyway"))

    def set_excluded(self, excluded: Iterable[Exclusion], notes: dict[str, str]) -> None:
        """Show the plan's exclusions; keep the notes of those it still lists."""
        self.beginResetModel()
        self._excluded = list(excluded)
        listed = {e.service_id for e in self._excluded}
        self._notes = {sid: note for sid, note in notes.items() if sid in listed}
        self.endResetModel()
        self.notes_changed.emit()

    def notes(self) -> dict[str, str]:
        """service id -> note, in the order the plan lists them."""
        return {
            e.service_id: self._notes[e.service_id]
            for e in self._excluded
            if e.service_id in self._notes
        }

    def exclusion(self, row: int) -> Exclusion | None:
        return self._excluded[row] if 0 <= row < len(self._excluded) else None

    def set_note(self, row: int, note: str | None) -> None:
        excluded = self.exclusion(row)
        if excluded is None:
            return
        if note and note.strip():
            self._notes[excluded.service_id] = note.strip()
        else:
            self._notes.pop(excluded.service_id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_KEPT_NOTE))
        self.notes_changed.emit()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._excluded)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 3
        ):
            return self.headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._excluded):
            return None
        excluded = self._excluded[index.row()]
        if role == REFERRAL_ROLE:
            return excluded
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(excluded.why)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if index.column() == COL_KEPT_SERVICE:
            return excluded.service_name
        if index.column() == COL_KEPT_WHY:
            return "; ".join(excluded.why)
        note = self._notes.get(excluded.service_id)
        return fill(self.tr("Yes: %1"), note) if note else ""
