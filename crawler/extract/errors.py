"""Why a file gave no text, told apart: the file's own fault, a program this computer lacks, or bad luck.

Only the first is a property of the bytes (cached by SHA-256); the others are read again on the next run.
"""

from __future__ import annotations

from crawler.models import FailureKind


class ExtractError(Exception):
    """A readable Russian reason why the file gives no text; by default a property of the file itself."""

    kind = FailureKind.file


class MachineError(ExtractError):
    """This computer lacks a program the format needs: the file is fine, read it once the program is there."""

    kind = FailureKind.machine


class TransientError(ExtractError):
    """A timeout or a crash of a helper program: says nothing about the file, read it again next time."""

    kind = FailureKind.transient
