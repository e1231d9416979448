"""Build the office fixtures of tests/ingest/test_office_*.py (committed; rerun only to change them).

Usage::

    .venv/bin/python tests/ingest/office/make_fixtures.py

Everything comes from our own text, ``notes-source.md`` (French and Arabic, footnotes in a
paragraph, a table cell, a heading and a list item; a table with a two-row header, a row span
and a column span), made by the programs that make such files for our users:

| file | made by | what it is |
|---|---|---|
| ``notes.odt`` | pandoc (Markdown -> DOCX), then LibreOffice (DOCX -> ODT) | an ODT as LibreOffice writes it, notes and tables |
| ``notes.fodt`` | LibreOffice (ODT -> flat ODT) | the same document as one XML file |
| ``endnotes.docx`` | LibreOffice, from ``notes.odt`` with two notes turned into endnotes | a DOCX with footnotes and endnotes |
| ``protected.docx`` | msoffcrypto-tool (Office's "agile" encryption, as Word's File > Info > Protect Document) | a password-protected DOCX: a compound file, not a ZIP |
| ``protected.odt`` | LibreOffice, saved with a password (a Basic macro calls ``storeToURL`` with ``Password``) | a password-protected ODT: its manifest declares encryption |
| ``old-word.doc`` | LibreOffice ("MS Word 97") | a Word 97-2003 document |
| ``astral.pdf`` | pandoc (``astral-source.md`` -> DOCX), then LibreOffice (DOCX -> PDF) | a PDF with emoji, mathematical letters and a CJK ideograph outside the BMP |
| ``word-filtered.html`` | written here, following Word's "Web Page, Filtered" output | Word's HTML: Windows-1256, a style sheet in a comment, ``MsoNormal`` paragraphs, a header row of bold cells, ``mso`` footnotes |

Needs LibreOffice (``soffice``) and, for ``protected.docx`` only, ``pip install msoffcrypto-tool``.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSWORD = "taysir-2026"

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveWithPassword(inUrl As String, outUrl As String, filterName As String, pwd As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, args())
  Dim out(1) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = filterName
  out(1).Name = &quot;Password&quot;
  out(1).Value = pwd
  doc.storeToURL(outUrl, out())
  doc.close(True)
End Sub
</script:module>
"""

# Word's "Web Page, Filtered" markup (Windows-1256 for an Arabic document), our own text
WORD_HTML = """<html>

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1256">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:"Traditional Arabic";
	panose-1:2 2 6 3 5 4 5 2 3 4;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin-top:0cm;
	margin-bottom:8.0pt;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
p.MsoFootnoteText, li.MsoFootnoteText, div.MsoFootnoteText
	{margin:0cm;
	font-size:10.0pt;}
span.MsoFootnoteReference
	{vertical-align:super;}
@page WordSection1
	{size:595.3pt 841.9pt;
	margin:70.85pt 70.85pt 70.85pt 70.85pt;}
div.WordSection1
	{page:WordSection1;}
-->
</style>

</head>

<body lang=FR link="#0563C1" vlink="#954F72" style='word-wrap:break-word'>

<div class=WordSection1 dir=RTL>

<h1 dir=RTL style='text-align:right;direction:rtl;unicode-bidi:embed'><span
lang=AR-MA style='font-family:"Traditional Arabic",serif'>حصيلة تنفيذ الميزانية</span></h1>

<p class=MsoNormal dir=RTL style='text-align:right;direction:rtl;unicode-bidi:embed'><span
lang=AR-MA style='font-family:"Traditional Arabic",serif'>بلغت الاعتمادات الملتزم بها 418&nbsp;250&nbsp;000 درهم</span><a
href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span
dir=LTR></span><span class=MsoFootnoteReference><span style='font-size:11.0pt;
font-family:"Calibri",sans-serif'>[1]</span></span></span></a><span lang=AR-MA> إلى غاية 30 يونيو 2026.</span></p>

<table class=MsoTableGrid dir=rtl border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=200 valign=top style='width:150.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal dir=RTL style='margin-bottom:0cm;text-align:right;direction:rtl'><b><span
  lang=AR-MA>الباب</span></b></p>
  </td>
  <td width=200 colspan=2 valign=top style='width:150.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal dir=RTL style='margin-bottom:0cm;text-align:right;direction:rtl'><b><span
  lang=AR-MA>المبلغ بالدرهم</span></b></p>
  </td>
 </tr>
 <tr>
  <td rowspan=2 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal dir=RTL style='margin-bottom:0cm;text-align:right;direction:rtl'><span
  lang=AR-MA>التجهيز</span></p>
  </td>
  <td valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal style='margin-bottom:0cm'><span lang=AR-MA>الالتزامات</span></p>
  </td>
  <td valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal style='margin-bottom:0cm'>418&nbsp;250&nbsp;000</p>
  </td>
 </tr>
 <tr>
  <td valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal style='margin-bottom:0cm'><span lang=AR-MA>الأداءات</span></p>
  </td>
  <td valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal style='margin-bottom:0cm'>301&nbsp;640&nbsp;000</p>
  </td>
 </tr>
</table>

<p class=MsoNormal dir=LTR style='text-align:left;direction:ltr'><span lang=FR>Les engagements atteignent 418&nbsp;250&nbsp;000 dirhams au 30 juin 2026.</span><a
href="#_ftn2" name="_ftnref2" title=""><span class=MsoFootnoteReference><span
class=MsoFootnoteReference><span lang=FR style='font-size:11.0pt'>[2]</span></span></span></a></p>

</div>

<div><br clear=all>

<hr align=left size=1 width="33%">

<div id=ftn1>

<p class=MsoFootnoteText dir=RTL style='text-align:right;direction:rtl'><a href="#_ftnref1"
name="_ftn1" title=""><span class=MsoFootnoteReference><span dir=LTR></span><span
class=MsoFootnoteReference><span style='font-size:10.0pt'>[1]</span></span></span></a><span
lang=AR-MA> منها 12&nbsp;400&nbsp;000 درهم من الاعتمادات المرحلة.</span></p>

</div>

<div id=ftn2>

<p class=MsoFootnoteText><a href="#_ftnref2" name="_ftn2" title=""><span
class=MsoFootnoteReference><span class=MsoFootnoteReference><span lang=FR
style='font-size:10.0pt'>[2]</span></span></span></a><span lang=FR> Dont 12&nbsp;400&nbsp;000 dirhams de crédits reportés.</span></p>

</div>

</div>

</body>

</html>
"""


def pandoc() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise SystemExit("LibreOffice (soffice) is needed")
    return found


def lo(profile: Path, *args: str) -> None:
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", *args],
                   check=True, timeout=300, capture_output=True)


def convert(profile: Path, src: Path, fmt: str, out_dir: Path) -> Path:
    lo(profile, "--convert-to", fmt, "--outdir", str(out_dir), str(src))
    return out_dir / (src.stem + "." + fmt.split(":")[0])


def endnotes(odt: Path, out: Path) -> None:
    """The same ODT with notes 4 and 5 (the "Dépenses" section) as endnotes."""
    with zipfile.ZipFile(odt) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "content.xml":
                xml = data.decode("utf-8")
                notes = list(re.finditer(r'<text:note text:id="[^"]*" text:note-class="footnote">', xml))
                for m in reversed(notes[3:5]):
                    xml = xml[: m.start()] + m.group(0).replace('"footnote"', '"endnote"') + xml[m.end():]
                data = xml.encode("utf-8")
            zout.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="taysir-office-") as tmp:
        work = Path(tmp)
        profile = work / "profile"
        lo(profile, "--terminate_after_init")
        basic = profile / "user" / "basic" / "Standard"
        basic.mkdir(parents=True, exist_ok=True)
        (basic / "Module1.xba").write_text(MACRO, encoding="utf-8")

        docx = work / "notes.docx"
        subprocess.run([pandoc(), "--sandbox", "-f", "markdown", "-t", "docx", "-o", str(docx), str(HERE / "notes-source.md")], check=True, timeout=60)
        odt = convert(profile, docx, "odt", work)
        shutil.copy(odt, HERE / "notes.odt")
        shutil.copy(convert(profile, odt, "fodt", work), HERE / "notes.fodt")

        end_odt = work / "endnotes.odt"
        endnotes(odt, end_odt)
        shutil.copy(convert(profile, end_odt, "docx", work), HERE / "endnotes.docx")

        shutil.copy(convert(profile, docx, 'doc:MS Word 97', work), HERE / "old-word.doc")

        astral = work / "astral.docx"
        subprocess.run([pandoc(), "--sandbox", "-f", "markdown", "-t", "docx", "-o", str(astral), str(HERE / "astral-source.md")], check=True, timeout=60)
        shutil.copy(convert(profile, astral, "pdf", work), HERE / "astral.pdf")

        out = HERE / "protected.odt"
        lo(profile, f'macro:///Standard.Module1.SaveWithPassword("file://{odt}","file://{out}","writer8","{PASSWORD}")')
        try:
            from msoffcrypto.format.ooxml import OOXMLFile
        except ImportError:
            print("msoffcrypto-tool is not installed: protected.docx kept as it is")
        else:
            with docx.open("rb") as fh:
                buf = io.BytesIO()
                OOXMLFile(fh).encrypt(PASSWORD, buf)
            (HERE / "protected.docx").write_bytes(buf.getvalue())

    (HERE / "word-filtered.html").write_bytes(WORD_HTML.replace("\n", "\r\n").encode("cp1256"))
    for f in sorted(HERE.iterdir()):
        print(f"{f.name:24} {f.stat().st_size:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
