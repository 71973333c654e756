"""Errors as the user reads them: Russian wording for what the operating system says."""

from __future__ import annotations

import errno

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
