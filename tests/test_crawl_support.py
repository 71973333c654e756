"""Tiny real web sites on loopback for the crawl tests, and a school's monitoring run of the CLI on one of them (no
tests in this module)."""

from __future__ import annotations

import hashlib
import json
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from crawler.config import CrawlSettings
from crawler.models import Organization, OrgKind


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None
    fail_times: int = 0  # answer 503 this many times first
    no_length: bool = False  # no Content-Length: the body ends when the connection closes


Handler = Callable[[str], Route | None]


class Site:
    """A web site on 127.0.0.N: routes by path+query; 404 otherwise; a log of requests."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        routes: dict[str, Route] | None = None,
        auto_etag: bool = False,
        tls: tuple[Path, Path] | None = None,  # (certificate, key): serve HTTPS
    ):
        self.routes: dict[str, Route] = dict(routes or {})
        if auto_etag:
            for route in self.routes.values():
                if route.etag is None and route.status == 200:
                    route.etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'

        self.log: list[tuple[str, dict[str, str]]] = []
        self.bytes_sent = 0
        self.dynamic: Handler | None = None
        site = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                key = unquote(self.path)
                route = site.routes.get(key) or site.routes.get(self.path)
                if route is None and site.dynamic is not None:
                    route = site.dynamic(key)
                if route is None:
                    route = Route(b"<html><body>not found</body></html>", 404, {"Content-Type": "text/html"})
                if route.delay:
                    time.sleep(route.delay)
                if route.fail_times > 0:
                    route.fail_times -= 1
                    self._send(Route(b"busy", 503, {"Content-Type": "text/plain"}))
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._send(route)

            def _send(self, route: Route) -> None:
                self.send_response(route.status)
                headers = {"Content-Type": "text/html; charset=utf-8", **route.headers}
                if route.etag:
                    headers["ETag"] = route.etag
                for k, v in headers.items():
                    self.send_header(k, v)
                if route.no_length:
                    self.close_connection = True
                    self.send_header("Connection", "close")
                elif "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                    site.bytes_sent += len(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer((host, 0), H)
        self.server.daemon_threads = True
        self.scheme = "http"
        if tls is not None:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(str(tls[0]), str(tls[1]))
            self.server.socket = ctx.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        self.host = host
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}/"

    def start(self) -> Site:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def paths(self) -> list[str]:
        return [p for p, _ in self.log]


def html(body: str, title: str = "Школа", charset: str = "utf-8", head: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>{title}</title>{head}</head>"
        f"<body>{body}</body></html>"
    ).encode(charset)


def org(site_url: str, org_id: str = "s1", aliases: list[str] | None = None) -> Organization:
    return Organization(id=org_id, name=f"МБОУ {org_id}", kind=OrgKind.OO, site=site_url, aliases=aliases or [])


def fast_settings(**kw: object) -> CrawlSettings:
    base: dict[str, object] = {
        "delay_seconds": 0,
        "timeout_seconds": 3,
        "retries": 1,
        "retry_backoff_seconds": 0,
        "max_run_seconds": 120,
        "use_sitemap": True,
    }
    base.update(kw)
    return CrawlSettings(**base)  # type: ignore[arg-type]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def blob_dir(tmp: Path) -> Path:
    return tmp / "blobs"


MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def self_signed(tmp: Path, name: str = "localhost", ip: str = "127.0.0.1", prefix: str = "") -> tuple[Path, Path]:
    """A self-signed certificate (its own CA) for `name` and `ip`: (cert.pem, key.pem)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName(name), x509.IPAddress(ipaddress.ip_address(ip))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / f"{prefix}cert.pem", tmp / f"{prefix}key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def one_school_registry(folder: Path, site_url: str, name: str = "МБОУ СОШ № 1") -> Path:
    """The registry of a district of one school at site_url, written in folder."""
    registry = folder / "registry.yaml"
    district = {
        "district": "Тестовый округ",
        "organizations": [{"id": "s1", "name": name, "kind": "ОО", "site": site_url}],
    }
    registry.write_text(yaml.safe_dump(district, allow_unicode=True), encoding="utf-8")
    return registry


def run_monitoring(
    folder: Path,
    site_url: str,
    *,
    period: str,
    today: str,
    name: str = "МБОУ СОШ № 1",
    env: dict[str, str] | None = None,
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """One monitoring run of the CLI (`crawler run`, a quick crawl: no delay, no retries) on the school at site_url,
    its database and outputs in folder; the process and the findings' rules by id. The run must succeed."""
    registry = one_school_registry(folder, site_url, name=name)
    config = folder / "config.yaml"
    config.write_text(yaml.safe_dump({"crawl": {"delay_seconds": 0, "retries": 0}}), encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable, "-m", "crawler.cli", "run", "-r", str(registry), "--db", str(folder / "m.db"),
            "--out", str(folder / "out"), "--period", period, "--today", today, "--config", str(config), "--quiet",
        ],
        capture_output=True, text=True, timeout=300, env=env, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    found = json.loads((folder / "out" / f"findings-{period}.json").read_text(encoding="utf-8"))
    return proc, {r["id"]: r for r in found[0]["rules"]}


def run_school_site(
    site: Site, folder: Path, *, name: str, period: str = "2026-01", today: str = "2026-01-20"
) -> tuple[str, dict[str, Any]]:
    """Serve the school's site for one monitoring run of the CLI (`run_monitoring`): its URL and the rules by id."""
    site = site.start()
    try:
        _, rules = run_monitoring(folder, site.url, period=period, today=today, name=name)
    finally:
        site.stop()
    return site.url, rules
