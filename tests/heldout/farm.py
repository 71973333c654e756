"""The held-out district served over real HTTP(S) on 127.0.0.40 … 127.0.0.48, one shared port.

Reuses the demo farm's server and request handler; adds what real districts have and the demo lacks: a site whose
firewall refuses clients that do not present a browser-like User-Agent, and a site on HTTPS with a self-signed
certificate.
"""

from __future__ import annotations

import ssl
import threading
from pathlib import Path
from types import TracebackType

from crawler.demo.farm import _Handler, _Server
from crawler.demo.web import DocCache, Resource, Site
from crawler.models import Organization, OrgKind, Registry
from tests.heldout.sites import BUILDERS, BX, DOD, DS8, DS26, GW, JM, MS, TLS, WAF, WP

DISTRICT = "Заречный муниципальный округ"
TRUTH_PATH = Path(__file__).with_name("truth.yaml")
# id -> (registry name, kind, host index N of 127.0.0.N)
ORGS: dict[str, tuple[str, OrgKind, int]] = {
    "bx-school": (BX.short, OrgKind.OO, 40),
    "sp-ds26": (DS26.short, OrgKind.DOU, 41),
    "gw-lugovoe": (GW.short, OrgKind.OO, 42),
    "ds-8": (DS8.short, OrgKind.DOU, 43),
    "wp-gymn5": (WP.short, OrgKind.OO, 44),
    "jm-sosnovka": (JM.short, OrgKind.OO, 45),
    "waf-berezovka": (WAF.short, OrgKind.OO, 46),
    "tls-ddt": (TLS.short, OrgKind.DO, 47),
    "cdt-raduga": (DOD.short, OrgKind.DO, 48),
    "ms-polyany": (MS.short, OrgKind.OO, 49),
}
WAF_ORGS = {"waf-berezovka"}  # 403 unless the User-Agent looks like a browser («Mozilla/…»)
TLS_ORGS = {"tls-ddt"}


class _HeldoutHandler(_Handler):
    def _answer(self, *, head: bool) -> None:
        if self.server.org_id in WAF_ORGS and not (self.headers.get("User-Agent") or "").startswith("Mozilla/"):
            body = b"<html><body><h1>403 Forbidden</h1><p>Request blocked by web application firewall</p></body></html>"
            self._send(Resource(body, status=403), head=head, org_id=self.server.org_id)
            return
        super()._answer(head=head)


class _HeldoutServer(_Server):
    def __init__(self, addr: tuple[str, int], farm: HeldoutFarm, org_id: str) -> None:
        self.farm = farm  # type: ignore[assignment]
        self.org_id = org_id
        super(_Server, self).__init__(addr, _HeldoutHandler)


class HeldoutFarm:
    """Same interface as DemoFarm where the job needs it: start/stop, base_url, registry."""

    def __init__(self, tls_cert: Path, tls_key: Path, port: int = 0) -> None:
        self.port = port
        self._cache = DocCache()
        self._sites: dict[str, Site] = {org_id: build(self._cache) for org_id, build in BUILDERS.items()}
        self._tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._tls.load_cert_chain(tls_cert, tls_key)
        self._log_lock = threading.Lock()
        self._log_entries: list[tuple[str, str, str]] = []
        self._servers: list[_HeldoutServer] = []
        self._threads: list[threading.Thread] = []

    # the demo handler calls these
    def _site(self, org_id: str) -> Site:
        return self._sites[org_id]

    def delay(self, org_id: str) -> float:
        return 0.0

    def is_down(self, org_id: str) -> bool:
        return False

    def _log(self, host: str, method: str, path: str) -> None:
        with self._log_lock:
            self._log_entries.append((host, method, path))

    def request_log(self) -> list[tuple[str, str, str]]:
        with self._log_lock:
            return list(self._log_entries)

    def start(self) -> None:
        for _ in range(20):
            try:
                port = self.port
                for org_id, (_, _, n) in ORGS.items():
                    server = _HeldoutServer((f"127.0.0.{n}", port), self, org_id)
                    if org_id in TLS_ORGS:
                        server.socket = self._tls.wrap_socket(server.socket, server_side=True)
                    self._servers.append(server)
                    port = server.server_address[1]
                self.port = port
                break
            except OSError:
                for server in self._servers:
                    server.server_close()
                self._servers = []
                self.port = 0
        else:
            raise OSError("не удалось найти свободный порт для проверочного округа")
        for server in self._servers:
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        stoppers = [threading.Thread(target=s.shutdown) for s in self._servers]
        for th in stoppers:
            th.start()
        for th in stoppers:
            th.join(timeout=5)
        for server in self._servers:
            server.server_close()
        self._servers = []

    def __enter__(self) -> HeldoutFarm:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def base_url(self, org_id: str) -> str:
        scheme = "https" if org_id in TLS_ORGS else "http"
        path = "/"
        return f"{scheme}://127.0.0.{ORGS[org_id][2]}:{self.port}{path}"

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
