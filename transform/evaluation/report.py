"""Fidelity figures as plain dataclasses: per page, summed per document and over the corpus,
the issue's targets, a JSON-able form and the Markdown table of docs/ingest.md."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Counts:
    """True positives, false positives, false negatives; an empty side scores 1.0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}  # fmt: skip


@dataclass
class TokenFailure:
    """A number or date of the truth not found, identical and in order, in its output stretch."""

    page: int
    kind: str  # number | date
    truth: str
    output: list[str]  # the same kind of tokens in the aligned output stretch
    truth_context: str
    output_context: str


@dataclass
class Issue:
    """A heading, table or furniture finding, for ``--details``."""

    page: int
    what: str  # heading-missed | heading-extra | heading-level | table-missed | table-invented | table-misread | table-split | furniture | page-elsewhere
    truth: str = ""
    output: str = ""


@dataclass
class PageScore:
    doc: str
    page: int
    read: str  # what the truth says the page needs: text | ocr
    method: str | None = None  # what the reader did (doc.meta.pages), None without pages
    words: int = 0  # truth words scored (unsure ones left out)
    edits: int = 0  # word edit distance within the aligned stretch
    extra_words: int = 0  # words of the page's own blocks outside every aligned stretch
    paragraphs: Counts = field(default_factory=Counts)
    numbers_total: int = 0
    numbers_ok: int = 0
    dates_total: int = 0
    dates_ok: int = 0
    token_failures: list[TokenFailure] = field(default_factory=list)
    headings: Counts = field(default_factory=Counts)
    heading_levels_same: int = 0
    tables: Counts = field(default_factory=Counts)
    tables_invented: int = 0
    tables_split: int = 0
    table_headers: Counts = field(default_factory=Counts)
    table_rows: Counts = field(default_factory=Counts)  # rows of matched tables read as the same row
    furniture_total: int = 0
    furniture_leaked: int = 0
    tatweel: int = 0  # tatweel characters in the page's output blocks (diagnostic)
    presentation_forms: int = 0  # Arabic presentation-form characters there (diagnostic)
    issues: list[Issue] = field(default_factory=list)
    word_diffs: list[tuple[str, str]] = field(default_factory=list)  # (truth, output) of the first differing stretches

    @property
    def word_accuracy(self) -> float:
        return max(0.0, 1.0 - (self.edits + self.extra_words) / self.words) if self.words else 1.0


@dataclass
class Totals:
    """Sums over pages (micro averages: every word, boundary, token counts once)."""

    pages_text: int = 0
    pages_ocr: int = 0
    words_text: int = 0
    errors_text: int = 0
    words_ocr: int = 0
    errors_ocr: int = 0
    read_mismatch: int = 0
    paragraphs: Counts = field(default_factory=Counts)
    numbers_total: int = 0
    numbers_ok: int = 0
    dates_total: int = 0
    dates_ok: int = 0
    headings: Counts = field(default_factory=Counts)
    heading_levels_same: int = 0
    tables: Counts = field(default_factory=Counts)
    tables_invented: int = 0
    tables_split: int = 0
    table_headers: Counts = field(default_factory=Counts)
    table_rows: Counts = field(default_factory=Counts)
    furniture_total: int = 0
    furniture_leaked: int = 0
    tatweel: int = 0
    presentation_forms: int = 0

    def add(self, p: PageScore | Totals) -> None:
        if isinstance(p, PageScore):
            errors = min(p.words, p.edits + p.extra_words)
            if p.read == "ocr":
                self.pages_ocr += 1
                self.words_ocr += p.words
                self.errors_ocr += errors
            else:
                self.pages_text += 1
                self.words_text += p.words
                self.errors_text += errors
            self.read_mismatch += int(p.method is not None and p.method != p.read)
            names = [f.name for f in fields(self) if f.name in {g.name for g in fields(PageScore)}]
        else:
            names = [f.name for f in fields(self)]
        for name in names:
            mine, theirs = getattr(self, name), getattr(p, name)
            if isinstance(mine, Counts):
                mine += theirs
            else:
                setattr(self, name, mine + theirs)

    @property
    def word_accuracy_text(self) -> float | None:
        return 1 - self.errors_text / self.words_text if self.words_text else None

    @property
    def word_accuracy_ocr(self) -> float | None:
        return 1 - self.errors_ocr / self.words_ocr if self.words_ocr else None

    @property
    def tokens_total(self) -> int:
        return self.numbers_total + self.dates_total

    @property
    def tokens_share(self) -> float:
        return (self.numbers_ok + self.dates_ok) / self.tokens_total if self.tokens_total else 1.0

    @property
    def heading_level_agreement(self) -> float:
        return self.heading_levels_same / self.headings.tp if self.headings.tp else 1.0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = v.as_dict() if isinstance(v, Counts) else v
        for name in ("word_accuracy_text", "word_accuracy_ocr", "tokens_share", "heading_level_agreement"):
            v = getattr(self, name)
            out[name] = None if v is None else round(v, 4)
        return out


@dataclass
class Targets:
    """The issue's "done when" figures."""

    word_accuracy_text: float = 0.98
    word_accuracy_ocr: float = 0.93
    paragraph_f1: float = 0.9
    tokens_share: float = 1.0
    heading_f1: float = 0.9
    tables_invented: int = 0
    furniture_leaked: int = 0

    def failures(self, t: Totals) -> dict[str, str]:
        """Target name -> what was measured, for every target missed."""
        bad: dict[str, str] = {}
        if t.word_accuracy_text is not None and t.word_accuracy_text < self.word_accuracy_text:
            bad["words_text"] = f"word accuracy on text-layer pages {t.word_accuracy_text:.4f} < {self.word_accuracy_text}"
        if t.word_accuracy_ocr is not None and t.word_accuracy_ocr < self.word_accuracy_ocr:
            bad["words_ocr"] = f"word accuracy on OCR'd pages {t.word_accuracy_ocr:.4f} < {self.word_accuracy_ocr}"
        if t.paragraphs.f1 < self.paragraph_f1:
            bad["paragraphs"] = f"paragraph boundary F1 {t.paragraphs.f1:.3f} < {self.paragraph_f1} ({_prf(t.paragraphs)})"
        if t.tokens_share < self.tokens_share:
            bad["numbers"] = (f"numbers and dates identical and in order {t.numbers_ok + t.dates_ok}/{t.tokens_total}"
                              f" ({t.tokens_share:.1%})")  # fmt: skip
        if t.headings.f1 < self.heading_f1:
            bad["headings"] = f"heading F1 {t.headings.f1:.3f} < {self.heading_f1} ({_prf(t.headings)})"
        if t.tables_invented > self.tables_invented:
            bad["tables"] = f"{t.tables_invented} invented table(s)"
        if t.furniture_leaked > self.furniture_leaked:
            bad["furniture"] = f"{t.furniture_leaked}/{t.furniture_total} furniture line(s) left in the body"
        return bad


TARGET_NAMES = ("words_text", "words_ocr", "paragraphs", "numbers", "headings", "tables", "furniture")
LOWER_IS_BETTER = ("tables", "furniture")  # counts: invented tables, furniture lines left in the body


def target_values(t: Totals) -> dict[str, float]:
    """Target name -> the figure it is judged on (None targets, e.g. no OCR'd page, left out)."""
    out: dict[str, float | None] = {
        "words_text": t.word_accuracy_text, "words_ocr": t.word_accuracy_ocr, "paragraphs": t.paragraphs.f1,
        "numbers": t.tokens_share, "headings": t.headings.f1, "tables": float(t.tables_invented),
        "furniture": float(t.furniture_leaked),
    }  # fmt: skip
    return {k: v for k, v in out.items() if v is not None}


def floor_of(target: str, value: float) -> float | int:
    """The recorded floor for a figure that misses its target: the figure rounded against us
    (down to 3 decimals, or up for the counts), so a later run that reads worse fails."""
    if target in LOWER_IS_BETTER:
        return int(value) if value == int(value) else int(value) + 1
    return int(value * 1000) / 1000


def _prf(c: Counts) -> str:
    return f"P {c.precision:.2f} R {c.recall:.2f}; {c.tp} right, {c.fp} extra, {c.fn} missed"


@dataclass
class DocScore:
    id: str
    file: str = ""
    pages: list[PageScore] = field(default_factory=list)
    error: str | None = None  # the document could not be scored (missing file, reading error, bad truth)
    ingest_seconds: float = 0.0
    score_seconds: float = 0.0

    @property
    def totals(self) -> Totals:
        t = Totals()
        for p in self.pages:
            t.add(p)
        return t

    def as_dict(self, details: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "file": self.file, "error": self.error,
                               "ingest_seconds": round(self.ingest_seconds, 3), "score_seconds": round(self.score_seconds, 3),
                               "totals": self.totals.as_dict(), "failed_targets": Targets().failures(self.totals)}  # fmt: skip
        if details:
            pages = []
            for p in self.pages:
                d = asdict(p)
                for name in ("paragraphs", "headings", "tables", "table_headers", "table_rows"):
                    d[name] = getattr(p, name).as_dict()
                d["word_accuracy"] = round(p.word_accuracy, 4)
                pages.append(d)
            out["pages"] = pages
        return out


def corpus_totals(docs: list[DocScore]) -> Totals:
    t = Totals()
    for d in docs:
        t.add(d.totals)
    return t


def _f(v: float | None, goal: float | None = None) -> str:
    if v is None:
        return "–"
    s = f"{v:.3f}"
    return f"{s} ✗" if goal is not None and v < goal else s


def _row(name: str, pages: str, t: Totals, goals: Targets) -> str:
    tok = f"{t.numbers_ok + t.dates_ok}/{t.tokens_total}" + (" ✗" if t.tokens_share < goals.tokens_share else "")
    heads = f"{_f(t.headings.f1, goals.heading_f1)} ({t.heading_level_agreement:.2f})"
    tables = f"{t.tables.precision:.2f}/{t.tables.recall:.2f}, rows {t.table_rows.recall:.2f}"
    tables += f" ({t.tables_invented} invented ✗)" if t.tables_invented else ""
    furn = f"{t.furniture_leaked}/{t.furniture_total}" + (" ✗" if t.furniture_leaked > goals.furniture_leaked else "")
    cells = [name, pages, _f(t.word_accuracy_text, goals.word_accuracy_text), _f(t.word_accuracy_ocr, goals.word_accuracy_ocr),
             _f(t.paragraphs.f1, goals.paragraph_f1), tok, heads, tables, furn]  # fmt: skip
    return "| " + " | ".join(cells) + " |"


def markdown_table(docs: list[DocScore], targets: Targets | None = None) -> str:
    """The per-document table of docs/ingest.md (✗ marks a missed target)."""
    goals = targets or Targets()
    lines = [
        "| document | pages (text+OCR) | words, text | words, OCR | paragraph F1 | numbers & dates | heading F1 (levels) | tables P/R, rows | furniture in body |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for d in docs:
        if d.error:
            lines.append(f"| {d.id} | not scored: {d.error} | | | | | | | |")
            continue
        t = d.totals
        lines.append(_row(d.id, f"{t.pages_text}+{t.pages_ocr}", t, goals))
    scored = [d for d in docs if not d.error]
    t = corpus_totals(scored)
    lines.append(_row(f"**total** ({len(scored)} docs)", f"{t.pages_text}+{t.pages_ocr}", t, goals))
    g = goals
    lines.append(
        f"| *target* | | ≥ {g.word_accuracy_text} | ≥ {g.word_accuracy_ocr} | ≥ {g.paragraph_f1} | 100 % | ≥ {g.heading_f1} | no invented | 0 |"
    )
    return "\n".join(lines)
