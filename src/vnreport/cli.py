"""The ``vnreport`` command (entry point ``vnreport.cli:main``); see :mod:`vnreport.io.cli`."""

from .io.cli import build_parser, main

__all__ = ["build_parser", "main"]
