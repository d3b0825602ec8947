"""`intake record`: store an intake and its chosen referrals, as the wizard's Finish does.

The plan is made from today's directory and rules, and each `--refer` must name a
service in it (a service the rules kept out needs a `--note` saying why). All or
nothing: on any error nothing is stored. Standard output holds the stored intake's id
alone; messages go to standard error. Heavy modules are imported inside the handler.
"""

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake.problems import InputError, Problem, error

if TYPE_CHECKING:
    from intake.records import ChosenReferral, ClientSummary

_NOTE = {"field": "--note"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "record",
        help="store an intake and its chosen referrals; prints the intake's id",
        description="Store the intake in FILE with the referrals chosen from its plan, as "
        "the wizard's Finish does, in one transaction. Prints the stored intake's id.",
    )
    parser.add_argument("--intake", metavar="FILE", type=Path, required=True, help="intake JSON")
    parser.add_argument(
        "--refer",
        metavar="ID",
        action="append",
        default=[],
        help="a service id from the plan to refer to; repeat for more",
    )
    parser.add_argument(
        "--note",
        metavar="ID=TEXT",
        action="append",
        default=[],
        help="the counselor's note on a referral; needed for a service the rules kept out",
    )
    parser.add_argument("--counselor", metavar="NAME", help="who took the intake")
    parser.add_argument("--client", metavar="ID", help="a client already on record (else new)")
    parser.add_argument("--alias", action="store_true", help="the intake's client name is an alias")
    parser.set_defaults(handler=_record)


def _record(args: argparse.Namespace) -> int:
    from intake.directory.snapshot_loader import default_cache_dir, plan_from_directory
    from intake.intake_model import load_intake
    from intake.records import possible_duplicates, record_intake
    from intake.rules import load_rules
    from intake.store.db import open_database

    today = date.today()
    intake = load_intake(args.intake, today=today)
    chosen = chosen_referrals(args.refer, args.note)
    database = open_database(args.database)
    try:
        # The plan over the whole directory, reading only the services it can need.
        plan = plan_from_directory(
            database, intake, load_rules(), today=today, cache_dir=default_cache_dir()
        )
        duplicates = (
            possible_duplicates(database, intake.client.name, intake.client.date_of_birth)
            if args.client is None
            else []
        )
        intake_id = record_intake(
            database,
            intake,
            chosen=chosen,
            plan=plan,
            counselor=args.counselor,
            client_id=args.client,
            is_alias=args.alias,
        )
    finally:
        database.dispose()
    _warn_duplicates(duplicates)
    print(intake_id)
    print(f"Recorded the intake with {len(chosen)} referral(s).", file=sys.stderr)
    return 0


def _warn_duplicates(duplicates: Sequence["ClientSummary"]) -> None:
    """Ids only: a name printed here could end up in a script's log."""
    if duplicates:
        ids = ", ".join(client.id for client in duplicates)
        print(
            f"warning: {len(duplicates)} client(s) on record may be this one ({ids}); "
            "to add the intake to one of them, use --client ID",
            file=sys.stderr,
        )


def chosen_referrals(refer: Sequence[str], notes: Sequence[str]) -> list["ChosenReferral"]:
    """`--refer` ids with their `--note ID=TEXT` notes; InputError for a note on no referral."""
    from intake.records import ChosenReferral

    by_id, problems = _notes(notes)
    ids = [service_id.strip() for service_id in refer]
    problems += [
        error(
            f"note for {service_id!r}, which no --refer names; expected --refer {service_id}",
            field="--note",
        )
        for service_id in by_id
        if service_id not in ids
    ]
    if problems:
        raise InputError(problems)
    return [ChosenReferral(service_id, note=by_id.get(service_id)) for service_id in ids]


def _notes(notes: Sequence[str]) -> tuple[dict[str, str], list[Problem]]:
    """`ID=TEXT` notes by service id. A problem never repeats the note: it may name the client."""
    by_id: dict[str, str] = {}
    problems: list[Problem] = []
    for text in notes:
        service_id, sep, note = (part.strip() for part in text.partition("="))
        if not sep or not service_id:
            problems.append(error("expected ID=TEXT, e.g. --note svc-1='Asked for it'", **_NOTE))
        elif service_id in by_id:
            problems.append(error(f"two notes for {service_id!r}; expected one", **_NOTE))
        else:
            by_id[service_id] = note
    return by_id, problems
