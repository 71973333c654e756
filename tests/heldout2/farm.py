"""The second held-out district served over real HTTP on 127.0.0.60 … 127.0.0.78, one shared port chosen by the OS.

Reuses the demo farm's server and request handler; adds: answers that name another host of the farm
(`{BASE:host-key}` in a body or a Location header, filled with the live address), a log of requests with the bytes
sent, organizations served from two addresses (a registry address that answers 301 to another host; a registry
alias — the old domain — that the new site links to).
"""

from __future__ import annotations

import argparse
import re
import threading
from pathlib import Path
from types import TracebackType

from crawler.demo.farm import _Handler, _Server
from crawler.demo.web import DocCache, Resource, Site
from crawler.models import Organization, OrgKind, Registry
from tests.heldout2 import sites as s

DISTRICT = "Липовский муниципальный округ"
TRUTH_PATH = Path(__file__).with_name("truth.yaml")
# id -> (registry name, kind, host key of the registry address, host keys of the registry aliases, other hosts)
ORGS: dict[str, tuple[str, OrgKind, str, list[str], list[str]]] = {
    "gw-sosh3": (s.SOSH3.short, OrgKind.OO, "gw-sosh3", [], []),
    "bx-gymn1": (s.GYMN1.short, OrgKind.OO, "bx-gymn1", [], []),
    "jm-ds5": (s.DS5.short, OrgKind.DOU, "jm-ds5", [], []),
    "bx-ddt": (s.DDT.short, OrgKind.DO, "bx-ddt", [], []),
    "sosh7": (s.SOSH7.short, OrgKind.OO, "sosh7", [], []),
    "ucoz-krasnoe": (s.KRASNOE.short, OrgKind.OO, "ucoz-krasnoe", [], []),
    "js-ds14": (s.DS14.short, OrgKind.DOU, "js-ds14", [], []),
    "wp-ds9": (s.DS9.short, OrgKind.DOU, "wp-ds9", [], []),
    "mute-sosh2": (s.SOSH2.short, OrgKind.OO, "mute-sosh2", [], []),
    "ozersk-sosh": (s.OZERSK.short, OrgKind.OO, "ozersk-old", [], ["ozersk-new"]),
    "cp-ds3": (s.DS3.short, OrgKind.DOU, "cp-ds3", [], []),
    "scan-ds7": (s.DS7.short, OrgKind.DOU, "scan-ds7", [], []),
    "tilda-cdo": (s.CDO.short, OrgKind.DO, "tilda-cdo", [], []),
    "card-ds12": (s.DS12.short, OrgKind.DOU, "card-ds12", [], []),
    "sosh5": (s.SOSH5.short, OrgKind.OO, "sosh5", ["sosh5-old"], []),
    "dyussh": (s.DYUSSH.short, OrgKind.DO, "dyussh", [], []),
    "vishnevo-oosh": (s.VISHNEVO.short, OrgKind.OO, "vishnevo-oosh", [], []),
}
CP1251_HOST = "cp-ds3"
_PLACEHOLDER = re.compile(rb"\{BASE:([a-z0-9-]+)\}")


def hosts_of(org_id: str) -> list[str]:
    _, _, main, aliases, others = ORGS[org_id]
    return [main, *aliases, *others]


class _Heldout2Handler(_Handler):
    server: _Heldout2Server

    def _send(self, res: Resource, *, head: bool, org_id: str) -> None:
        farm = self.server.farm2
        if s.TEMPLATE in res.headers:
            headers = {k: v for k, v in res.headers.items() if k != s.TEMPLATE}
            body = _PLACEHOLDER.sub(lambda m: farm.host_url(m.group(1).decode()).encode(), res.get_body())
            for name, value in list(headers.items()):
                headers[name] = _PLACEHOLDER.sub(
                    lambda m: farm.host_url(m.group(1).decode()).encode(), value.encode("latin-1")
                ).decode("latin-1")
            res = Resource(body, res.content_type, res.status, headers)
        if not head and res.stream is None:
            farm._count(self.server.org_id, len(res.get_body()))
        super()._send(res, head=head, org_id=org_id)


class _Heldout2Server(_Server):
    def __init__(self, addr: tuple[str, int], farm: Heldout2Farm, key: str) -> None:
        self.farm2 = farm
        self.farm = farm  # type: ignore[assignment]  # the demo handler calls _site, delay, is_down, _log
        self.org_id = key  # the demo handler's name for "which site": here a host key
        super(_Server, self).__init__(addr, _Heldout2Handler)


class Heldout2Farm:
    """The district's hosts on one free port; registry, request log (with bytes) per host."""

    def __init__(self, port: int = 0) -> None:
        self.port = port
        self._sites: dict[str, Site] = s.build_all(DocCache())
        self._lock = threading.Lock()
        self._log_entries: list[tuple[str, str, str]] = []
        self._bytes: dict[str, int] = {}
        self._servers: list[_Heldout2Server] = []
        self._threads: list[threading.Thread] = []

    # the demo handler calls these
    def _site(self, key: str) -> Site:
        return self._sites[key]

    def delay(self, key: str) -> float:
        return 0.0

    def is_down(self, key: str) -> bool:
        return False

    def _log(self, host: str, method: str, path: str) -> None:
        with self._lock:
            self._log_entries.append((host, method, path))

    def _count(self, key: str, nbytes: int) -> None:
        with self._lock:
            self._bytes[key] = self._bytes.get(key, 0) + nbytes

    def base_url(self, key: str) -> str:  # the demo handler's {BASE} substitution (not used by these sites)
        return self.host_url(key)

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        if self._servers:
            return
        for _ in range(20):
            try:
                port = self.port
                for key, n in s.HOSTS.items():
                    server = _Heldout2Server((f"127.0.0.{n}", port), self, key)
                    self._servers.append(server)
                    port = server.server_address[1]
                self.port = port
                break
            except OSError:
                for server in self._servers:
                    server.server_close()
                self._servers = []
                if self.port:
                    raise
        else:
            raise OSError("не удалось найти свободный порт для второго проверочного округа")
        for server in self._servers:
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        stoppers = [threading.Thread(target=server.shutdown) for server in self._servers]
        for th in stoppers:
            th.start()
        for th in stoppers:
            th.join(timeout=5)
        for server in self._servers:
            server.server_close()
        self._servers = []
        self._threads = []

    def __enter__(self) -> Heldout2Farm:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ addresses, registry, log
    def host_url(self, key: str) -> str:
        return f"http://127.0.0.{s.HOSTS[key]}:{self.port}/"

    def base_url_of_org(self, org_id: str) -> str:
        return self.host_url(ORGS[org_id][2])

    def registry(self) -> Registry:
        return Registry(
            district=DISTRICT,
            organizations=[
                Organization(
                    id=org_id,
                    name=name,
                    kind=kind,
                    site=self.host_url(main),
                    aliases=[self.host_url(k) for k in aliases],
                )
                for org_id, (name, kind, main, aliases, _) in ORGS.items()
            ],
        )

    def write_registry(self, path: Path) -> Path:
        from crawler.registry import dump_registry

        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_registry(self.registry()), encoding="utf-8")
        return path

    def request_log(self) -> list[tuple[str, str, str]]:
        with self._lock:
            return list(self._log_entries)

    def org_traffic(self, org_id: str) -> tuple[int, int]:
        """(requests, bytes of bodies) the organization's hosts answered."""
        addrs = {f"127.0.0.{s.HOSTS[k]}" for k in hosts_of(org_id)}
        with self._lock:
            requests = sum(1 for host, _, _ in self._log_entries if host in addrs)
            sent = sum(self._bytes.get(k, 0) for k in hosts_of(org_id))
        return requests, sent


def main() -> None:
    """Serve the district until interrupted (for looking at the sites in a browser)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    with Heldout2Farm(args.port) as farm:
        for org_id in ORGS:
            print(org_id, farm.base_url_of_org(org_id))
        threading.Event().wait()


if __name__ == "__main__":
    main()
