"""The frozen app's entry point: the same `intake` command as `pip install` gives."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless if unused; needed if a library forks workers
    from intake.cli import main

    sys.exit(main())
