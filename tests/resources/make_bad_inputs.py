"""Regenerate the small ingest test files ``tests/resources/bad-*`` and ``ingest-*`` (committed; a few KB each).

Run from the repository root: ``.venv/bin/python tests/resources/make_bad_inputs.py``.
Needs pikepdf (only here, to encrypt), Pillow and Debian's chromium (for the PDF printed by
Chromium/Skia, a second PDF producer besides LibreOffice); the tests only read the files.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAMPLE = ROOT / "samples" / "deliberation-conseil.pdf"

BOMB_DTD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [\n <!ENTITY a "taysir">\n'
    + b"".join(b' <!ENTITY %s "%s">\n' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(9))
    + b"]>\n"
)
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    return buf.getvalue()


def entity_bomb_docx() -> bytes:
    """A DOCX whose document part defines nested entities (10^9 copies of 'taysir' when expanded)."""
    body = BOMB_DTD + (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _zip({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "word/document.xml": body})


def zip_not_docx() -> bytes:
    return _zip({"budget.csv": b"poste;montant\nroutes;412500000\n", "lisez-moi.txt": b"archive, not a document"})


def no_pages_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (i, body))
    xref = out.tell()
    out.write(b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def image_only_pdf() -> bytes:
    """One page that is only a picture of text (what a scanner produces): no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1240, 600), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", 44)
    for k, line in enumerate(["Région Béni Mellal-Khénifra", "Budget citoyen 2026", "Total : 1 250 000 000 DH"]):
        draw.text((80, 80 + 130 * k), line, fill=0, font=font)
    buf = io.BytesIO()
    img.convert("1").save(buf, "PDF", resolution=150.0)
    return buf.getvalue()


def encrypted(user_password: str) -> bytes:
    import pikepdf

    with pikepdf.open(SAMPLE) as pdf:
        buf = io.BytesIO()
        pdf.save(buf, encryption=pikepdf.Encryption(user=user_password, owner="conseil-owner", R=6))
    return buf.getvalue()


CHROMIUM_HTML = """<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<style>body{font-family:'Noto Naskh Arabic';font-size:14pt}</style></head><body>
<h1>الإطار العام للاستثمار</h1>
<p>لا يمكن إلا الالتزام بالأقاليم خلال سنة 2026 (المرحلة الأولى) بمبلغ 1 250 000 درهم.</p>
<p>الاعتمادات الإضافية لإنجاز الطرق القروية والأسلاك الكهربائية.</p>
</body></html>
"""


def chromium_pdf() -> bytes:
    """Arabic printed to PDF by headless Chromium: pdfium emits some of its words in visual order."""
    import shutil
    import subprocess
    import tempfile

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        raise SystemExit("chromium is needed to remake ingest-chromium-ar.pdf")
    with tempfile.TemporaryDirectory() as tmp:
        html, pdf = Path(tmp) / "ar.html", Path(tmp) / "ar.pdf"
        html.write_text(CHROMIUM_HTML, encoding="utf-8")
        subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             f"--print-to-pdf={pdf}", "--no-pdf-header-footer", html.as_uri()],
            check=True, capture_output=True, timeout=120,
        )
        return pdf.read_bytes()


def main() -> None:
    sample = SAMPLE.read_bytes()
    files = {
        "bad-empty.pdf": b"",
        "bad-no-pages.pdf": no_pages_pdf(),
        "bad-truncated.pdf": sample[: len(sample) // 3],
        "bad-corrupt.pdf": sample[:40] + bytes((b * 7 + 13) % 256 for b in sample[40:-30]) + sample[-30:],
        "bad-encrypted-user.pdf": encrypted("conseil2026"),
        "bad-encrypted-owner.pdf": encrypted(""),
        "bad-zip-not-docx.docx": zip_not_docx(),
        "bad-entity-bomb.docx": entity_bomb_docx(),
        "bad-image-only.pdf": image_only_pdf(),
        "ingest-chromium-ar.pdf": chromium_pdf(),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
