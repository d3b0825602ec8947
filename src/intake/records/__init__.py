"""The clinic's records service: what the wizard and `intake record` share.

    find_clients(db, "maria 1990")            # search by name/alias and date of birth
    possible_duplicates(db, name, born)       # same folded name, dates not differing
    save_draft(db, intake_id=None, answers=partial, counselor=None)   # as the counselor types
    list_drafts(db), load_draft(db, id), discard_draft(db, id)
    record_intake(db, intake, chosen=[ChosenReferral("svc-1")], plan=plan, counselor=None)
    client_history(db, client_id)             # finished intakes, newest first, with referrals

No Qt here, and nothing about a client (names, answers, notes) is ever logged: ids at most.
"""

from intake.records.clients import ClientSummary, find_clients, possible_duplicates
from intake.records.drafts import (
    DraftSummary,
    discard_draft,
    list_drafts,
    load_draft,
    save_draft,
)
from intake.records.finish import ChosenReferral, record_intake
from intake.records.history import IntakeSummary, ReferralSummary, client_history
from intake.records.names import name_key
from intake.records.plans import PlanLike

__all__ = [
    "ChosenReferral",
    "ClientSummary",
    "DraftSummary",
    "IntakeSummary",
    "PlanLike",
    "ReferralSummary",
    "client_history",
    "discard_draft",
    "find_clients",
    "list_drafts",
    "load_draft",
    "name_key",
    "possible_duplicates",
    "record_intake",
    "save_draft",
]
