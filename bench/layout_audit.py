"""Layout and furniture decisions audited on every page of every corpus PDF, truth or not.

    PYTHONPATH=$PWD .venv/bin/python bench/layout_audit.py [--tess-cache /tmp/lead_tess] [--out AUDIT.txt]
        [--render DIR] [--doc STEM ...] [--save RECORDS.json | --load RECORDS.json]

Each PDF of ``tests/realdocs/files/`` and ``samples/`` is read as the service reads it (``ocr=auto``; with
``--tess-cache`` tesseract's answers are replayed from the shared cache of ``bench/dump_structure.py``, a miss
runs tesseract and fills it). The reading is watched at two steps of ``pdf.PdfIngester``: the running-line split
(``split_running_lines``: the lines it is given and the ones it leaves out) and the block grouping
(``group_lines``: each page's lines in reading order with their column, the tables with their boxes, the
groups). For every page it writes one compact, ``diff``-able record:

* ``T``: every table as its page gives it (before a page break's part is joined to it): rows x columns, header
  rows, its box (points), the column of the line read before it, and the text of the blocks read before and after;
* ``F``: every running line left out (kind, height on the page as a share, text); the page numbers on the page's
  first line (``folio``); the margin lines kept as body text are not printed but the checks read them;
* ``H``: the page's headings by level.

Then the checks (:func:`check_pages`, pure functions of those records, tested on tiny inputs) flag what looks
wrong, each with the page image's path (``--render DIR`` draws the flagged pages there with ``pdftoppm -r 100``):

* ``table-apart``: a table that overlaps neither the block read before it nor the one read after it on its page
  (a table placed in another column's paragraph);
* ``cut-sentence``: a paragraph that ends without a sentence's end, then a table or a heading, then a paragraph
  that opens in lower case (a block read between two halves of a sentence);
* ``heading-flood``: a page read as 20 headings or more, most of its blocks (a form's grid not found as a table);
* ``furniture-inside``: furniture that stands in neither margin (under 15 % or over 85 % of the page height);
* ``furniture-long``: running furniture of 70 letters or more, or of 10 words or more (a title or a sentence);
* ``furniture-once``: a running header or footer (a page number aside) whose text, digits aside, is left out on
  one page only of a document of 3 pages or more while other margin lines are kept (a page's own title);
* ``furniture-touching``: a header of 8 letters or more under another running line, standing closer to the body line
  under it than 1.2 times its height (a row of the title block over a statement, not a running header set apart from the body);
* ``furniture-share``: a page without a table where 3 or more lines and over 30 % of the lines are furniture;
* ``furniture-mixed``: a line left out as furniture on some pages and kept as body text on others.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

INSIDE = (0.15, 0.85)  # furniture standing between these shares of the page height is not in a margin
LONG_LETTERS, LONG_WORDS = 70, 10
SHARE, SHARE_MIN = 0.30, 3
FLOOD, FLOOD_SHARE = 20, 0.6  # a page read as this many headings, most of its blocks: a grid (a form) read as titles?
TOUCH = 1.2  # a running header closer to the body under it than 1.2 times its height: a title block's row?
SENTENCE_END = re.compile(r"[.!?؟:;…»\"”)\]]\s*$|^\s*$")
_LOWER_START = re.compile(r"^\W*[a-zàâäçéèêëîïôöùûüÿœæ]")
_NOT_LETTER = re.compile(r"[^\w#]+|[\d_]+")
_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")


@dataclass
class Block:
    """One group of a page in reading order: kind, text, box, column (tables: shape and header rows)."""

    kind: str
    text: str
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    column: int = 0
    level: int = 0
    rows: int = 0
    cols: int = 0
    heads: int = 0
    last: str = ""  # the text of its last line


@dataclass
class Line:
    """A furniture line left out, or a margin line kept."""

    kind: str
    text: str
    top: float
    bottom: float
    gap: float = -1.0  # furniture: the white between it and the nearest body line towards the page's middle (-1: none)

    @property
    def key(self) -> str:
        return key_of(self.text)


@dataclass
class Page:
    doc: str
    page: int
    height: float
    lines: int = 0
    columns: int = 1
    blocks: list[Block] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)
    margin_kept: list[Line] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)


def key_of(text: str) -> str:
    """A line's text with digits as ``#`` and without signs or spaces, case folded (as the furniture finder keys it)."""
    return _NOT_LETTER.sub("", _DIGITS.sub("#", text.casefold()))


def _short(text: str, n: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _overlaps(a: Block, b: Block) -> bool:
    shared = min(a.x1, b.x1) - max(a.x0, b.x0)
    return shared > 0.3 * min(a.x1 - a.x0, b.x1 - b.x0)


# ---------------------------------------------------------------- checks (pure)


def check_pages(pages: list[Page]) -> list[tuple[str, int, str, str]]:
    """(doc, page, check, detail) of every flagged case."""
    out: list[tuple[str, int, str, str]] = []
    by_doc: dict[str, list[Page]] = defaultdict(list)
    for p in pages:
        by_doc[p.doc].append(p)
    for doc, dps in by_doc.items():
        out += _once_per_line(_furniture_checks(doc, dps))
        for p in dps:
            out += _block_checks(p)
    return out


def _once_per_line(flags: list[tuple[str, int, str, str]]) -> list[tuple[str, int, str, str]]:
    """One flag per check and line of a document: the first page's, with the other pages named."""
    first: dict[tuple[str, str], int] = {}
    pages: dict[int, list[int]] = defaultdict(list)
    out: list[tuple[str, int, str, str]] = []
    for flag in flags:
        doc, page, check, detail = flag
        what = (check, key_of(detail.split("\" (")[0]) if detail.startswith('"') else detail + str(page))
        if what in first:
            pages[first[what]].append(page)
            continue
        first[what] = len(out)
        out.append(flag)
    for k, more in pages.items():
        doc, page, check, detail = out[k]
        out[k] = (doc, page, check, f"{detail}; also on p. {_pages(set(more))}")
    return out


def _block_checks(p: Page) -> list[tuple[str, int, str, str]]:
    out = []
    bs = p.blocks
    for k, b in enumerate(bs):
        if b.kind != "table" or b.x1 <= b.x0:
            continue
        prev = next((bs[j] for j in range(k - 1, -1, -1) if bs[j].kind != "table"), None)
        nxt = next((bs[j] for j in range(k + 1, len(bs)) if bs[j].kind != "table"), None)
        if prev is not None and nxt is not None and not _overlaps(prev, b) and not _overlaps(nxt, b) and _overlaps(prev, nxt):
            out.append((p.doc, p.page, "table-apart", f"table {b.rows}x{b.cols} at x {b.x0:.0f}-{b.x1:.0f} read between "
                        f"\"{_short(prev.last)}\" and \"{_short(nxt.text)}\" (x {prev.x0:.0f}-{prev.x1:.0f})"))
    for k, b in enumerate(bs):
        if b.kind != "paragraph" or SENTENCE_END.search(b.last):
            continue
        j = k + 1
        while j < len(bs) and bs[j].kind in ("table", "heading"):
            j += 1
        if j > k + 1 and j < len(bs) and bs[j].kind == "paragraph" and _LOWER_START.match(bs[j].text):
            between = ", ".join(bs[i].kind for i in range(k + 1, j))
            out.append((p.doc, p.page, "cut-sentence", f"\"{_short(b.last)}\" / {between} / \"{_short(bs[j].text)}\""))
    heads = sum(1 for b in bs if b.kind == "heading")
    if heads >= FLOOD and heads >= FLOOD_SHARE * len(bs):
        out.append((p.doc, p.page, "heading-flood", f"{heads} headings of {len(bs)} blocks"))
    return out


def _furniture_checks(doc: str, pages: list[Page]) -> list[tuple[str, int, str, str]]:
    out = []
    left: dict[str, set[int]] = defaultdict(set)
    kept: dict[str, set[int]] = defaultdict(set)
    for p in pages:
        for f in p.furniture:
            left[f.key].add(p.page)
        for m in p.margin_kept:
            kept[m.key].add(p.page)
    for p in pages:
        for f in p.furniture:
            where = f"\"{_short(f.text, 70)}\" ({f.kind}, at {f.top / p.height:.2f})"
            if INSIDE[0] * p.height < f.top and f.bottom < INSIDE[1] * p.height:
                out.append((doc, p.page, "furniture-inside", where))
            letters = sum(c.isalpha() for c in f.text)
            if letters >= LONG_LETTERS or sum(1 for w in f.text.split() if any(c.isalpha() for c in w)) >= LONG_WORDS:
                out.append((doc, p.page, "furniture-long", where))
            if len(pages) >= 3 and len(left[f.key]) == 1 and letters >= 8 and any(m.key != f.key for m in p.margin_kept) \
                    and sum(1 for q in pages if q.furniture) >= 2:
                out.append((doc, p.page, "furniture-once", where))
            if f.kind == "header" and 0 <= f.gap < TOUCH * (f.bottom - f.top) and letters >= 8 \
                    and any(g.bottom <= f.top for g in p.furniture):  # under the page's running header
                out.append((doc, p.page, "furniture-touching", f"{where}: {f.gap:.1f} pt over the body"))
        if len(p.furniture) >= SHARE_MIN and not any(b.kind == "table" for b in p.blocks) and len(p.furniture) > SHARE * (p.lines + len(p.furniture)):
            out.append((doc, p.page, "furniture-share", f"{len(p.furniture)} of {p.lines + len(p.furniture)} lines"))
    for k in sorted(set(left) & set(kept)):
        if len(k) >= 6:
            p0 = min(kept[k])
            text = next(m.text for q in pages if q.page == p0 for m in q.margin_kept if m.key == k)
            out.append((doc, p0, "furniture-mixed", f"\"{_short(text, 70)}\" left out on p. {_pages(left[k])}, kept on p. {_pages(kept[k])}"))
    return out


def _pages(ps: set[int]) -> str:
    s = sorted(ps)
    return ",".join(map(str, s[:8])) + (f",… ({len(s)})" if len(s) > 8 else "")


# ---------------------------------------------------------------- the reading, watched


class Watch:
    """Hooks on ``transform.ingest.pdf``'s steps that keep what the audit needs of one document's reading."""

    def __init__(self) -> None:
        import transform.ingest.pdf as pdf_mod
        import transform.ingest.pdf_blocks as blocks_mod

        self.pdf_mod, self.blocks_mod = pdf_mod, blocks_mod
        self.split0, self.group0, self.order0 = pdf_mod.split_running_lines, pdf_mod.group_lines, blocks_mod.reading_order
        self.reset()
        pdf_mod.split_running_lines = self._split
        pdf_mod.group_lines = self._group  # type: ignore[assignment]
        blocks_mod.reading_order = self._order

    def reset(self) -> None:
        self.removed: list[list[Any]] = []
        self.kept: list[list[Any]] = []
        self.heights: list[float] = []
        self.furniture: list[Any] = []
        self.columns: list[dict[tuple[float, float], int]] = []
        self.groups: list[Any] = []
        self.boxes: dict[int, Any] = {}
        self.shapes: dict[int, Block] = {}

    def _split(self, pages: list[list[Any]], heights: list[float]) -> Any:
        out, furniture = self.split0(pages, heights)
        for before, after in zip(pages, out, strict=False):
            ids = {id(ln) for ln in after}
            self.removed.append([ln for ln in before if id(ln) not in ids])
        self.kept, self.heights, self.furniture = out, list(heights), furniture
        return out, furniture

    def _order(self, lines: list[Any], wide: bool = False) -> Any:
        order, edges = self.order0(lines, wide)
        self.columns.append({(round(ln.top, 1), round(ln.x0, 1)): e.column + 10 * e.region for ln, e in zip(order, edges, strict=False)})
        return order, edges

    def _group(self, pages: list[list[Any]], tables: list[list[Any]], widths: list[float], heights: list[float] | None = None) -> Any:
        self.columns = []
        for tb in (t for page in tables for t in page):
            self.boxes[id(tb[1])] = tb
        groups = self.group0(pages, tables, widths, heights)
        self.groups = list(groups)
        self.shapes = {id(g.table): _table_block(g.table, None) for g in groups if g.kind == "table"}  # before the joins
        return groups

    def close(self) -> None:
        self.pdf_mod.split_running_lines, self.pdf_mod.group_lines = self.split0, self.group0
        self.blocks_mod.reading_order = self.order0


def _table_block(t: Any, box: Any) -> Block:
    rows = t.rows or []
    cols = max((sum(c.colspan for c in r) for r in rows), default=0)
    heads = sum(1 for r in rows if r and all(c.header for c in r))
    b = Block("table", "", rows=len(rows), cols=cols, heads=heads)
    if box is not None:
        b.x0, b.top, b.x1, b.bottom = box.x0, box[0], box.x1, box.bottom
    return b


def pages_of(doc: str, w: Watch, n_pages: int, furniture: list[Any] | None = None) -> list[Page]:
    from transform.ingest.pdf_furniture import TOP, in_margin

    pages = [Page(doc, i + 1, w.heights[i] if i < len(w.heights) else 0.0) for i in range(n_pages)]
    for i, lines in enumerate(w.kept):
        p = pages[i]
        p.lines = len(lines)
        h = p.height or 1.0
        p.margin_kept = [Line("kept", ln.text, ln.top, ln.bottom) for ln in lines if in_margin(ln, h, TOP, 1.0 - TOP)]
    for i, lines in enumerate(w.removed):
        body = w.kept[i] if i < len(w.kept) else []
        for ln in lines:
            kind = "header" if ln.top < pages[i].height / 2 else "footer"
            gaps = [b.top - ln.bottom for b in body if b.top >= ln.bottom - 1] if kind == "header" else \
                [ln.top - b.bottom for b in body if b.bottom <= ln.top + 1]
            pages[i].furniture.append(Line(kind, ln.text, ln.top, ln.bottom, min(gaps) if gaps else -1.0))
    for i, cols in enumerate(w.columns):
        if i < n_pages:
            pages[i].columns = len({c for c in cols.values()}) or 1
    page = 0
    for g in w.groups:
        if g.kind == "table":
            t = g.table
            shape, box = w.shapes.get(id(t)), w.boxes.get(id(t))
            b = _table_block(t, box)
            if shape is not None:
                b.rows, b.cols, b.heads = shape.rows, shape.cols, shape.heads
            pg = t.page or page
            if pg and b.x1 > b.x0:  # the column of the line read before it on its page
                prev = next((x for x in reversed(pages[pg - 1].blocks) if x.kind != "table"), None)
                b.column = prev.column if prev else 0
            if pg:
                pages[pg - 1].blocks.append(b)
            continue
        first, last = g.lines[0], g.lines[-1]
        page = first.page
        cols = w.columns[page - 1] if page - 1 < len(w.columns) else {}
        b = Block(g.kind, " ".join(ln.text for ln in g.lines[:2]), min(ln.x0 for ln in g.lines), first.top,
                  max(ln.x1 for ln in g.lines), last.bottom, cols.get((round(first.top, 1), round(first.x0, 1)), 0),
                  level=g.level if g.kind == "heading" else 0, last=last.text)
        pages[page - 1].blocks.append(b)
    for f in furniture if furniture is not None else w.furniture:
        if f.kind == "page_number" and 0 < f.page <= n_pages:
            pages[f.page - 1].numbers.append(f.text)
    return pages


def load(path: Path) -> list[Page]:
    """Page records saved by ``--save``."""
    out = []
    for d in json.loads(path.read_text(encoding="utf-8")):
        d["blocks"] = [Block(**b) for b in d["blocks"]]
        d["furniture"] = [Line(**f) for f in d["furniture"]]
        d["margin_kept"] = [Line(**m) for m in d["margin_kept"]]
        out.append(Page(**d))
    return out


def render_page(p: Page, lines: list[str]) -> None:
    head = f"== {p.doc} p{p.page} lines {p.lines} columns {p.columns} furniture {len(p.furniture)}"
    lines.append(head + (f" folio {' '.join(p.numbers)}" if p.numbers else ""))
    bs = p.blocks
    for k, b in enumerate(bs):
        if b.kind != "table":
            continue
        prev = next((x for x in reversed(bs[:k]) if x.kind != "table"), None)
        nxt = next((x for x in bs[k + 1:] if x.kind != "table"), None)
        box = f"box {b.x0:.0f},{b.top:.0f},{b.x1:.0f},{b.bottom:.0f} col {b.column}" if b.x1 > b.x0 else "box ?"
        lines.append(f"  T {b.rows}x{b.cols} head {b.heads} {box} | before \"{_short(prev.last) if prev else ''}\""
                     f" | after \"{_short(nxt.text) if nxt else ''}\"")
    for f in p.furniture:
        lines.append(f"  F {f.kind} {f.top / (p.height or 1):.2f} \"{_short(f.text, 70)}\"")
    heads = [b.level for b in bs if b.kind == "heading"]
    if heads:
        lines.append(f"  H {len(heads)}: " + ",".join(map(str, heads)))


def audit(files: list[Path]) -> tuple[list[Page], list[str]]:
    from transform.context import RunContext
    from transform.errors import TransformError
    from transform.ingest import ingest
    from transform.options import TransformOptions

    w = Watch()
    pages: list[Page] = []
    out: list[str] = []
    try:
        for pdf in files:
            w.reset()
            ctx = RunContext(options=TransformOptions(ocr="auto"), out_dir=pdf.parent, stem=pdf.stem, source=pdf)
            try:
                doc = ingest(pdf, ctx)
            except TransformError as exc:
                out.append(f"== {pdf.stem} refused: {type(exc).__name__}")
                continue
            dps = pages_of(pdf.stem, w, doc.meta.page_count or len(w.heights), doc.furniture)
            for p in dps:
                render_page(p, out)
            pages += dps
            print(f"# {pdf.stem}: {len(dps)} pages", file=sys.stderr, flush=True)
    finally:
        w.close()
    return pages, out


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--tess-cache", type=Path)
    ap.add_argument("--out", type=Path, help="write the page records here (the flags go to stdout)")
    ap.add_argument("--render", type=Path, help="draw the flagged pages in this folder (pdftoppm -r 100)")
    ap.add_argument("--doc", action="append", help="only these file stems")
    ap.add_argument("--save", type=Path, help="write the page records as JSON here (for --load)")
    ap.add_argument("--load", type=Path, help="run the checks on records saved by --save instead of reading the PDFs")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))  # here, not on import: a test loading this file keeps bench/ off its path
    counts = None
    if args.tess_cache:
        from dump_structure import cache_tesseract

        counts = cache_tesseract(args.tess_cache)
    from dump_structure import default_pdfs

    files = default_pdfs()
    if args.doc:
        files = [f for f in files if f.stem in args.doc]
    if args.load:
        pages = load(args.load)
        records: list[str] = []
        for p in pages:
            render_page(p, records)
    else:
        pages, records = audit(files)
    if args.save:
        args.save.write_text(json.dumps([asdict(p) for p in pages], ensure_ascii=False), encoding="utf-8")
    flags = check_pages(pages)
    tables = sum(1 for p in pages for b in p.blocks if b.kind == "table")
    furn = sum(len(p.furniture) for p in pages)
    nums = sum(len(p.numbers) for p in pages)
    summary = (f"{len(files)} PDFs, {len(pages)} pages, {tables} tables, {furn} running lines left out, {nums} page numbers, "
               f"{sum(len(p.margin_kept) for p in pages)} margin lines kept; {len(flags)} flagged")
    records.append("# " + summary)
    if args.out:
        args.out.write_text("\n".join(records) + "\n", encoding="utf-8")
    else:
        print("\n".join(records))
    src = {f.stem: f for f in files}
    by_check: dict[str, int] = defaultdict(int)
    for doc, page, check, detail in flags:
        by_check[check] += 1
        image = ""
        if args.render:
            args.render.mkdir(parents=True, exist_ok=True)
            base = args.render / f"{doc}-p{page}"
            if not base.with_suffix(".png").exists():
                subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(src[doc]), str(base)],
                               check=False, capture_output=True)
            image = f"  [{base.with_suffix('.png')}]"
        print(f"{check:17} {doc} p{page}: {detail}{image}")
    print("# " + summary + " (" + ", ".join(f"{k} {v}" for k, v in sorted(by_check.items())) + ")")
    if counts is not None:
        print(f"# tesseract cache: {counts['hit']} replayed, {counts['miss']} run", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
