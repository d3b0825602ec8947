"""Letters that leave the clinic: provider referral letters, client handouts, the accounting.

    from intake.letters import make_provider_letter, make_handout, write_accounting
    make_provider_letter(intake, service, "letter.pdf", settings=settings)     # needs consent
    make_handout(intake, [service], "handout.pdf", settings=settings, directory=snapshot)

Each document is composed first (provider.py, handout.py, accounting.py: what it may
say, as plain dataclasses in model.py), then rendered to PDF bytes by pure functions
(render.py, layout.py), then written atomically (writer.py). The words are data in
resources/letters/<language>.toml, the 42 CFR §2.32 notice in resources/notices/, the
embedded fonts in resources/fonts/. No Qt here; nothing about a client is logged.
"""

from intake.letters.accounting import (
    ClientAccounting,
    DisclosureEntry,
    client_disclosures,
    compose_accounting,
    reference_of,
)
from intake.letters.consent import KINDS, REVEALING_KINDS, check_consent, included_kinds
from intake.letters.handout import SafetyLines, compose_handout, safety_lines
from intake.letters.notice import Part2Notice, load_notice
from intake.letters.provider import ReferralFacts, compose_provider_letter
from intake.letters.render import render_accounting, render_handout, render_provider_letter
from intake.letters.service import (
    HandoutResult,
    LetterResult,
    load_stored_intake,
    make_handout,
    make_provider_letter,
    write_accounting,
)
from intake.letters.texts import available_languages, choose_language, load_texts
from intake.letters.writer import write_atomically

__all__ = [
    "KINDS",
    "REVEALING_KINDS",
    "ClientAccounting",
    "DisclosureEntry",
    "HandoutResult",
    "LetterResult",
    "Part2Notice",
    "ReferralFacts",
    "SafetyLines",
    "available_languages",
    "check_consent",
    "choose_language",
    "client_disclosures",
    "compose_accounting",
    "compose_handout",
    "compose_provider_letter",
    "included_kinds",
    "load_notice",
    "load_stored_intake",
    "load_texts",
    "make_handout",
    "make_provider_letter",
    "reference_of",
    "render_accounting",
    "render_handout",
    "render_provider_letter",
    "safety_lines",
    "write_accounting",
    "write_atomically",
]
