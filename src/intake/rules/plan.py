"""The referral plan (contract §4): what the engine returns and `intake match` prints.

Field names are the contract's; fields added beyond it (`more_available`,
`excluded_not_listed`, `pathways` of an exclusion...) are extra, never renamed ones.
`plan.to_json()` is the exact JSON form.
"""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Fit = Literal["matches_goal", "also_available"]

_CONFIG = ConfigDict(extra="forbid", frozen=True)


class Referral(BaseModel):
    model_config = _CONFIG

    service_id: str
    service_name: str
    organization_name: str
    pathway: str
    types: list[str] = Field(description="The service's types in this pathway")
    score: float = Field(ge=0, le=1, description="0..1, higher first within a pathway")
    urgent: bool
    safety_net: bool = Field(description="Added by a safety rule, whatever the goals")
    reasons: list[str] = Field(min_length=1)
    cautions: list[str]
    distance_km: float | None
    address: str
    phones: list[str]
    url: str
    schedule: str
    rules_fired: list[str] = Field(description="Ids of the rules behind this referral")


class PathwayPlan(BaseModel):
    model_config = _CONFIG

    code: str
    label: str
    fit: Fit
    referrals: list[Referral]
    more_available: int = Field(
        default=0, description="Services the client could use here that are not listed"
    )


class Exclusion(BaseModel):
    model_config = _CONFIG

    service_id: str
    service_name: str
    why: list[str] = Field(min_length=1)
    rules: list[str] = Field(description="Ids of the rules that kept the service out")
    pathways: list[str] = Field(default_factory=list)
    distance_km: float | None = None


class ReferralPlan(BaseModel):
    model_config = _CONFIG

    generated_at: datetime
    directory_version: str
    rules_version: str
    pathways: list[PathwayPlan]
    excluded: list[Exclusion]
    cautions: list[str] = Field(description="Cautions about the whole plan")
    excluded_not_listed: int = Field(
        default=0, description="Services kept out that `excluded` does not list"
    )

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    def referrals(self) -> list[Referral]:
        """Every referral, in plan order."""
        return [r for p in self.pathways for r in p.referrals]
