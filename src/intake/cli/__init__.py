"""The `intake` command: the GUI's work, headless.

Exit status: 0 success, 1 bad input (a message naming file, field and what was expected),
2 wrong usage. Subcommand modules import their heavy libraries inside their handlers so
that `intake --help` and `intake --version` stay fast, and Qt is imported only when the
window opens.
"""

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from intake import __version__
from intake.problems import InputError, Problem
from intake.progress import Cancelled

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

# Subcommand modules, each with `register(subparsers)`; later issues add theirs here.
SUBCOMMANDS = (
    "intake.cli.directory_cmd",
    "intake.cli.record_cmd",
    "intake.cli.match_cmd",
    "intake.cli.letter_cmd",
    "intake.cli.export_cmd",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 on usage errors; keep that
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="intake",
        description="Intake and referral assistant for substance-use and harm-reduction "
        "programs. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"intake {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL (also INTAKE_DATABASE_URL); default: an SQLite file in the "
        "user's data folder",
    )
    parser.add_argument("--verbose", action="store_true", help="log more to standard error")
    parser.add_argument(
        "--self-test",
        nargs="?",
        const="",
        metavar="REPORT",
        help="check this installation on temporary data (never the user's): one line per "
        "check, also written to the REPORT file if given; exit 0 if all passed, else 1",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in SUBCOMMANDS:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.self_test is not None:
            from intake.selftest import run_self_test

            return run_self_test(Path(args.self_test) if args.self_test else None)
        if args.command is None:
            return _open_window(args)
        return int(args.handler(args) or EXIT_OK)
    except InputError as exc:
        report(exc.problems)
        return EXIT_BAD_INPUT
    except Cancelled:
        print("intake: cancelled; nothing was changed", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("intake: interrupted; nothing was changed", file=sys.stderr)
        return 130


def report(problems: Sequence[Problem]) -> None:
    """Errors and warnings to standard error, errors first, with a count."""
    ordered = sorted(problems, key=lambda p: p.severity != "error")
    for problem in ordered:
        print(problem, file=sys.stderr)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if problems:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)


def _open_window(args: argparse.Namespace) -> int:
    # Imported by name so that no headless command pulls in Qt (and the layer check holds).
    try:
        app = importlib.import_module("intake.gui.app")
    except ImportError as exc:
        print(
            f"intake: the desktop app needs PySide6, which could not be imported ({exc}). "
            "Install it with: pip install 'intake[gui]'",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return int(app.run(database_url=args.database))
