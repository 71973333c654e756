"""The command line: the Typer app (crawler.cli.app), its presenters and its Russian wording."""

from crawler.cli.app import app, main

__all__ = ["app", "main"]
