"""Tokens no printed word can be put in doubt word by word, whatever read them (transform/ocr/odd_tokens.py).

Text-layer faults of the corpus, frozen as the reader returns them: a French gloss glued to its Arabic word (CESE
p. 29, ``الوردي)rose``), a Roman part number glued to its title (BO 7259 p. 45, ``II.-مرافق``), a Latin letter for an
Arabic one (BOE p. 10, ``nيجوز``), a bullet inside a capitalised word (Cabestany p. 14, ``R•ÉALISER``), two words
glued at an article (BO 7259 p. 33, ``البيانللخاضع``), two Latin words glued (BO 7262 p. 4) and a dot misread over a
letter (Putanges p. 5, ``Forêt-Auvräy``). Run through
``confidence.apply`` (where the reader calls the mark), then the structure stage and the trust measure, so they fail
on main; a sound text and every truth word of the corpus put nothing in doubt. No OCR run."""

from __future__ import annotations

import sys
from pathlib import Path

from transform.evaluation import parse_truth_page
from transform.evaluation.doubt import doubt_levels, totals
from transform.model import Cell, Document, DocumentMeta, Paragraph, Section, Sentence, Table
from transform.ocr import confidence
from transform.structure import build_structure

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_echoes import TRUTH, _truth_texts  # noqa: E402

CESE = "ينتشر الورد البلدي أو الوردي)rose على سفوح الجبال. ويعتبر من أهم المنتجات المحلية."
BO = "II.-مرافق الدولة المسيرة بصورة مستقلة"
BOE = 'قال تعالى: "nيجوز لأحد أن يقول ذلك اn بإذن.'
CAB = "R•ÉALISER LES INVESTISSEMENTS PRÉVUS"
GLUED = "ويتعين على البيانللخاضع للضريبة أن يودع الإقرار."
LATIN = "Le chytride Batrachochytriumsalmandrivorans a été vu à Forêt-Auvräy."
SOUND = ("صدر في 2015م، و20 من أكتوبر2019 (1)وضع «الدرفلة» الطاقي:www.mem.gov.ma سوس–ماسة الاستغلاليات الإخلالات "
         "والالتواء الاستقلالية للمجالات. Les élu·es de l’eau, la désimperméabilisation, MM. Díaz et Müller, "
         "BP+DM, P=P0, ddt-eau@haute-saone.gouv.fr, aujourd'hui, Saint-Étienne ; 12,5 % ; art. 3.")


def _para(text: str, doubt: str | None = None) -> Paragraph:
    return Paragraph(sentences=[Sentence(id="", text=text)], page=1, doubt=doubt)


def _unsure(s: Sentence) -> list[str]:
    return [s.text[a:b] for a, b in s.unsure]


def test_odd_tokens_of_a_text_layer_page_are_in_doubt_word_by_word() -> None:
    blocks = [_para(CESE), _para(BO), _para(BOE), _para(CAB), _para(GLUED), _para(LATIN)]
    confidence.apply(blocks, [])
    assert [b.doubt for b in blocks] == ["word_odd"] * 6
    assert [_unsure(b.sentences[0]) for b in blocks] == [["الوردي)rose"], ["II.-مرافق"], ['"nيجوز', "اn"], ["R•ÉALISER"],
                                                         ["البيانللخاضع"], ["Batrachochytriumsalmandrivorans", "Forêt-Auvräy."]]
    doc = build_structure(Document(meta=DocumentMeta(lang="ar"), sections=[Section(blocks=blocks[:1])]))
    first, second = doc.sections[0].blocks[0].sentences  # type: ignore[union-attr]
    assert (first.doubt, _unsure(first)) == ("word_odd", ["الوردي)rose"])
    assert second.doubt is None  # the sentence without the odd token is sound


def test_a_sound_text_puts_nothing_in_doubt_and_two_truth_words_of_70000_trip_it() -> None:
    b = _para(SOUND)
    confidence.apply([b], [])
    assert b.doubt is None and b.sentences[0].doubt is None and b.sentences[0].unsure == []
    from transform.ocr.odd_tokens import odd

    docs = sorted(d for d in TRUTH.iterdir() if d.is_dir() and list(d.glob("p*.md")))
    assert len(docs) >= 45
    words = [w for d in docs for p in sorted(d.glob("p*.md")) for t in _truth_texts(p) for w in t.split()]
    assert len(words) > 60_000
    # printed glued: the finance tables' caption `III-الحسابات` (p. 1, held-out set 5) and BO 7262 p. 30's `سعرالبيع`,
    # printed glued again in p. 31's header row (held-out set 6, the same annex header over the next arrêté's table)
    assert [w for w in words if odd(w)] == ["III-الحسابات", "سعرالبيع", "سعرالبيع"]  # two false alarms in 70,000


def test_a_table_cell_takes_the_doubt_and_a_block_in_doubt_throughout_stays_so() -> None:
    table = Table(page=1, rows=[[Cell(sentences=[Sentence(id="", text="III.-الحسابات الخصوصية")])],
                                [Cell(sentences=[Sentence(id="", text="ميزانية الدولة")])]])
    whole = _para(BO, doubt="ocr_low_confidence")
    confidence.apply([table, whole], [])
    (odd_cell,), (sound,) = table.rows
    assert (table.doubt, odd_cell.doubt, _unsure(odd_cell.sentences[0])) == ("word_odd", "word_odd", ["III.-الحسابات"])
    assert sound.doubt is None and sound.sentences[0].doubt is None
    assert whole.doubt == "ocr_low_confidence" and whole.sentences[0].doubt is None  # not made sounder than it was


TRUTH_PAGE = """---
doc: t
page: 1
read: text
lang: ar
furniture: []
---

II.- مرافق الدولة المسيرة بصورة مستقلة

يسير هذا المرفق وفق القانون.
"""


def test_the_trust_measure_counts_the_glued_title_in_doubt_and_nothing_else() -> None:
    blocks = [_para(BO), _para("يسير هذا المرفق وفق القانون.")]
    confidence.apply(blocks, [])
    doc = Document(meta=DocumentMeta(lang="ar"), sections=[Section(blocks=blocks)])
    got = doubt_levels(doc, [parse_truth_page(TRUTH_PAGE)], "t", None, ("word",))["word"]
    t = totals(got)
    assert t.errors == 2 and t.errors_doubt == 2  # II.- read glued to مرافق: one word wrong, one lost, both in doubt
    assert t.right_doubt == 0  # no right word sent to the reviewer


def test_a_cell_or_a_block_in_doubt_by_its_confidence_is_not_made_sounder() -> None:
    cell = Cell(sentences=[Sentence(id="", text="III.-الحسابات الخصوصية")], doubt="digits_disagree")
    table = Table(page=1, doubt="digits_disagree", rows=[[cell]])
    low = _para(BO)
    low.confidence = 0.5  # in doubt by its confidence alone
    from transform.ocr.odd_tokens import mark_odd

    assert mark_odd([table, low]) == 0
    assert cell.sentences[0].doubt is None and low.doubt is None and low.sentences[0].doubt is None
