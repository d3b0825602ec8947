"""The codes the FHIR export writes, checked here: fhir.resources checks structure only.

Our referral statuses are findhelp's closed-loop set, which counselors know (see the
domain guide), plus HL7 Gravity's Task states, as snake_case codes. Each maps onto the
R4 `request-status` value set of ServiceRequest.status:

- still open (the referral was made, the client may still get the service): `active`;
- paused and expected to resume (a Gravity `on-hold` Task): `on-hold`;
- the client got the service: `completed`;
- closed without the service (not eligible, no capacity, couldn't contact, referred
  elsewhere, no longer interested...): `revoked`, R4's "terminated prior to the known
  full completion of the intended actions";
- recorded by mistake: `entered-in-error`;
- anything else (a status this table does not know yet): `unknown`, never a guess.

Intent is `order` for every referral: the counselor directs the referral, as HL7
Gravity's SDOH ServiceRequests do. Priority is `urgent` for an urgent referral, else
`routine` (R4 `request-priority`). A name is `usual` (as the client gives it, not
checked against documents) or, for an alias, `anonymous`: R4 `name-use` defines it as
"an anonymous assigned name, alias, or pseudonym (used to protect a person's identity
for privacy reasons)".
"""

from collections.abc import Mapping
from typing import Any

# R4 value sets (https://hl7.org/fhir/R4/valueset-request-status.html and friends).
REQUEST_STATUS = frozenset(
    {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}
)
REQUEST_INTENT = frozenset(
    {
        "proposal",
        "plan",
        "directive",
        "order",
        "original-order",
        "reflex-order",
        "filler-order",
        "instance-order",
        "option",
    }
)
REQUEST_PRIORITY = frozenset({"routine", "urgent", "asap", "stat"})
NAME_USE = frozenset({"usual", "official", "temp", "nickname", "anonymous", "old", "maiden"})

# Our referral status -> R4 ServiceRequest.status.
STATUS_MAP: Mapping[str, str] = {
    # findhelp's set
    "pending": "active",
    "not_updated": "active",
    "needs_client_action": "active",
    "eligible": "active",
    "got_help": "completed",
    "referred_elsewhere": "revoked",
    "couldnt_contact": "revoked",
    "not_eligible": "revoked",
    "no_capacity": "revoked",
    "couldnt_get_help": "revoked",
    "no_longer_interested": "revoked",
    # HL7 Gravity Task states
    "requested": "active",
    "received": "active",
    "accepted": "active",
    "in_progress": "active",
    "on_hold": "on-hold",
    "completed": "completed",
    "rejected": "revoked",
    "failed": "revoked",
    "cancelled": "revoked",
    # a row recorded by mistake
    "entered_in_error": "entered-in-error",
}
REFERRAL_STATUSES = tuple(STATUS_MAP)
INTENT = "order"

ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
SECURITY_LABELS: tuple[Mapping[str, str], ...] = (
    {"system": ACT_CODE, "code": "42CFRPart2", "display": "42 CFR Part2"},
    {"system": CONFIDENTIALITY, "code": "R", "display": "restricted"},
)


class CodeError(ValueError):
    """A code outside its value set: a bug in this module, never the user's input."""


def request_status(referral_status: str) -> str:
    """The R4 ServiceRequest.status for one of our referral statuses."""
    key = referral_status.strip().lower().replace("-", "_").replace(" ", "_")
    key = key.replace("'", "")  # "couldn't contact" as typed in a list
    return checked(STATUS_MAP.get(key, "unknown"), REQUEST_STATUS, "ServiceRequest.status")


def request_intent() -> str:
    return checked(INTENT, REQUEST_INTENT, "ServiceRequest.intent")


def request_priority(urgent: bool) -> str:
    return checked("urgent" if urgent else "routine", REQUEST_PRIORITY, "ServiceRequest.priority")


def name_use(is_alias: bool) -> str:
    return checked("anonymous" if is_alias else "usual", NAME_USE, "HumanName.use")


def checked(code: str, allowed: frozenset[str], element: str) -> str:
    if code not in allowed:
        raise CodeError(f"{element} {code!r} is not in its R4 value set")
    return code


def security_meta() -> dict[str, Any]:
    """`meta` marking a resource as protected by 42 CFR Part 2, restricted."""
    return {"security": [dict(label) for label in SECURITY_LABELS]}
