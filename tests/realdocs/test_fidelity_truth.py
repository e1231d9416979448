"""Truth-page parser, normalisation and number/date tokens of the fidelity scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.evaluation import (
    TruthFormatError,
    load_corpus,
    load_truth_dir,
    load_truth_page,
    normalize,
    number_tokens,
    parse_truth_page,
)
from transform.evaluation.normalize import words

README = Path(__file__).resolve().parent / "README.md"

PAGE = """---
doc: bo-7100-ar
page: 3
read: ocr            # a comment
lang: ar+fr
furniture:
  - "الجريدة الرسمية"
  - "# 1234 #"        # quoted: the hashes are text
  - 'Bulletin officiel'
  - 1235
starts_inside: true
ends_inside: false
---

# Titre premier

## المادة الأولى

Un paragraphe écrit
sur deux lignes, avec 1448<!-- unsure: 1448 or 1446 --> au milieu.

- premier élément
1. deuxième élément <!-- une note -->
2) troisième

<!-- a note for people, not text -->

| Domaine | Montant (DH) <!-- colspan=2 --> |
| année | 2025 | 2026 |
|:---|---:|---:|
| Eau | 1 250 000 | 12,5 % |
| Total \\| tout | x | y |

<!-- noheader -->
| a | b |
| c | d<!-- unsure --> |
"""


def test_parser_reads_every_construct() -> None:
    tp = parse_truth_page(PAGE, "p003.md")
    assert (tp.doc, tp.page, tp.read, tp.lang, tp.starts_inside, tp.ends_inside) == ("bo-7100-ar", 3, "ocr", "ar+fr", True, False)
    assert tp.furniture == ["الجريدة الرسمية", "# 1234 #", "Bulletin officiel", "1235"]
    kinds = [(b.kind, b.level) for b in tp.blocks]
    assert kinds == [
        ("heading", 1),
        ("heading", 2),
        ("paragraph", 0),
        ("item", 0),
        ("item", 0),
        ("item", 0),
        ("table", 0),
        ("table", 0),
    ]
    p = tp.blocks[2]
    assert p.text == "Un paragraphe écrit sur deux lignes, avec 1448 au milieu."
    assert [p.text.split()[i] for i in p.unsure] == ["1448"]
    assert [b.text for b in tp.blocks[3:6]] == ["premier élément", "deuxième élément", "troisième"]
    t = tp.blocks[6]
    assert [[(c.text, c.header, c.colspan) for c in row] for row in t.rows] == [
        [("Domaine", True, 1), ("Montant (DH)", True, 2)],
        [("année", True, 1), ("2025", True, 1), ("2026", True, 1)],
        [("Eau", False, 1), ("1 250 000", False, 1), ("12,5 %", False, 1)],
        [("Total | tout", False, 1), ("x", False, 1), ("y", False, 1)],
    ]
    nh = tp.blocks[7]
    assert not nh.has_header and [[c.text for c in r] for r in nh.rows] == [["a", "b"], ["c", "d"]]
    assert nh.rows[1][1].unsure == [0]


@pytest.mark.parametrize(
    "text, message",
    [
        ("page: 1\nread: text\n---\n", "starts with '---'"),
        ("---\npage: 1\nread: text\n", "not closed"),
        ("---\nread: text\n---\n", "page: N"),
        ("---\npage: 1\nread: scan\n---\n", "read: text"),
        ("---\npage: 1\nread: text\nstarts_inside: maybe\n---\n", "true or false"),
        ("---\npage: 1\nread: text\n---\n\n| a | b |\n| c | d |\n", "noheader"),
        ("---\npage: 1\nread: text\n---\n\n| a |\n|---|\n| b |\n|---|\n", "one |---| line"),
        ("---\npage: 1\nread: text\n---\n\nmot\n\n<!-- unsure -->\n", "right after the word"),
        ("---\npage: 1\nread: text\n---\n\n<!-- noheader -->\n\ntexte\n", "not followed by a table"),
        ("---\npage: 1\nread: text\n---\n\nmot <!-- colspan=deux --> x\n", "colspan"),
        ("---\npage: 1\nread: text\n---\n\nmot <!-- pas fermé\n", "not closed on its line"),
        ('---\npage: 1\nread: text\nfurniture:\n  - "sans fin\n---\n', "unclosed quote"),
    ],
)
def test_parser_errors_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(TruthFormatError, match=message.replace("|", r"\|")) as err:
        parse_truth_page(text, "truth/x/p001.md")
    assert str(err.value).startswith("truth/x/p001.md:")


def test_file_name_and_page_must_agree(tmp_path: Path) -> None:
    d = tmp_path / "doc-x"
    d.mkdir()
    (d / "p002.md").write_text("---\npage: 3\nread: text\n---\n\ntexte\n", encoding="utf-8")
    with pytest.raises(TruthFormatError, match="file name says page 2"):
        load_truth_page(d / "p002.md")
    (d / "p002.md").write_text("---\npage: 2\nread: text\n---\n\ntexte\n", encoding="utf-8")
    (d / "notes.md").write_text("not a page", encoding="utf-8")
    pages = load_truth_dir(d)
    assert [(p.doc, p.page) for p in pages] == [("doc-x", 2)]
    assert load_truth_dir(tmp_path / "absent") == []
    (d / "p0002.md").write_text("---\npage: 2\nread: text\n---\n\ntexte\n", encoding="utf-8")
    with pytest.raises(TruthFormatError, match="has a truth file already"):
        load_truth_dir(d)


def test_readme_examples_parse() -> None:
    """The README's corpus.toml entry and truth page are valid as written."""
    text = README.read_text(encoding="utf-8")
    toml = text.split("```toml\n", 1)[1].split("```", 1)[0]
    page = text.split("## Truth page format", 1)[1].split("```\n", 1)[1].split("```", 1)[0]
    manifest = README.parent.parent / "_tmp_readme_corpus.toml"
    try:
        manifest.write_text(toml, encoding="utf-8")
        (doc,) = load_corpus(manifest)
    finally:
        manifest.unlink()
    assert (doc.id, doc.truth, doc.fast) == ("bo-7100-ar", [1, 2], True)
    tp = parse_truth_page(page)
    assert tp.page == 3 and tp.furniture and {b.kind for b in tp.blocks} >= {"heading", "paragraph", "item", "table"}


# -- normalisation -----------------------------------------------------------------------


def test_normalisation_folds_only_what_the_readme_says() -> None:
    assert normalize("مُحَمَّدٌ") == "محمد"  # harakat
    assert normalize("١٢٣٫٥ ۴") == "123.5 4"  # Arabic-Indic and Persian digits
    assert normalize("\ufefb") == "لا"  # presentation forms (NFKC)
    assert normalize("« l’État » – “x”") == '" l\'État " - "x"'
    assert normalize("a\u00a0\u200f b\u00adc\n\t d") == "a bc d"
    # what still counts
    assert normalize("مـا") != normalize("ما")  # kashida
    assert normalize("االقتصادي") != normalize("الاقتصادي")  # broken lam-alef
    assert normalize("إ") != normalize("ا") and normalize("ة") != normalize("ه") and normalize("ى") != normalize("ي")
    assert normalize("Région") != normalize("region")


def test_words_strip_outer_punctuation_only() -> None:
    ws = words("(25 يونيو 2026)، l'État — 2.26.530. 12,5 %")
    assert [w.key for w in ws] == ["25", "يونيو", "2026", "l'État", "2.26.530", "12,5"]
    assert ws[-1].raw == "12,5 %"


# -- numbers and dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("المرسوم رقم 2.26.530", [("number", "2.26.530")]),
        ("ما قدره 1 250 000 درهم", [("number", "1 250 000")]),
        ("بتاريخ 25/06/2026.", [("date", "25/06/2026")]),
        ("القانون التنظيمي رقم 111.14", [("number", "111.14")]),
        ("soit 12,5 % du total", [("number", "12,5%")]),
        ("المادتين 12 و15", [("number", "12"), ("number", "15")]),
        ("(2022-2027)", [("number", "2022-2027")]),
        ("سنة 2026 100 درهم", [("number", "2026"), ("number", "100")]),
        ("في 9 محرم 1448 (25 يونيو 2026)", [("date", "9 محرم 1448"), ("number", "9"), ("number", "1448"),
                                            ("date", "25 يونيو 2026"), ("number", "25"), ("number", "2026")]),
        ("بتاريخ 20 من رمضان 1436", [("date", "20 من رمضان 1436"), ("number", "20"), ("number", "1436")]),
        ("فاتح ذي الحجة 1447", [("date", "فاتح ذي الحجة 1447"), ("number", "1447")]),
        ("le 1er Juillet 2026", [("date", "1er juillet 2026"), ("number", "1"), ("number", "2026")]),
        ("du 17 mai 2021", [("date", "17 mai 2021"), ("number", "17"), ("number", "2021")]),
        ("9 محرم (25 1448 يونيو 2026)", [("number", "9"), ("number", "25"), ("number", "1448"), ("number", "2026")]),
    ],
)  # fmt: skip
def test_number_and_date_tokens(text: str, tokens: list[tuple[str, str]]) -> None:
    assert [(t.kind, t.text) for t in number_tokens(normalize(text))] == tokens
