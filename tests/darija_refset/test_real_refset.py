"""The real-sentence reference set of issue 18 is what its README says it is.

Sizes and split, provenance (document and page exist; sentences taken from a hand-checked truth page are found
word for word in it), house style of the references, every number of the source kept, and the bad outputs that
the measures must reject.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

import pytest

from transform.simplify.evaluate import load_refset
from transform.simplify.measures import Measures, measure
from transform.simplify.text import script_of, sentences, words

HERE = Path(__file__).resolve().parent
REALDOCS = HERE.parent / "realdocs"
MSA = ("msa_real.tsv", "msa_real_heldout.tsv")
FR = ("french_real.tsv", "french_real_heldout.tsv")
LABEL = "هاد الجزء خاصو ترجمة من عند بنادم"


def copy_rate(sources: list[str], outputs: list[str]) -> float:
    """The library's copy rate (transform.simplify.measures), summed over sentence pairs."""
    total = Measures()
    for s, o in zip(sources, outputs, strict=True):
        total.add(measure(s, o))
    return total.copy_rate


def rows(name: str) -> list[list[str]]:
    out = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def pages_of(doc: str) -> int | None:
    """Page count from the provenance table of SOURCES.md ("-" for formats without pages)."""
    for line in (REALDOCS / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 6 and cells[1] == doc:
            return int(cells[5]) if cells[5].isdigit() else None
    raise AssertionError(f"{doc} has no row in SOURCES.md")


def flat(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u0640", "")
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", text, flags=re.M)  # list markers of the truth format
    text = re.sub(r"([,:])\s+[-*]\s+", r"\1 ", text)  # a sentence that runs into its first list item
    return re.sub(r"\s+", " ", text).strip()


def digit_runs(text: str) -> set[str]:
    # a dd/mm/yyyy date may be written in full (29 أبريل 2024): its month digits need not stay
    text = re.sub(r"\b(\d{1,2})/\d{1,2}/(\d{4})\b", r"\1 \2", text)
    return set(re.findall(r"\d+", text))


@pytest.mark.parametrize("name", MSA + FR)
def test_files_load_with_the_evaluation_loader(name: str) -> None:
    loaded = load_refset(HERE / name)
    raw = rows(name)
    assert len(loaded) == len(raw) > 0
    assert all(len(r) == 6 for r in raw), "id, source, reference, document, page, kinds"
    assert [r.id for r in loaded] == [r[0] for r in raw]


def test_sizes_and_split() -> None:
    n = {name: len(rows(name)) for name in MSA + FR}
    assert n["msa_real.tsv"] + n["msa_real_heldout.tsv"] >= 160 and n["msa_real_heldout.tsv"] >= 50
    assert n["french_real.tsv"] + n["french_real_heldout.tsv"] >= 90 and n["french_real_heldout.tsv"] >= 30
    ids = [r[0] for name in MSA + FR for r in rows(name)]
    assert len(ids) == len(set(ids))
    # the held-out part is whole pages: no page gives sentences to both parts
    for dev, held in (MSA, FR):
        dev_pages = {(r[3], r[4]) for r in rows(dev)}
        assert not dev_pages & {(r[3], r[4]) for r in rows(held)}


def in_truth(src: str, truth: str) -> bool:
    """The source is on its page word for word, or is a list item quoted after its lead-in (the text up to
    a colon, then one of the items below it, both word for word and in that order)."""
    if src in truth:
        return True
    lead, colon, item = src.partition(": ")
    if not colon:
        return False
    at = truth.find(lead + ":")
    return at >= 0 and item in truth[at + len(lead) :]


def test_provenance_and_truth_pages() -> None:
    corpus = tomllib.loads((REALDOCS / "corpus.toml").read_text(encoding="utf-8"))
    known = {d["id"] for d in corpus["doc"]}
    checked = 0
    for name in MSA + FR:
        for rid, src, _ref, doc, page, _kinds in rows(name):
            assert doc in known, (rid, doc)
            total = pages_of(doc)
            assert total is None or 1 <= int(page) <= total, (rid, doc, page)
            truth = REALDOCS / "truth" / doc / f"p{int(page):03d}.md"
            if truth.exists():
                assert in_truth(flat(src), flat(truth.read_text(encoding="utf-8"))), (rid, "not word for word in", truth.name)
                checked += 1
    assert checked >= 100  # most MSA sentences come from hand-checked truth pages


@pytest.mark.parametrize("name", MSA + FR)
def test_references_follow_the_house_style(name: str) -> None:
    long = total = 0
    for rid, _src, ref, *_ in rows(name):
        assert not re.search(r"[()\[\];؛ڭݣ]", ref), rid
        assert script_of(ref) == "arabic", rid
        assert ref.rstrip()[-1] in ".:؟?", rid
        for s in sentences(ref):
            n = len(words(s))
            total += 1
            long += n > 12
            assert n <= 20, (rid, s)
    assert long / total <= 0.2


@pytest.mark.parametrize("name", MSA + FR)
def test_references_keep_every_number(name: str) -> None:
    for rid, src, ref, *_ in rows(name):
        missing = digit_runs(src) - digit_runs(ref)
        assert not missing, (rid, sorted(missing))


def test_references_are_rewritten_not_copied() -> None:
    """The references of the MSA sentences keep few of the source's content words (a copy keeps them all)."""
    for name in MSA:
        rs = rows(name)
        rate = copy_rate([r[1] for r in rs], [r[2] for r in rs])
        assert rate < 0.4, (name, rate)
        assert copy_rate([r[1] for r in rs], [r[1] for r in rs]) == 1.0


def test_bad_outputs_cover_the_three_kinds_and_are_bad() -> None:
    dev = {r[0]: r for r in rows("msa_real.tsv")}
    bad = rows("bad_outputs.tsv")
    by_kind: dict[str, list[list[str]]] = {}
    for rid, kind, out in bad:
        assert rid in dev, f"{rid}: bad outputs come from development sentences only"
        by_kind.setdefault(kind, []).append([rid, out])
    assert set(by_kind) == {"copy", "swap", "placeholder", "placeholder_facts"}
    assert all(len({rid for rid, _ in v}) >= 40 for v in by_kind.values())
    for rid, out in by_kind["copy"]:
        assert out == dev[rid][1]
    for rid, out in by_kind["swap"]:
        assert out != dev[rid][1]
        assert copy_rate([dev[rid][1]], [out]) >= 0.9  # only function words changed
    for kind in ("placeholder", "placeholder_facts"):
        assert all(out.startswith(LABEL) for _, out in by_kind[kind])
    for rid, out in by_kind["placeholder_facts"]:
        assert digit_runs(dev[rid][1]) <= digit_runs(out)  # a number gate alone lets it through
