"""Words for the codes a client's history holds (goals, pathways, referral statuses), in the
interface language. Each is a literal `QCoreApplication.translate("HistoryWords", …)` so that
lupdate finds it; a code this list does not know is shown readably as it is."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from intake.records import ReferralSummary


def goal_label(code: str) -> str:
    labels = {
        "abstinence": QCoreApplication.translate("HistoryWords", "Abstinence"),
        "reduced_use": QCoreApplication.translate("HistoryWords", "Reduced use"),
        "safety": QCoreApplication.translate("HistoryWords", "Safety"),
    }
    return labels.get(code) or _readable(code)


def pathway_label(code: str) -> str:
    labels = {
        "twelve_step": QCoreApplication.translate("HistoryWords", "12-step mutual aid"),
        "secular_mutual_aid": QCoreApplication.translate("HistoryWords", "Secular mutual aid"),
        "moderation": QCoreApplication.translate("HistoryWords", "Moderation and reduced use"),
        "medication": QCoreApplication.translate("HistoryWords", "Medication"),
        "treatment": QCoreApplication.translate("HistoryWords", "Treatment"),
        "harm_reduction": QCoreApplication.translate("HistoryWords", "Harm reduction"),
        "peer_support": QCoreApplication.translate("HistoryWords", "Peer support"),
        "crisis": QCoreApplication.translate("HistoryWords", "Crisis and emergency help"),
        "basic_needs": QCoreApplication.translate("HistoryWords", "Basic needs"),
        "health": QCoreApplication.translate("HistoryWords", "Health care"),
    }
    return labels.get(code) or _readable(code)


def status_label(code: str) -> str:
    """A referral's status; the closed-loop set counselors know (findhelp's words)."""
    labels = {
        "pending": QCoreApplication.translate("HistoryWords", "Pending"),
        "not_updated": QCoreApplication.translate("HistoryWords", "Not updated"),
        "needs_client_action": QCoreApplication.translate("HistoryWords", "Needs client action"),
        "referred_elsewhere": QCoreApplication.translate("HistoryWords", "Referred elsewhere"),
        "eligible": QCoreApplication.translate("HistoryWords", "Eligible"),
        "got_help": QCoreApplication.translate("HistoryWords", "Got help"),
        "couldnt_contact": QCoreApplication.translate("HistoryWords", "Couldn't contact"),
        "not_eligible": QCoreApplication.translate("HistoryWords", "Not eligible"),
        "no_capacity": QCoreApplication.translate("HistoryWords", "No capacity"),
        "couldnt_get_help": QCoreApplication.translate("HistoryWords", "Couldn't get help"),
        "no_longer_interested": QCoreApplication.translate("HistoryWords", "No longer interested"),
    }
    return labels.get(code) or _readable(code)


def referral_flags(referral: "ReferralSummary") -> list[str]:
    """Short notes on how a referral came about: urgent, a safety net, chosen over the rules."""
    flags = []
    if referral.urgent:
        flags.append(QCoreApplication.translate("HistoryWords", "Urgent"))
    if referral.safety_net:
        flags.append(QCoreApplication.translate("HistoryWords", "Safety first"))
    if referral.added_by_counselor:
        flags.append(QCoreApplication.translate("HistoryWords", "Added by the counselor"))
    return flags


def _readable(code: str) -> str:
    return code.replace("_", " ").capitalize()
