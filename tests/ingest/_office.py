"""Helpers of the office-format tests: fixtures, notes, number and heading sets of a document."""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
from pathlib import Path

from transform.ingest.pandoc import pandoc_binary
from transform.model import Document, Heading, Paragraph, Table
from transform.model.walk import iter_blocks, iter_sections, iter_sentences

from ._compare import ROOT

OFFICE = Path(__file__).resolve().parent / "office"
REALDOCS = Path(os.environ.get("TAYSIR_REALDOCS", ROOT / "tests" / "realdocs")) / "files"

NOTE_MARK = re.compile(r"\[\d+\]")
# a number: digit groups of three after a space or a no-break space (1 250 000), decimals, dates, law numbers
NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,/]\d+)*")


def norm(text: str) -> str:
    """NFKC, one space, typographic apostrophe as ASCII."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u2019", "'").split())


def pandoc_convert(src: Path, out: Path, *extra: str) -> Path:
    subprocess.run([pandoc_binary(), "--sandbox", *extra, "-o", str(out), str(src)], check=True, timeout=60, capture_output=True)
    return out


def notes(doc: Document) -> list[Paragraph]:
    return [b for _, b in iter_blocks(doc) if isinstance(b, Paragraph) and b.role == "note"]


def text_of(p: Paragraph) -> str:
    return norm(" ".join(s.text for s in p.sentences))


def numbers(doc: Document) -> set[str]:
    """Every number of the document (body, tables, lists, notes), note marks left out, digit groups joined."""
    out: set[str] = set()
    for loc in iter_sentences(doc):
        text = NOTE_MARK.sub(" ", unicodedata.normalize("NFKC", loc.sentence.text))
        out.update(re.sub(r"[ \u00a0\u202f]", "", n) for n in NUMBER.findall(text))
    return out


def headings(doc: Document) -> list[tuple[int, str]]:
    """(nesting depth, text) of every section heading in reading order, note marks left out."""
    return [(depth, norm(NOTE_MARK.sub("", " ".join(s.text for s in sec.heading.sentences))))
            for sec, depth in iter_sections(doc) if sec.heading is not None]


def all_headings(doc: Document) -> list[Heading]:
    return [b for _, b in iter_blocks(doc) if isinstance(b, Heading)]


def tables(doc: Document) -> list[Table]:
    return [b for _, b in iter_blocks(doc) if isinstance(b, Table)]


def grid(t: Table) -> list[list[tuple[str, bool, int, int]]]:
    """(text, header, colspan, rowspan) of every cell."""
    return [[(norm(" ".join(s.text for s in c.sentences)), c.header, c.colspan, c.rowspan) for c in row] for row in t.rows]
