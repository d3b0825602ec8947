"""A checked, complete set of referral rules, as the engine uses it.

Built only by `intake.rules.loader.load_rules`, which refuses a set with any mistake:
the engine never sees half a rule set. Every text a client or counselor reads is a
template from the rule files (`Text`), filled with named values.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.rules.conditions import Condition, ServiceCondition


@dataclass(frozen=True, slots=True)
class Text:
    """A user-facing text with {named} places, checked against `allowed` when loaded."""

    template: str

    def __call__(self, **values: Any) -> str:
        return self.template.format(**values) if values else self.template


@dataclass(frozen=True, slots=True)
class Limits:
    referrals_per_pathway: int
    excluded_listed: int
    farther_listed_per_pathway: int
    stale_after_days: int


@dataclass(frozen=True, slots=True)
class PlanTexts:
    no_postal_code: Text
    postal_code_not_found: Text
    excluded_not_listed: Text


@dataclass(frozen=True, slots=True)
class ReferralTexts:
    call_for_address: Text
    alert: Text
    stale_listing: Text


@dataclass(frozen=True, slots=True)
class Goal:
    code: str
    label: str
    pathways: tuple[str, ...]

    @property
    def rule_id(self) -> str:
        return f"goal.{self.code}"


@dataclass(frozen=True, slots=True)
class StatusRule:
    id: str
    why_by_status: dict[str, Text]  # HSDS status with "_" for spaces -> why
    other: Text


@dataclass(frozen=True, slots=True)
class AgeRule:
    id: str
    minimum_only: Text
    maximum_only: Text
    both: Text
    why: Text
    ask: Text


@dataclass(frozen=True, slots=True)
class PopulationRule:
    id: str
    code: str
    member_when: Condition
    not_member_when: Condition | None  # None: member_when known to be false
    why: Text
    ask: Text
    reason: Text


@dataclass(frozen=True, slots=True)
class PopulationDefault:
    id: str
    ask: Text


@dataclass(frozen=True, slots=True)
class SubstanceRule:
    id: str
    why: Text
    ask: Text
    reason: Text


@dataclass(frozen=True, slots=True)
class LanguageRule:
    id: str
    default: tuple[str, ...]
    why: Text
    ask: Text


@dataclass(frozen=True, slots=True)
class DistanceRule:
    id: str
    remote: tuple[str, ...]
    why: Text
    kept_for_safety: Text


@dataclass(frozen=True, slots=True)
class ExcludeRule:
    id: str
    service: ServiceCondition
    when: Condition
    why: Text
    ask: Text | None


@dataclass(frozen=True, slots=True)
class SafetyRule:
    id: str
    when: Condition
    offer: tuple[str, ...]
    urgent: bool
    priority: int
    reason: Text
    caution: Text | None
    missing: Text | None


@dataclass(frozen=True, slots=True)
class CautionRule:
    id: str
    service: ServiceCondition | None  # None: a caution on the whole plan
    when: Condition
    text: Text


@dataclass(frozen=True, slots=True)
class ReasonRule:
    id: str
    service: ServiceCondition
    when: Condition
    text: Text
    bonus: float


@dataclass(frozen=True, slots=True)
class Coverage:
    insurance: str
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class DistanceBand:
    within_km: float
    value: float


@dataclass(frozen=True, slots=True)
class Ranking:
    weights: dict[str, float]  # factor -> weight; see ranking.toml
    free: Text
    sliding_scale: Text
    coverage: Text
    coverages: tuple[Coverage, ...]
    language: Text
    bands: tuple[DistanceBand, ...]
    beyond: float
    remote: float
    distance: Text
    online: Text
    phone: Text
    low_barrier_when: Condition
    low_barrier: Text
    walk_in: Text
    fallback: Text
    reasons: tuple[ReasonRule, ...]

    @property
    def total_weight(self) -> float:
        return sum(self.weights.values())


FACTORS = ("goal_fit", "safety_net", "cost", "distance", "language", "low_barrier", "other")


@dataclass(frozen=True)
class RuleSet:
    version: str
    source: str  # "bundled" or "clinic"
    folder: Path
    limits: Limits
    plan_text: PlanTexts
    referral_text: ReferralTexts
    goals: dict[str, Goal]
    fits_goal: Text
    status: StatusRule
    age: AgeRule
    populations: dict[str, PopulationRule]  # by population code
    population_default: PopulationDefault
    substance: SubstanceRule
    language: LanguageRule
    distance: DistanceRule
    excludes: tuple[ExcludeRule, ...]
    safety: tuple[SafetyRule, ...]
    cautions: tuple[CautionRule, ...]
    ranking: Ranking
    language_names: dict[str, str]
    pathway_labels: dict[str, str] = field(default_factory=dict)  # from the taxonomy
    term_labels: dict[str, str] = field(default_factory=dict)
    text_language: str = "en"  # the language of every text above (rules/translation.py)
    untranslated: "RuleSet | None" = None  # the English rule set this one translates

    @property
    def english(self) -> "RuleSet":
        """The same rules with their texts in English, as the rule files have them."""
        return self.untranslated or self

    @property
    def version_label(self) -> str:
        """What a plan records: "bundled:2026.11.1" or "clinic:<version>"."""
        return f"{self.source}:{self.version}"

    def language_name(self, code: str) -> str:
        return self.language_names.get(code, code)
