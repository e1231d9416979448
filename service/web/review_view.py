"""The review page as a work list: which segments need a person, why, in words; the document's measures.

Built on the library's review API (``transform.simplify.review.segments``) and the simplifier's quality
report, as they are; every code (status, reason, doubt, measure) becomes words through :mod:`.words`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from transform.model import Document, Table
from transform.model.doubts import SOURCE_DOUBT, SOURCE_UNSURE, spans_of
from transform.model.walk import block_sentences, iter_blocks
from transform.ocr import orientation
from transform.ocr.line_doubt import WEAK as WEAK_WORD  # a block in doubt only for its sentences' weakly read words
from transform.simplify import review as review_api

from . import words
from .i18n import N_

DOUBT_BELOW = 0.75  # a block read with less confidence than this is "doubtful" even without a doubt code


@dataclass
class SegmentView:
    n: int  # the number shown ("Phrase 5"): its place in the whole draft, the same in every view
    id: str  # the library's segment id, never shown (anchors, form fields)
    source: str
    source_lang: str | None
    text: str  # what the text area holds ('' when there is no Darija text yet)
    status: str
    edited: bool
    needs: list[str]  # need codes of words.NEEDS, in their order
    reasons: list[words.Reason]
    page: int | None = None
    confidence: float | None = None
    doubt: str | None = None
    role: str = "paragraph"
    placeholder: bool = False  # the machine wrote a placeholder instead of Darija
    offers: list[dict[str, Any]] = field(default_factory=list)  # close approved translations (memory), best first
    cells: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column, text) of its table's doubtful cells
    # (row, column) -> (total printed, cells' sum, second reading) of a doubtful cell: '' where there is none
    cell_hints: dict[tuple[int, int], tuple[str, str, str]] = field(default_factory=dict)
    # the source text in pieces (text, in doubt): the words the reader is unsure of, marked on the page; empty when
    # the reader did not say which words (the whole segment, or none of it, is in doubt)
    unsure: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def unsure_words(self) -> list[str]:
        return [text for text, doubtful in self.unsure if doubtful]

    @property
    def shown_status(self) -> str:
        """The status the page shows: a machine draft made from doubtful source text is never "without alert"."""
        if "source" in self.needs and self.status in ("ok", "needs_review"):
            return "check_source"
        if "darija" in self.needs and self.status == "ok":
            return "needs_human"
        return self.status

    @property
    def anchor(self) -> str:
        return "seg-" + self.id

    @property
    def base(self) -> str:
        """A fingerprint of the stored text: a save is refused when someone changed this segment meanwhile."""
        return text_fingerprint(self.text)


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


@dataclass
class WorkList:
    segments: list[SegmentView]
    by_need: dict[str, list[SegmentView]] = field(default_factory=dict)
    unread: list[UnreadPage] = field(default_factory=list)  # source pages the reader could not read: in no format
    turned: list[TurnedPage] = field(default_factory=list)  # source pages read turned upright: to check on the original

    @property
    def flagged(self) -> list[SegmentView]:
        return [s for s in self.segments if s.needs]

    @property
    def blocking(self) -> list[SegmentView]:
        """Segments that refuse the approval (no Darija text and no decision yet)."""
        return [s for s in self.segments if s.status in words.BLOCKING]




def _block_facts(draft: Document) -> dict[str, tuple[int | None, float | None, str | None, str]]:
    """Segment id -> (page, reader confidence, doubt code, role) of the block its first sentence is in. When the
    reader said which sentences of a doubtful block are in doubt (``source_doubt`` notes, ``model.doubts.carry``),
    a segment has its own sentence's doubt, and the others of the block none (unless the block's confidence is under
    DOUBT_BELOW while its only doubt is weak words: then the whole block, as before)."""
    out: dict[str, tuple[int | None, float | None, str | None, str]] = {}
    for _section, block in iter_blocks(draft):
        sents = list(block_sentences(block))
        placed = not isinstance(block, Table) and any(s.notes.get(SOURCE_DOUBT) for s, *_ in sents)
        whole = block.doubt == WEAK_WORD and block.confidence is not None and block.confidence < DOUBT_BELOW
        for sentence, role, _lang, _dir in sents:
            seg = sentence.notes.get("segment", sentence.id)
            if seg in out:
                continue
            if placed and not whole:
                own = sentence.notes.get(SOURCE_DOUBT)
                out[seg] = (block.page, block.confidence if own else None, own, role)
            else:
                out[seg] = (block.page, block.confidence, block.doubt, role)
    return out


def _unsure(draft: Document) -> dict[str, list[tuple[int, int]]]:
    """Segment id -> the spans of its source text the reader is unsure of (``source_unsure`` notes)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for _section, block in iter_blocks(draft):
        for sentence, _role, _lang, _dir in block_sentences(block):
            spans = spans_of(sentence.notes.get(SOURCE_UNSURE))
            if spans:
                out.setdefault(sentence.notes.get("segment", sentence.id), spans)
    return out


def pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut at the spans' ends: (piece, in doubt), in order; spans outside the text are left out."""
    out: list[tuple[str, bool]] = []
    at = 0
    for a, b in sorted(spans):
        a, b = max(a, at), min(b, len(text))
        if b <= a:
            continue
        if a > at:
            out.append((text[at:a], False))
        out.append((text[a:b], True))
        at = b
    if at < len(text):
        out.append((text[at:], False))
    return out if any(d for _t, d in out) else []


_SUMS_NOTE = re.compile(r"total printed (.+), cells add up to (.+)$")


def _cell_hints(draft: Document) -> dict[str, dict[tuple[int, int], tuple[str, str, str]]]:
    """Segment id -> (row, column) -> (total printed, cells' sum, second reading) of the doubtful cells of the
    table it is in that say more than their doubt: a total that disagrees (``Cell.note``,
    :mod:`transform.ingest.table_sums`), another reading of the cell (``Cell.suggestion``)."""
    out: dict[str, dict[tuple[int, int], tuple[str, str, str]]] = {}
    for _section, block in iter_blocks(draft):
        if not isinstance(block, Table):
            continue
        hints = {}
        for r, row in enumerate(block.rows, 1):
            col = 1
            for cell in row:
                m = _SUMS_NOTE.search(cell.note or "")
                if cell.doubt and (m or cell.suggestion):
                    hints[(r, col)] = (m.group(1) if m else "", m.group(2) if m else "", cell.suggestion or "")
                col += cell.colspan or 1
        if hints:
            for sentence, _role, _lang, _dir in block_sentences(block):
                out.setdefault(sentence.notes.get("segment", sentence.id), hints)
    return out


def _doubtful_cells(draft: Document) -> dict[str, list[tuple[int, int, str]]]:
    """Segment id -> (row, column, segment id) of the doubtful cells (``Cell.doubt``) of the table it is in,
    what the reviewer compares with the original. The draft's cells hold Darija: the cell is named by its
    segment, whose source text :func:`work_list` shows."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for _section, block in iter_blocks(draft):
        if not isinstance(block, Table) or not any(c.doubt for row in block.rows for c in row):
            continue
        cells = []
        for r, row in enumerate(block.rows, 1):
            col = 1
            for cell in row:
                if cell.doubt:
                    cells.append((r, col, next((x.notes.get("segment", x.id) for x in cell.sentences), "")))
                col += cell.colspan or 1
        for sentence, _role, _lang, _dir in block_sentences(block):
            out.setdefault(sentence.notes.get("segment", sentence.id), cells)
    return out


def _offers(draft: Document) -> dict[str, list[dict[str, Any]]]:
    """Segment id -> the translation memory's offers stored on its first sentence (at most two shown)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for _section, block in iter_blocks(draft):
        for sentence, _role, _lang, _dir in block_sentences(block):
            seg = sentence.notes.get("segment", sentence.id)
            raw = sentence.notes.get("memory_offers")
            if raw and seg not in out:
                try:
                    got = json.loads(raw)
                except ValueError:
                    continue
                out[seg] = [o for o in got if isinstance(o, dict) and o.get("darija")][:2]
    return out


@dataclass
class UnreadPage:
    """A source page the reader refused, and why in the reviewer's words (an interface message)."""
    page: int
    why: str
    dpi: int | None = None


UNREAD_WHY = {
    "low_dpi": N_("numérisée à environ %(dpi)s points par pouce, trop peu pour la lecture optique : demandez une numérisation à 300 points par pouce"),
    "not_installed": N_("la lecture optique de sa langue n’est pas installée sur le serveur : prévenez l’administrateur"),
    "ocr_off": N_("la lecture optique était désactivée pour cette conversion : relancez-la avec la lecture optique"),
    "failed": N_("la lecture optique a échoué (erreur, délai dépassé ou page trop grande) : relancez la conversion"),
    "turned": N_("la page semble numérisée de côté ou à l’envers et n’a pas pu être lue : numérisez-la à l’endroit et renvoyez-la"),
    "unsure": N_("la lecture optique était trop incertaine pour être gardée"),
}
def unread_pages(draft: Document) -> list[UnreadPage]:
    """Source pages the reader refused as unreadable (OCR too unsure, no OCR model...): their text is
    in no segment and no format, so the reviewer must read them on the original. Blank pages aside."""
    out = []
    for r in draft.meta.refused_pages():
        kind, dpi = r.refusal()
        out.append(UnreadPage(r.page, UNREAD_WHY[kind], dpi))
    return out


@dataclass
class TurnedPage:
    """A source page scanned sideways or upside down that the reader turned upright before reading it."""
    page: int
    why: str


TURNED_WHY = {
    "sideways": N_("numérisée de côté, la machine l’a redressée avant de la lire : comparez son texte à l’original"),
    "upside_down": N_("numérisée à l’envers, la machine l’a redressée avant de la lire : comparez son texte à l’original"),
}


def turned_pages(draft: Document) -> list[TurnedPage]:
    """Source pages read turned upright (``transform.ocr.orientation``): read, but a person checks them."""
    return [TurnedPage(page, TURNED_WHY["upside_down" if deg == 180 else "sideways"])
            for page, deg in orientation.turned_pages(draft.meta.pages)]


def work_list(draft: Document) -> WorkList:
    facts = _block_facts(draft)
    unsure = _unsure(draft)
    offers = _offers(draft)
    named = _doubtful_cells(draft)
    hints = _cell_hints(draft)
    segs: list[SegmentView] = []
    listed = list(review_api.segments(draft))
    source_of = {s.id: s.source for s in listed}
    for n, s in enumerate(listed, 1):
        page, confidence, doubt, role = facts.get(s.id, (None, None, None, "paragraph"))
        reasons = [words.reason(r) for r in s.reasons]
        placeholder = any(marker in s.text for marker in words.PLACEHOLDER_MARKERS)
        needs = []
        if doubt or (confidence is not None and confidence < DOUBT_BELOW) or s.status == "check_source" or \
                any(r.need == "source" for r in reasons):
            needs.append("source")
        if any(r.need == "numbers" for r in reasons):
            needs.append("numbers")
        if s.status in words.BLOCKING or placeholder:
            needs.append("darija")
        if s.status == "needs_review" and not needs:
            needs.append("review")
        text = "" if placeholder else s.text
        cells = [(r, c, source_of.get(seg, "")) for r, c, seg in named.get(s.id, [])]
        segs.append(SegmentView(n, s.id, s.source, s.source_lang, text, s.status, s.edited, needs, reasons, page, confidence, doubt,
                                role, placeholder, offers.get(s.id, []), cells, hints.get(s.id, {}),
                                pieces(s.source, unsure.get(s.id, [])) if "source" in needs else []))
    wl = WorkList(segs, unread=unread_pages(draft), turned=turned_pages(draft))
    for code in words.NEEDS:
        found = [s for s in segs if code in s.needs]
        if found:
            wl.by_need[code] = found
    return wl


# -- the document's measures, in words ---------------------------------------------------------------
@dataclass
class MeasureView:
    key: str
    label: str  # a msgid, or a label already in the page's language (``translated``)
    verdict: str  # msgid: met / not met / not measured / for information
    value: str  # the number as shown (behind the disclosure)
    target: str  # the goal as shown ('' when none)
    ok: bool | None
    translated: bool = False
    essential: bool = False


def _shown(key: str, value: Any, t: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t(words.YES if value else words.NO)
    if isinstance(value, (int, float)) and key in words.PERCENT_MEASURES:
        return t.percent(float(value))
    if isinstance(value, (int, float)):
        return t.number(round(float(value), 2) if isinstance(value, float) else value, 2)
    return str(value)


def measures(report: dict[str, Any] | None, t: Any) -> tuple[list[MeasureView], str | None, bool]:
    """(measures in reading order, a one-sentence verdict already in the page language or None, gates ok)."""
    if not report:
        return [], None, True
    rows: list[MeasureView] = []
    lang = t.lang
    if isinstance(report.get("measures"), list):  # the plain-language report (schema taysir.simplify.quality/2)
        for m in report["measures"]:
            goal, gate = m.get("goal") or {}, m.get("gate") or {}
            ok = gate.get("ok") if gate else goal.get("met")
            known = words.MEASURES.get(m.get("key", ""))
            own = None if known else (m.get("label") or {}).get(lang)  # the catalogue's words first (translators own them)
            rows.append(MeasureView(m.get("key", ""), own or (known.label if known else words.MEASURE_OTHER), words.verdict(ok, bool(gate or goal)),
                                    str(m.get("shown") or _shown(m.get("key", ""), m.get("value"), t)),
                                    _target(gate or goal, m.get("key", ""), t), ok, translated=bool(own), essential=bool(gate)))
    else:
        metrics, targets = report.get("metrics", {}), report.get("targets", {})
        for key, known in words.MEASURES.items():
            if key not in metrics:
                continue
            goal = targets.get(key) or {}
            ok = goal.get("met")
            rows.append(MeasureView(key, known.label, words.verdict(ok, bool(goal)), _shown(key, metrics.get(key), t),
                                    _target(goal, key, t), ok, essential=goal.get("op") == "gate"))
    verdict = (report.get("verdict") or {}).get("summary", {}).get(lang) if isinstance(report.get("verdict"), dict) else None
    gates_ok = bool(report.get("gates_ok", all(r.ok is not False for r in rows if r.essential)))
    rows.sort(key=lambda r: (not r.essential, r.ok is not False))  # essential checks first, then what missed its goal
    return rows, verdict, gates_ok


def _target(goal: dict[str, Any], key: str, t: Any) -> str:
    if not goal or goal.get("value") is None:
        return ""
    op = goal.get("op")
    value = _shown(key, goal.get("value"), t)
    if op == "gate":
        return t(words.TARGET_ALL) if key in words.PERCENT_MEASURES else value
    return t(words.TARGET_OPS.get(str(op), words.TARGET_OPS["=="]), value=value)
