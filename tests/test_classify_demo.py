"""Every document of the demo district, served by its farm, is classified as truth.yaml says."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import unquote, urlparse

import httpx
import pytest

from crawler.classify import analyze
from crawler.config import ExtractSettings
from crawler.extract import extract_many
from crawler.models import DocType

pytestmark = pytest.mark.slow  # crawls or serves whole districts: not in make test-fast

truth_module = pytest.importorskip("crawler.demo.truth")
farm_module = pytest.importorskip("crawler.demo.farm")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, object, object]]:
    truth = truth_module.load_truth()
    tmp = tmp_path_factory.mktemp("demo-docs")
    items = []
    meta = []
    seen: set[str] = set()
    with farm_module.DemoFarm(variant="current") as farm:
        for variant in ("current", "previous"):
            farm.set_variant(variant)
            for org in truth.organizations:
                if not org.reachable:
                    continue
                for doc in org.docs_in(variant):
                    if doc.external or doc.too_large:
                        continue
                    url = doc.url if doc.url.startswith("http") else farm.base_url(org.id).rstrip("/") + doc.url
                    response = httpx.get(url, follow_redirects=True, timeout=30)
                    assert response.status_code == 200, url
                    sha = hashlib.sha256(response.content).hexdigest()
                    if sha in seen:  # the same file in both variants or on two sites is checked once
                        continue
                    seen.add(sha)
                    path = tmp / f"{len(items)}.bin"
                    path.write_bytes(response.content)
                    items.append((path, hashlib.sha256(response.content).hexdigest(), doc.format))
                    meta.append((f"{variant}:{org.id}:{doc.url}", doc, org))
    results = extract_many(items, ExtractSettings(workers=2))
    return [(key, doc, (res, org)) for (key, doc, org), res in zip(meta, results, strict=True)]


def test_demo_documents_classified_as_truth(served: list[tuple[str, object, object]]) -> None:
    wrong = []
    for key, doc, (extracted, org) in served:
        parts = analyze(
            extracted.text,
            fmt=extracted.format,
            file_name=unquote(Path(urlparse(doc.url).path).name),
            org_name=org.name,
            signature_field=extracted.signature_field,
        )
        got = [p.type for p in parts]
        if got != list(doc.types):
            wrong.append(f"{key}: ожидалось {[t.value for t in doc.types]}, получено {[t.value for t in got]}")
            continue
        first = parts[0]
        if doc.approved_on and first.approved_on != doc.approved_on:
            wrong.append(f"{key}: дата {first.approved_on} вместо {doc.approved_on}")
        if doc.number and first.number != doc.number:
            wrong.append(f"{key}: номер {first.number} вместо {doc.number}")
        if doc.signed and not any(p.signed for p in parts):
            wrong.append(f"{key}: не найдена отметка об ЭП")
        if doc.owner_mismatch and not any(p.owner_matches is False for p in parts):
            wrong.append(f"{key}: не замечено чужое название организации")
        if doc.pupil_only and not parts[0].pupil_only:
            wrong.append(f"{key}: не отмечено «только обучающиеся»")
        if doc.scan and not extracted.is_scan:
            wrong.append(f"{key}: скан не распознан как скан")
        if doc.broken_text_layer and not extracted.broken_text_layer:
            wrong.append(f"{key}: испорченный текстовый слой не замечен")
    assert served, "в демо-округе нет документов"
    assert not wrong, "\n".join(wrong)


def test_demo_section_pages(demo_farm: object, truth: object) -> None:
    """A section page that lists documents is no document; an order pasted into the page is one."""
    from crawler.extract import html_to_text

    checked = 0
    for org in truth.organizations:  # type: ignore[attr-defined]
        if not org.reachable or not org.section or org.section.startswith("http"):
            continue
        url = demo_farm.base_url(org.id).rstrip("/") + org.section  # type: ignore[attr-defined]
        response = httpx.get(url, follow_redirects=True, timeout=30)
        text = html_to_text(response.content, content_type=response.headers.get("content-type"))
        parts = analyze(text, fmt="html", link_text="Наставничество", org_name=org.name)
        pasted = [d for d in org.docs_in("current") if d.format == "html" and d.url == org.section]
        expected = list(pasted[0].types) if pasted else [DocType.other]
        assert [p.type for p in parts] == expected, f"{org.id}: {[p.title for p in parts]}"
        checked += 1
    assert checked >= 5
