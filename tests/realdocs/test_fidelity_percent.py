"""A percentage is one number token whichever side its sign is typed on (``%10`` in an Arabic
line's order, ``10%``, ``10 %``): the scorer compares the quantity, and still fails a lost sign
or a wrong number."""

from __future__ import annotations

from transform.evaluation import parse_truth_page, score_document
from transform.evaluation.normalize import number_tokens
from transform.model import Document, DocumentMeta, Paragraph, Section, Sentence

TRUTH = "ترفع المبالغ للمصابين الذين يساوي عجزهم ما لا يقل عن %10 أو لذوي حقوقهم ابتداء من فاتح يوليو 2013."


def failed(output: str) -> list[tuple[str, str]]:
    page = parse_truth_page("---\ndoc: nsb\npage: 1\nread: text\nlang: ar\n---\n\n" + TRUTH)
    doc = Document(meta=DocumentMeta(lang="ar"), sections=[Section(blocks=[Paragraph(id="p", sentences=[Sentence(id="s", text=output)])])])
    score = score_document(doc, [page], "nsb")
    return [(f.kind, f.truth) for p in score.pages for f in p.token_failures]


def test_both_orders_of_a_percentage_are_one_token() -> None:
    assert [t.text for t in number_tokens("عن %10 و 10% و 10 % و % 10 ثم 12,5 %")] == ["10%"] * 4 + ["12,5%"]
    assert [t.text for t in number_tokens("12% 15")] == ["12%", "15"]  # the sign belongs to one number only
    assert failed(TRUTH) == []
    assert failed(TRUTH.replace("%10", "10%")) == []


def test_a_lost_sign_or_a_wrong_number_still_fails() -> None:
    assert failed(TRUTH.replace("%10", "10")) == [("number", "10%")]
    assert failed(TRUTH.replace("%10", "%01")) == [("number", "10%")]
    assert failed(TRUTH.replace("%10", "1%0")) != []
