"""Helpers for the rules tests: small directories and intakes built in the test.

`make_intake(...)` takes the sections of an intake as keyword arguments (missing ones
stay unknown); `svc(id, *codes, ...)` builds a ServiceView. Places are given as offsets
in km from Billings (ZIP 59101), so distances read plainly in the tests.
"""

import math
from collections.abc import Iterable
from datetime import date
from typing import Any

from intake.directory.snapshot import DirectorySnapshot, Place, ServiceView
from intake.intake_model import Intake, parse_intake
from intake.paths import resource_path
from intake.rules import ReferralPlan, RuleSet, load_rules, make_plan
from intake.rules.plan import Referral

TODAY = date(2026, 11, 23)
BILLINGS = (45.7745, -108.5005)  # the centroid of ZIP 59101, as the zipcodes package has it
BUNDLED_RULES = resource_path("rules")
EXAMPLES = resource_path("examples", "intakes")


def km_north(km: float, east_km: float = 0.0) -> tuple[float, float]:
    """A point `km` north (and `east_km` east) of Billings."""
    lat = BILLINGS[0] + km / 111.195
    lon = BILLINGS[1] + east_km / (111.195 * math.cos(math.radians(BILLINGS[0])))
    return (lat, lon)


def place(km: float | None = 1.0, address: str = "1 Main St, Billings, MT 59101") -> Place:
    point = None if km is None else km_north(km)
    return Place(location_id=f"loc-{km}-{address}", address=address, point=point)


def svc(
    service_id: str,
    *codes: str,
    name: str | None = None,
    km: float | None = 1.0,
    **fields: Any,
) -> ServiceView:
    """A service with these codes; one place `km` north of Billings (None: no place)."""
    fields.setdefault("places", () if km is None else (place(km),))
    fields.setdefault("phones", ("406-555-0100",))
    return ServiceView(id=service_id, name=name or service_id, codes=frozenset(codes), **fields)


def directory(*services: ServiceView, version: str = "test") -> DirectorySnapshot:
    return DirectorySnapshot(version=version, services=tuple(services))


def make_intake(
    goals: Iterable[str] = ("safety",),
    *,
    client: dict[str, Any] | None = None,
    substances: list[dict[str, Any]] | None = None,
    risks: dict[str, Any] | None = None,
    circumstances: dict[str, Any] | None = None,
    preferences: dict[str, Any] | None = None,
) -> Intake:
    data: dict[str, Any] = {
        "client": {"name": "Test client", **(client or {})},
        "goals": list(goals),
    }
    for key, value in (
        ("substances", substances),
        ("risks", risks),
        ("circumstances", circumstances),
        ("preferences", preferences),
    ):
        if value is not None:
            data[key] = value
    return parse_intake(data, today=TODAY)


def use(substance: str, route: str = "oral", frequency: str = "daily") -> dict[str, Any]:
    return {"substance": substance, "route": route, "frequency": frequency}


def plan_for(intake: Intake, *services: ServiceView, rules: RuleSet | None = None) -> ReferralPlan:
    return make_plan(intake, directory(*services), rules or load_rules(BUNDLED_RULES), today=TODAY)


# --- reading plans ----------------------------------------------------------------------


def referrals(plan: ReferralPlan, service_id: str | None = None) -> list[Referral]:
    return [r for r in plan.referrals() if service_id is None or r.service_id == service_id]


def referred_ids(plan: ReferralPlan, pathway: str | None = None) -> set[str]:
    return {r.service_id for p in plan.pathways if pathway in (None, p.code) for r in p.referrals}


def excluded_ids(plan: ReferralPlan) -> set[str]:
    return {e.service_id for e in plan.excluded}


def why(plan: ReferralPlan, service_id: str) -> list[str]:
    return next(e.why for e in plan.excluded if e.service_id == service_id)


def pathway_codes(plan: ReferralPlan) -> list[str]:
    return [p.code for p in plan.pathways]


def only(items: list[Referral]) -> Referral:
    assert len(items) == 1, items
    return items[0]


def example(name: str) -> Intake:
    from intake.intake_model import load_intake

    return load_intake(EXAMPLES / name, today=TODAY)
