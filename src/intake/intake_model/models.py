"""One client's answers at one visit (contract §1), as pydantic models.

Missing means unknown, never "no": every answer but `client.name` and `goals` is
optional and None when not given, and `substances=None` (not asked) differs from
`substances=[]` (asked: none). Unknown keys are errors at every level.
"""

from datetime import date
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    ValidationInfo,
    field_validator,
    model_validator,
)

from intake.intake_model import wording as w
from intake.intake_model.enums import (
    FaithPreference,
    FormatPreference,
    Frequency,
    Gender,
    Goal,
    Housing,
    InformationKind,
    Insurance,
    MedicationPreference,
    Route,
    SignerRelationship,
    Substance,
)
from intake.intake_model.fields import (
    BirthDate,
    Email,
    IsoDate,
    LanguageCode,
    LongText,
    PastDate,
    Phone,
    PostalCode,
    RequiredText,
    ServiceId,
    ShortText,
    UniqueList,
    invalid,
    show,
)
from intake.problems import Wording

# StrictBool/StrictInt: a JSON file saying "yes" or "34" is more likely a mistake than an
# answer, and the published schema rejects them too.
_Flag = StrictBool | None


_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)


def _flag(description: str) -> Any:
    return Field(default=None, description=description)


class ClientInfo(BaseModel):
    """Who the client is and how to reach them.

    Only the name (or an alias) is required; any other answer may be missing or null,
    which means unknown (not asked or declined), never "no".
    """

    model_config = _CONFIG

    name: RequiredText = Field(
        description="A name or an alias the client chooses, 1 to 200 characters. Required."
    )
    date_of_birth: BirthDate | None = Field(
        default=None, description="Date of birth, YYYY-MM-DD; not in the future. Or give age."
    )
    age: StrictInt | None = Field(
        default=None,
        ge=0,
        le=120,
        description="Age in whole years, 0 to 120, when the date of birth is not given.",
    )
    gender: Gender | None = Field(default=None, description="The client's gender, as they say it.")
    pronouns: ShortText = Field(default=None, description='The client\'s pronouns, e.g. "she/her".')
    languages: UniqueList[LanguageCode] | None = Field(
        default=None,
        description="Languages the client speaks, as ISO 639-1 codes, preferred first.",
    )
    postal_code: PostalCode = Field(
        default=None, description="Postal code where the client stays; used to measure distance."
    )
    phone: Phone = Field(
        default=None, description="A phone number where the client can be reached."
    )
    email: Email = Field(default=None, description="An email address for the client.")
    safe_to_contact: _Flag = _flag("Whether the clinic may call, text or mail the client.")


class SubstanceUse(BaseModel):
    """One substance the client uses now or used before. Missing or null: unknown."""

    model_config = _CONFIG

    substance: Substance | None = Field(
        default=None, description="Which substance; null if the client would rather not say."
    )
    description: ShortText = Field(
        default=None,
        description='The client\'s own words for it, e.g. "fentanyl", "pain pills", "kratom".',
    )
    route: Route | None = Field(default=None, description="How the client takes it.")
    frequency: Frequency | None = Field(
        default=None, description="How often now; not_current for past use only."
    )
    days_since_last_use: StrictInt | None = Field(
        default=None, ge=0, description="Whole days since the client last used it; 0 is today."
    )


class Risks(BaseModel):
    """Overdose and safety risks; each true, false, or missing/null for unknown (never "no").

    Any of them may add safety referrals whatever the client's goals.
    """

    model_config = _CONFIG

    uses_alone: _Flag = _flag("Uses without anyone nearby who could respond to an overdose.")
    overdose_last_12_months: _Flag = _flag("Had an overdose in the last 12 months.")
    reduced_tolerance: _Flag = _flag(
        "Recently released from jail or prison, detox, treatment or hospital, or otherwise "
        "went a while without using."
    )
    mixes_depressants: _Flag = _flag(
        "Mixes opioids with benzodiazepines, alcohol, xylazine or other depressants."
    )
    severe_withdrawal_history: _Flag = _flag(
        "Had seizures or delirium tremens when stopping before."
    )
    suicidal_thoughts: _Flag = _flag("Has thoughts of suicide now.")
    fentanyl_exposure_possible: _Flag = _flag("The client's supply may contain fentanyl.")


class Circumstances(BaseModel):
    """The client's life now, as far as it bears on which services fit.

    Each answer may be missing or null: unknown, never "no".
    """

    model_config = _CONFIG

    pregnant: _Flag = _flag("Is pregnant.")
    postpartum: _Flag = _flag("Gave birth in the last year.")
    parenting: _Flag = _flag("Cares for children.")
    housing: Housing | None = Field(default=None, description="Where the client lives now.")
    insurance: UniqueList[Insurance] | None = Field(
        default=None, description='Coverage the client has; ["none"] means no coverage.'
    )
    veteran: _Flag = _flag("Served in the armed forces.")
    justice_involved: _Flag = _flag("On probation, parole, or facing charges.")
    mental_health_concerns: _Flag = _flag("Has mental health concerns.")
    needs_transportation: _Flag = _flag("Needs help getting to services.")

    @field_validator("insurance")
    @classmethod
    def _none_stands_alone(cls, value: list[Insurance] | None) -> list[Insurance] | None:
        if value and Insurance.NONE in value and len(value) > 1:
            raise invalid("insurance", Wording(w.NONE_STANDS_ALONE))
        return value


class Preferences(BaseModel):
    """What the client prefers in a service. Missing or null: no stated preference."""

    model_config = _CONFIG

    medication: MedicationPreference | None = Field(
        default=None, description="Openness to medication for substance use."
    )
    faith_based: FaithPreference | None = Field(
        default=None, description="Whether faith-based programs are welcome or to be avoided."
    )
    format: FormatPreference | None = Field(
        default=None, description="In person, online, or either."
    )
    gender_specific: _Flag = _flag("Prefers services for the client's own gender.")
    max_distance_km: StrictFloat | None = Field(
        default=None,
        gt=0,
        allow_inf_nan=False,
        description="How far, in kilometres, the client can travel; more than 0.",
    )


class Consent(BaseModel):
    """A 42 CFR Part 2 consent to disclose. Absent or null: no consent on file.

    A consent that is given names who signed it and when, and an expiry date or event.
    """

    model_config = ConfigDict(
        **_CONFIG,
        json_schema_extra={
            "anyOf": [
                {"required": ["expires_on"], "properties": {"expires_on": {"type": "string"}}},
                {
                    "required": ["expires_event"],
                    "properties": {"expires_event": {"type": "string"}},
                },
            ]
        },
    )

    recipients: UniqueList[ServiceId] = Field(
        default_factory=list,
        description="Services (by HSDS service id) that may receive a referral letter.",
    )
    information: UniqueList[InformationKind] = Field(
        default_factory=list, description="What a letter to a recipient may contain."
    )
    purpose: LongText = Field(default=None, description="Why the information is disclosed.")
    signed_by: RequiredText = Field(description="Who signed the consent. Required.")
    signer_relationship: SignerRelationship | None = Field(
        default=None, description="The signer's relationship to the client."
    )
    # signed_on comes before the dates checked against it: field validators see only
    # the fields declared above them.
    signed_on: PastDate = Field(
        description="The date the consent was signed, YYYY-MM-DD; not in the future. Required."
    )
    expires_on: IsoDate | None = Field(
        default=None,
        description="The last day the consent is valid, YYYY-MM-DD; not before signed_on.",
    )
    expires_event: ShortText = Field(
        default=None, description='An event that ends the consent, e.g. "End of treatment".'
    )
    revoked_on: IsoDate | None = Field(
        default=None, description="The day the client revoked the consent, if they did."
    )

    @field_validator("expires_on", "revoked_on")
    @classmethod
    def _not_before_signing(cls, value: date | None, info: ValidationInfo) -> date | None:
        signed_on = info.data.get("signed_on")
        if value is not None and isinstance(signed_on, date) and value < signed_on:
            before = Wording.of(
                w.BEFORE_SIGNING, value=show(value), signed_on=signed_on.isoformat()
            )
            raise invalid("date", before)
        return value

    @model_validator(mode="after")
    def _has_expiry(self) -> Self:
        if self.expires_on is None and self.expires_event is None:
            raise invalid("consent_expiry", Wording(w.CONSENT_EXPIRY_REQUIRED), at="expires_on")
        return self

    def allows(self, service_id: str, on: date) -> bool:
        """May a letter go to this service on this day? Named, signed, not expired or revoked.

        The consent is valid through the whole of `expires_on`. One that ends with an
        event (`expires_event`) is taken as valid: only the counselor knows if it happened.
        """
        return service_id in self.recipients and self.is_active(on)

    def is_active(self, on: date) -> bool:
        if on < self.signed_on:
            return False
        if self.expires_on is not None and on > self.expires_on:
            return False
        return self.revoked_on is None or on < self.revoked_on

    def covers(self, kind: InformationKind | str) -> bool:
        """Does the consent let a letter hold this kind of information?"""
        return kind in self.information


# Unknown frequency counts as current: safety referrals should not wait on a skipped question.
_CURRENT_OR_UNKNOWN: frozenset[Frequency | None] = frozenset(
    {Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY_OR_LESS, None}
)

RISK_NAMES: frozenset[str] = frozenset(Risks.model_fields)
CIRCUMSTANCE_NAMES: frozenset[str] = frozenset(Circumstances.model_fields)
PREFERENCE_NAMES: frozenset[str] = frozenset(Preferences.model_fields)


def _check_name(name: str, names: frozenset[str], kind: str) -> None:
    # A rule that names a field the intake does not have would silently never fire.
    if name not in names:
        raise ValueError(f"unknown {kind} {name!r} (expected one of {', '.join(sorted(names))})")


class Intake(BaseModel):
    """One client's answers at one intake visit (intake contract §1)."""

    model_config = _CONFIG

    client: ClientInfo
    goals: Annotated[UniqueList[Goal], Field(min_length=1)] = Field(
        description="What the client wants: one or more goals, each at most once."
    )
    goal_statement: LongText = Field(
        default=None, description="The client's goals in their own words."
    )
    substances: list[SubstanceUse] | None = Field(
        default=None,
        description="Substances used now or before. Missing or null: not asked; []: none.",
    )
    risks: Risks | None = Field(default=None, description="Missing or null: not asked.")
    circumstances: Circumstances | None = Field(
        default=None, description="Missing or null: not asked."
    )
    preferences: Preferences | None = Field(
        default=None, description="Missing or null: none given."
    )
    consent: Consent | None = Field(
        default=None, description="The consent to disclose. Missing or null: none on file."
    )

    # -- derived answers for the rules engine, letters and exports --------------------

    def age_on(self, day: date) -> int | None:
        """Age in whole years on `day`: from the date of birth if given, else the stated age."""
        born = self.client.date_of_birth
        if born is None:
            return self.client.age
        before_birthday = (day.month, day.day) < (born.month, born.day)
        return max(day.year - born.year - before_birthday, 0)

    def substance_codes(self) -> frozenset[str]:
        """Every substance named, used now or before."""
        return frozenset(str(s.substance) for s in self.substances or () if s.substance)

    def current_substance_codes(self) -> frozenset[str]:
        """Substances used now, or with unknown frequency (unknown is not "stopped")."""
        return frozenset(
            str(s.substance)
            for s in self.substances or ()
            if s.substance and s.frequency in _CURRENT_OR_UNKNOWN
        )

    def uses(self, substance: str) -> bool:
        """Is the substance named in the intake, at any frequency (now or before)?"""
        return substance in self.substance_codes()

    def injects(self) -> bool:
        """Does the client inject anything now (or at an unknown frequency)?"""
        return any(
            s.route == Route.INJECTION and s.frequency in _CURRENT_OR_UNKNOWN
            for s in self.substances or ()
        )

    def risk(self, name: str) -> bool | None:
        """A risk answer by name; None when not asked or declined."""
        _check_name(name, RISK_NAMES, "risk")
        return None if self.risks is None else getattr(self.risks, name)

    def circumstance(self, name: str) -> object | None:
        _check_name(name, CIRCUMSTANCE_NAMES, "circumstance")
        return None if self.circumstances is None else getattr(self.circumstances, name)

    def preference(self, name: str) -> object | None:
        _check_name(name, PREFERENCE_NAMES, "preference")
        return None if self.preferences is None else getattr(self.preferences, name)
