"""The demo district served over real HTTP: one ThreadingHTTPServer per loopback address 127.0.0.N.

All sites share one port, so each organization is a distinct host, as in a real district. The farm keeps
both variants («current» — May 2026, «previous» — January 2026) and switches between them at run time.
"""

from __future__ import annotations

import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from crawler.demo import content as c
from crawler.demo.sites import DOWN_IN_VARIANT, build_all
from crawler.demo.truth import Truth, load_truth
from crawler.demo.web import DocCache, Resource, Site
from crawler.models import Organization, OrgKind, Registry

__all__ = ["DISTRICT", "ORGS", "VARIANTS", "DemoFarm", "Truth", "load_truth"]

DISTRICT = "Тонкинский муниципальный округ"
VARIANTS = ("current", "previous")
# id -> (registry name, kind, host index N of 127.0.0.N)
ORGS: dict[str, tuple[str, OrgKind, int]] = {
    "sosh-1": (c.SOSH1.short, OrgKind.OO, 11),
    "sosh-2": (c.SOSH2.short, OrgKind.OO, 12),
    "sosh-3": (c.PAKALI.short, OrgKind.OO, 13),
    "sosh-4": (c.SOSH4.short, OrgKind.OO, 14),
    "sosh-5": (c.SOSH5.short, OrgKind.OO, 15),
    "oosh-6": (c.OOSH6.short, OrgKind.OO, 16),
    "sosh-7": (c.SOSH7.short, OrgKind.OO, 17),
    "ds-1": (c.DS1.short, OrgKind.DOU, 18),
    "ds-2": (c.DS2.short, OrgKind.DOU, 19),
    "ds-3": (c.DS3.short, OrgKind.DOU, 20),
    "ds-4": (c.DS4.short, OrgKind.DOU, 21),
    "ddt": (c.DDT.short, OrgKind.DO, 22),
    "dyussh": (c.DYUSSH.short, OrgKind.DO, 23),
}
CHUNK = 64 * 1024


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, addr: tuple[str, int], farm: DemoFarm, org_id: str) -> None:
        self.farm = farm
        self.org_id = org_id
        super().__init__(addr, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "nginx/1.18.0"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go in two writes: avoid the 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: object) -> None:
        return  # the farm keeps its own request log

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def _answer(self, *, head: bool) -> None:
        farm = self.server.farm
        host = str(self.server.server_address[0])
        # http.server decodes the request line as latin-1; raw UTF-8 paths must be decoded back.
        raw_path: str = self.path.encode("latin-1", "ignore").decode("utf-8", "replace")
        farm._log(host, self.command, raw_path)
        org_id = self.server.org_id
        site = farm._site(org_id)
        delay = farm.delay(org_id)
        if delay:
            time.sleep(delay)
        if farm.is_down(org_id):
            body = b"<html><body><h1>503 Service Temporarily Unavailable</h1><hr>nginx</body></html>\n"
            self._send(Resource(body, status=503, headers={"Retry-After": "3600"}), head=head, org_id=org_id)
            return
        parts = urlsplit(raw_path)
        path = unquote(parts.path) or "/"
        res = _resolve(site, path, parts.query)
        if res is None:
            res = site.not_found or Resource(b"Not Found", "text/plain", status=404)
        self._send(res, head=head, org_id=org_id)

    def _send(self, res: Resource, *, head: bool, org_id: str) -> None:
        try:
            body = b""
            headers = dict(res.headers)
            status = res.status
            if res.stream is not None:
                length = res.length
            else:
                body = res.get_body()
                if headers.pop("X-Base-Template", None):
                    body = body.replace(b"{BASE}", self.server.farm.base_url(org_id).encode())
                length = len(body)
                if status == 200:
                    # A content-based ETag, so a conditional re-crawl gets 304 only when nothing changed.
                    etag = '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest()[:20] + '"'
                    headers["ETag"] = etag
                    if etag in (self.headers.get("If-None-Match") or ""):
                        status, body, length = 304, b"", None
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", res.content_type)
            for name, value in headers.items():
                self.send_header(name, value)
            if length is not None:
                self.send_header("Content-Length", str(length))
            self.end_headers()
            if head:
                return
            if res.stream is not None:
                for chunk in res.stream():
                    self.wfile.write(chunk)
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True  # the client stopped reading (e.g. the huge file): normal


def _norm_query(query: str) -> str:
    return urlencode(sorted(parse_qsl(query, keep_blank_values=True)))


def _resolve(site: Site, path: str, query: str) -> Resource | None:
    found = site.resolve(path, query)
    if found is None and query:
        # A client may reorder or re-encode query arguments; match on the sorted arguments.
        want = _norm_query(query)
        for key, res in site.routes.items():
            p, _, q = key.partition("?")
            if p == path and q and _norm_query(q) == want:
                return res
    if found is None and path != "/" and path.endswith("/") and not query:
        found = site.resolve(path.rstrip("/"), "")
    return found


class DemoFarm:
    """The demo district's sites on 127.0.0.11 … 127.0.0.23, one shared port."""

    def __init__(self, port: int = 0, variant: str = "current") -> None:
        if variant not in VARIANTS:
            raise ValueError(f"неизвестный вариант демо-округа: {variant!r}; допустимы: {', '.join(VARIANTS)}")
        self.port = port
        self._variant = variant
        self._cache = DocCache()
        self._sites: dict[str, dict[str, Site]] = {v: build_all(v, self._cache) for v in VARIANTS}
        self._down: dict[str, bool] = {}
        self._delay: dict[str, float] = {}
        self._log_lock = threading.Lock()
        self._log_entries: list[tuple[str, str, str]] = []
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        if self._servers:
            return
        last_error: OSError | None = None
        for _ in range(20):
            try:
                self._bind_all(self.port)
                break
            except OSError as exc:  # the port is taken on one of the addresses: try another one
                last_error = exc
                self._close_servers()
                if self.port:
                    raise OSError(f"порт {self.port} занят на одном из адресов 127.0.0.N: {exc}") from exc
        else:
            raise OSError(f"не удалось найти свободный порт для демо-округа: {last_error}")
        for server in self._servers:
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True,
                                      name=f"demo-{server.org_id}")  # fmt: skip
            thread.start()
            self._threads.append(thread)

    def _bind_all(self, port: int) -> None:
        for org_id, (_, _, n) in ORGS.items():
            server = _Server((f"127.0.0.{n}", port), self, org_id)
            self._servers.append(server)
            if port == 0:
                port = server.server_address[1]
        self.port = port

    def _close_servers(self) -> None:
        for server in self._servers:
            server.server_close()
        self._servers = []

    def stop(self) -> None:
        # shutdown() waits up to one poll interval per server: stop them all at once.
        stoppers = [threading.Thread(target=server.shutdown) for server in self._servers]
        for stopper in stoppers:
            stopper.start()
        for stopper in stoppers:
            stopper.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        self._close_servers()
        self._threads = []

    def __enter__(self) -> DemoFarm:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ addresses and registry
    def host(self, org_id: str) -> str:
        return f"127.0.0.{ORGS[org_id][2]}"

    def base_url(self, org_id: str) -> str:
        return f"http://{self.host(org_id)}:{self.port}/"

    def registry(self) -> Registry:
        orgs = [
            Organization(id=org_id, name=name, kind=kind, site=self.base_url(org_id))
            for org_id, (name, kind, _) in ORGS.items()
        ]
        return Registry(district=DISTRICT, organizations=orgs)

    def write_registry(self, path: Path) -> Path:
        from crawler.registry import dump_registry

        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_registry(self.registry()), encoding="utf-8")
        return path

    # ------------------------------------------------------------------ state
    @property
    def variant(self) -> str:
        return self._variant

    def set_variant(self, name: str) -> None:
        if name not in VARIANTS:
            raise ValueError(f"неизвестный вариант демо-округа: {name!r}; допустимы: {', '.join(VARIANTS)}")
        self._variant = name

    def set_down(self, org_id: str, down: bool) -> None:
        if org_id not in ORGS:
            raise KeyError(f"нет такой организации в демо-округе: {org_id}")
        self._down[org_id] = down

    def set_delay(self, org_id: str, seconds: float | None) -> None:
        """Override a site's answer delay (None: the site's own, 1.5 s for ds-2, 0 for the others)."""
        if org_id not in ORGS:
            raise KeyError(f"нет такой организации в демо-округе: {org_id}")
        if seconds is None:
            self._delay.pop(org_id, None)
        else:
            self._delay[org_id] = seconds

    def delay(self, org_id: str) -> float:
        return self._delay.get(org_id, self._site(org_id).delay)

    def reset(self, variant: str = "current") -> None:
        """Back to a variant's own state: no site forced up or down, own delays, request log emptied."""
        self.set_variant(variant)
        self._down.clear()
        self._delay.clear()
        self.clear_log()

    def is_down(self, org_id: str) -> bool:
        return self._down.get(org_id, org_id in DOWN_IN_VARIANT[self._variant])

    def request_log(self) -> list[tuple[str, str, str]]:
        with self._log_lock:
            return list(self._log_entries)

    def clear_log(self) -> None:
        with self._log_lock:
            self._log_entries.clear()

    def warm(self) -> None:
        """Render every document of both variants now (otherwise each is rendered on its first request)."""
        for sites in self._sites.values():
            for site in sites.values():
                for res in site.routes.values():
                    res.get_body()

    def _site(self, org_id: str) -> Site:
        return self._sites[self._variant][org_id]

    def _log(self, host: str, method: str, path: str) -> None:
        with self._log_lock:
            self._log_entries.append((host, method, path))
