"""Regenerate the PDFs of ``tests/ingest/reading/`` (committed, a few KB each).

Run from the repository root: ``.venv/bin/python tests/ingest/reading/make_pdfs.py``.
Needs LibreOffice (``soffice``) and the Debian fonts of scripts/apt-packages*.txt (DejaVu,
Noto). Every file is what a real producer writes (LibreOffice Writer's PDF export) from
text written here; nothing is edited after export, so what pdfium reads from them is what
it reads from council documents made the same way:

* ``ligatures-ar.pdf``: Arabic set in DejaVu Sans (page 1) and Noto Kufi Arabic (page 2),
  fonts whose lam-alef, lam-alef-maksura and ``الله`` ligatures are single glyphs mapped to
  several letters: pdfium emits those letters back to front (``االقتصادي``), the defect of
  the Bulletin officiel decrees made with Word; plus a paragraph stretched with kashida.
* ``numbers-ar.pdf``: Arabic lines mixing Hijri and Gregorian dates in brackets, decree and
  law numbers, percentages, amounts and dates with and without spaces (Noto Naskh Arabic).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

LIGATURE_TEXT = (
    "يهدف البرنامج إلى دعم النمو الاقتصادي والإيكولوجية المحلية، ولا يمكن تنفيذه إلا بتنسيق مع الإدارة.",
    "تعرض العلاقات مع الجماعات خلال الدورة الأولى، وتحدد الآلات والأجهزة المستعملة في الأشغال.",
    "والحمد لله وحده، وقد صادقت العمالة على لائحة الأعمال بالإجماع.",
)
KASHIDA_TEXT = "مـا تكـون الجهـة مسؤولـة عن تنفيذ البرنامـج في آجالـه، وصدر في 9 محرم 1448 هـ."

NUMBER_LINES = (
    "صدر بالرباط في 9 محرم 1448 (25 يونيو 2026) المرسوم رقم 2.26.530 بتطبيق القانون التنظيمي رقم 111.14 المتعلق بالجهات.",
    "طبقا للمادتين 12 و15 من القانون، بنسبة 12,5 % أو %12 من مبلغ 1 250 000 درهم.",
    "نشر بتاريخ 15 / 03 / 2026 وفي 2026/03/15 الظهير الشريف رقم 1.15.83 الصادر في 20 من رمضان 1436 (7 يوليو 2015).",
    "يغطي البرنامج الفترة (2022-2027) ويشمل مكتب INDH 2026 في الجهة.",
)


def _html(pages: list[tuple[str, list[str]]]) -> str:
    parts = []
    for n, (font, paras) in enumerate(pages):
        brk = "page-break-before:always;" if n else ""
        for k, para in enumerate(paras):
            style = f'{brk if k == 0 else ""}font-family:"{font}";font-size:12pt;text-align:justify'
            parts.append(f'<p dir="rtl" lang="ar" style="{style}">{para}</p>')
    return '<!doctype html><html><head><meta charset="utf-8"></head><body>' + "".join(parts) + "</body></html>"


def export(html: str, out: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{out.stem}.html"
        src.write_text(html, encoding="utf-8")
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--infilter=HTML (StarWriter)",
             "--convert-to", "pdf:writer_pdf_Export", str(src), "--outdir", tmp],
            check=True, capture_output=True, timeout=180,
        )
        shutil.move(str(Path(tmp) / f"{out.stem}.pdf"), out)
    return out


def main() -> None:
    export(_html([("DejaVu Sans", [*LIGATURE_TEXT, KASHIDA_TEXT]), ("Noto Kufi Arabic", list(LIGATURE_TEXT))]), HERE / "ligatures-ar.pdf")
    export(_html([("Noto Naskh Arabic", list(NUMBER_LINES))]), HERE / "numbers-ar.pdf")


if __name__ == "__main__":
    main()
