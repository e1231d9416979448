"""Build the sample documents: ``samples/src/*.md`` -> ``samples/<name>.docx`` -> ``samples/<name>.pdf``.

Usage::

    .venv/bin/python scripts/make_samples.py            # the three samples (committed)
    .venv/bin/python scripts/make_samples.py --bench     # also bench/data/bilingual-long.pdf (not committed)
    .venv/bin/python scripts/make_samples.py --only deliberation-conseil

Samples listed in ``EXPORTS`` also get the two exports an office user sends besides the DOCX
and the PDF: ``<name>.html``, LibreOffice's HTML export of the DOCX (its footnotes are
``sdfootnote`` links and ``<div>``s at the end), and ``<name>.export.md``, Markdown made from
that HTML the way Word-to-Markdown converters make it: Word's footnote links
(``[\\[1\\]](#_ftn1)``, the notes at the end after a rule, each starting with a link back),
``**`` for bold, escaped brackets, HTML fragments where Markdown has no syntax (table cells with
several paragraphs, ``<sup>``), and the style sheet left at the top as an HTML comment whose
asterisks are escaped.

The Markdown sources mark Arabic parts with pandoc fenced divs ``::: {lang=ar dir=rtl}``;
pandoc then writes ``w:bidi`` (right-to-left paragraphs) and ``w:rtl`` (right-to-left runs).
This script adds what pandoc leaves out: a reference DOCX whose fonts cover Arabic
(Noto Naskh Arabic for complex scripts, Noto Sans for Latin) with distinct heading sizes,
``w:bidiVisual`` on tables inside Arabic parts (columns run right to left) and ruling
lines on the tables that should have them. LibreOffice (headless, private profile)
turns each DOCX into a PDF.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "samples" / "src"
OUT = ROOT / "samples"
BENCH = ROOT / "bench" / "data"

LATIN_FONT = "Noto Sans"
ARABIC_FONT = "Noto Naskh Arabic"
FONTS = f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{LATIN_FONT}" w:cs="{ARABIC_FONT}" />'
# half-points: body 11 pt, headings 18 / 15 / 13 pt, all headings bold
SIZES = {"Heading1": 36, "Heading2": 30, "Heading3": 26}
BODY_SIZE = 22
# samples whose tables get ruling lines (the others keep pandoc's header rule only,
# so the PDF ingester also meets a table without a grid)
RULED = {"budget-citoyen-2026", "deliberation-conseil", "bilingual-long", "note-budget-2027"}
# the samples the benchmark document is made of (kept fixed, so benchmark figures stay comparable)
BENCH_SOURCES = ("budget-citoyen-2026", "deliberation-conseil", "programme-developpement-regional")
# samples that also get an HTML export and a Word-style Markdown export (see the module docstring)
EXPORTS = {"note-budget-2027"}
BORDERS = (
    "<w:tblBorders>"
    + "".join(f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="404040" />' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + "</w:tblBorders>"
)
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01, so rebuilt DOCX files are byte-stable


def pandoc() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer")
    return found


def _style_xml(styles: str) -> str:
    styles = re.sub(r"<w:rFonts\b[^>]*/>", FONTS, styles, flags=re.S)
    styles = styles.replace('<w:sz w:val="24" />\n        <w:szCs w:val="24" />', f'<w:sz w:val="{BODY_SIZE}" />\n        <w:szCs w:val="{BODY_SIZE}" />', 1)
    styles = styles.replace('w:bidi="ar-SA"', 'w:bidi="ar-MA"')
    for sid, size in SIZES.items():
        m = re.search(rf'(<w:style [^>]*w:styleId="{sid}".*?</w:style>)', styles, re.S)
        assert m, sid
        block = m.group(1)
        new = re.sub(r'<w:sz w:val="\d+" />\s*<w:szCs w:val="\d+" />', f'<w:b /><w:bCs /><w:sz w:val="{size}" /><w:szCs w:val="{size}" />', block)
        new = re.sub(r"<w:color [^>]*/>", '<w:color w:val="1F3A5F" />', new, flags=re.S)
        styles = styles.replace(block, new)
    return styles


def reference_docx(work: Path) -> Path:
    """pandoc's default reference DOCX with our fonts and heading sizes."""
    raw = subprocess.run([pandoc(), "--print-default-data-file", "reference.docx"], capture_output=True, check=True, timeout=60).stdout
    out = work / "reference.docx"
    with zipfile.ZipFile(io.BytesIO(raw)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/styles.xml":
                data = _style_xml(data.decode("utf-8")).encode("utf-8")
            elif info.filename == "word/theme/theme1.xml":
                data = re.sub(rb'typeface="[^"]*"', f'typeface="{LATIN_FONT}"'.encode(), data)
            zout.writestr(info, data)
    return out


def _fix_tables(xml: str, ruled: bool) -> str:
    """Arabic tables read right to left (``w:bidiVisual``); optional ruling lines."""

    def fix(m: re.Match[str]) -> str:
        tbl = m.group(0)
        first_p = re.search(r"<w:p>.*?</w:p>", tbl, re.S)
        extra = ""
        if first_p and "<w:bidi />" in first_p.group(0):
            extra += "<w:bidiVisual />"
        if ruled:
            extra += BORDERS
        return re.sub(r'(<w:tblW [^>]*/>)', r"\1" + extra, tbl, count=1)

    return re.sub(r"<w:tbl>.*?</w:tbl>", fix, xml, flags=re.S)


def build_docx(md: Path, docx: Path, ref: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    tmp = docx.with_suffix(".tmp.docx")
    subprocess.run([pandoc(), "--sandbox", "-f", "markdown", "-t", "docx", "--reference-doc", str(ref), "-o", str(tmp), str(md)], check=True, timeout=120, env=env)
    ruled = docx.stem in RULED
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = _fix_tables(data.decode("utf-8"), ruled).encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))  # byte-stable rebuilds
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, data)
    tmp.unlink()


def build_pdf(docx: Path, out_dir: Path, work: Path) -> Path:
    """DOCX -> PDF with LibreOffice headless, in a private profile so parallel runs do not collide."""
    profile = work / "lo-profile"
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    pdf = out_dir / (docx.stem + ".pdf")
    if not pdf.exists():
        sys.exit(f"LibreOffice did not write {pdf}")
    _stable_pdf(pdf)
    return pdf


def _stable_pdf(pdf: Path) -> None:
    """Make rebuilds byte-identical: fixed creation date and document ID (same lengths, so offsets hold)."""
    data = pdf.read_bytes()
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20260101000000", data)
    data = re.sub(rb"/ModDate\(D:\d{14}", b"/ModDate(D:20260101000000", data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>", lambda m: re.sub(rb"[0-9A-Fa-f]", b"0", m.group(0)[3:]).join([b"/ID", b""]), data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", lambda m: re.sub(rb"/[0-9A-Fa-f]+$", lambda k: b"/" + b"0" * (len(k.group(0)) - 1), m.group(0)), data)
    pdf.write_bytes(data)


def build_html(docx: Path, out_dir: Path, work: Path) -> Path:
    """DOCX -> HTML with LibreOffice's HTML export ("HTML (StarWriter)"), dates made stable."""
    profile = work / "lo-profile"
    tmp = work / "html"
    tmp.mkdir(exist_ok=True)
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "html:HTML (StarWriter)", "--outdir", str(tmp), str(docx)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    html = (tmp / (docx.stem + ".html")).read_text(encoding="utf-8")
    html = re.sub(r'(<meta name="(?:created|changed)" content=")[^"]*"', r'\g<1>2026-01-01T00:00:00"', html)
    out = out_dir / (docx.stem + ".html")
    out.write_text(html, encoding="utf-8")
    return out


def _word_footnotes(html: str) -> str:
    """LibreOffice's footnote links and bodies rewritten the way Word's HTML writes them."""
    html = re.sub(
        r'<a class="sdfootnoteanc" name="sdfootnote(\d+)anc" href="#sdfootnote\d+sym"><sup>[^<]*</sup></a>',
        r'<a href="#_ftn\1">[\1]</a>',
        html,
    )
    html = re.sub(r'<div id="sdfootnote(\d+)">', r'<div id="ftn\1">', html)
    return re.sub(
        r'<a class="sdfootnotesym" name="sdfootnote(\d+)sym" href="#sdfootnote\d+anc">[^<]*</a>',
        r'<a href="#_ftnref\1">[\1]</a> ',
        html,
    )


def build_markdown_export(html: Path, out_dir: Path) -> Path:
    """HTML export -> Markdown as Word-to-Markdown converters write it (see the module docstring)."""
    text = html.read_text(encoding="utf-8")
    style = re.search(r"<style[^>]*>(.*?)</style>", text, re.S)
    css = " ".join(style.group(1).split()) if style else ""
    body = _word_footnotes(re.sub(r"<style[^>]*>.*?</style>", "", text, flags=re.S))
    # the notes come last, after a rule, as Word puts them
    body = re.sub(r'(<div id="ftn1">)', r"<hr>\1", body, count=1)
    md = subprocess.run(
        [pandoc(), "--sandbox", "-f", "html-native_spans", "-t", "gfm", "--wrap=none"],
        input=body.encode("utf-8"), check=True, timeout=120, capture_output=True,
    ).stdout.decode("utf-8")
    head = "<!-- /* Style Definitions */ " + css + " -->"
    out = out_dir / (html.stem + ".export.md")
    out.write_text(head.replace("*", "\\*") + "\n\n" + md, encoding="utf-8")
    return out


def long_markdown() -> str:
    """A long bilingual document (about 45 pages) built from the three first sample texts (``BENCH_SOURCES``), for the ingest benchmark.

    Text pages come from the samples' prose repeated under nine numbered chapters; only
    chapters 3 and 7 keep the tables, so a few pages hold tables.
    """
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SRC.glob("*.md")) if p.stem in BENCH_SOURCES}
    table_re = re.compile(r"\n(\|.*\|\n)+", re.M)
    parts = []
    for chapter in range(1, 10):
        for text in texts.values():
            body = text if chapter in (3, 7) else table_re.sub("\n", text)
            # demote headings one level under the chapter heading
            body = re.sub(r"^(#+) ", lambda m: "#" * min(len(m.group(1)) + 1, 3) + " ", body, flags=re.M)
            parts.append(body)
        parts.insert(len(parts) - 3, f"# Chapitre {chapter} — الفصل {chapter}\n")
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", help="build only this sample (stem); repeatable")
    ap.add_argument("--bench", action="store_true", help="also build bench/data/bilingual-long.pdf")
    ap.add_argument("--bench-only", action="store_true", help="build only the benchmark PDF")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="taysir-samples-") as tmp:
        work = Path(tmp)
        ref = reference_docx(work)
        if not args.bench_only:
            for md in sorted(SRC.glob("*.md")):
                if args.only and md.stem not in args.only:
                    continue
                docx = OUT / f"{md.stem}.docx"
                build_docx(md, docx, ref)
                pdf = build_pdf(docx, OUT, work)
                print(f"{docx.relative_to(ROOT)}  {pdf.relative_to(ROOT)}")
                if md.stem in EXPORTS:
                    html = build_html(docx, OUT, work)
                    export = build_markdown_export(html, OUT)
                    print(f"{html.relative_to(ROOT)}  {export.relative_to(ROOT)}")
        if args.bench or args.bench_only:
            BENCH.mkdir(parents=True, exist_ok=True)
            md = work / "bilingual-long.md"
            md.write_text(long_markdown(), encoding="utf-8")
            docx = work / "bilingual-long.docx"
            build_docx(md, docx, ref)
            pdf = build_pdf(docx, BENCH, work)
            print(pdf.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
