"""`taysir inspect FILE`: the outline of a document (sections, blocks, languages)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..context import RunContext
from ..ingest import ingest
from ..model import Document, Heading, ListBlock, Table
from ..model.walk import block_text
from ..ocr.cell_doubt import cells_note
from ..ocr.confidence import reading_summary
from ..options import TransformOptions
from ..structure import build_structure


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("inspect", help="show the structure Taysir reads from a document")
    p.add_argument("source")
    p.add_argument("--json", action="store_true", help="print the document model as JSON")
    p.add_argument("--ocr", choices=["auto", "always", "never"], default="auto")
    p.set_defaults(func=run)


def load(source: str, ocr: str = "auto") -> Document:
    path = Path(source)
    ctx = RunContext(options=TransformOptions(ocr=ocr), out_dir=Path("."), stem=path.stem, source=path)  # type: ignore[arg-type]
    return build_structure(ingest(path, ctx))


def outline(doc: Document) -> str:
    lines = [f"{doc.meta.source_name}  format={doc.meta.source_format}  lang={doc.meta.lang}  title={doc.meta.title!r}"]
    summary = reading_summary(doc)
    if summary:
        lines.append(f"  read: {summary}")
    for p in doc.meta.pages:
        if p.method != "text" or "digits" in p.reason:
            lines.append(f"  page {p.page}: {p.method} ({p.reason})")

    def rec(sections, depth):  # type: ignore[no-untyped-def]
        for sec in sections:
            pad = "  " * depth
            title = block_text(sec.heading) if sec.heading else "(no heading)"
            lines.append(f"{pad}§ {sec.id} [{sec.lang}] {title[:70]}")
            for b in sec.blocks:
                extra = ""
                if isinstance(b, Table):
                    extra = f" {len(b.rows)}x{max((len(r) for r in b.rows), default=0)}"
                elif isinstance(b, ListBlock):
                    extra = f" {len(b.items)} items"
                text = block_text(b) if not isinstance(b, Heading) else ""
                check = f" (check against the source: {b.doubt})" if b.doubt else ""
                if isinstance(b, Table) and (cells := cells_note(b.rows)):
                    check = f" (check against the source: {b.doubt}; cells {cells})"
                lines.append(f"{pad}  - {b.kind}{extra} [{b.lang},{b.direction}]{check} {text[:60]}")
            rec(sec.sections, depth + 1)

    rec(doc.sections, 1)
    return "\n".join(lines)


def emit(text: str, *, json: bool) -> None:
    """Print whatever the terminal's encoding: JSON always as UTF-8 (its encoding), the outline in
    the terminal's encoding with characters it cannot show replaced (an Arabic title on a
    Latin-1 console must not end the run in a traceback)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout (tests, embedding): it takes str
        print(text)
        return
    sys.stdout.flush()
    encoding = "utf-8" if json else (sys.stdout.encoding or "utf-8")
    buffer.write((text + "\n").encode(encoding, errors="replace"))
    buffer.flush()


def run(args: argparse.Namespace) -> int:
    doc = load(args.source, args.ocr)
    emit(doc.model_dump_json(indent=1) if args.json else outline(doc), json=args.json)
    return 0
