"""The hostile farm: one loopback site per case on 127.0.0.100 … 127.0.0.199, one shared OS-chosen port.

Each case's site is served by its own ThreadingHTTPServer on its own address (HTTP, or HTTPS with a trusted,
untrusted or wrong-name certificate), or by nobody at all (connection refused). The request handler is the demo
farm's, with the case's faults run first. Handler threads are daemonic, hanging handlers wait on the farm's stop
event, and stop() shuts every open connection down, so the farm stops in about a second whatever its clients do.
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

from crawler.demo.farm import _Handler as DemoHandler
from crawler.demo.web import DocCache, Resource, Site
from crawler.models import Organization, OrgKind, Registry
from tests.hostile.sites import Built, Fault

DISTRICT = "Испытательный муниципальный округ"
FIRST_HOST, LAST_HOST = 100, 199


@dataclass
class HostileSite:
    """How one case's site behaves on the wire."""

    case_id: str
    host: int  # N of 127.0.0.N
    kind: OrgKind
    built: Built | None = None  # the school site behind the faults (None: nothing is ever served)
    listen: bool = True  # False: nobody listens on the address (connection refused)
    tls: str | None = None  # None (HTTP), "trusted", "untrusted" (self-signed, not in the bundle), "mismatch"
    connection: str | None = None  # before any request is read: "hang" (accept, never answer) or "reset"
    faults: dict[str, Fault] = field(default_factory=dict)  # decoded path -> fault
    every: Fault | None = None  # a fault on every request of the site
    delay: float = 0.0  # seconds before every ordinary answer (a slow but healthy site)

    @property
    def name(self) -> str:
        return self.built.org.short if self.built else f"Организация {self.host}"

    @property
    def site(self) -> Site:
        if self.built is None:
            return Site(self.case_id, self.host)
        return self.built.site

    def fault_for(self, path: str) -> Fault | None:
        found = self.faults.get(path)
        if found is None and path.endswith("/") and path != "/":
            found = self.faults.get(path.rstrip("/"))
        return found or self.every


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # server_close() must not wait for hanging handlers
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, addr: tuple[str, int], farm: HostileFarm, hsite: HostileSite, tls: ssl.SSLContext | None):
        self.farm = farm  # the demo handler calls farm._site, delay, is_down, _log, base_url
        self.org_id = hsite.case_id
        self.hsite = hsite
        self.tls = tls
        self.conns: set[socket.socket] = set()
        self.conns_lock = threading.Lock()
        super().__init__(addr, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # resets, refused handshakes and clients that went away are what this farm is for

    def track(self, sock: socket.socket, on: bool = True) -> None:
        with self.conns_lock:
            if on:
                self.conns.add(sock)
            else:
                self.conns.discard(sock)

    def kill_connections(self) -> None:
        with self.conns_lock:
            conns = list(self.conns)
            self.conns.clear()
        for sock in conns:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _Handler(DemoHandler):
    server: _Server  # type: ignore[assignment]
    timeout = 60  # an idle keep-alive connection is closed after a minute

    def setup(self) -> None:
        self.server.track(self.request)
        if self.server.tls is not None:
            self.request.settimeout(10)
            self.request = self.server.tls.wrap_socket(self.request, server_side=True)
            self.server.track(self.request)
        super().setup()

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            self.server.track(self.request, on=False)

    def handle(self) -> None:
        mode = self.server.hsite.connection
        if mode == "hang":
            self.server.farm.stopping.wait()
            return
        if mode == "reset":
            try:
                self.request.settimeout(5)
                self.request.recv(65536)
            except OSError:
                pass
            from tests.hostile.sites import reset_now

            reset_now(self)  # type: ignore[arg-type]
            return
        try:
            super().handle()
        except OSError:
            self.close_connection = True

    def _answer(self, *, head: bool) -> None:
        hsite = self.server.hsite
        raw_path = self.path.encode("latin-1", "ignore").decode("utf-8", "replace")
        parts = urlsplit(raw_path)
        path = unquote(parts.path) or "/"
        self.server.farm._count(hsite.case_id)
        fault = hsite.fault_for(path)
        if fault is not None:
            self.server.farm._log(self.server.server_address[0], self.command, raw_path)
            if fault(self, path, parts.query):  # type: ignore[arg-type]
                return
        super()._answer(head=head)

    # ---- what faults use (tests.hostile.sites.Handler)
    def stopping(self) -> threading.Event:
        return self.server.farm.stopping

    def send_simple(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self._send(Resource(body, ctype, status=status, headers=dict(headers or {})), head=False, org_id=self.org_id)

    def base_url(self) -> str:
        return self.server.farm.base_url(self.server.org_id)

    @property
    def org_id(self) -> str:
        return self.server.org_id


class HostileFarm:
    """The farm's sites (all cases, or the listed ones) on loopback; same interface as the demo farm where the
    job and the tests need it: start/stop, base_url, registry."""

    def __init__(self, workdir: Path, case_ids: list[str] | None = None, port: int = 0) -> None:
        from tests.hostile.cases import CASES, build_site

        self.workdir = workdir
        self.port = port
        self.cache = DocCache()
        wanted = case_ids or [c.id for c in CASES]
        unknown = [i for i in wanted if i not in {c.id for c in CASES}]
        if unknown:
            raise KeyError(f"no such farm case: {', '.join(unknown)}")
        self.sites: dict[str, HostileSite] = {
            c.id: build_site(c, self.cache) for c in CASES if c.id in wanted
        }  # in table order
        self.stopping = threading.Event()
        self._log_lock = threading.Lock()
        self._log_entries: list[tuple[str, str, str]] = []
        self.requests: Counter[str] = Counter()
        self.delays: dict[str, float] = {}  # org id -> seconds before each answer (tests that need a slow run)
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []
        self._contexts: dict[str, ssl.SSLContext] = {}
        self.ca_bundle = workdir / "tls" / "ca-bundle.pem"

    # ------------------------------------------------------------------ TLS
    def _make_certificates(self) -> None:
        from tests.test_crawl_support import self_signed

        tls_dir = self.workdir / "tls"
        tls_dir.mkdir(parents=True, exist_ok=True)
        trusted: list[bytes] = []
        for hsite in self.sites.values():
            if hsite.tls is None or not hsite.listen:
                continue
            ip = f"127.0.0.{hsite.host}"
            if hsite.tls == "mismatch":  # a certificate the bundle trusts, issued for another school's name
                cert, key = self_signed(tls_dir, "drugaya-shkola.example", "127.0.0.254", prefix=f"{hsite.case_id}-")
            else:
                cert, key = self_signed(tls_dir, f"{hsite.case_id}.hostile.test", ip, prefix=f"{hsite.case_id}-")
            if hsite.tls in ("trusted", "mismatch"):
                trusted.append(cert.read_bytes())
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(cert, key)
            self._contexts[hsite.case_id] = ctx
        # an empty bundle would make the configuration invalid: add a certificate nobody uses
        if not trusted:
            cert, _ = self_signed(tls_dir, "unused.hostile.test", "127.0.0.253", prefix="unused-")
            trusted.append(cert.read_bytes())
        self.ca_bundle.write_bytes(b"".join(trusted))

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        if self._servers:
            return
        self.stopping.clear()
        self._make_certificates()
        last: OSError | None = None
        for _ in range(20):
            try:
                self._bind_all(self.port)
                break
            except OSError as exc:
                last = exc
                self._close_servers()
                if self.port:
                    raise
        else:
            raise OSError(f"no free port for the hostile farm: {last}")
        for server in self._servers:
            thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True, name=f"hostile-{server.org_id}"
            )
            thread.start()
            self._threads.append(thread)

    def _bind_all(self, port: int) -> None:
        listening = [h for h in self.sites.values() if h.listen]
        # the port must be free on the addresses of the refusing sites too, or «refused» would be a lie
        for hsite in listening:
            server = _Server((f"127.0.0.{hsite.host}", port), self, hsite, self._contexts.get(hsite.case_id))
            self._servers.append(server)
            if port == 0:
                port = server.server_address[1]
        for hsite in self.sites.values():
            if not hsite.listen:
                with socket.socket() as probe:
                    probe.bind((f"127.0.0.{hsite.host}", port))  # OSError if somebody else listens there
        self.port = port

    def _close_servers(self) -> None:
        for server in self._servers:
            server.server_close()
        self._servers = []

    def stop(self) -> None:
        self.stopping.set()
        stoppers = [threading.Thread(target=s.shutdown, daemon=True) for s in self._servers]
        for th in stoppers:
            th.start()
        for th in stoppers:
            th.join(timeout=5)
        for server in self._servers:
            server.kill_connections()
        self._close_servers()
        self._threads = []

    def __enter__(self) -> HostileFarm:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ what the demo handler calls
    def _site(self, org_id: str) -> Site:
        return self.sites[org_id].site

    def delay(self, org_id: str) -> float:
        return self.delays.get(org_id, self.sites[org_id].delay)

    def is_down(self, org_id: str) -> bool:
        return False

    def _log(self, host: str, method: str, path: str) -> None:
        with self._log_lock:
            self._log_entries.append((host, method, path))

    def _count(self, org_id: str) -> None:
        with self._log_lock:
            self.requests[org_id] += 1

    def request_log(self) -> list[tuple[str, str, str]]:
        with self._log_lock:
            return list(self._log_entries)

    # ------------------------------------------------------------------ addresses and registry
    def base_url(self, org_id: str) -> str:
        hsite = self.sites[org_id]
        scheme = "https" if hsite.tls else "http"
        return f"{scheme}://127.0.0.{hsite.host}:{self.port}/"

    def registry(self, case_ids: list[str] | None = None) -> Registry:
        orgs = [
            Organization(id=h.case_id, name=h.name, kind=h.kind, site=self.base_url(h.case_id))
            for h in self.sites.values()
            if case_ids is None or h.case_id in case_ids
        ]
        return Registry(district=DISTRICT, organizations=orgs)

    def write_registry(self, path: Path, case_ids: list[str] | None = None) -> Path:
        from crawler.registry import dump_registry

        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_registry(self.registry(case_ids)), encoding="utf-8")
        return path
