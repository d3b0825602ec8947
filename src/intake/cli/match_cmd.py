"""`intake match --intake FILE`: print a client's referral plan.

`--format json` prints the plan exactly as the contract's §4 to standard output alone;
`--format text` (the default) a readable plan for a terminal. A bad intake, a broken
rules folder or an unreachable database exits 1 with the problems on standard error.
Everything heavy is imported inside the handler, so `intake --help` stays fast, and only
what matching needs is loaded.
"""

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "match",
        help="print a referral plan for an intake",
        description="Match the intake in FILE against the directory and print the referral "
        "plan: every pathway with a service the client can use, urgent and goal-fitting "
        "ones first, each referral with its reasons and cautions, and the services kept "
        "out with why.",
    )
    parser.add_argument("--intake", metavar="FILE", type=Path, required=True, help="intake JSON")
    parser.add_argument(
        "--format",
        choices=("json", "text"),
        default="text",
        help="json: the plan as the contract's JSON; text: readable (default)",
    )
    parser.add_argument(
        "--language",
        choices=("en", "es"),
        default="en",
        help="the language of the plan's reasons, cautions and labels (default: en); "
        "services and rule ids are the same in every language",
    )
    parser.add_argument(
        "--today",
        metavar="DATE",
        type=_iso_date,
        help="the day to match on, YYYY-MM-DD (ages, listing freshness); default: today",
    )
    parser.set_defaults(handler=_match)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; expected YYYY-MM-DD, e.g. 2026-11-23"
        ) from None


def _match(args: argparse.Namespace) -> int:
    from intake.directory.snapshot_loader import default_cache_dir, plan_from_directory
    from intake.intake_model import load_intake
    from intake.rules import load_rules
    from intake.store.db import open_database

    today = args.today or date.today()
    # The cheap checks first, so a mistyped file fails before the directory loads.
    intake = load_intake(args.intake, today=today)
    rules = load_rules(language=args.language)
    database = open_database(args.database)
    try:
        # Only the services this client's plan can need are read (the plan is the one
        # over the whole directory); those reachable from anywhere come from a cache.
        plan = plan_from_directory(
            database,
            intake,
            rules,
            today=today,
            now=datetime.now(UTC),
            cache_dir=default_cache_dir(),
        )
    finally:
        database.dispose()
    if args.format == "json":
        sys.stdout.write(plan.to_json() + "\n")
    else:
        from intake.rules.render import plan_text

        sys.stdout.write(plan_text(plan, language=args.language))
    return 0
