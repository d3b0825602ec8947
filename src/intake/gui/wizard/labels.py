"""The words the wizard shows for each code of the intake's vocabularies.

Codes are the contract's (`intake.intake_model.enums`); the words are the counselor's,
translatable (the literal `QCoreApplication.translate("Labels", "...")` calls are what
lupdate reads). Each function builds its list when called, so the language in use then
is the one shown.
"""

from PySide6.QtCore import QCoreApplication

Choices = list[tuple[str, str]]  # (code, label) in the order shown


def goals() -> list[tuple[str, str, str]]:
    """(code, label with mnemonic, one-line plain explanation)."""
    return [
        (
            "abstinence",
            QCoreApplication.translate("Labels", "&Abstinence"),
            QCoreApplication.translate("Labels", "Stop using, for now or for good."),
        ),
        (
            "reduced_use",
            QCoreApplication.translate("Labels", "&Reduced use"),
            QCoreApplication.translate(
                "Labels", "Use less, less often, or in a way that feels more in control."
            ),
        ),
        (
            "safety",
            QCoreApplication.translate("Labels", "&Safety"),
            QCoreApplication.translate(
                "Labels",
                "Stay alive and well while still using: overdose prevention, supplies, "
                "a safe place to stay.",
            ),
        ),
    ]


def goal_names() -> dict[str, str]:
    return {
        "abstinence": QCoreApplication.translate("Labels", "Abstinence"),
        "reduced_use": QCoreApplication.translate("Labels", "Reduced use"),
        "safety": QCoreApplication.translate("Labels", "Safety"),
    }


def substances() -> Choices:
    return [
        ("alcohol", QCoreApplication.translate("Labels", "Alcohol")),
        ("opioids", QCoreApplication.translate("Labels", "Opioids (heroin, fentanyl, pain pills)")),
        ("methamphetamine", QCoreApplication.translate("Labels", "Methamphetamine")),
        ("cocaine", QCoreApplication.translate("Labels", "Cocaine or crack")),
        ("benzodiazepines", QCoreApplication.translate("Labels", "Benzodiazepines (benzos)")),
        ("cannabis", QCoreApplication.translate("Labels", "Cannabis")),
        ("tobacco", QCoreApplication.translate("Labels", "Tobacco or nicotine")),
        ("other", QCoreApplication.translate("Labels", "Something else")),
    ]


def routes() -> Choices:
    return [
        ("injection", QCoreApplication.translate("Labels", "Injecting")),
        ("smoking", QCoreApplication.translate("Labels", "Smoking")),
        ("snorting", QCoreApplication.translate("Labels", "Snorting")),
        ("oral", QCoreApplication.translate("Labels", "Swallowing (by mouth)")),
        ("other", QCoreApplication.translate("Labels", "Another way")),
    ]


def frequencies() -> Choices:
    return [
        ("daily", QCoreApplication.translate("Labels", "Every day or most days")),
        ("weekly", QCoreApplication.translate("Labels", "Every week")),
        ("monthly_or_less", QCoreApplication.translate("Labels", "Once a month or less")),
        ("not_current", QCoreApplication.translate("Labels", "Not now (used before)")),
    ]


def genders() -> Choices:
    return [
        ("woman", QCoreApplication.translate("Labels", "Woman")),
        ("man", QCoreApplication.translate("Labels", "Man")),
        ("nonbinary", QCoreApplication.translate("Labels", "Nonbinary")),
        ("another", QCoreApplication.translate("Labels", "Another gender")),
    ]


def housing() -> Choices:
    return [
        ("stable", QCoreApplication.translate("Labels", "Stable housing")),
        (
            "unstable",
            QCoreApplication.translate(
                "Labels", "Unstable (staying with others, may lose it soon)"
            ),
        ),
        ("unhoused", QCoreApplication.translate("Labels", "Unhoused (outside, car, shelter)")),
    ]


def insurance() -> Choices:
    return [
        ("medicaid", QCoreApplication.translate("Labels", "Medicaid")),
        ("medicare", QCoreApplication.translate("Labels", "Medicare")),
        ("private", QCoreApplication.translate("Labels", "Private insurance")),
        ("va", QCoreApplication.translate("Labels", "VA health care")),
        ("none", QCoreApplication.translate("Labels", "No coverage")),
    ]


def medication() -> Choices:
    return [
        ("open", QCoreApplication.translate("Labels", "Open to it")),
        ("currently_taking", QCoreApplication.translate("Labels", "Already taking it")),
        ("unsure", QCoreApplication.translate("Labels", "Not sure yet")),
        ("not_open", QCoreApplication.translate("Labels", "Not open to it")),
    ]


def faith() -> Choices:
    return [
        ("welcome", QCoreApplication.translate("Labels", "Welcome")),
        ("no_preference", QCoreApplication.translate("Labels", "No preference")),
        ("avoid", QCoreApplication.translate("Labels", "Would rather avoid")),
    ]


def formats() -> Choices:
    return [
        ("in_person", QCoreApplication.translate("Labels", "In person")),
        ("online", QCoreApplication.translate("Labels", "Online or by phone")),
        ("either", QCoreApplication.translate("Labels", "Either")),
    ]


def information() -> Choices:
    return [
        ("identity", QCoreApplication.translate("Labels", "Name and date of birth")),
        ("contact", QCoreApplication.translate("Labels", "Phone and email")),
        ("goals", QCoreApplication.translate("Labels", "Goals and own words")),
        ("substance_use", QCoreApplication.translate("Labels", "Substance use")),
        ("risks", QCoreApplication.translate("Labels", "Overdose risks")),
        ("circumstances", QCoreApplication.translate("Labels", "Circumstances")),
    ]


def relationships() -> Choices:
    return [
        ("self", QCoreApplication.translate("Labels", "The client")),
        ("parent_or_guardian", QCoreApplication.translate("Labels", "Parent or guardian")),
        (
            "authorized_representative",
            QCoreApplication.translate("Labels", "Authorized representative"),
        ),
    ]


def label_of(choices: Choices, code: object) -> str:
    """The label of a code, or the code itself if the list does not know it."""
    return next((label for key, label in choices if key == code), str(code or ""))
