"""Truth pages: hand-checked transcriptions of one source page (format in tests/realdocs/README.md).

A truth page is a small front matter (``key: value`` lines and one list, ``furniture``) and a
Markdown-like body: ``#`` headings, paragraphs (one per block, blocks separated by blank
lines), list items (``-`` / ``1.``, each a block of its own), GitHub pipe tables (rows above
``|---|`` are header cells; ``<!-- noheader -->`` before a table that has none), and two
inline markers: ``<!-- unsure: note -->`` right after a word the transcriber could not read
with certainty, ``<!-- colspan=N -->`` inside a merged cell. Other HTML comments are notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


class TruthFormatError(ValueError):
    """A truth page that does not follow the format: names the file and the line."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line


@dataclass
class TruthCell:
    text: str
    header: bool = False
    colspan: int = 1
    unsure: list[int] = field(default_factory=list)  # indexes of whitespace tokens of ``text``


@dataclass
class TruthBlock:
    """``kind``: heading | paragraph | item | table. Tables keep their text in ``rows``."""

    kind: str
    text: str = ""
    level: int = 0
    rows: list[list[TruthCell]] = field(default_factory=list)
    unsure: list[int] = field(default_factory=list)
    line: int = 0

    @property
    def has_header(self) -> bool:
        return any(c.header for row in self.rows for c in row)


@dataclass
class TruthPage:
    doc: str
    page: int
    read: str  # "text" | "ocr"
    lang: str = ""
    furniture: list[str] = field(default_factory=list)
    starts_inside: bool = False
    ends_inside: bool = False
    blocks: list[TruthBlock] = field(default_factory=list)
    path: str = ""
    table_from: int | None = None  # the table at the top goes on from the one ending truth page N (pages between without truth)

    def headings(self) -> list[TruthBlock]:
        return [b for b in self.blocks if b.kind == "heading"]

    def tables(self) -> list[TruthBlock]:
        return [b for b in self.blocks if b.kind == "table"]


# -- front matter -----------------------------------------------------------------------


def _scalar(raw: str, path: Path | str, line: int) -> str | bool | int:
    raw = raw.strip()
    if raw[:1] in "\"'":
        q = raw[0]
        end = raw.find(q, 1)
        while end > 0 and q == '"' and raw[end - 1] == "\\":
            end = raw.find(q, end + 1)
        if end < 0:
            raise TruthFormatError(path, line, f"unclosed quote in {raw!r}")
        rest = raw[end + 1 :].strip()
        if rest and not rest.startswith("#"):
            raise TruthFormatError(path, line, f"text after the closing quote in {raw!r}")
        inner = raw[1:end]
        return inner.replace('\\"', '"') if q == '"' else inner
    raw = re.sub(r"\s+#.*$", "", raw).strip()
    if raw.lower() in ("true", "yes"):
        return True
    if raw.lower() in ("false", "no"):
        return False
    if re.fullmatch(r"-?\d+", raw):
        return int(raw)
    return raw


def _front_matter(lines: list[str], path: Path | str) -> tuple[dict[str, object], int]:
    """Parse ``---``-fenced front matter; returns the values and the index of the first body line."""
    if not lines or lines[0].strip() != "---":
        raise TruthFormatError(path, 1, "a truth page starts with '---' (front matter)")
    meta: dict[str, object] = {}
    current_list: list[str] | None = None
    for i in range(1, len(lines)):
        ln = lines[i]
        if ln.strip() == "---":
            return meta, i + 1
        if not ln.strip() or ln.strip().startswith("#"):
            continue
        item = re.match(r"^\s+-\s+(.*)$", ln) or (re.match(r"^-\s+(.*)$", ln) if current_list is not None else None)
        if item:
            if current_list is None:
                raise TruthFormatError(path, i + 1, "a list item outside a list key (furniture:)")
            current_list.append(str(_scalar(item.group(1), path, i + 1)))
            continue
        kv = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", ln)
        if not kv:
            raise TruthFormatError(path, i + 1, f"expected 'key: value', got {ln.strip()!r}")
        key, value = kv.group(1), kv.group(2)
        value_clean = re.sub(r"(?:^|\s+)#.*$", "", value).strip()
        if value_clean == "" or value_clean == "[]":
            current_list = []
            meta[key] = current_list
        else:
            current_list = None
            meta[key] = _scalar(value, path, i + 1)
    raise TruthFormatError(path, 1, "the front matter is not closed by '---'")


# -- body -------------------------------------------------------------------------------

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
_NOHEADER = re.compile(r"^<!--\s*noheader\s*-->$", re.I)


def _inline(text: str, path: Path | str, line: int) -> tuple[str, list[int], int]:
    """Text without its comments, the unsure token indexes, and the colspan (1 when absent)."""
    unsure: list[int] = []
    colspan = 1
    out = ""
    pos = 0
    for m in _COMMENT.finditer(text):
        out += text[pos : m.start()]
        pos = m.end()
        body = m.group(1).strip()
        low = body.lower()
        if low.startswith("unsure"):
            n_before = len(out.split())
            if n_before == 0:
                nxt = text[m.end() :].split()
                if not nxt:
                    raise TruthFormatError(path, line, "an unsure marker with no word next to it")
                unsure.append(0)
            else:
                unsure.append(n_before - 1)
            out += " " if out and not out[-1].isspace() and m.end() < len(text) and not text[m.end()].isspace() else ""
        elif low.startswith("colspan"):
            cm = re.match(r"colspan\s*=\s*(\d+)$", low)
            if not cm:
                raise TruthFormatError(path, line, f"write colspan as <!-- colspan=2 -->, not {m.group()!r}")
            colspan = int(cm.group(1))
    out += text[pos:]
    if "<!--" in out or "-->" in out:
        raise TruthFormatError(path, line, "an HTML comment is not closed on its line")
    return " ".join(out.split()), sorted(set(unsure)), colspan


def _split_row(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells, cur, i = [], "", 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] == "|":
            cur += "|"
            i += 2
            continue
        if s[i] == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += s[i]
        i += 1
    cells.append(cur)
    return cells


def _table(rows: list[tuple[int, str]], noheader: bool, path: Path | str) -> TruthBlock:
    sep = [k for k, (_, ln) in enumerate(rows) if _SEPARATOR.match(ln.strip())]
    if not sep and not noheader:
        raise TruthFormatError(
            path,
            rows[0][0],
            "table without a header line: add |---| under the header row(s), or <!-- noheader --> above the table",
        )
    if len(sep) > 1:
        raise TruthFormatError(path, rows[sep[1]][0], "a table has one |---| line (under its header rows)")
    split = sep[0] if sep else -1
    block = TruthBlock(kind="table", line=rows[0][0])
    for k, (lineno, ln) in enumerate(rows):
        if k == split:
            continue
        cells = []
        for raw in _split_row(ln):
            text, unsure, colspan = _inline(raw, path, lineno)
            cells.append(TruthCell(text=text, header=(not noheader and k < split), colspan=colspan, unsure=unsure))
        block.rows.append(cells)
    if not block.rows:
        raise TruthFormatError(path, rows[0][0], "a table without rows")
    return block


def parse_body(lines: list[str], first_line: int, path: Path | str) -> list[TruthBlock]:
    blocks: list[TruthBlock] = []
    para: list[str] = []
    para_kind, para_line = "paragraph", 0
    table_rows: list[tuple[int, str]] = []
    noheader = False

    def flush_para() -> None:
        nonlocal para
        if para:
            text, unsure, _ = _inline(" ".join(para), path, para_line)
            if text:
                blocks.append(TruthBlock(kind=para_kind, text=text, unsure=unsure, line=para_line))
        para = []

    def flush_table() -> None:
        nonlocal table_rows, noheader
        if table_rows:
            blocks.append(_table(table_rows, noheader, path))
            noheader = False
        table_rows = []

    for k, ln in enumerate(lines):
        lineno = first_line + k
        s = ln.strip()
        if s.startswith("|"):
            flush_para()
            table_rows.append((lineno, s))
            continue
        flush_table()
        if not s:
            flush_para()
            continue
        if _NOHEADER.match(s):
            flush_para()
            noheader = True
            continue
        full_comment = _COMMENT.fullmatch(s)
        if full_comment:
            if full_comment.group(1).strip().lower().startswith("unsure"):
                raise TruthFormatError(path, lineno, "put <!-- unsure --> right after the word it marks, on the same line")
            continue  # a note for people
        h = _HEADING.match(s)
        if h:
            flush_para()
            text, unsure, _ = _inline(h.group(2), path, lineno)
            blocks.append(TruthBlock(kind="heading", text=text, level=len(h.group(1)), unsure=unsure, line=lineno))
            continue
        it = _ITEM.match(ln)
        if it:
            flush_para()
            para, para_kind, para_line = [it.group(1)], "item", lineno
            continue
        if not para:
            para_kind, para_line = "paragraph", lineno
        para.append(s)
    flush_para()
    flush_table()
    if noheader:
        raise TruthFormatError(path, first_line + len(lines) - 1, "<!-- noheader --> is not followed by a table")
    return blocks


def parse_truth_page(text: str, path: Path | str = "<truth>") -> TruthPage:
    lines = text.lstrip("\ufeff").splitlines()
    meta, body_start = _front_matter(lines, path)
    page = meta.get("page")
    if not isinstance(page, int) or isinstance(page, bool) or page < 1:
        raise TruthFormatError(path, 1, "front matter needs 'page: N' (1-based page number)")
    read = meta.get("read")
    if read not in ("text", "ocr"):
        raise TruthFormatError(path, 1, "front matter needs 'read: text' or 'read: ocr'")
    furniture = meta.get("furniture", [])
    if not isinstance(furniture, list):
        raise TruthFormatError(path, 1, "furniture is a list (one '- \"line\"' per line printed in the margins)")
    flags = {}
    for key in ("starts_inside", "ends_inside"):
        v = meta.get(key, False)
        if not isinstance(v, bool):
            raise TruthFormatError(path, 1, f"{key} is true or false")
        flags[key] = v
    table_from = meta.get("table_from")
    if table_from is not None and (not isinstance(table_from, int) or isinstance(table_from, bool) or not 1 <= table_from < page):
        raise TruthFormatError(
            path, 1, "table_from is the number of an earlier truth page (where the table at the top of this page began)"
        )
    if table_from is not None and not flags["starts_inside"]:
        raise TruthFormatError(path, 1, "table_from needs starts_inside: true (the page opens with the rest of a table)")
    return TruthPage(
        doc=str(meta.get("doc", "")),
        page=page,
        read=str(read),
        lang=str(meta.get("lang", "")),
        furniture=[str(f) for f in furniture if str(f).strip()],
        starts_inside=flags["starts_inside"],
        ends_inside=flags["ends_inside"],
        blocks=parse_body(lines[body_start:], body_start + 1, path),
        path=str(path),
        table_from=table_from,
    )


_PAGE_FILE = re.compile(r"^p(\d{3,4})\.md$")


def load_truth_page(path: Path) -> TruthPage:
    tp = parse_truth_page(path.read_text(encoding="utf-8"), path)
    m = _PAGE_FILE.match(path.name)
    if m and int(m.group(1)) != tp.page:
        raise TruthFormatError(path, 1, f"the file name says page {int(m.group(1))} but the front matter says page {tp.page}")
    if not tp.doc:
        tp.doc = path.parent.name
    return tp


def load_truth_dir(folder: Path) -> list[TruthPage]:
    """Every ``pNNN.md`` of a document's truth folder, by page."""
    if not folder.is_dir():
        return []
    pages = [load_truth_page(p) for p in sorted(folder.iterdir()) if _PAGE_FILE.match(p.name)]
    seen: dict[int, str] = {}
    for tp in pages:
        if tp.page in seen:
            raise TruthFormatError(tp.path, 1, f"page {tp.page} has a truth file already: {seen[tp.page]}")
        seen[tp.page] = tp.path
    return sorted(pages, key=lambda t: t.page)
