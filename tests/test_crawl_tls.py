"""TLS: a certificate the system does not trust is named plainly; the extra CA bundle makes it trusted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.crawl import crawl_sites
from tests.test_crawl_support import Route, Site, fast_settings, html, org, self_signed

pytestmark = pytest.mark.slow  # crawls or serves whole districts: not in make test-fast


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, Path]]:
    tmp = tmp_path_factory.mktemp("tls")
    cert, key = self_signed(tmp)
    site = Site(
        "localhost",
        {"/": Route(html("<nav><a href='/nastavnichestvo'>Наставничество</a></nav><h1>Школа</h1>"))},
        tls=(cert, key),
    ).start()
    site.routes["/nastavnichestvo"] = Route(html("<main><h1>Наставничество</h1><p>Целевая модель</p></main>"))
    yield site, cert
    site.stop()


def test_untrusted_certificate_is_unreachable_with_tls_reason(tls_site: tuple[Site, Path], tmp_path: Path) -> None:
    site, _ = tls_site
    res = crawl_sites([org(site.url)], fast_settings(), tmp_path / "blobs")[0]
    assert not res.reachable
    assert "ошибка сертификата TLS" in (res.failure_reason or "")
    assert res.attempts and "TLS" in (res.attempts[0].error or "")


def test_extra_ca_bundle_makes_it_trusted(tls_site: tuple[Site, Path], tmp_path: Path) -> None:
    site, cert = tls_site
    res = crawl_sites([org(site.url)], fast_settings(ca_bundle=cert), tmp_path / "blobs")[0]
    assert res.reachable, res.failure_reason
    assert res.section is not None and res.section.url.endswith("/nastavnichestvo")
