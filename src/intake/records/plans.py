"""Checking the counselor's choices against the plan they were made from.

Pure functions over the plan: a chosen service must be one the plan refers to, or one
it lists as excluded and the counselor chose anyway with a note. Every problem is found
before anything is written, and each names the service and what was expected.

The plan is described by the few attributes read here (`PlanLike`), which the rules
engine's `ReferralPlan` has; tests may pass any object of that shape.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from intake.problems import InputError, Problem, error

if TYPE_CHECKING:
    from intake.records.finish import ChosenReferral

FIELD = "referrals"
OVERRIDE_REASON = "Kept out by the rules: {why}"


class ReferralLike(Protocol):
    @property
    def service_id(self) -> str: ...
    @property
    def service_name(self) -> str: ...
    @property
    def organization_name(self) -> str: ...
    @property
    def pathway(self) -> str: ...
    @property
    def types(self) -> Sequence[str]: ...
    @property
    def reasons(self) -> Sequence[str]: ...
    @property
    def urgent(self) -> bool: ...
    @property
    def safety_net(self) -> bool: ...


class PathwayLike(Protocol):
    @property
    def referrals(self) -> Sequence[ReferralLike]: ...


class ExcludedLike(Protocol):
    @property
    def service_id(self) -> str: ...
    @property
    def service_name(self) -> str: ...
    @property
    def why(self) -> Sequence[str]: ...
    @property
    def pathways(self) -> Sequence[str]: ...


class PlanLike(Protocol):
    @property
    def pathways(self) -> Sequence[PathwayLike]: ...
    @property
    def excluded(self) -> Sequence[ExcludedLike]: ...
    @property
    def directory_version(self) -> str | None: ...
    @property
    def rules_version(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class ChosenFacts:
    """One referral row to write: the service's facts as the plan gave them, and the note."""

    service_id: str
    service_name: str
    organization_name: str = ""
    pathway: str = ""
    types: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    urgent: bool = False
    safety_net: bool = False
    added_by_counselor: bool = False
    note: str | None = None


def facts_for(plan: PlanLike | None, chosen: Sequence["ChosenReferral"]) -> list[ChosenFacts]:
    """The rows to write for the chosen referrals; InputError listing every bad choice."""
    if not chosen:
        return []
    if plan is None:
        raise InputError([error("referrals were chosen but no plan was given", field=FIELD)])
    problems: list[Problem] = _repeated(chosen)
    facts: list[ChosenFacts] = []
    for choice in chosen:
        try:
            facts.append(_facts(plan, choice))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return facts


def _facts(plan: PlanLike, choice: "ChosenReferral") -> ChosenFacts:
    note = (choice.note or "").strip() or None
    referral = _referred(plan, choice)
    if referral is not None:
        return _from_referral(referral, note)
    excluded = next((e for e in plan.excluded if e.service_id == choice.service_id), None)
    if excluded is None:
        raise _not_in_plan(choice, plan)
    if note is None:
        raise InputError([_note_needed(excluded)])
    return _from_excluded(excluded, note, _pathway_of(excluded, choice))


def _referred(plan: PlanLike, choice: "ChosenReferral") -> ReferralLike | None:
    """The plan's referral to the chosen service (in the chosen pathway, if one is named)."""
    for pathway in plan.pathways:
        for referral in pathway.referrals:
            if referral.service_id != choice.service_id:
                continue
            if choice.pathway is None or referral.pathway == choice.pathway:
                return referral
    return None


def _from_referral(referral: ReferralLike, note: str | None) -> ChosenFacts:
    return ChosenFacts(
        service_id=referral.service_id,
        service_name=referral.service_name,
        organization_name=referral.organization_name,
        pathway=referral.pathway,
        types=tuple(referral.types),
        reasons=tuple(referral.reasons),
        urgent=referral.urgent,
        safety_net=referral.safety_net,
        note=note,
    )


def _pathway_of(excluded: ExcludedLike, choice: "ChosenReferral") -> str:
    """The pathway chosen, if the service is in it; else the first the service belongs to."""
    if choice.pathway in excluded.pathways:
        return choice.pathway or ""
    return next(iter(excluded.pathways), "")


def _from_excluded(excluded: ExcludedLike, note: str, pathway: str) -> ChosenFacts:
    return ChosenFacts(
        service_id=excluded.service_id,
        service_name=excluded.service_name,
        pathway=pathway,
        reasons=tuple(OVERRIDE_REASON.format(why=why) for why in excluded.why),
        added_by_counselor=True,
        note=note,
    )


def _repeated(chosen: Iterable["ChosenReferral"]) -> list[Problem]:
    seen: set[tuple[str, str | None]] = set()
    problems: list[Problem] = []
    for choice in chosen:
        key = (choice.service_id, choice.pathway)
        if key in seen:
            problems.append(error(f"service {choice.service_id!r} is chosen twice", field=FIELD))
        seen.add(key)
    return problems


def _not_in_plan(choice: "ChosenReferral", plan: PlanLike) -> InputError:
    where = f" in pathway {choice.pathway!r}" if choice.pathway else ""
    return InputError(
        [
            error(
                f"service {choice.service_id!r} is not in the referral plan{where}; expected the "
                "id of a service the plan refers to or lists as excluded "
                f"({_count(plan)} in this plan)",
                field=FIELD,
            )
        ]
    )


def _note_needed(excluded: ExcludedLike) -> Problem:
    why = "; ".join(excluded.why) or "no reason given"
    return error(
        f"service {excluded.service_id!r} ({excluded.service_name}) was kept out by the rules "
        f"({why}); choosing it anyway needs a note saying why",
        field=FIELD,
    )


def _count(plan: PlanLike) -> int:
    referred = {r.service_id for p in plan.pathways for r in p.referrals}
    return len(referred | {e.service_id for e in plan.excluded})
