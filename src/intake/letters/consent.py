"""May a letter go to this service, and what may it hold? The consent's rules.

    check_consent(intake, service, today=day)          # InputError saying why not
    kinds = included_kinds(intake.consent, sections)   # minimum necessary

No letter without a consent that names the service and is in force today. A letter holds
only the kinds of information that the counselor ticked (`sections`; default: all the
consent allows) AND the consent covers; a ticked kind the consent does not cover is an
error, never silently sent or dropped.
"""

from collections.abc import Iterable
from datetime import date

from intake.directory.snapshot import ServiceView
from intake.intake_model import Consent, InformationKind, Intake
from intake.letters.texts import Texts, load_texts
from intake.problems import InputError, error

KINDS: tuple[str, ...] = tuple(str(kind) for kind in InformationKind)
# Sections that reveal substance use: only ever when ticked and covered by the consent.
REVEALING_KINDS = ("substance_use", "risks", "circumstances")
_FIELD = "consent"


def service_title(service: ServiceView) -> str:
    org = service.organization_name
    return f"{service.name} ({org})" if org and org != service.name else service.name


def check_consent(
    intake: Intake, service: ServiceView, *, today: date, texts: Texts | None = None
) -> Consent:
    """The consent that lets a letter go to `service` today; InputError saying why not."""
    texts = texts or load_texts()
    consent = intake.consent
    title = service_title(service)
    if consent is None or service.id not in consent.recipients:
        raise _refused(texts, "not_named", service=title)
    if consent.revoked_on is not None and today >= consent.revoked_on:
        raise _refused(texts, "revoked", service=title, date=consent.revoked_on.isoformat())
    if consent.expires_on is not None and today > consent.expires_on:
        raise _refused(texts, "expired", service=title, date=consent.expires_on.isoformat())
    if today < consent.signed_on:
        raise _refused(texts, "not_yet", service=title, date=consent.signed_on.isoformat())
    assert consent.allows(service.id, today)  # the model's own rule agrees
    return consent


def _refused(texts: Texts, why: str, **values: str) -> InputError:
    return InputError([error(texts.format(f"provider.no_letter.{why}", **values), field=_FIELD)])


def included_kinds(
    consent: Consent, sections: Iterable[str] | None, *, texts: Texts | None = None
) -> tuple[str, ...]:
    """The kinds of information the letter holds, in contract order.

    `sections` None: all the consent covers. A section unknown or not covered by the
    consent is an InputError naming it (field `sections`).
    """
    texts = texts or load_texts()
    allowed = [kind for kind in KINDS if consent.covers(kind)]
    if sections is None:
        return tuple(allowed)
    wanted = [s.strip() for s in sections if s.strip()]
    problems = [
        error(
            texts.format("provider.no_letter.unknown_section", name=s, known=", ".join(KINDS)),
            field="sections",
        )
        for s in wanted
        if s not in KINDS
    ]
    missing = [s for s in wanted if s in KINDS and s not in allowed]
    if missing:
        problems.append(
            error(
                texts.format(
                    "provider.no_letter.not_covered",
                    kinds=", ".join(missing),
                    allowed=", ".join(allowed) or "-",
                ),
                field="sections",
            )
        )
    if problems:
        raise InputError(problems)
    return tuple(kind for kind in allowed if kind in wanted)
