"""`intake letter` and `intake disclosures`: the letters that leave the clinic, headless.

    intake letter --intake FILE --service ID --out FILE.pdf [--kind provider|handout]
                  [--sections LIST] [--intake-id ID]
    intake disclosures --client ID [--out FILE.pdf]

A provider letter needs a consent that names the service and is in force today; without
one the command exits 1 with the reason and writes nothing. It holds only the sections
the counselor lists (`--sections`, comma-separated; default: all the consent covers).
It is recorded in the client's accounting of disclosures only when `--intake-id` names
the stored intake it is about (as `intake record` printed it): an intake file that was
never stored has no client record to account to. With `--intake-id` alone, the stored
answers are used. A handout (one or more `--service`) needs no consent and reveals no
substance use. Service facts come from the directory in the database; the letterhead,
counselor and paper size from the clinic settings. Messages go to standard error.
"""

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake.problems import InputError, error

if TYPE_CHECKING:
    from intake.directory.snapshot import DirectorySnapshot, ServiceView
    from intake.intake_model import Intake
    from intake.settings import ClinicSettings
    from intake.store.db import Database


def register(subparsers: Any) -> None:
    _register_letter(subparsers)
    _register_disclosures(subparsers)


def _register_letter(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "letter",
        help="write a provider referral letter (needs consent) or a client handout",
        description="Write a referral letter to a service (--kind provider, the default; it "
        "needs the client's consent naming the service) or a handout for the client to carry "
        "(--kind handout; no consent needed, reveals no substance use). The letter is "
        "recorded in the client's accounting of disclosures only with --intake-id.",
    )
    parser.add_argument("--intake", metavar="FILE", type=Path, help="intake JSON")
    parser.add_argument(
        "--intake-id",
        metavar="ID",
        help="a stored intake (as printed by `intake record`); a provider letter is then "
        "recorded in the client's accounting of disclosures",
    )
    parser.add_argument(
        "--service",
        metavar="ID",
        action="append",
        required=True,
        help="the service's id in the directory; repeat for a handout with several places",
    )
    parser.add_argument("--out", metavar="FILE.pdf", type=Path, required=True, help="PDF to write")
    parser.add_argument("--kind", choices=("provider", "handout"), default="provider")
    parser.add_argument(
        "--sections",
        metavar="LIST",
        help="provider letter: which of the consent's information to include, comma-separated "
        "(identity,contact,goals,substance_use,risks,circumstances); default: all it covers",
    )
    parser.add_argument("--counselor", metavar="NAME", help="default: the clinic settings'")
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="en or es; default: the client's (handout) or the clinic's (provider letter)",
    )
    parser.add_argument(
        "--own-words",
        action="store_true",
        help="handout: also print the client's goals in their own words (they may reveal "
        "substance use; print them only if the client wants)",
    )
    parser.add_argument(
        "--full-names",
        action="store_true",
        help="handout: print service names even when they reveal substance use",
    )
    parser.add_argument("--today", metavar="DATE", type=_iso_date, help="YYYY-MM-DD")
    parser.set_defaults(handler=_letter)


def _register_disclosures(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "disclosures",
        help="list or print a client's accounting of disclosures",
        description="List every letter that left the clinic with the client's information "
        "(when, to whom, what, under which consent), or print it to a PDF with --out.",
    )
    parser.add_argument("--client", metavar="ID", required=True, help="the client's record id")
    parser.add_argument("--out", metavar="FILE.pdf", type=Path, help="print to this PDF")
    parser.add_argument("--language", metavar="CODE", help="en or es; default: the clinic's")
    parser.set_defaults(handler=_disclosures)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; expected YYYY-MM-DD, e.g. 2026-11-23"
        ) from None


def _letter(args: argparse.Namespace) -> int:
    from intake.directory.snapshot_loader import load_snapshot
    from intake.settings import load_settings
    from intake.store.db import open_database

    if args.intake is None and args.intake_id is None:
        raise InputError([error("give --intake FILE or --intake-id ID", field="--intake")])
    if args.kind == "provider" and len(args.service) != 1:
        raise InputError(
            [error("a provider letter goes to one service; give --service once", field="--service")]
        )
    today = args.today or date.today()
    intake = _file_intake(args, today)  # the cheap checks first
    sections = _sections(args.sections)
    database = open_database(args.database)
    try:
        settings = load_settings(database)
        snapshot = load_snapshot(database)
        services = _services(snapshot, args.service)
        if intake is None:
            intake = _stored_intake(database, args.intake_id)
        if args.kind == "handout":
            return _handout(args, intake, services, settings, snapshot, today)
        return _provider(args, intake, services[0], settings, snapshot, database, sections, today)
    finally:
        database.dispose()


def _file_intake(args: argparse.Namespace, today: date) -> "Intake | None":
    from intake.intake_model import load_intake

    return load_intake(args.intake, today=today) if args.intake is not None else None


def _stored_intake(database: "Database", intake_id: str) -> "Intake":
    from intake.letters import load_stored_intake

    return load_stored_intake(database, intake_id)


def _sections(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [part.strip() for part in text.split(",") if part.strip()]


def _services(snapshot: "DirectorySnapshot", ids: list[str]) -> "list[ServiceView]":
    found, problems = [], []
    for service_id in ids:
        service = snapshot.get(service_id.strip())
        if service is None:
            problems.append(
                error(
                    f"no service {service_id!r} in the directory; expected a service id "
                    "(see `intake match`)",
                    field="--service",
                )
            )
        else:
            found.append(service)
    if problems:
        raise InputError(problems)
    return found


def _provider(
    args: argparse.Namespace,
    intake: "Intake",
    service: "ServiceView",
    settings: "ClinicSettings",
    snapshot: "DirectorySnapshot",
    database: "Database",
    sections: list[str] | None,
    today: date,
) -> int:
    from intake.letters import make_provider_letter

    recording = args.intake_id is not None
    result = make_provider_letter(
        intake,
        service,
        args.out,
        settings=settings,
        sections=sections,
        directory=snapshot,
        counselor=args.counselor,
        language=args.language,
        database=database if recording else None,
        intake_id=args.intake_id,
        today=today,
    )
    held = ", ".join(result.included) or "nothing beyond the referral"
    print(f"Wrote the provider letter {result.reference} ({held}).", file=sys.stderr)
    if recording:
        print("Recorded it in the client's accounting of disclosures.", file=sys.stderr)
    else:
        print(
            "Not recorded in the accounting of disclosures: give --intake-id of the stored "
            "intake to record it.",
            file=sys.stderr,
        )
    return 0


def _handout(
    args: argparse.Namespace,
    intake: "Intake",
    services: "list[ServiceView]",
    settings: "ClinicSettings",
    snapshot: "DirectorySnapshot",
    today: date,
) -> int:
    from intake.letters import make_handout

    result = make_handout(
        intake,
        services,
        args.out,
        settings=settings,
        directory=snapshot,
        language=args.language,
        own_words=args.own_words,
        full_names=args.full_names,
        counselor=args.counselor,
        today=today,
    )
    print(f"Wrote the handout ({result.language}, {result.places} place(s)).", file=sys.stderr)
    if result.names_withheld:
        print(
            f"{result.names_withheld} name(s) left off because they reveal substance use; "
            "tell the client, or use --full-names if the client wants them printed.",
            file=sys.stderr,
        )
    return 0


def _disclosures(args: argparse.Namespace) -> int:
    from intake.letters import client_disclosures, write_accounting
    from intake.settings import load_settings
    from intake.store.db import open_database

    database = open_database(args.database)
    try:
        if args.out is not None:
            settings = load_settings(database)
            write_accounting(
                database, args.client, args.out, settings=settings, language=args.language
            )
            print("Wrote the accounting of disclosures.", file=sys.stderr)
            return 0
        accounting = client_disclosures(database, args.client)
    finally:
        database.dispose()
    if not accounting.entries:
        print("No disclosures are recorded for this client.", file=sys.stderr)
        return 0
    print("when\treference\trecipient\tinformation\tpurpose\tconsent\tcounselor")
    for e in accounting.entries:
        consent = e.consent_signed_on.isoformat() if e.consent_signed_on else "-"
        print(
            "\t".join(
                _cell(value)
                for value in (
                    e.disclosed_at.strftime("%Y-%m-%dT%H:%MZ"),
                    e.reference,
                    e.recipient_name or e.recipient_service_id,
                    ",".join(e.information),
                    e.purpose,
                    f"signed {consent}",
                    e.counselor or "",
                )
            )
        )
    return 0


def _cell(value: str) -> str:
    """One tab-separated cell: no tabs or line breaks inside."""
    return " ".join(value.split())
