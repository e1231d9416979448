"""The layer judge against layers that look like text and are not (letters spaced apart, UTF-8 read as
Latin-1), the OCR sample's fix count across scripts, and a sample of lines set off the page. Synthetic
and cheap; the audit of every corpus page is bench/layer_audit.py (docs/ocr.md)."""

from __future__ import annotations

import re

import ocr_testkit as pdfkit
from PIL import Image

from transform.ingest.base import TextLine
from transform.ocr.decide import _sample_agrees
from transform.ocr.quality import BAD, assess, fixes
from transform.ocr.render import PageImage


def test_arabic_letters_spaced_apart_are_no_sound_layer() -> None:
    # single letters and two-letter pieces are "known" (ب, ال, نا): such a layer scored 0.63 (borderline)
    for broken in (" ".join(pdfkit.AR_TEXT.replace(" ", "")), re.sub(r"(\S\S)", r"\1 ", pdfkit.AR_TEXT)):
        q = assess(broken)
        assert q.verdict == "bad" and q.score < BAD, q
        assert "one or two letters" in q.reason, q.reason


def test_short_arabic_words_of_a_sound_page_stay_sound() -> None:
    # list labels, a detached و and short particles are a sound page's, far under half of its words
    labels = "\n".join(f"{lab} {line}" for lab, line in zip("أبجدهو", pdfkit.AR_TEXT.splitlines(), strict=False))
    for text in (labels, pdfkit.AR_TEXT.replace(" و", " و "), "في من عن أن لا ما " + pdfkit.AR_TEXT):
        q = assess(text)
        assert q.verdict == "good", q
        assert "ar_pieces" not in q.signals


def test_utf8_read_as_latin1_is_no_sound_layer() -> None:
    for codec in ("latin-1", "cp1252"):
        q = assess(pdfkit.FR_TEXT.encode("utf-8").decode(codec, errors="replace"))  # Décision -> DÃ©cision
        assert q.verdict == "bad", (codec, q)  # was borderline (0.53): its words are mostly ASCII
        assert "UTF-8 read as Latin-1" in q.reason, q.reason
    q = assess(pdfkit.AR_TEXT.encode("utf-8").decode("cp1252", errors="replace"))  # Ø§Ù„
    assert q.verdict == "bad" and "UTF-8" in q.reason, q
    # one such line in a long sound page (a table's total): the page stays sound
    page = "\n".join([pdfkit.FR_TEXT] * 3 + ["Total gÃ©nÃ©ral 115 887 458,15 82 497 643,78"])
    assert assess(page).verdict == "good"
    # French capitals with a circumflex, Danish and Portuguese names are no such pairs
    assert assess(pdfkit.FR_TEXT + " CHÂTEAU CÔTE Søren Ørsted São João").verdict == "good"


def test_an_arabic_word_read_as_latin_junk_is_no_fix() -> None:
    """The OCR sample counts a word the word lists know only in our reading as a fix of the layer; a
    Latin word standing for an Arabic one (tesseract's junk on a bold word) fixes nothing (frozen
    line of Adala's law 19-12 p. 5: 3 such "fixes" on a sound layer)."""
    layer = "يمنع تسخير العاملة أو العامل المنزلي لأداء الشغل قهرا أو جبرا."
    ocr = "aie تسخير العاملة أو العامل المنزلي لأداء الشغل قهرا أو Je"
    assert fixes(layer, ocr) == (0, 0)
    # a real fix in the same script still counts
    fixed, broken = fixes("إحذاث وحذة لتثمين الحليب لفائذة التعاونيات", "إحداث وحدة لتثمين الحليب لفائدة التعاونيات")
    assert fixed >= 3 and broken == 0


def test_a_sample_of_lines_set_off_the_page_reads_nothing() -> None:
    """A table set at negative x (a rotated form object) has no ink on the page: its lines are not
    cropped for the OCR sample (a crop whose right edge is left of its left one crashed it)."""
    pimg = PageImage(Image.new("L", (1654, 2339), 255), 200.0, 1, 595.0, 842.0)
    off = [TextLine(text="Prix Public de Vente en Dirham", x0=-248.1, top=106.9, x1=-198.6, bottom=111.6),
           TextLine(text="CATEX 750mg Comprimé Boîte de 10 345,00", x0=-565.2, top=169.7, x1=-40.1, bottom=178.7)]
    assert _sample_agrees(None, 0, off, ["fr", "ar"], 30, pimg) == (0.0, 0, 0)  # type: ignore[arg-type]


# a grants table in capitals (a city's subsidies: associations' names, F/P for operating and project grants)
GRANTS = """COMITE DE QUARTIER DES AIGUERELLES F 1 500
COMITE DES FETES DE LA MOSSON P 2 000
UNIVERSITE MONTPELLIER CLUB DE PETANQUE F 800
ASSOCIATION SPORTIVE ATHLETIQUE DU LYCEE F 1 200
COMITE DEPARTEMENTAL HANDISPORT DE L'HERAULT P 3 000
SOCIETE NAUTIQUE AVIRON ESCRIME F 950
FEDERATION DES OEUVRES LAIQUES ECOLE PRIMAIRE F 600
THEATRE DE LA REPUBLIQUE ET CINEMA ETUDIANT P 4 500"""


def test_capitals_set_without_accents_are_french_words() -> None:
    """French capitals often drop their accents (``COMITE``, ``UNIVERSITE``, ``HERAULT``): the judge knows
    them so that a sound table of names is not rated borderline (Montpellier's grants: 0.58-0.63)."""
    q = assess(GRANTS)
    assert q.verdict == "good" and q.signals["fr_hit"] >= 0.7, q  # was borderline, 0.55 known
    from transform.ocr.quality import word_known

    assert word_known("COMITE") is False and word_known("COMITÉ") is True  # the OCR passes' look-up is unchanged
    # capitals of a font decoded to the wrong letters are still unknown
    table = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "DEFGHIJKLMNOPQRSTUVWXYZABC")
    assert assess(GRANTS.translate(table)).verdict == "bad"


def _grant_page() -> tuple[list[TextLine], object]:
    lines = [TextLine(text=t, x0=40.0, top=60.0 + 14 * n, x1=550.0, bottom=70.0 + 14 * n) for n, t in enumerate(GRANTS.splitlines() * 3)]
    q = assess("\n".join(ln.text for ln in lines))
    q.score, q.verdict = 0.68, "good"  # sound, under the doubt line (Montpellier's grant tables: 0.65-0.70)
    return lines, q


def test_a_sound_layer_under_the_doubt_line_is_settled_by_an_ocr_sample(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A layer judged good whose score would leave every line in doubt gets the OCR sample of borderline
    pages: agreeing, it vouches for the lines (no false alarm); putting words right, it sends the page to OCR."""
    from transform.ocr import confidence, decide

    lines, q = _grant_page()
    monkeypatch.setattr(decide, "_by_sample", lambda *a, **k: ("agrees", 0.97, 0))
    report, _ = decide._decide(None, 0, lines, q, "auto", True, 30)  # type: ignore[arg-type]
    assert report is not None and report.method == "text" and "OCR sample agrees" in report.reason
    assert all(ln.confidence == 0.97 and ln.doubt is None for ln in lines)

    lines, q = _grant_page()
    monkeypatch.setattr(decide, "_by_sample", lambda *a, **k: ("wrong", 0.93, 4))
    report, why = decide._decide(None, 0, lines, q, "auto", True, 30)  # type: ignore[arg-type]
    assert report is None and "reads 4 of its unknown words" in why

    lines, q = _grant_page()  # a sample that only disagrees (a table's cells) keeps the layer as before, in doubt
    monkeypatch.setattr(decide, "_by_sample", lambda *a, **k: ("disagrees", 0.6, 0))
    report, _ = decide._decide(None, 0, lines, q, "auto", True, 30)  # type: ignore[arg-type]
    assert report is not None and report.method == "text"
    assert all(ln.doubt == confidence.TEXT_UNSURE for ln in lines)


class _CroppedPage:
    def get_cropbox(self) -> tuple[float, float, float, float]:
        return 27.0, 18.0, 454.89, 671.32  # the Egyptian law's pages: MediaBox 481.89 x 680.32

    def get_rotation(self) -> int:
        return 0


def test_the_sample_reads_each_line_where_a_cropped_page_draws_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The ingester measures a line's box from the CropBox's height and the MediaBox's origin; the render is the
    CropBox. The sample's crops are moved by the CropBox's origin (they missed every line's ink: 0.21-0.41 on a
    sound layer, 0.92-0.99 now)."""
    from transform.ocr import decide

    seen: list[TextLine] = []

    def read(pimg, lines, langs, timeout):  # type: ignore[no-untyped-def]
        seen.extend(lines)
        return [ln.text for ln in lines]

    monkeypatch.setattr(decide, "read_layer_lines", read)
    pimg = PageImage(Image.new("L", (1189, 1815), 255), 200.0, 6, 427.89, 653.32)
    line = TextLine(text="رئيس مصلحة الجمارك .", x0=292.70, top=309.85, x1=396.65, bottom=322.42)
    agree, _, _ = _sample_agrees([_CroppedPage()], 0, [line], ["ar", "fr"], 30, pimg)  # type: ignore[arg-type]
    assert agree == 1.0 and len(seen) == 1
    assert (round(seen[0].x0, 2), round(seen[0].top, 2)) == (265.70, 327.85)  # where the render draws it
    assert (line.x0, line.top) == (292.70, 309.85)  # the page's own line is not moved
