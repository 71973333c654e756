"""A synthetic region end to end (prints figures, asserts nothing): N organizations in several districts.

.venv/bin/python bench/bench_region.py --n 100            # crawl, analysis and reports of 100 sites
.venv/bin/python bench/bench_region.py --n 2500 --districts 25
.venv/bin/python bench/bench_region.py --n 300 --focus     # focused crawl against breadth-first, big menus

Each site is a small school site on its own loopback address (127.1.x.y, one server process answering by the
address it was called on) with a «Наставничество» section and 3–6 documents — text PDFs and DOCX written by the
demo's generator, 8 % scans that need OCR — all different, so that nothing is read twice. A share of the sites
has a mega-menu of 120 links. The real `crawler run` runs over a registry folder of districts with the default
politeness; the tree of processes is sampled for memory and CPU. Printed: wall time, CPU of both cores, peak
memory per kind of process and for the tree, the time of each stage (from the run log), the size of every
output, and, with --focus, the requests until the section of the focused crawl and of a breadth-first crawl.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import deque
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CACHE = ROOT / "bench" / "results" / "region-docs"
TEMPLATES = ("regulation", "pairs", "roadmap", "base", "report", "program")
SCAN_SHARE = 0.08
MEGA_MENU_SHARE = 0.3


# ------------------------------------------------------------------------------------------------ documents


def _lines(kind: str, n: int) -> list[str]:
    """The text of one document of organization n (its number makes every document different)."""
    org = f"МБОУ «Средняя общеобразовательная школа № {n}»"
    year = "2025-2026"
    if kind == "regulation":
        return [
            f"# {org}",
            f"УТВЕРЖДЕНО приказом от 01.09.2025 № {100 + n % 900}-од",
            "# ПОЛОЖЕНИЕ",
            f"# о системе наставничества педагогических работников в {org}",
            "1. Общие положения",
            "1.1. Настоящее положение определяет порядок организации наставничества педагогических работников.",
            "1.2. Наставничество осуществляется на основании письменного согласия наставника и наставляемого.",
        ]
    if kind == "pairs":
        return [
            f"# {org}",
            "# ПРИКАЗ",
            f"от 02.09.2025 № {200 + n % 700}-од",
            f"# О закреплении наставнических пар на {year} учебный год",
            "ПРИКАЗЫВАЮ:",
            f"1. Закрепить наставнические пары на {year} учебный год:",
            "ФИО наставника\tФИО наставляемого\tФорма наставничества",
            f"Иванова Анна Петровна\tСидоров Олег Игоревич\tопытный педагог – молодой специалист ({n})",
            "2. Назначить куратором заместителя директора по учебно-воспитательной работе.",
        ]
    if kind == "roadmap":
        return [
            f"# Дорожная карта внедрения целевой модели наставничества в {org} на {year} учебный год",
            "№\tМероприятие\tСрок\tОтветственный",
            f"1\tРазработка положения о наставничестве ({n})\tсентябрь 2025\tкуратор",
            "2\tФормирование наставнических пар\tсентябрь 2025\tкуратор",
        ]
    if kind == "base":
        return [
            f"# База наставников {org}",
            f"# на {year} учебный год",
            "№\tФИО наставника\tДолжность\tНаправление",
            f"1\tИванова Анна Петровна\tучитель математики\tметодика ({n})",
        ]
    if kind == "report":
        return [
            f"# Отчёт о реализации программы наставничества в {org} за 2024-2025 учебный год",
            f"В 2024-2025 учебном году работали {2 + n % 3} наставнические пары.",
        ]
    return [
        f"# Программа наставничества педагогических работников {org}",
        f"# на {year} учебный год",
        "1. Цель программы: профессиональное развитие молодых педагогов.",
    ]


def _document(n: int, index: int, rng: random.Random) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of document `index` of organization n, cached on disk."""
    from crawler.demo import docgen

    kind = TEMPLATES[index % len(TEMPLATES)]
    fmt = "pdf_scan" if rng.random() < SCAN_SHARE else ("docx" if index % 3 == 2 else "pdf")
    ext = "docx" if fmt == "docx" else "pdf"
    name = f"{kind}-{n}.{ext}"
    cached = CACHE / f"{n:05d}-{index}-{fmt}.{ext}"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(docgen.render(fmt, _lines(kind, n), seed=n))
    ctype = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if ext == "docx"
        else "application/pdf"
    )
    return name, cached.read_bytes(), ctype


# ------------------------------------------------------------------------------------------------ sites


def _host(i: int) -> str:
    return f"127.1.{i // 250}.{1 + i % 250}"


def _site(i: int) -> dict[str, tuple[bytes, str]]:
    """Every route of site i."""
    rng = random.Random(i)
    docs = [_document(i, k, rng) for k in range(3 + i % 4)]
    mega = rng.random() < MEGA_MENU_SHARE
    menu_items = [("/sveden/common", "Сведения об образовательной организации"), ("/news", "Новости")]
    if mega:
        menu_items += [(f"/info/{k}", f"Информация для родителей, раздел {k}") for k in range(120)]
    menu_items += [("/pedagogam", "Педагогам")]
    nav = "<nav><ul>" + "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in menu_items) + "</ul></nav>"
    pad = "<p>" + "Муниципальное бюджетное общеобразовательное учреждение. " * 30 + "</p>"

    def page(title: str, body: str) -> tuple[bytes, str]:
        head = f"<head><meta charset='utf-8'><title>{title}</title></head>"
        html = f"<html>{head}<body>{nav}<main>{body}{pad}</main></body></html>"
        return html.encode("utf-8"), "text/html; charset=utf-8"

    routes = {
        "/": page(f"Школа № {i}", f"<h1>Школа № {i}</h1><p>Добро пожаловать.</p>"),
        "/sveden/common": page("Сведения", "<h1>Основные сведения</h1>"),
        "/news": page("Новости", "<h1>Новости</h1><p>Новостей нет.</p>"),
        "/pedagogam": page("Педагогам", "<h1>Педагогам</h1><a href='/pedagogam/nastavnichestvo'>Наставничество</a>"),
        "/pedagogam/nastavnichestvo": page(
            "Наставничество",
            "<h1>Наставничество</h1><p>Система наставничества педагогических работников школы.</p><ul>"
            + "".join(f"<li><a href='/files/{name}'>{name.rsplit('.', 1)[0]}</a></li>" for name, _, _ in docs)
            + "</ul>",
        ),
    }
    for k in range(120 if mega else 0):
        routes[f"/info/{k}"] = page(f"Раздел {k}", f"<h1>Раздел {k}</h1>")
    for name, data, ctype in docs:
        routes[f"/files/{name}"] = (data, ctype)
    return routes


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    sites: ClassVar[dict[str, dict[str, tuple[bytes, str]]]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        host = self.connection.getsockname()[0]
        route = self.sites.get(host, {}).get(self.path.split("?")[0])
        body, ctype = route if route else (b"not found", "text/plain")
        self.send_response(200 if route else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(n: int, port: int, ready: mp.synchronize.Event) -> None:
    _Handler.sites = {_host(i): _site(i) for i in range(n)}
    server = ThreadingHTTPServer(("0.0.0.0", port), _Handler)  # every 127.x.y.z of this machine
    server.daemon_threads = True
    server.request_queue_size = 256
    ready.set()
    server.serve_forever()


# ------------------------------------------------------------------------------------------ measuring


class TreeSampler:
    """Samples RSS and CPU of a process and all its descendants from /proc."""

    def __init__(self, root_pid: int, server_pid: int | None = None) -> None:
        self.root = root_pid
        self.server = server_pid
        # (wall clock, CPU seconds of the machine less the site server): the run's processes include ones no one
        # waits for (the fork server's workers), so rusage of children misses them; the machine does not
        self.cpu_marks: list[tuple[float, float]] = []
        self.peak_tree = 0
        self.peak_by_kind: dict[str, int] = {}
        self.peak_composition: dict[str, int] = {}  # the tree by kind of process at its peak
        self.peak_at = 0.0
        self._started = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._page = os.sysconf("SC_PAGE_SIZE")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _children(self) -> dict[int, list[int]]:
        tree: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                tree.setdefault(int(stat[1]), []).append(int(entry))
        return tree

    def cpu_now(self) -> float:
        ticks = os.sysconf("SC_CLK_TCK")
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        busy = sum(fields[:8]) - fields[3] - fields[4]  # all but idle and iowait
        server = 0
        if self.server:
            try:
                stat = Path(f"/proc/{self.server}/stat").read_text().rsplit(")", 1)[1].split()
                server = int(stat[11]) + int(stat[12])
            except OSError:
                pass
        return (busy - server) / ticks

    def cores(self, start: float, end: float) -> float | None:
        """Cores busy on average between two wall-clock times (the machine less the site server)."""
        inside = [(t, c) for t, c in self.cpu_marks if start <= t <= end]
        if len(inside) < 2 or inside[-1][0] <= inside[0][0]:
            return None
        return (inside[-1][1] - inside[0][1]) / (inside[-1][0] - inside[0][0])

    def _loop(self) -> None:
        self.cpu_marks.append((time.time(), self.cpu_now()))
        while not self._stop.wait(0.5):
            self.cpu_marks.append((time.time(), self.cpu_now()))
            tree = self._children()
            todo, pids = deque([self.root]), []
            while todo:
                pid = todo.popleft()
                pids.append(pid)
                todo.extend(tree.get(pid, []))
            total = 0
            composition: dict[str, int] = {}
            for pid in pids:
                try:
                    rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * self._page
                    cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                except OSError:
                    continue
                total += rss
                kind = self._kind(pid, cmd)
                composition[kind] = composition.get(kind, 0) + rss
                self.peak_by_kind[kind] = max(self.peak_by_kind.get(kind, 0), rss)
            if total > self.peak_tree:
                self.peak_tree, self.peak_composition = total, composition
                self.peak_at = time.monotonic() - self._started

    def _kind(self, pid: int, cmd: str) -> str:
        if pid == self.root:
            return "главный"
        if "crawl.worker" in cmd:
            return "обходчик"
        if "playwright" in cmd or cmd.startswith("node") or "/node " in cmd:
            return "драйвер Playwright"
        if "chrom" in cmd:
            return "Chromium"
        if "python" not in cmd:  # tesseract, antiword, LibreOffice: programs the readers call
            return "внешние программы"
        if "multiprocessing.spawn" in cmd:
            return "справки округов"
        return "чтение документов"


def _stages(log: Path) -> list[tuple[str, float]]:
    marks = [
        ("начало", r"run \d+ of .* started"),
        ("обход закончен", r"crawl of \d+ organizations finished"),
        ("все организации оценены", r"all \d+ organizations checked"),
        ("справки записаны", r"run \d+ finished"),
    ]
    found: list[tuple[str, float]] = []
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    for label, pattern in marks:
        for line in text.splitlines():
            if re.search(pattern, line):
                stamp = datetime.strptime(line[:19], "%Y-%m-%d %H:%M:%S").timestamp()
                found.append((label, stamp))
                break
    return found


# --------------------------------------------------------------------------------------------- the runs


def bench_region(n: int, districts: int, keep: Path | None) -> None:
    import socket

    import yaml

    t0 = time.monotonic()
    for i in range(n):  # documents rendered (or taken from the cache) before anything is timed
        _site(i)
    print(f"документы готовы за {time.monotonic() - t0:.0f} с (кэш: {CACHE})")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    server = ctx.Process(target=_serve, args=(n, port, ready), daemon=True)
    server.start()
    if not ready.wait(600):
        raise SystemExit("сервер сайтов не запустился")
    work = keep or Path(f"/tmp/nm-region-{n}")
    shutil.rmtree(work, ignore_errors=True)
    (work / "registry").mkdir(parents=True)
    per = -(-n // districts)
    for d in range(districts):
        members = range(d * per, min(n, (d + 1) * per))
        data = {
            "district": f"Округ № {d + 1}",
            "region": "Синтетическая область",
            "organizations": [
                {"id": f"s{i:05d}", "name": f"МБОУ «Средняя общеобразовательная школа № {i}»", "kind": "ОО",
                 "site": f"http://{_host(i)}:{port}/"}
                for i in members
            ],
        }  # fmt: skip
        (work / "registry" / f"{d + 1:03d}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    argv = [
        sys.executable, "-m", "crawler.cli", "run", "-r", str(work / "registry"), "--db", str(work / "monitor.db"),
        "--out", str(work / "out"), "--period", "2026-05", "--today", "2026-05-15", "--quiet",
    ]  # fmt: skip
    try:
        started = time.monotonic()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        sampler = TreeSampler(proc.pid, server.pid)
        sampler.start()
        _, err = proc.communicate()
        wall = time.monotonic() - started
        sampler.stop()
    finally:
        server.terminate()
        server.join()
    if proc.returncode:
        print(f"запуск завершился с кодом {proc.returncode}:\n{err[-2000:]}")
    cpu = sampler.cpu_marks[-1][1] - sampler.cpu_marks[0][1]
    print(f"== регион: {n} организаций, {districts} округов")
    print(f"время {wall:.0f} с; процессорное время машины без сервера сайтов {cpu:.0f} с = {cpu / wall:.2f} ядра "
          f"в среднем из {os.cpu_count()}")  # fmt: skip
    print(f"пиковая память дерева {sampler.peak_tree / 2**20:.0f} МБ; по процессам: " + ", ".join(
        f"{k} {v / 2**20:.0f} МБ" for k, v in sorted(sampler.peak_by_kind.items())))  # fmt: skip
    at_peak = sorted(sampler.peak_composition.items(), key=lambda kv: -kv[1])
    print(f"  в момент пика ({sampler.peak_at:.0f} с от начала): "
          + ", ".join(f"{k} {v / 2**20:.0f} МБ" for k, v in at_peak))  # fmt: skip
    logs = sorted((work / "out").glob("run-*.log"))
    stages = _stages(logs[-1]) if logs else []
    for (label, stamp), (following, nxt) in itertools.pairwise(stages):
        cores = sampler.cores(stamp, nxt)
        print(f"  {label} → {following}: {nxt - stamp:.0f} с" + (f", ядер занято {cores:.2f}" if cores else ""))
    sizes = sorted((p for p in (work / "out").rglob("*") if p.is_file()), key=lambda p: -p.stat().st_size)
    total = sum(p.stat().st_size for p in sizes)
    print(f"выходные файлы: {len(sizes)}, {total / 2**20:.1f} МБ; крупнейшие:")
    for p in sizes[:8]:
        print(f"  {p.relative_to(work / 'out')}: {p.stat().st_size / 2**20:.2f} МБ")
    findings = work / "out" / "findings-2026-05.json"
    if findings.exists():
        data = json.loads(findings.read_text("utf-8"))
        met = sum(1 for o in data for r in o["rules"] if r["status"] == "met")
        print(f"оценок «выполнено»: {met} из {sum(len(o['rules']) for o in data)}")
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)


def bench_focus(n: int) -> None:
    """Requests until the section: the focused crawl against a breadth-first walk of the same sites."""
    import socket
    import tempfile

    from crawler.config import CrawlSettings
    from crawler.crawl import crawl_sites
    from crawler.models import Organization, OrgKind

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    server = ctx.Process(target=_serve, args=(n, port, ready), daemon=True)
    server.start()
    ready.wait(600)
    orgs = [Organization(id=f"s{i:05d}", name=f"Школа {i}", kind=OrgKind.OO, site=f"http://{_host(i)}:{port}/")
            for i in range(n)]  # fmt: skip
    try:
        with tempfile.TemporaryDirectory() as tmp:
            results = crawl_sites(orgs, CrawlSettings(delay_seconds=0, retries=0), Path(tmp) / "blobs")
    finally:
        server.terminate()
        server.join()
    big = [i for i in range(n) if len(_site(i)) > 100]
    focused = [r.requests_to_section for i, r in enumerate(results) if i in big and r.requests_to_section]
    breadth = [_breadth_first_requests(_site(i)) for i in big]
    print(f"сайтов с меню на 120+ ссылок: {len(big)}")
    if focused:
        print(f"запросов до раздела, медиана: направленный обход {sorted(focused)[len(focused) // 2]}, "
              f"обход в ширину {sorted(breadth)[len(breadth) // 2]}")  # fmt: skip


def _breadth_first_requests(routes: dict[str, tuple[bytes, str]]) -> int:
    """How many pages a breadth-first crawl fetches before it reaches the section (links in page order)."""
    seen, queue, fetched = {"/"}, deque(["/"]), 0
    while queue:
        path = queue.popleft()
        fetched += 1
        if path == "/pedagogam/nastavnichestvo":
            return fetched
        body, ctype = routes.get(path, (b"", ""))
        if not ctype.startswith("text/html"):
            continue
        for href in re.findall(r"href='([^']+)'", body.decode("utf-8")):
            if href not in seen and not href.startswith("/files/"):
                seen.add(href)
                queue.append(href)
    return fetched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100, help="число организаций")
    parser.add_argument("--districts", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="оставить базу и справки в этом каталоге")
    parser.add_argument("--focus", action="store_true", help="сравнить направленный обход с обходом в ширину")
    args = parser.parse_args()
    if args.focus:
        bench_focus(args.n)
    else:
        bench_region(args.n, args.districts, args.keep)


if __name__ == "__main__":
    main()
