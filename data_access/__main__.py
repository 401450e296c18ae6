"""`python -m data_access ...`: see data_access/cli/main.py."""

import sys

from data_access.cli.main import main

if __name__ == "__main__":  # not when a worker process imports the main module again
    sys.exit(main())
