"""Headings on OCR'd pages from a scan's marks (fifteenth session; transform/ingest/pdf_scan_heads.py, the rule in
pieces of transform/ocr/weight.py, the preamble's level in pdf_block_kinds._unit_levels).

The fast tests build the groups the reader makes; the three that OCR a corpus page are marked slow. Each test fails
on main at 1bcc33f (checked by running this file against a detached copy of it)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation.corpus import read_document
from transform.ingest.base import TextLine
from transform.ingest.pdf_block_group import _Group
from transform.ingest.pdf_scan_heads import scan_heads
from transform.model import Heading
from transform.ocr.fills import mark_fills
from transform.ocr.weight import _in_pieces

from ._realpages import block_text, copy_pages, doc_blocks


def _line(text: str, x0: float, top: float, x1: float, *, underline: bool = False, conf: float = 0.8) -> TextLine:
    return TextLine(text=text, x0=x0, top=top, x1=x1, bottom=top + 12.0, size=11.5, page=1, confidence=conf,
                    underline=underline)


def _group(kind: str, lines: list[TextLine], *, rtl: bool = True, size: float = 11.5, level: int = 0,
           centred: bool = False) -> _Group:
    return _Group(kind=kind, lines=lines, size=size, rtl=rtl, level=level, centred=centred, body=11.5, bold_level=2)


def test_a_colon_read_as_a_full_stop_under_an_underline() -> None:
    """``الوثائق المطلوبة للترشح.`` (its colon's lower dot run into the rule) over an underlined title further in is a
    title; the same line ending a sentence over plain text stays a paragraph."""
    part = _group("paragraph", [_line("الوثائق المطلوبة للترشح.", 665, 70, 750, underline=True)])
    sub = _group("heading", [_line("عند الترشح للامتحان المهني :", 610, 101, 725, underline=True)], level=2)
    scan_heads([part, sub])
    assert part.kind == "heading"
    plain = _group("paragraph", [_line("الوثائق المطلوبة للترشح.", 665, 70, 750, underline=True)])
    text = _group("paragraph", [_line("يجب على كل مترشح إضافة الوثائق التالية :", 591, 101, 742)])
    scan_heads([plain, text])
    assert plain.kind == "paragraph"


def test_sub_titles_further_in_go_one_level_down() -> None:
    """Underlined titles at body size: one standing in by a size or more from the title above goes under it, one at
    its own indentation is its sibling."""
    heads = [_group("heading", [_line(t, x1 - 90, top, x1, underline=True)], level=2)
             for t, top, x1 in (("الوثائق المطلوبة للترشح :", 70, 750), ("عند الترشح للامتحان المهني :", 101, 725),
                                ("كيفية تقديم ملف الترشح :", 188, 720), ("عند النجاح في الامتحان المهني :", 294, 727))]
    scan_heads(heads)
    assert [g.level for g in heads] == [2, 3, 3, 3]


def test_a_title_in_capitals_under_a_heading() -> None:
    """A centred ``PREAMBULE`` between the text's title and its first paragraph is a heading under the title; a
    centred line in capitals over a single line is not."""
    title = _group("heading", [_line("PROJET DE LA CONSTITUTION", 193, 92, 406)], rtl=False, level=2, centred=True)
    pre = _group("paragraph", [_line("PREAMBULE", 265, 125, 336)], rtl=False, centred=True)
    body = _group("paragraph", [_line("Fidèle à son choix irréversible de construire un Etat", 82, 143, 542),
                                _line("de droit démocratique, le Royaume du Maroc poursuit", 82, 157, 542)], rtl=False)
    scan_heads([title, pre, body])
    assert (pre.kind, pre.level) == ("heading", 3)
    pre2 = _group("paragraph", [_line("PREAMBULE", 265, 125, 336)], rtl=False, centred=True)
    scan_heads([title, pre2, _group("paragraph", [_line("Fait à Rabat.", 82, 143, 300)], rtl=False)])
    assert pre2.kind == "paragraph"


def test_a_title_with_its_number_and_date_written_in() -> None:
    """A text's title set larger, its number and date written over dotted blanks, is a heading again; a form's line
    at body size with blanks stays a paragraph."""
    title = _group("paragraph", [_line(". قرار لوزير الصحة رقم ......... 4104 صادر بتاريخ ......... 2023", 58, 130, 545),
                                 _line("بفتح باب الترشح لشغل المناصب الشاغرة", 94, 160, 508)], size=23.0, level=3)
    form = _group("paragraph", [_line("قرار رقم ......... بتاريخ .........", 58, 300, 545)])
    scan_heads([title, form])
    assert (title.kind, title.level) == ("heading", 3)
    assert form.kind == "paragraph"


def test_an_article_whose_number_was_misread_goes_under_the_title() -> None:
    title = _group("heading", [_line("قرار لوزير الصحة والحماية الاجتماعية", 58, 130, 545),
                               _line("بفتح باب الترشح", 94, 160, 508)], level=1, size=23.0)
    art = _group("heading", [_line("المادة nl لى:", 278, 684, 330)], level=1, centred=True)
    scan_heads([title, art])
    assert art.level == 2


def test_a_rule_in_pieces_is_an_underline() -> None:
    """Two solid pieces of a rule a word's space apart (one a row lower) under a line; a dashed rule is none."""
    h = 40.0
    band = np.zeros((40, 520), dtype=bool)
    band[20:22, 42:190] = True
    band[22:24, 230:470] = True
    assert _in_pieces(band, 42, 2000, h)
    dashed = np.zeros((40, 520), dtype=bool)
    for x in range(42, 470, 30):
        dashed[20:22, x:x + 18] = True
    assert not _in_pieces(dashed, 42, 2000, h)


def _fr(text: str, top: float, x1: float, *, fill: bool = False) -> TextLine:
    ln = _line(text, 87, top, x1)
    ln.fill = fill
    return ln


def test_a_leader_after_a_line_marks_it_a_field() -> None:
    """Leaders (pixels at 250 dpi) right after ``Nom et prénom :`` and left of an Arabic field; none on the label's
    row, and one on the next row does not count."""
    k = 250 / 72
    label, field = _fr("Personnes physiques :", 357, 206), _fr("Nom et prénom :", 374, 170)
    ar = _line("الاسم الشخصي والعائلي:", 400, 420, 520)
    boxes = [(int(172 * k), int(378 * k), int(224 * k), int(384 * k)),  # after the field, on its baseline
             (int(300 * k), int(426 * k), int(398 * k), int(431 * k))]  # left of the Arabic line
    assert mark_fills([label, field, ar], boxes, 250) == 2
    assert (label.fill, field.fill, ar.fill) == (False, True, True)


def test_a_form_s_labels_over_their_fields() -> None:
    """``Personnes physiques :`` and ``Personnes morales :`` (no leader after them) over fields (leaders after them)
    are headings one level under the part's title, siblings; a field ending with a colon stays a paragraph, and so does
    a label over plain lines."""
    part = _group("heading", [_fr("IDENTITE DU OU DES CONTREVENANTS", 340, 298)], rtl=False, level=3)
    rows = [("Personnes physiques :", 357, False), ("Nom et prénom :", 374, True), ("Date et lieu de naissance :", 389, True),
            ("Personnes morales :", 436, False), ("Dénomination :", 453, True), ("Siège", 469, True),
            ("Observations :", 500, False), ("Le contrevenant refuse de signer.", 516, False),
            ("Il en a été dressé procès-verbal.", 532, False)]
    groups = [part] + [_group("paragraph", [_fr(t, top, 300, fill=f)], rtl=False) for t, top, f in rows]
    scan_heads(groups)
    assert [(g.kind[0], g.level) for g in groups[1:8]] == [("h", 4), ("p", 0), ("p", 0), ("h", 4), ("p", 0), ("p", 0),
                                                            ("p", 0)]


def test_a_field_s_line_ends_its_paragraph() -> None:
    """OCR grouped ``Adresse : ......`` with the label under it: the field's line ends the paragraph."""
    g = _group("paragraph", [_fr("Adresse:", 437, 180, fill=True), _fr("Personnes morales :", 451, 203)], rtl=False)
    out = scan_heads([g])
    assert [x.text for x in out] == ["Adresse:", "Personnes morales :"]


def _heads(name: str, indexes: list[int], folder: Path) -> list[tuple[int, str]]:
    doc = read_corpus_page(name, indexes[0] + 1) if len(indexes) == 1 else read_document(copy_pages(name, indexes, folder), ocr="auto")
    return [(b.level, block_text(b)) for b in doc_blocks(doc) if isinstance(b, Heading)]


@pytest.mark.slow
def test_a_notice_s_underlined_titles_and_their_levels(tmp_path: Path) -> None:
    """Sfax's notice p. 5: the part's title (colon read as a full stop), the two ``❖`` titles under it (the second's
    rule drawn in two pieces) and ``كيفية تقديم ملف الترشح`` under the first (its ``*`` mark stands further in than
    the ``❖`` marks, measured on the ink: transform/ocr/ink_starts.py)."""
    heads = _heads("tn-sfax-ar-balagh-2022.pdf", [4], tmp_path)
    texts = [t for _, t in heads]
    assert texts[0].startswith("الو") and "المطلوبة للترشح" in texts[0]
    assert any("عند النجاح في الامتحان المهني" in t for t in texts)
    top = heads[0][0]
    assert all(lv == (top + 2 if "كيفية تقديم ملف الترشح" in t else top + 1) for lv, t in heads[1:]), heads
    assert any("كيفية تقديم ملف الترشح" in t for t in texts)


@pytest.mark.slow
def test_a_preamble_beside_the_first_title(tmp_path: Path) -> None:
    """Constitution draft pp. 3-4: ``PREAMBULE`` is a heading under the draft's title, and ``TITRE PREMIER`` is its
    sibling (not under it)."""
    heads = _heads("bo-fr-5952bis-2011.pdf", [2, 3], tmp_path)
    pre = next(lv for lv, t in heads if t == "PREAMBULE")
    titre = next(lv for lv, t in heads if t.startswith("TITRE PREMIER"))
    draft = next(lv for lv, t in heads if t.startswith("PROJET DE LA CONSTITUTION"))
    assert pre == titre == draft + 1


@pytest.mark.slow
def test_a_scanned_form_s_labels(tmp_path: Path) -> None:
    """BO 7448 p. 20 (a scanned model form): ``Personnes physiques :`` and ``Personnes morales :`` are headings under
    ``IDENTITE DU OU DES CONTREVENANTS``; the fields under them are not."""
    heads = _heads("bo-fr-7448-2025.pdf", [19], tmp_path)
    texts = [t for _, t in heads]
    assert "Personnes physiques :" in texts and "Personnes morales :" in texts
    assert not any(t.startswith(("Nom et", "Dénomination")) for t in texts)


@pytest.mark.slow
def test_a_decision_title_with_written_in_blanks(tmp_path: Path) -> None:
    """Santé's decision p. 1: its title (number and date written over blanks) is the first heading, the article
    under it one level down."""
    heads = _heads("ma-sante-ar-decision-2023.pdf", [0], tmp_path)
    assert "قرار لوزير الصحة" in heads[0][1]
    art = next(lv for lv, t in heads if t.startswith("المادة"))
    assert art == heads[0][0] + 1
