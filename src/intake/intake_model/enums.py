"""The closed vocabularies of an intake (contract §1).

Each is a StrEnum, so a member equals its code (`Goal.SAFETY == "safety"`) and rules
written as data can compare against plain strings. The docstrings become the
descriptions in the published JSON Schema.
"""

from enum import StrEnum


class Goal(StrEnum):
    """What the client wants now, in the client's terms; one or more."""

    ABSTINENCE = "abstinence"
    REDUCED_USE = "reduced_use"
    SAFETY = "safety"


class Substance(StrEnum):
    """A substance the client uses or has used. opioids covers heroin, fentanyl and pain pills."""

    ALCOHOL = "alcohol"
    OPIOIDS = "opioids"
    METHAMPHETAMINE = "methamphetamine"
    COCAINE = "cocaine"
    BENZODIAZEPINES = "benzodiazepines"
    CANNABIS = "cannabis"
    TOBACCO = "tobacco"
    OTHER = "other"


class Route(StrEnum):
    """How the substance is taken."""

    INJECTION = "injection"
    SMOKING = "smoking"
    SNORTING = "snorting"
    ORAL = "oral"
    OTHER = "other"


class Frequency(StrEnum):
    """How often the client uses it now; not_current means past use only."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY_OR_LESS = "monthly_or_less"
    NOT_CURRENT = "not_current"


class Gender(StrEnum):
    """The client's gender as the client states it."""

    WOMAN = "woman"
    MAN = "man"
    NONBINARY = "nonbinary"
    ANOTHER = "another"


class Housing(StrEnum):
    """Where the client lives now."""

    STABLE = "stable"
    UNSTABLE = "unstable"
    UNHOUSED = "unhoused"


class Insurance(StrEnum):
    """A kind of coverage the client has; none means the client has no coverage."""

    MEDICAID = "medicaid"
    MEDICARE = "medicare"
    PRIVATE = "private"
    VA = "va"
    NONE = "none"


class MedicationPreference(StrEnum):
    """The client's view of medication for substance use (MOUD, MAUD, nicotine replacement)."""

    OPEN = "open"
    NOT_OPEN = "not_open"
    CURRENTLY_TAKING = "currently_taking"
    UNSURE = "unsure"


class FaithPreference(StrEnum):
    """Whether faith-based programs are welcome, to be avoided, or all the same to the client."""

    WELCOME = "welcome"
    AVOID = "avoid"
    NO_PREFERENCE = "no_preference"


class FormatPreference(StrEnum):
    """Whether the client wants to attend in person, online, or either."""

    IN_PERSON = "in_person"
    ONLINE = "online"
    EITHER = "either"


class SignerRelationship(StrEnum):
    """Who signed the consent, relative to the client."""

    SELF = "self"
    PARENT_OR_GUARDIAN = "parent_or_guardian"
    AUTHORIZED_REPRESENTATIVE = "authorized_representative"


class InformationKind(StrEnum):
    """A part of the intake that a consent lets the clinic disclose to a recipient."""

    IDENTITY = "identity"
    CONTACT = "contact"
    GOALS = "goals"
    SUBSTANCE_USE = "substance_use"
    RISKS = "risks"
    CIRCUMSTANCES = "circumstances"
