"""Doubt on the sentence and the word (ocr/line_doubt.py): an OCR line's weak word marks its sentence and its span;
a block's doubtful line marks only the sentence holding it; the structure stage carries the spans into the sentences it
cuts; a doubt the lines cannot explain stays on the whole block. Synthetic lines, no OCR run."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.model import Document, DocumentMeta, ListBlock, ListItem, PageReport, Paragraph, Section, Sentence
from transform.model.doubts import sentence_doubts, unsure_tokens
from transform.ocr import confidence
from transform.ocr.line_doubt import WEAK, WEAK_WORD, split
from transform.structure import build_structure


class Group:
    def __init__(self, lines: list[TextLine]) -> None:
        self.lines, self.table = lines, None

    @property
    def text(self) -> str:
        return " ".join(ln.text for ln in self.lines)


def line(text: str, conf: float, weak: tuple[tuple[str, float], ...] = (), doubt: str | None = None) -> TextLine:
    ln = TextLine(text, 0, 0, 10, 10, confidence=conf, doubt=doubt)
    ln.weak = weak
    return ln


def paragraph(lines: list[TextLine]) -> Paragraph:
    return Paragraph(sentences=[Sentence(id="", text=" ".join(ln.text for ln in lines))], page=1)


OCR = [PageReport(page=1, method="ocr")]


def test_a_weak_word_in_a_sound_block_marks_its_sentence_and_its_span() -> None:
    lines = [line("Le conseil municipal a voté le budget.", 0.93),
             line("La séance est levée à dix-ncuf heures.", 0.91, weak=(("dix-ncuf", WEAK_WORD - 8),))]
    b = paragraph(lines)
    confidence.apply([b], [Group(lines)], OCR)
    assert (b.confidence, b.doubt) == (0.91, WEAK)  # a sound block by its lines, in doubt for one word
    s = b.sentences[0]
    assert s.doubt == WEAK and [s.text[a:e] for a, e in s.unsure] == ["dix-ncuf"]
    doc = build_structure(Document(meta=DocumentMeta(), sections=[Section(blocks=[b])]))
    first, second = doc.sections[0].blocks[0].sentences  # type: ignore[union-attr]
    assert first.doubt is None and first.unsure == []  # the sentence without the weak word is sound
    assert second.doubt == WEAK and [second.text[a:e] for a, e in second.unsure] == ["dix-ncuf"]


def test_a_word_read_well_enough_a_known_word_or_a_stray_mark_puts_nothing_in_doubt() -> None:
    lines = [line("Le budget prinitif est adopté - à l’unanimité.", 0.95,
                  weak=(("prinitif", WEAK_WORD + 5), ("adopté", 12.0), ("-", 3.0)))]
    b = paragraph(lines)
    confidence.apply([b], [Group(lines)], OCR)
    assert b.doubt is None and b.sentences[0].doubt is None and b.sentences[0].unsure == []


def test_a_doubtful_line_marks_only_its_sentence() -> None:
    lines = [line("يشكل برنامج التنمية الجهوية الوثيقة المرجعية.", 0.92),
             line("ك3 المغريية ورادة العد مد مرمة.", 0.41, doubt="ocr_low_confidence")]
    b = paragraph(lines)
    confidence.apply([b], [Group(lines)], OCR)
    assert b.doubt == "ocr_low_confidence"
    s = b.sentences[0]
    assert [s.text[a:e] for a, e in s.unsure] == ["ك3 المغريية ورادة العد مد مرمة."]
    doc = build_structure(Document(meta=DocumentMeta(), sections=[Section(blocks=[b])]))
    sents = doc.sections[0].blocks[0].sentences  # type: ignore[union-attr]
    assert [x.doubt for x in sents] == [None, "ocr_low_confidence"]
    assert sentence_doubts(sents, "ocr_low_confidence") == [None, "ocr_low_confidence"]


def test_a_doubt_the_lines_do_not_explain_stays_on_the_whole_block() -> None:
    lines = [line("Le conseil municipal a voté le budget.", 0.93, weak=(("municipal", 12.0),))]
    b = paragraph(lines)
    b.doubt = "digits_disagree"  # put by another pass, on the block
    confidence.apply([b], [Group(lines)], OCR)
    assert b.doubt == "digits_disagree" and b.sentences[0].doubt is None  # not narrowed to the weak word
    assert sentence_doubts(b.sentences, b.doubt) == ["digits_disagree"]
    assert all(unsure_tokens(b.sentences[0], b.doubt))  # every word of it in doubt


def test_a_list_item_holds_its_own_doubt() -> None:
    one, two = line("- Approbation du procès-verbal", 0.94), line("- Vote du budget primitlf", 0.93, weak=(("primitlf", 9.0),))
    lst = ListBlock(items=[ListItem(sentences=[Sentence(id="", text=one.text)]), ListItem(sentences=[Sentence(id="", text=two.text)])],
                    page=1)
    confidence.apply([lst], [Group([one]), Group([two])], OCR)
    assert lst.doubt == WEAK
    assert lst.items[0].sentences[0].doubt is None
    item = lst.items[1].sentences[0]
    assert item.doubt == WEAK and [item.text[a:e] for a, e in item.unsure] == ["primitlf"]


def test_split_keeps_spans_on_the_pieces_holding_them() -> None:
    s = Sentence(id="x", text="Un  mot.  Deux mots douteux ici. Fin", doubt=WEAK, unsure=[(15, 27)])
    pieces = ["Un mot.", "Deux mots douteux ici.", "Fin"]
    got = split(s, pieces)
    assert [d for d, _ in got] == [None, WEAK, None]
    assert [pieces[1][a:e] for a, e in got[1][1]] == ["mots douteux"]
    whole = Sentence(id="y", text="A b. C d.", doubt="ocr_low_confidence")
    assert split(whole, ["A b.", "C d."]) == [("ocr_low_confidence", []), ("ocr_low_confidence", [])]


def test_sentences_without_doubt_serialise_as_before() -> None:
    s = Sentence(id="a", text="texte")
    assert "doubt" not in s.model_dump_json() and "unsure" not in s.model_dump_json()
    t = Sentence(id="a", text="texte", doubt=WEAK, unsure=[(0, 5)])
    assert Sentence.model_validate_json(t.model_dump_json()) == t


def test_a_weak_line_when_asked_marks_its_words(monkeypatch) -> None:  # noqa: ANN001 - (the measured knob, off by default)
    import transform.ocr.line_doubt as ld

    lines = [line("Le conseil municipal a voté le budget.", 0.93), line("La séance est levée à vingt heures.", 0.76)]
    b = paragraph(lines)
    confidence.apply([b], [Group(lines)], OCR)
    assert b.doubt is None  # off: WEAK_LINE is 0
    monkeypatch.setattr(ld, "WEAK_LINE", 0.80)
    b = paragraph(lines)
    confidence.apply([b], [Group(lines)], OCR)
    s = b.sentences[0]
    assert b.doubt == WEAK and [s.text[a:e] for a, e in s.unsure] == ["La séance est levée à vingt heures."]


def test_a_digit_checks_doubt_stays_on_the_whole_block() -> None:
    lines = [line("Le montant est fixé à 12 500 euros.", 0.9, doubt="digits_disagree"),
             line("Le maire remercie les élus présents.", 0.93, weak=(("présents.", 12.0),))]
    b = paragraph(lines)
    confidence.apply([b], [Group(lines)], OCR)
    assert b.doubt == "digits_disagree" and b.sentences[0].doubt is None  # its misread numbers may be anywhere in it


def test_an_unknown_word_read_under_80_on_a_line_read_under_080_is_in_doubt() -> None:
    """Two weak signals together (``PAIR_WORD``, ``PAIR_LINE``): the Casablanca judgment's ``يعتير`` (for يعتبر) on a
    line read at 0.78 is marked; the same reading on a line read at 0.85, a listed word, a short token are not."""
    weak = (("يعتير", 65.0), ("المحكمة", 60.0), ("مما", 50.0))
    lines = [line("مما يعتير معه الطلب غير مؤسس وقررت المحكمة رفضه.", 0.78, weak=weak)]
    b = paragraph(lines)
    confidence.apply([b], [Group(lines)], OCR)
    s = b.sentences[0]
    assert b.doubt == WEAK and [s.text[a:e] for a, e in s.unsure] == ["يعتير"]
    lines = [line("مما يعتير معه الطلب غير مؤسس وقررت المحكمة رفضه.", 0.85, weak=weak)]
    b = paragraph(lines)
    confidence.apply([b], [Group(lines)], OCR)
    assert b.doubt is None and b.sentences[0].doubt is None  # a line read well enough: the word's confidence alone
    lines = [line("Le budget prinitif est adopté à l’unanimité.", 0.70, weak=(("adopté", 20.0), ("à", 10.0)))]
    b = paragraph(lines)
    confidence.apply([b], [Group(lines)], OCR)
    assert b.doubt is None  # known or too short: nothing, however weak the line
