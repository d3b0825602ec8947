"""Qt table models over what the records service returns: clients, drafts, intakes, referrals.

The models hold plain summaries handed to them (`set_rows()`); they never read the
database. The records service is imported for types only, so the window can be built
before the store is loaded.
"""

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
)
from PySide6.QtGui import QFont

from intake.gui.clients.stored_time import aware, local_day
from intake.gui.clients.words import (
    goal_label,
    pathway_label,
    referral_flags,
    status_label,
)
from intake.gui.folding import folded
from intake.gui.i18n import fill
from intake.gui.summary_model import SORT_ROLE, SummaryTableModel

if TYPE_CHECKING:
    from intake.records import ClientSummary, DraftSummary, IntakeSummary, ReferralSummary


def _sortable(moment: dt.datetime | None) -> str:
    return "" if moment is None else aware(moment).astimezone(dt.UTC).isoformat()


def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


# -- clients ---------------------------------------------------------------------------

COL_NAME, COL_BORN, COL_LAST_SEEN = range(3)


class ClientTableModel(SummaryTableModel["ClientSummary"]):
    """Clients as `records.find_clients` found them; an alias is marked as one."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name or alias"), self.tr("Date of birth"), self.tr("Last seen"))

    def cell(self, row: "ClientSummary", column: int) -> str:
        if column == COL_NAME:
            return fill(self.tr("%1 (alias)"), row.name) if row.is_alias else row.name
        if column == COL_BORN:
            return row.date_of_birth.isoformat() if row.date_of_birth else ""
        return local_day(row.updated_at)

    def sort_key(self, row: "ClientSummary", column: int) -> str:
        if column == COL_NAME:
            return folded(row.name)
        if column == COL_BORN:
            return row.date_of_birth.isoformat() if row.date_of_birth else ""
        return _sortable(row.updated_at)

    def tooltip(self, row: "ClientSummary", column: int) -> str:
        if column == COL_NAME and row.is_alias:
            return fill(self.tr("%1 is an alias: this client did not give a legal name."), row.name)
        return self.cell(row, column)

    def font(self, row: "ClientSummary", column: int) -> QFont | None:
        return _italic() if column == COL_NAME and row.is_alias else None


class SortProxy(QSortFilterProxyModel):
    """Sorts by the source model's SORT_ROLE, so dates sort as dates and names without case."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)


# -- drafts ----------------------------------------------------------------------------

COL_DRAFT_CLIENT, COL_DRAFT_CHANGED, COL_DRAFT_COUNSELOR = range(3)


class DraftTableModel(SummaryTableModel["DraftSummary"]):
    """Unfinished intakes (drafts), the most recently changed first."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Client"), self.tr("Last changed"), self.tr("Counselor"))

    def cell(self, row: "DraftSummary", column: int) -> str:
        if column == COL_DRAFT_CLIENT:
            return row.client_name or self.tr("No name given yet")
        if column == COL_DRAFT_CHANGED:
            return _local_minute(row.updated_at)
        return row.counselor or ""

    def sort_key(self, row: "DraftSummary", column: int) -> str:
        if column == COL_DRAFT_CHANGED:
            return _sortable(row.updated_at)
        return folded(self.cell(row, column))

    def font(self, row: "DraftSummary", column: int) -> QFont | None:
        return _italic() if column == COL_DRAFT_CLIENT and not row.client_name else None


def _local_minute(moment: dt.datetime) -> str:
    return aware(moment).astimezone().strftime("%Y-%m-%d %H:%M")


# -- a client's history ----------------------------------------------------------------

COL_INTAKE_DATE, COL_INTAKE_GOALS, COL_INTAKE_REFERRALS, COL_INTAKE_CONSENT, COL_INTAKE_BY = range(
    5
)


class IntakeTableModel(SummaryTableModel["IntakeSummary"]):
    """A client's finished intakes, newest first."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Goals"),
            self.tr("Referrals"),
            self.tr("Consent"),
            self.tr("Counselor"),
        )

    def cell(self, row: "IntakeSummary", column: int) -> str:
        if column == COL_INTAKE_DATE:
            return local_day(row.finished_at)
        if column == COL_INTAKE_GOALS:
            return ", ".join(goal_label(goal) for goal in row.goals)
        if column == COL_INTAKE_REFERRALS:
            return str(len(row.referrals))
        if column == COL_INTAKE_CONSENT:
            return self.tr("On file") if row.has_consent else self.tr("Not on file")
        return row.counselor or ""

    def sort_key(self, row: "IntakeSummary", column: int) -> str:
        if column == COL_INTAKE_DATE:
            return _sortable(row.finished_at)
        if column == COL_INTAKE_REFERRALS:
            return f"{len(row.referrals):06d}"
        return folded(self.cell(row, column))


COL_REF_SERVICE, COL_REF_PATHWAY, COL_REF_STATUS, COL_REF_NOTES = range(4)


class ReferralTableModel(SummaryTableModel["ReferralSummary"]):
    """The referrals made at one intake, in the order the plan showed them."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Service"), self.tr("Pathway"), self.tr("Status"), self.tr("Notes"))

    def cell(self, row: "ReferralSummary", column: int) -> str:
        if column == COL_REF_SERVICE:
            if row.organization_name and row.organization_name != row.service_name:
                return f"{row.service_name} · {row.organization_name}"
            return row.service_name
        if column == COL_REF_PATHWAY:
            return pathway_label(row.pathway)
        if column == COL_REF_STATUS:
            return status_label(row.status)
        return "; ".join([*referral_flags(row), *([row.note] if row.note else [])])

    def font(self, row: "ReferralSummary", column: int) -> QFont | None:
        if column == COL_REF_SERVICE and row.urgent:
            font = QFont()
            font.setBold(True)
            return font
        return None
