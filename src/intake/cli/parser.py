"""The `intake` command's parser: its options and the subcommands' modules.

Apart from the package so that the desktop app, started with no arguments, imports
neither argparse nor the subcommands.
"""

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from intake import __version__
from intake.cli import EXIT_USAGE

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


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; without `commands`, only the options of the window."""
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
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in SUBCOMMANDS:
        importlib.import_module(module_name).register(subparsers)
    return parser


def may_name_a_command(argv: Sequence[str]) -> bool:
    """False when `argv` can only open the window (no word that is not an option, no help).

    Then the subcommands' modules are not imported: the window opens sooner. When in doubt
    (e.g. `--database URL`, whose URL is a separate word) the whole parser decides.
    """
    return any(not arg.startswith("-") or arg in ("-h", "--help") for arg in argv)
