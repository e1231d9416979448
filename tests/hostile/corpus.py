"""A hostile-input corpus made by code (nothing large is committed).

Each entry is ``name -> (file name, bytes factory, expected error code)``. The files
are built on demand into a folder, so the same corpus serves the library tests and
the service tests.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

MiB = 1024 * 1024


def _pdf(objects: list[bytes], root: int = 1, *, xref: bool = True, trailer_extra: bytes = b"") -> bytes:
    """Assemble a PDF from object bodies (1-based numbering), with a correct xref table."""
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
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer_extra, start))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def simple_pdf(text: bytes = b"Budget 2026") -> bytes:
    content = b"BT /F1 24 Tf 72 720 Td (" + text + b") Tj ET"
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def truncated_pdf() -> bytes:
    data = simple_pdf()
    return data[: len(data) // 2]


def broken_xref_pdf() -> bytes:
    data = simple_pdf()
    head, _, tail = data.partition(b"xref\n")
    return head + b"xref\n0 6\n" + b"9999999999 00000 n \n" * 6 + tail.split(b"trailer", 1)[1].join([b"trailer", b""])


def page_tree_loop_pdf() -> bytes:
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ])


def flate_bomb_pdf(expanded_mib: int = 1024) -> bytes:
    """A page whose content stream inflates to ``expanded_mib`` MiB of spaces."""
    comp = zlib.compressobj(9)
    chunk = b" " * MiB
    parts = [comp.compress(chunk) for _ in range(expanded_mib)]
    parts.append(comp.flush())
    data = b"".join(parts)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(data, b"/Filter /FlateDecode "),
    ])


def huge_image_pdf() -> bytes:
    """A page with a 60000 x 60000 RGB image (10 GB decoded) from a tiny compressed stream."""
    comp = zlib.compressobj(9)
    data = comp.compress(b"\x00" * (4 * MiB)) + comp.flush()
    img = _stream(data, b"/Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode ")
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
        _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        img,
    ])


def many_pages_pdf(pages: int = 5000) -> bytes:
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        _stream(b"BT /F1 12 Tf 72 720 Td (Page) Tj ET"),
    ]
    font = 4 + pages
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 %d 0 R >> >> >>" % font] * pages
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return _pdf(objs)


def encrypted_pdf(user_password: str) -> bytes:
    import pikepdf

    src = pikepdf.open(io.BytesIO(simple_pdf()))
    buf = io.BytesIO()
    src.save(buf, encryption=pikepdf.Encryption(user=user_password, owner="owner-secret", R=6))
    return buf.getvalue()


def _zip(entries: dict[str, bytes], *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compress) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
BOMB_DTD = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    b'<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    b'<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    b'<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
)


def entity_bomb_docx() -> bytes:
    doc = BOMB_DTD + (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    return _zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": doc})


def entity_bomb_odt() -> bytes:
    content = BOMB_DTD + (
        b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>&lol9;</text:p>'
        b"</office:text></office:body></office:document-content>"
    )
    return _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": content}, compress=zipfile.ZIP_STORED)


def entity_bomb_html() -> bytes:
    return BOMB_DTD + b"<html><body><p>&lol9;</p></body></html>"


def zip_bomb_docx(expanded_mib: int = 2048) -> bytes:
    """A DOCX whose document part inflates to ``expanded_mib`` MiB (written by streaming)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            block = b" " * MiB
            for _ in range(expanded_mib):
                fh.write(block)
    return buf.getvalue()


def not_a_docx_zip() -> bytes:
    return _zip({"photo.jpg": b"\xff\xd8\xff" + b"\x00" * 100, "notes.txt": b"hello"})


def pdf_zip_polyglot() -> bytes:
    """Starts as a ZIP (a DOCX-looking package) with a PDF appended: read as what its head says."""
    return not_a_docx_zip() + simple_pdf()


def html_pdf_polyglot() -> bytes:
    return b"<html><body><p>Bonjour</p></body></html>\n" + simple_pdf()


def lying_zip_bomb_docx(expanded_mib: int = 1024) -> bytes:
    """A zip bomb whose headers *declare* a 1 KB document part: a size check on the directory alone passes it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w") as fh:
            block = b" " * MiB
            for _ in range(expanded_mib):
                fh.write(block)
    data = bytearray(buf.getvalue())
    real = expanded_mib * MiB
    fake = (1024).to_bytes(4, "little")
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local header, central directory
        pos = data.find(sig)
        while pos >= 0:
            if int.from_bytes(data[pos + offset : pos + offset + 4], "little") == real:
                data[pos + offset : pos + offset + 4] = fake
            pos = data.find(sig, pos + 4)
    return bytes(data)


def padded_entity_bomb_docx() -> bytes:
    """The entity bomb behind 100 KB of XML comment, past a scanner that reads only the head of a part."""
    head, _, rest = BOMB_DTD.partition(b"?>")
    doc = head + b"?><!--" + b" " * (100 * 1024) + b"-->" + rest + (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    return _zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": doc})


def xxe_docx(target: str = "/etc/passwd") -> bytes:
    """An external entity pointing at a local file (XXE): its content must never reach an output."""
    doc = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file://' + target.encode() + b'">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Budget &xxe; fin</w:t></w:r></w:p></w:body></w:document>'
    )
    return _zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": doc})


def html_local_include(target: str = "/etc/passwd") -> bytes:
    """HTML that tries to pull a local file in (iframe, img, object, link): nothing of it may be read."""
    return (
        b"<html><body><h1>Budget</h1><p>Texte public.</p>"
        b'<iframe src="file://' + target.encode() + b'"></iframe><img src="' + target.encode() + b'" alt="x">'
        b'<object data="file://' + target.encode() + b'"></object><link rel="stylesheet" href="' + target.encode() + b'">'
        b"</body></html>"
    )


def deep_nesting_html(depth: int = 100_000) -> bytes:
    """100,000 nested elements: a recursive parser must not blow its stack or run for ever."""
    return b"<html><body>" + b"<div>" * depth + b"fin" + b"</div>" * depth + b"</body></html>"


def png_bomb(side: int = 40_000) -> bytes:
    """A 40000 x 40000 one-bit PNG (1.6 billion pixels) in about 200 KB: a decompression bomb for image readers."""
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    comp = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    idat = b"".join(comp.compress(row * 1000) for _ in range(side // 1000)) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


CORPUS: dict[str, tuple[str, Callable[[], bytes], set[str]]] = {
    "truncated": ("truncated.pdf", truncated_pdf, {"bad_input"}),
    "broken-xref": ("broken-xref.pdf", broken_xref_pdf, {"bad_input", "ok"}),  # pdfium may repair it: either is fine, never a crash
    "page-tree-loop": ("loop.pdf", page_tree_loop_pdf, {"bad_input"}),
    "flate-bomb": ("bomb.pdf", flate_bomb_pdf, {"bad_input", "ok"}),
    "huge-image": ("huge-image.pdf", huge_image_pdf, {"bad_input", "ok"}),
    "5000-pages": ("many.pdf", many_pages_pdf, {"bad_input"}),
    "encrypted-user": ("locked.pdf", lambda: encrypted_pdf("secret"), {"bad_input"}),
    "encrypted-owner-only": ("owner-only.pdf", lambda: encrypted_pdf(""), {"bad_input", "ok"}),
    "entity-bomb-docx": ("bomb.docx", entity_bomb_docx, {"bad_input"}),
    "entity-bomb-odt": ("bomb.odt", entity_bomb_odt, {"bad_input"}),
    "entity-bomb-html": ("bomb.html", entity_bomb_html, {"bad_input"}),
    "zip-bomb-docx": ("zipbomb.docx", zip_bomb_docx, {"bad_input"}),
    "zip-not-docx": ("archive.docx", not_a_docx_zip, {"unsupported_format"}),
    "pdf-zip-polyglot": ("polyglot.pdf", pdf_zip_polyglot, {"unsupported_format", "bad_input"}),
    "html-pdf-polyglot": ("polyglot.html", html_pdf_polyglot, {"ok", "bad_input"}),
    "wrong-extension": ("budget.docx", simple_pdf, {"ok"}),  # a PDF named .docx is read as a PDF
    "empty": ("empty.pdf", lambda: b"", {"bad_input"}),
    "binary-junk": ("junk.txt", lambda: bytes(range(256)) * 64, {"unsupported_format"}),
    "zip-bomb-lying-docx": ("lying.docx", lying_zip_bomb_docx, {"bad_input"}),
    "entity-bomb-padded-docx": ("padded.docx", padded_entity_bomb_docx, {"bad_input"}),
    "xxe-docx": ("xxe.docx", xxe_docx, {"bad_input", "ok"}),  # refused, or read without the file's content
    "html-local-include": ("include.html", html_local_include, {"ok", "bad_input"}),
    "deep-nesting-html": ("deep.html", deep_nesting_html, {"ok", "bad_input"}),
    "png-bomb": ("scan.png", png_bomb, {"bad_input"}),
}

HOSTILE_NAMES = [
    "../../etc/passwd.pdf",
    "..\\..\\windows\\system32.pdf",
    "report\u202efdp.exe",
    "a" * 300 + ".pdf",
    "/absolute/path.pdf",
    "nul\x00byte.pdf",
]


def build(name: str, folder: Path) -> Path:
    fname, factory, _ = CORPUS[name]
    path = folder / fname
    path.write_bytes(factory())
    return path
