"""Write resources/schemas/intake.schema.json from the intake models.

    python tools/write_intake_schema.py          # (re)write the file
    python tools/write_intake_schema.py --check  # exit 1 if the file is out of date

The output is deterministic (sorted keys, fixed indent), so the file changes only when
the models do; tests/test_intake_model.py fails when someone forgets to run this.
"""

import argparse
import sys
from pathlib import Path

from intake.intake_model import intake_schema_text

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "resources" / "schemas" / "intake.schema.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is current")
    args = parser.parse_args(argv)
    text = intake_schema_text()
    current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else None
    if args.check:
        if current != text:
            print(f"{SCHEMA_PATH.name} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    if current != text:
        SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
        SCHEMA_PATH.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {SCHEMA_PATH.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
