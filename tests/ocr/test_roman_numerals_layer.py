"""Roman numerals on an Arabic text layer are numbers, not misread French words.

A law's paragraphs and parts are numbered ``I``, ``II``, ``VIII``, ``XXXXI``; on an Arabic page these
are often the layer's only Latin words. Judged as French words they are unknown (``I``, ``V``) or
"impossible letter runs" (``III``, ``XXXXI``), the Latin words were judged as a garbled script of their
own and a sound layer was thrown away for a far worse OCR (the finance law BO 7259, pp. 19, 26, 29, 33,
45: docs/ocr.md, "Roman numerals on an Arabic layer"). They now count as numbers while they are a
small share of an Arabic page's words; a garbage layer stays rejected.
"""

from __future__ import annotations

from pathlib import Path

import ocr_testkit as pdfkit
import pytest

from transform.model.walk import block_text
from transform.ocr.quality import assess

ROMANS = ["I", "II", "III", "IV", "V", "VIII", "XXXXI", "XXXVII"]


def _numbered(paragraphs: list[str]) -> list[str]:
    """Each Arabic paragraph opened by a Roman paragraph number, as a code's articles print them."""
    return [f"{ROMANS[i % len(ROMANS)]}. - {p}" for i, p in enumerate(paragraphs)]


def _ar_paragraphs() -> list[str]:
    lines = pdfkit.AR_TEXT.splitlines()[1:]
    return lines + [f"تطبق أحكام البند {r} من المادة 247 أعلاه على المشاريع المبرمجة" for r in ("XXXXI", "VIII", "III")]


def test_roman_paragraph_numbers_keep_an_arabic_layer_good() -> None:
    text = "\n".join(_numbered(_ar_paragraphs()))
    q = assess(text)
    assert q.verdict == "good", q
    assert q.signals["romans"] >= len(ROMANS)
    assert q.signals["fr_words"] == 0  # no Latin word left to judge as French


@pytest.mark.parametrize("numeral", ["III", "VIII", "XXXXI", "(IV)", "«XXX»", "II."])
def test_each_form_of_a_numeral_is_a_number(numeral: str) -> None:
    text = "\n".join(f"{numeral} - {p}" for p in pdfkit.AR_TEXT.splitlines())
    q = assess(text)
    assert q.verdict == "good", q
    assert q.signals.get("romans", 0) >= 1


def test_a_garbage_layer_of_numeral_capitals_stays_rejected() -> None:
    """A font decoded to capitals: most words are Roman-looking runs. They are judged as words, as before."""
    garbage = " ".join(["XIV", "MCM", "CDL", "DIV", "LXX", "MMC", "CCX", "DCL", "XXXX", "VIII"] * 8)
    q = assess(garbage + "\n" + "برنامج التنمية الجهوية")
    assert q.verdict == "bad", q
    assert "romans" not in q.signals


def test_a_wrong_glyph_mapping_numbered_in_numerals_stays_rejected() -> None:
    """The rule sets the numerals aside, and the Arabic words a font decodes to the wrong letters still sink the page."""
    letters = [chr(c) for c in range(0x0621, 0x064B)]
    table = str.maketrans(dict(zip(letters, letters[5:] + letters[:5], strict=True)))
    q = assess("\n".join(_numbered(_ar_paragraphs())).translate(table))
    assert q.signals.get("romans", 0) >= len(ROMANS)
    assert q.verdict == "bad", q


def test_a_backwards_arabic_layer_with_numerals_stays_rejected() -> None:
    backwards = [" ".join(w[::-1] for w in p.split()) for p in pdfkit.AR_TEXT.splitlines()[1:]]
    q = assess("\n".join(_numbered(backwards)))
    assert q.verdict == "bad", q
    assert "backwards" in q.reason


def test_a_french_page_judges_its_numerals_as_before() -> None:
    """Only an Arabic page sets its numerals aside: a French page's sample of words is unchanged."""
    text = "\n".join(f"{r}. - {p}" for r, p in zip(ROMANS, pdfkit.FR_TEXT.splitlines(), strict=False))
    q = assess(text)
    assert "romans" not in q.signals


@pytest.fixture(scope="module")
def numbered_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LibreOffice PDF whose Arabic text layer numbers its paragraphs with Roman numerals."""
    out = tmp_path_factory.mktemp("romans") / "romans.pdf"
    body = "".join(f'<p lang="ar" dir="rtl" style="font-size:12pt">{p}</p>' for p in _numbered(_ar_paragraphs()))
    try:
        return pdfkit.html_pdf(out, '<h1 lang="ar" dir="rtl">المادة 6</h1>' + body)
    except (RuntimeError, OSError) as exc:
        pytest.skip(str(exc))


@pytest.mark.slow
def test_a_pdf_numbered_in_roman_numerals_is_read_through_its_layer(numbered_pdf: Path, tmp_path: Path) -> None:
    from transform.ingest.pdf import PdfIngester

    layers = pdfkit.page_texts(numbered_pdf)  # LibreOffice may put an empty page first
    assert any("XXXXI" in t and "VIII" in t for t in layers)
    doc = PdfIngester().ingest(numbered_pdf, pdfkit.make_ctx(tmp_path))
    for rep, layer in zip(doc.meta.pages, layers, strict=True):
        if layer.strip():
            assert rep.method == "text", rep.reason
    text = "\n".join(block_text(b) for s in doc.sections for b in s.blocks)
    assert "XXXXI" in text and "مجلس الجهة" in text
