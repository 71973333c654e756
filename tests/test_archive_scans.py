"""A scan pasted as pictures is archived as its pictures and a page that shows them, not as the bare manifest."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from crawler.extract.scanpages import manifest
from crawler.outputs import _archive_scan_pages
from crawler.store import Store


def _jpeg(shade: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 60), (shade, shade, shade)).save(buf, format="JPEG")
    return buf.getvalue()


def test_scan_pages_are_archived_as_a_viewable_page(tmp_path: Path) -> None:
    store = Store(tmp_path / "m.db")
    pages = [store.blobs.put(_jpeg(40)), store.blobs.put(_jpeg(200))]
    sha = store.blobs.put(manifest([(p, f"http://s/upload/prikaz-{i}.jpg") for i, p in enumerate(pages, 1)]))
    archive = tmp_path / "archive"
    target = archive / sha[:2] / f"{sha}.html"
    _archive_scan_pages(store, sha, archive, target, "http://s/nastavnichestvo/")
    html = target.read_text(encoding="utf-8")
    assert "страниц: 2" in html
    for page in pages:
        copy = archive / page[:2] / f"{page}.jpg"
        assert copy.read_bytes() == store.blobs.path(page).read_bytes()
        assert f"../{page[:2]}/{page}.jpg" in html
