"""``python -m vnreport`` is the CLI."""

import sys

from .io.cli import main

sys.exit(main())
