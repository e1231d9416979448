"""Ligature glyphs an Arabic font maps to stray codes (transform/ingest/glyph_codes.py).

A real page: the Saudi regions law printed to PDF from Safari (Geeza Pro: ``ا'ملكة``,
``ا%ناطق``, ``اMجهزة``, ``ب]د``). Bad outputs: correct words, footnote calls, a Latin word
beside an Arabic one and a code whose words prove nothing are left as they are.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from transform.ingest.glyph_codes import GlyphCodes, ligature_forms

from ._realpages import block_text, read_pages

AR = b"GeezaPro"
LATIN = b"Helvetica"


class Page:
    """The glyphs of a made-up page: the characters of ``latin`` (a substring) in a Latin font, the
    rest in the Arabic font; no glyph shapes (a lam-alef stays plain)."""

    def __init__(self, text: str, latin: str = "") -> None:
        self.start = text.find(latin) if latin else -1
        self.end = self.start + len(latin)

    def font(self, index: int) -> bytes:
        return LATIN if self.start <= index < self.end and self.start >= 0 else AR

    def shape(self, index: int) -> tuple[float, float] | None:
        return None


def fonts(text: str, latin: str = "") -> Page:
    return Page(text, latin)


def readable(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_codes_read_back_as_their_ligature_in_the_arabic_font_only() -> None:
    url = "https://example.org/k'1"
    page = f"{url}\nملك ا'ملكة العربية\nا'صلحة العامة في ا'ناطق\nحقوق ا'واطنين"
    codes = GlyphCodes()
    fixed = codes.fix_page(page, fonts(page, url))
    assert len(fixed) == len(page)  # one character for one: pdfium's indices still hold
    assert readable(fixed).splitlines()[1:] == ["ملك المملكة العربية", "المصلحة العامة في المناطق", "حقوق المواطنين"]
    assert fixed.startswith(url)  # the same code in a Latin font is a quote
    assert readable(codes.learned[(AR, "'")]) == "لم"
    # learned once, applied on a later page of the document that no longer shows evidence enough
    assert readable(codes.fix_page("ا'ملك", fonts("ا'ملك"))) == "المملك"


def test_correct_text_footnote_calls_and_latin_words_are_left_alone() -> None:
    page = "المغرب22 في التقرير PDFالتقرير والمادة 3 من القانون 12.5%\nالمملكة المغربية"
    codes = GlyphCodes()
    assert codes.fix_page(page, fonts(page, "PDF")) == page
    assert codes.learned == {}
    # the same Latin letters drawn by the Arabic font: no ligature makes words of them
    page = "PDFالتقرير وPDFالمادة"
    assert codes.fix_page(page, fonts(page)) == page
    assert codes.learned == {}


def test_a_code_whose_words_prove_nothing_stays() -> None:
    # `k` for لا in short words only (أولا, لا): the word lists vouch for nothing under 5 letters
    page = "أوk - k يجوز"
    codes = GlyphCodes()
    assert codes.fix_page(page, fonts(page)) == page
    # a tie between two ligatures (مسئولا / مسئوله, الاعتبارات / nothing): no choice is made
    page = "مسئوk عن kk"
    assert codes.fix_page(page, fonts(page)) == page


def test_every_form_stands_for_its_letters() -> None:
    forms = ligature_forms()
    assert readable(forms["لا"]) == "لا" and readable(forms["لم"]) == "لم" and readable(forms["ين"]) == "ين"
    assert all(len(form) == 1 and readable(form) == letters for letters, form in forms.items())


def test_safari_print_of_a_saudi_law_reads_its_words(tmp_path: Path) -> None:
    blocks = read_pages("boe-sa-ar-regions-law-1412.pdf", [0, 1, 2, 3], tmp_path)
    text = "\n".join(block_text(b) for b in blocks)
    for words in ("ملك المملكة العربية السعودية", "المصلحة العامة", "أمر ملكي رقم أ/92 بتاريخ 27 / 8 / 1412",
                  "الأجهزة الحكومية في مختلف المناطق", "نظام المناطق", "البلاد",
                  "مستوى العمل الإداري", "المحافظة على الأمن", "الشريعة الإسلامية", "في مدة لا تتجاوز", "مناطق المملكة", "حقوق المواطنين وحرياتهم",
                  "وطرق المواصلات", "بالمرتبة الممتازة", "أمام الملك"):
        assert words in text, words
    assert "المادة الثانية" in text and text.index("المادة الثانية") < text.index("المادة السادسة")
    # no code left inside an Arabic word, in either the regular or the bold font
    assert re.search("[\u0621-\u064a]['%Mk]|['%Mk][\u0621-\u064a]", text) is None


class Shaped(Page):
    """A page whose alefs are drawn from 0.6 to 10 over the baseline and its codes as given."""

    def __init__(self, text: str, code_shape: tuple[float, float]) -> None:
        super().__init__(text)
        self.text, self.code_shape = text, code_shape

    def shape(self, index: int) -> tuple[float, float] | None:
        return (10.0, 0.6) if self.text[index] == "ا" else self.code_shape


def test_the_glyph_tells_a_lam_alef_from_its_hamza_forms() -> None:
    page = "اMجهزة اMمنية اMداء اMعضاء ا'ملكة"
    read = {}
    for shape in ((10.2, 0.4), (11.2, 0.4), (10.2, -3.9)):  # plain; rising over the alef; reaching under it
        codes = GlyphCodes()
        codes.fix_page(page, Shaped(page, shape))
        read[shape] = readable(codes.learned[(AR, "M")])
    assert read == {(10.2, 0.4): "لا", (11.2, 0.4): "لأ", (10.2, -3.9): "لإ"}


def test_a_hamza_on_the_glyph_settles_a_tie_and_nothing_else_does() -> None:
    # `اAنظمة` reads الأنظمة or المنظمة, `اAربعون` الأربعون or المربعون: the lists vouch for both
    page = "اAولى اAنظمة واAربعون اAربعون Aحكام"
    plain, rising = GlyphCodes(), GlyphCodes()
    plain.fix_page(page, Shaped(page, (10.2, 0.4)))
    assert (AR, "A") not in plain.learned  # a tie, and a glyph that shows no hamza: no guess
    fixed = readable(rising.fix_page(page, Shaped(page, (11.2, 0.4))))
    assert fixed == "الأولى الأنظمة والأربعون الأربعون لأحكام"


class Boxed(Page):
    """Glyphs with widths: alefs 3 wide from 0.6 to 10; each code's (width, top, bottom) as given."""

    def __init__(self, text: str, boxes: dict[str, tuple[float, float, float]]) -> None:
        super().__init__(text)
        self.text, self.boxes = text, boxes

    def shape(self, index: int) -> tuple[float, float] | None:
        box = self.boxes.get(self.text[index], (3.0, 10.0, 0.6))
        return box[1], box[2]

    def width(self, index: int) -> float | None:
        return self.boxes.get(self.text[index], (3.0, 10.0, 0.6))[0]


def test_a_code_of_one_word_is_read_as_its_twin_glyph_with_its_own_hamza() -> None:
    # `]` (final لا) is learned from its words; `í`, in one word the lists read with لا and with لم
    # (للاقالة, للمقالة), is drawn as wide and as high as `]`, reaching under the line: لإ
    page = "ا]عتبارات ا]ستثناء ا]ختصاص لíقالة"
    boxes = {"]": (9.8, 9.7, -0.4), "í": (9.8, 9.7, -3.5)}
    fixed = readable(GlyphCodes().fix_page(page, Boxed(page, boxes)))
    assert fixed.split()[-1] == "للإقالة"
    # a glyph of another width is no twin: the one word proves nothing, the code stays
    boxes["í"] = (5.4, 9.7, -3.5)
    assert GlyphCodes().fix_page(page, Boxed(page, boxes)).split()[-1] == "لíقالة"
