"""Russian wording of network failures: the brief must say why a site could not be checked."""

from __future__ import annotations

from twisted.internet import error as tx_error
from twisted.python.failure import Failure

try:  # the exception class of pyOpenSSL, present with Scrapy
    from OpenSSL.SSL import Error as SSLError
except ImportError:  # pragma: no cover
    SSLError = Exception  # type: ignore[misc,assignment]


def _flatten(failure: Failure) -> list[BaseException]:
    """The exception and the ones wrapped inside it (ResponseNeverReceived holds a list of failures)."""
    out: list[BaseException] = []
    stack: list[object] = [failure.value]
    while stack:
        exc = stack.pop()
        if isinstance(exc, Failure):
            exc = exc.value
        if not isinstance(exc, BaseException):
            continue
        if any(exc is seen for seen in out):
            continue
        out.append(exc)
        reasons = getattr(exc, "reasons", None)
        if isinstance(reasons, list):
            stack.extend(reasons)
        # Scrapy wraps the Twisted and OpenSSL errors in its own exceptions
        stack.extend(e for e in (exc.__cause__, exc.__context__) if e is not None)
    return out


# OpenSSL's and service_identity's words for a certificate failure, in the words the brief uses
_TLS_DETAILS_RU = (
    ("certificate has expired", "срок действия сертификата истёк"),
    ("certificate is not yet valid", "срок действия сертификата ещё не начался"),
    ("self-signed", "сертификат самоподписанный"),
    ("self signed", "сертификат самоподписанный"),
    ("unable to get local issuer certificate", "сертификат выдан неизвестным удостоверяющим центром"),
    ("unable to get issuer certificate", "сертификат выдан неизвестным удостоверяющим центром"),
    ("hostname mismatch", "сертификат выдан для другого имени сайта"),
    ("ip address mismatch", "сертификат выдан для другого имени сайта"),
    ("ipaddressmismatch", "сертификат выдан для другого имени сайта"),
    ("dnsmismatch", "сертификат выдан для другого имени сайта"),
    ("verificationerror", "сертификат выдан для другого имени сайта"),  # service_identity names no other cause
    ("certificate revoked", "сертификат отозван"),
    ("unsupported protocol", "сервер поддерживает только устаревшие версии TLS"),
    ("wrong version number", "сервер не отвечает по TLS на этом порту (неверная версия протокола)"),
    ("handshake failure", "сервер прервал установку защищённого соединения"),
    ("certificate verify failed", "сертификат не прошёл проверку"),
)


def _ssl_detail(exc: BaseException) -> str:
    """The cause of a TLS failure in Russian (never the library's English)."""
    text = f"{type(exc).__name__} {exc}".lower()
    for marker, ru in _TLS_DETAILS_RU:
        if marker in text:
            return ru
    return "защищённое соединение не установлено"


def failure_reason_ru(failure: Failure, timeout: float) -> str:
    excs = _flatten(failure)
    for reason_of in (_tls_reason, _scrapy_reason, _twisted_reason):
        reason = reason_of(excs, timeout)
        if reason is not None:
            return reason
    return _any_reason(failure, timeout)


_CERTIFICATE_WORDS = ("certificate", "self", "issuer", "hostname", "mismatch", "verificationerror")


def _tls_reason(excs: list[BaseException], timeout: float) -> str | None:
    for exc in excs:
        if isinstance(exc, SSLError) or type(exc).__name__ in ("SSLError", "VerificationError"):
            raw = f"{type(exc).__name__} {exc}".lower()
            if any(word in raw for word in _CERTIFICATE_WORDS):
                return f"ошибка сертификата TLS: {_ssl_detail(exc)}"
            return f"ошибка TLS: {_ssl_detail(exc)}"
    for exc in excs:
        text = str(exc)
        if "certificate" in text.lower() or "ssl" in type(exc).__name__.lower():
            return f"ошибка сертификата TLS: {_ssl_detail(exc)}"
    return None


def _scrapy_reason(excs: list[BaseException], timeout: float) -> str | None:
    for exc in excs:
        name = type(exc).__name__
        text = str(exc)
        if name == "IgnoreRequest" and "max redirections" in text:
            return "петля переадресаций: страница отправляет на другой адрес и обратно"
        if name == "IgnoreRequest" and "during decompression" in text:
            return "ответ сервера после распаковки слишком велик (похоже на «бомбу» сжатия), не прочитан"
        if "larger than download max size" in text or "exceeded DOWNLOAD_MAXSIZE" in text:
            return "ответ сервера слишком велик, не прочитан"
        if name == "CannotResolveHostError":
            return "адрес сайта не найден в DNS"
        if name == "DownloadConnectionRefusedError":
            return "сервер отклонил соединение"
        if name == "DownloadTimeoutError":
            return f"сервер не ответил за {timeout:g} с"
    return None


def _twisted_reason(excs: list[BaseException], timeout: float) -> str | None:
    for exc in excs:
        if isinstance(exc, tx_error.DNSLookupError):
            return "адрес сайта не найден в DNS"
        if isinstance(exc, tx_error.ConnectionRefusedError):
            return "сервер отклонил соединение"
        if isinstance(exc, (tx_error.TimeoutError, tx_error.TCPTimedOutError, TimeoutError)):
            return f"сервер не ответил за {timeout:g} с"
        if type(exc).__name__ in ("TimeoutError", "CancelledError") and "took longer" in str(exc):
            return f"сервер не ответил за {timeout:g} с"
        if isinstance(exc, tx_error.NoRouteError):
            return "нет маршрута до сервера"
        if isinstance(exc, (tx_error.ConnectionLost, tx_error.ConnectionDone)):
            return "соединение прервано сервером"
    return None


def _any_reason(failure: Failure, timeout: float) -> str:
    name = type(failure.value).__name__
    text = str(failure.value)
    if "took longer than" in text or "timed out" in text.lower() or "timeout" in name.lower():
        return f"сервер не ответил за {timeout:g} с"
    if "ResponseNeverReceived" in name or "ResponseFailed" in name:
        return "соединение прервано, ответ не получен"
    return f"ошибка сети: {name}: {text[:200]}"


def status_reason_ru(status: int, retries: int) -> str:
    if status >= 500:
        tries = retries + 1
        return f"сервер отвечает {status} после {tries} попыт{'ки' if tries == 1 else 'ок'}"
    if status in (401, 403):
        return f"доступ к сайту закрыт (HTTP {status})"
    if status in (404, 410):
        return f"главная страница не найдена (HTTP {status})"
    return f"сервер отвечает HTTP {status}"
