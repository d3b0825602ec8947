"""The `intake` command: the GUI's work, headless.

Exit status: 0 success, 1 bad input (a message naming file, field and what was expected),
2 wrong usage. Subcommand modules import their heavy libraries inside their handlers so
that `intake --help` and `intake --version` stay fast, and Qt is imported only when the
window opens.
"""

import gc
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from intake.problems import Problem

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def build_parser(*, commands: bool = True) -> "argparse.ArgumentParser":
    """The command line's parser; without `commands`, only the options of the window."""
    from intake.cli.parser import build_parser as build

    return build(commands=commands)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:  # the desktop app, as its launcher starts it: no parser needed
        _log_to_stderr(verbose=False)
        return _open_window(database=None)
    from intake.cli.parser import may_name_a_command
    from intake.problems import InputError
    from intake.progress import Cancelled

    args = build_parser(commands=may_name_a_command(argv)).parse_args(argv)
    _log_to_stderr(verbose=args.verbose)
    try:
        if args.self_test is not None:
            from intake.selftest import run_self_test

            return run_self_test(Path(args.self_test) if args.self_test else None)
        if args.command is None:
            return _open_window(database=args.database)
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


def _log_to_stderr(*, verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def report(problems: "Sequence[Problem]") -> None:
    """Errors and warnings to standard error, errors first, with a count."""
    ordered = sorted(problems, key=lambda p: p.severity != "error")
    for problem in ordered:
        print(problem, file=sys.stderr)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if problems:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)


def _open_window(*, database: str | None) -> int:
    # Start-up creates many objects that all live on (Qt's enums, modules, widgets): the
    # cycle collector would only walk them again and again. The app turns it back on
    # once the window is up (intake.gui.app.run).
    gc.disable()
    # Imported by name so that no headless command pulls in Qt (and the layer check holds).
    try:
        app = importlib.import_module("intake.gui.app")
    except ImportError as exc:
        print(
            f"intake: the desktop app needs PySide6, which could not be imported ({exc}). "
            "Install it with: pip install 'intake[gui]'",
            file=sys.stderr,
        )
        gc.enable()
        return EXIT_BAD_INPUT
    return int(app.run(database_url=database))
