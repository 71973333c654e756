"""Hostile bytes for the farm: decompression bombs, lying containers, malformed PDFs, huge pictures.

Everything huge is either compressed (a few MB that inflate to gigabytes) or streamed by the farm; nothing here
holds more than ~200 MB at once. The slow ones (deflating 4.25 GB takes ~10 s) are kept in a cache directory
(tests/hostile/.cache, ignored by git) so that a second farm starts at once.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

CACHE_DIR = Path(__file__).with_name(".cache")
CACHE_VERSION = "1"
MB = 1024 * 1024
DOCX_BOMB_SIZE = 4_250_000_000  # what the `mimetype` member of the tester's DOCX inflates to (fits 32-bit sizes)
LYING_ZIP_SIZE = 1024 * MB  # word/document.xml really inflates to this; the zip headers say a few KB
GZIP_BOMB_SIZE = 1024 * MB
PDF_BOMB_SIZE = 1024 * MB
PASSWD_MARKER = "root:x:0:0"  # a line of /etc/passwd: must never appear in any output (XXE)


def _cached(name: str, make: Callable[[], bytes]) -> bytes:
    """Bytes from the cache directory, made (and stored) on first use."""
    path = CACHE_DIR / f"{name}.v{CACHE_VERSION}.bin"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    data = make()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return data


def _repeat(unit: bytes, total: int, chunk: int = MB) -> Iterator[bytes]:
    """`unit` repeated up to `total` bytes, in chunks of about `chunk` bytes (never the whole thing)."""
    block = unit * max(1, chunk // len(unit))
    left = total
    while left > 0:
        piece = block[:left]
        left -= len(piece)
        yield piece


def _deflate(parts: Iterator[bytes], wbits: int = -15, level: int = 9) -> tuple[bytes, int, int]:
    """(compressed, crc32, uncompressed size) of the concatenated parts; raw deflate by default."""
    comp = zlib.compressobj(level, zlib.DEFLATED, wbits)
    out = []
    crc = 0
    size = 0
    for part in parts:
        crc = zlib.crc32(part, crc)
        size += len(part)
        out.append(comp.compress(part))
    out.append(comp.flush())
    return b"".join(out), crc, size


# ------------------------------------------------------------------------------------------------ zip writer


@dataclass
class ZipEntry:
    """One member as written: `data` is already compressed with `method`; the sizes may lie."""

    name: str
    data: bytes
    method: int  # 0 stored, 8 deflated
    crc: int
    size: int  # uncompressed size written in the headers (the truth, or a lie)


def zip_bytes(entries: list[ZipEntry]) -> bytes:
    """A plain (non-ZIP64) zip archive from entries whose headers say what the caller wants."""
    out = io.BytesIO()
    central = []
    dos_time, dos_date = (9 << 11), ((2025 - 1980) << 9) | (9 << 5) | 1
    for e in entries:
        name = e.name.encode("utf-8")
        offset = out.tell()
        out.write(
            struct.pack(
                "<4sHHHHHIIIHH",
                b"PK\x03\x04",
                20,
                0x800,
                e.method,
                dos_time,
                dos_date,
                e.crc,
                len(e.data),
                e.size,
                len(name),
                0,
            )
        )
        out.write(name)
        out.write(e.data)
        central.append(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                0x800,
                e.method,
                dos_time,
                dos_date,
                e.crc,
                len(e.data),
                e.size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    start = out.tell()
    for c in central:
        out.write(c)
    size = out.tell() - start
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), size, start, 0))
    return out.getvalue()


def _members(docx: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def _entry(name: str, data: bytes) -> ZipEntry:
    packed, crc, size = _deflate(iter([data]))
    return ZipEntry(name, packed, 8, crc, size)


def _rezip(docx: bytes, replace: dict[str, bytes] | None = None, first: list[ZipEntry] | None = None) -> bytes:
    entries = list(first or [])
    for name, data in _members(docx):
        entries.append(_entry(name, (replace or {}).get(name, data)))
    return zip_bytes(entries)


# ---------------------------------------------------------------------------------------------- containers


def docx_bomb(docx: bytes) -> bytes:
    """A real DOCX plus a first member `mimetype` that inflates to 4.25 GB of zeros (the tester's 2.1 MB file).

    Its headers tell the truth: a reader that looks at the declared size can refuse it; one that reads it does not
    survive.
    """

    def make() -> bytes:
        packed, crc, size = _deflate(_repeat(b"\0", DOCX_BOMB_SIZE))
        return struct.pack("<IQ", crc, size) + packed

    raw = _cached("mimetype-bomb", make)
    crc, size = struct.unpack("<IQ", raw[:12])
    return _rezip(docx, first=[ZipEntry("mimetype", raw[12:], 8, crc, size)])


def lying_docx(docx: bytes) -> bytes:
    """word/document.xml really inflates to 1 GB (whitespace inside the body), but the zip headers give its
    original small size: a size check that trusts the headers lets it through."""
    members = dict(_members(docx))
    xml = members["word/document.xml"]
    cut = xml.index(b"<w:body>") + len(b"<w:body>")

    def make() -> bytes:
        packed, crc, _ = _deflate(itertools.chain([xml[:cut]], _repeat(b" ", LYING_ZIP_SIZE), [xml[cut:]]))
        return struct.pack("<I", crc) + packed

    raw = _cached(f"lying-{digest(xml)}", make)
    crc = struct.unpack("<I", raw[:4])[0]
    entries = [
        ZipEntry(name, raw[4:], 8, crc, len(xml))  # the lie: the declared size is the original one
        if name == "word/document.xml"
        else _entry(name, content)
        for name, content in members.items()
    ]
    return zip_bytes(entries)


def _inject_doctype(docx: bytes, doctype: str, reference: str) -> bytes:
    members = dict(_members(docx))
    xml = members["word/document.xml"].decode("utf-8")
    decl_end = xml.index("?>") + 2 if xml.startswith("<?xml") else 0
    xml = xml[:decl_end] + "\n" + doctype + xml[decl_end:]
    xml = xml.replace("<w:t>", f"<w:t>{reference}", 1).replace('<w:t xml:space="preserve">', f"<w:t>{reference}", 1)
    return _rezip(docx, {"word/document.xml": xml.encode("utf-8")})


XXE_DOCTYPE = '<!DOCTYPE w:document [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>'
LAUGHS_DOCTYPE = (
    "<!DOCTYPE lolz [\n"
    '<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>"
)


def xxe_docx(docx: bytes) -> bytes:
    """document.xml declares an external entity on /etc/passwd and uses it in the first paragraph."""
    return _inject_doctype(docx, XXE_DOCTYPE, "&xxe;")


def laughs_docx(docx: bytes) -> bytes:
    """document.xml carries the «billion laughs» entity expansion."""
    return _inject_doctype(docx, LAUGHS_DOCTYPE, "&lol9;")


def xxe_sitemap(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE urlset [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}pedagogam/nastavnichestvo/?x=&xxe;</loc></url></urlset>\n"
    ).encode()


def laughs_sitemap(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + LAUGHS_DOCTYPE
        + '\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}pedagogam/nastavnichestvo/</loc><lastmod>&lol9;</lastmod></url></urlset>\n"
    ).encode()


def gzip_bomb() -> bytes:
    """A gzip body (Content-Encoding: gzip) that inflates to 1 GB of spaces."""

    def make() -> bytes:
        packed, _, _ = _deflate(_repeat(b" ", GZIP_BOMB_SIZE), wbits=31)
        return packed

    return _cached("gzip-bomb", make)


# --------------------------------------------------------------------------------------------------- PDFs


def pdf_from_objects(objects: list[bytes], root: int = 1, *, xref: bool = True, trailer_extra: bytes = b"") -> bytes:
    """A PDF from numbered objects (1…n, bodies without «n 0 obj»), with a correct xref table when asked."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    start = out.tell()
    if xref:
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for off in offsets:
            out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root,
                                                                                    trailer_extra, start))  # fmt: skip
    return out.getvalue()


def pdf_truncated(pdf: bytes) -> bytes:
    """A real PDF cut after 55 % of its bytes (an interrupted upload)."""
    return pdf[: int(len(pdf) * 0.55)]


def pdf_deep_nesting(depth: int = 100_000) -> bytes:
    """A page whose resources hold an array nested 100 000 deep: recursive parsers overflow."""
    nested = b"[" * depth + b"]" * depth
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /X " + nested + b" >> >>",
        ]
    )


def pdf_loops() -> bytes:
    """A page tree whose node is its own kid, and a trailer whose /Prev points back at its own xref."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    plain = pdf_from_objects(objects)
    start = int(plain.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    return pdf_from_objects(objects, trailer_extra=b"/Prev %d " % start)


def pdf_lying() -> bytes:
    """Declares two billion pages and a content stream of 10 bytes whose FlateDecode data inflates to 1 GB."""

    def make() -> bytes:
        packed, _, _ = _deflate(_repeat(b"0 0 m ", PDF_BOMB_SIZE), wbits=15)
        return packed

    stream = _cached("pdf-content-bomb", make)
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length 10 /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
        ]
    )


# ------------------------------------------------------------------------------------------------ pictures


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side: int = 30_000) -> bytes:
    """A white grayscale PNG of side × side pixels (30000² = 900 megapixels) in about a megabyte."""

    def make() -> bytes:
        row = b"\x00" + b"\xff" * side
        rows_per_chunk = max(1, MB // len(row))

        def raw() -> Iterator[bytes]:
            left = side
            while left > 0:
                n = min(rows_per_chunk, left)
                left -= n
                yield row * n

        packed, _, _ = _deflate(raw(), wbits=15)
        ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
        idat = b"".join(_png_chunk(b"IDAT", packed[i : i + MB]) for i in range(0, len(packed), MB))
        return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + idat + _png_chunk(b"IEND", b"")

    return _cached(f"png-{side}", make)


def jpeg_bomb(side: int = 13_000) -> bytes:
    """A grayscale JPEG of side × side pixels (13000² = 169 megapixels: under Pillow's hard limit)."""

    def make() -> bytes:
        from PIL import Image, ImageDraw

        img = Image.new("L", (side, side), 250)
        draw = ImageDraw.Draw(img)
        for y in range(400, side - 400, 600):  # lines of «text» so that it looks like a scanned page
            draw.rectangle((400, y, side - 400, y + 60), fill=40)
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=30)
        img.close()
        return buf.getvalue()

    return _cached(f"jpeg-{side}", make)


# ---------------------------------------------------------------------------------------------------- misc


def garbage(size: int, seed: int = 12) -> bytes:
    """Random bytes (a broken upstream or a binary served as text/html)."""
    return random.Random(seed).randbytes(size)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]
