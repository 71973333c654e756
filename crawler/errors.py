"""Failures the user reads, with the exit code of each defined once.

    CrawlerError                 exit 1   a run or a command failed (its Russian message says why)
    ├── InputError               exit 2   registry, settings, rules, overrides, arguments, a damaged database
    ├── PeriodLocked             exit 4   another run of the same period holds the lock
    └── RunInterrupted           exit 130 Ctrl-C or SIGTERM stopped a run (it is marked failed, --resume continues)

The core raises these; only the command line (crawler.cli) turns them into messages and exit codes.
"""

from __future__ import annotations

import errno
from enum import IntEnum


class ExitCode(IntEnum):
    ok = 0
    failed = 1
    bad_input = 2
    locked = 4
    interrupted = 130


class CrawlerError(Exception):
    """A user-facing failure with a Russian message."""

    code = ExitCode.failed


class InputError(CrawlerError):
    """Something the user gave is wrong: a file, a field, an argument."""

    code = ExitCode.bad_input


class PeriodLocked(CrawlerError):
    code = ExitCode.locked


class RunInterrupted(CrawlerError):
    """The run was stopped from outside; what it finished is stored."""

    code = ExitCode.interrupted

    def __init__(self, message: str, exit_code: int = ExitCode.interrupted) -> None:
        super().__init__(message)
        self.exit_code = exit_code


_ERRNO_RU = {
    errno.ENOENT: "нет такого файла или каталога",
    errno.EACCES: "нет прав на запись",
    errno.EPERM: "операция не разрешена",
    errno.EROFS: "файловая система только для чтения",
    errno.ENOSPC: "нет места на диске",
    errno.EDQUOT: "превышена дисковая квота",
    errno.ENOTDIR: "часть пути не является каталогом",
    errno.EISDIR: "указан каталог, а не файл",
    errno.EEXIST: "файл уже существует",
    errno.EMFILE: "слишком много открытых файлов",
    errno.EIO: "ошибка ввода-вывода",
}


def os_error_ru(exc: OSError) -> str:
    """«нет места на диске» for ENOSPC and so on; the system's own words for the rest."""
    return _ERRNO_RU.get(exc.errno or 0) or exc.strerror or type(exc).__name__
