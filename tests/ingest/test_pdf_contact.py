"""A letterhead's contact footer (address, telephone, fax, web site) printed on one page only is
page furniture (transform/ingest/pdf_contact.py, called by pdf_furniture.split_running_lines).

The lines below are the OCR'd lines of real corpus pages (text and box as tesseract read them on
ma-mtedd-ar-decision-2023 p1 and ma-narsa-ar-decision-2023 p2, 842 and 792 pt high); the slow
test reads the scanned page itself."""

from __future__ import annotations

import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.ingest.base import TextLine
from transform.ingest.pdf_contact import contact_footer, contact_line
from transform.ingest.pdf_furniture import split_running_lines


def _ln(text: str, top: float, bottom: float, x0: float = 40.0, x1: float = 520.0, page: int = 1) -> TextLine:
    return TextLine(text=text, x0=x0, top=top, x1=x1, bottom=bottom, size=11.5, page=page, confidence=0.9)


MTEDD_FOOT = [
    _ln("9.شارع العرعار. قطاع 16. حي الرياض - الرباط", 801.6, 808.3, 452, 574),
    _ln("9, Avenue Al Araar, Secteur 16, Hay Riad - Rabat 5 -", 802.4, 809.2, 37, 499),
    _ln("Tél. : 05 37 57 04 70 - Fax : 05 37 57 04 72 www.environnement.gov.ma 05 37 57 04 72: الها", 807.5, 816.7, 37, 574),
]
MTEDD_BODY = [
    _ln("أن يكون متمتعا بالحقوق المدنية، وألا يكون قد صدر في حقه مقرر بالإدانة مكتسب لقوة الشيء المقضي به", 715.7, 729.2, 65, 514),
    _ln("أو بالخارج. بسبب ارتكابه جناية أو جنحة.", 734.2, 747.7, 109, 514),
]
NARSA_P2 = [
    _ln("المادة الثامنة : ينشر هذا القرار وكذا نتائج المقابلات الانتقائية على بوابة www.emploi-public.ma", 560.0, 575.0),
    _ln("www.narsa.ma ويلصق بمقرات الوكالة.", 580.0, 594.0, 300, 520),
    _ln("مدير الوكالة الوطنية للسلامة الطرقية", 640.0, 655.0, 200, 380),
    _ln("Avenue Al Araär, Hay Riad- Rabat", 743.7, 751.6, 228, 341),
    _ln("NARSA Tél. : (212) 5 37 71 22 80/01 - Fax :+(212) 5 37 71 69 53 / 71 20 13", 747.6, 765.1, 36, 400),
    _ln("NET contact@narsa.gov.ma", 761.1, 773.8, 36, 323),
    _ln("www.narsa.ma", 777.0, 783.3, 259, 310),
]


def test_contact_lines_are_told_from_sentences_and_blanks() -> None:
    assert contact_line("Tél. : 05 37 57 04 70 - Fax : 05 37 57 04 72")
    assert contact_line("الهاتف : 05 37 57 04 70 - الفاكس : 05 37 57 04 72")
    assert contact_line("NET contact@narsa.gov.ma")
    assert contact_line("Site internet : http://www.haute-saone.gouv.fr")
    assert not contact_line("N° Téléphone :")  # a form's blank: no number after the label
    assert not contact_line("رقم الهاتف والفاكس: ...")
    assert not contact_line("9, Avenue Al Araar, Secteur 16, Hay Riad - Rabat")  # an address alone is no contact line
    # a footnote quoting a web site is a sentence
    assert not contact_line("1 Voir www.insee.fr")  # a short footnote opens with its number
    assert not contact_line("(2) Source : https://www.data.gouv.fr")
    assert not contact_line("23 – selon le rapport de l'organisation mondiale de la santé animale, publié sur www.woah.org en 2022")


def test_the_contact_block_at_the_foot_of_a_one_page_letter_is_furniture() -> None:
    lines = MTEDD_BODY + MTEDD_FOOT
    assert contact_footer(lines, 842.0) == MTEDD_FOOT
    kept, furniture = split_running_lines([lines], [842.0])
    assert kept == [MTEDD_BODY]
    assert [f.text for f in furniture] == [ln.text for ln in MTEDD_FOOT]
    assert {f.kind for f in furniture} == {"footer"}


def test_web_addresses_of_the_body_stay() -> None:
    kept, furniture = split_running_lines([NARSA_P2], [792.0])
    assert [ln.text for ln in kept[0]] == [ln.text for ln in NARSA_P2[:3]]  # article 8 and the signatory stay
    assert [f.text for f in furniture] == [ln.text for ln in NARSA_P2[3:]]
    # the same lines a fifth of the page higher: body, not a footer
    raised = [_ln(ln.text, ln.top - 160, ln.bottom - 160, ln.x0, ln.x1) for ln in NARSA_P2[3:]]
    assert contact_footer(NARSA_P2[:3] + raised, 792.0) == []


def test_footnotes_quoting_web_sites_stay() -> None:
    """The notes at the foot of a page of the ESEC opinion (cese-ar-avis-biodiversite-2025 p26, text
    layer): a note's second line is a reference with a web address and few words, but the foot holds
    notes (a line opens with its number), so nothing there is a letterhead's footer."""
    notes = [
        _ln("43 - Bioversity International, Agrobiodiversity Index Report 2021: Assessing Mediterranean Food Systems. Rome (Italy( :",
            770.0, 779.0),
        _ln("Bioversity International, 2022, pp:1°5-115, https://hdl.handle.net/10568/118471.", 780.0, 789.0),
        _ln("44 - Ibid.", 790.0, 799.0, 480, 520),
    ]
    assert contact_line(notes[1].text)  # alone, the line looks like a contact line
    assert contact_footer(MTEDD_BODY + notes, 842.0) == []
    kept, furniture = split_running_lines([MTEDD_BODY + notes], [842.0])
    assert kept == [MTEDD_BODY + notes] and furniture == []
    assert not contact_line("103 - https://www.sgg.gov.ma/arabe/Legislation.aspx")


@pytest.mark.slow
def test_scanned_decision_footer_is_furniture(tmp_path) -> None:
    """The ministry's footer on the first page of a scanned two-page decision (OCR'd) is furniture;
    the last line of the body above it stays."""

    doc = read_corpus_page("ma-mtedd-ar-decision-2023.pdf", 1)
    furniture = " ".join(f.text for f in doc.furniture)
    assert "Avenue Al Araar" in furniture and "www.environnement.gov.ma" in furniture
    texts: list[str] = []

    def walk(sec: object) -> None:
        texts.extend(s.text for b in sec.blocks for s in getattr(b, "sentences", []))  # type: ignore[attr-defined]
        for sub in sec.sections:  # type: ignore[attr-defined]
            walk(sub)

    for sec in doc.sections:
        walk(sec)
    body = " ".join(texts)
    assert "Fax" not in body and "Avenue" not in body
    assert "جناية أو جنحة" in body


def test_an_address_opening_on_its_street_number_is_no_footnote() -> None:
    """ma-sante-ar-decision-2023 p4 (OCR'd, 842 pt high) as the reader reads it once the fill-in lines of its
    table are whitened: the comma after the street number is lost (``355 Av. ...``), so the address line opens
    like a note (a number, then a word). It holds a labelled telephone: the foot is a letterhead's contact block,
    not notes, and both lines are furniture."""
    body = [_ln("رئيس مصلحة تدبير المخزون", 700.0, 714.0, 300, 520)]
    foot = [
        _ln("355 Av. Mohammed V, Rabat - Tél: +212 537 76 11 21/+212 537 76 90 01 - Fax: +212 537 76 01 05", 791.5, 799.0),
        _ln("Site: www.sante.gov.ma", 813.4, 820.0, 250, 340),
    ]
    assert contact_footer(body + foot, 842.0) == foot
    kept, furniture = split_running_lines([body + foot], [842.0])
    assert kept == [body] and [f.text for f in furniture] == [ln.text for ln in foot]
    assert not contact_line("12 Voir le site www.sante.gov.ma")  # a note quoting the site stays a note
