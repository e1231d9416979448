"""Publication speed: our HTML + EPUB 3 + DOCX writers vs pandoc writing the same formats, in the same run.

    .venv/bin/python bench/publish.py [--sections 60] [--repeat 3]

A bilingual-sized Arabic document (headings, paragraphs with amounts, lists, tables) of
``--sections`` sections is built in memory. We time ``build_page`` (HTML), ``build_epub``
(EPUB 3 with nav and accessibility metadata; no narration) and ``build_docx`` (pandoc JSON
AST -> DOCX). The reference is pandoc itself, run on the same content as Markdown:
``pandoc -f markdown -t html5 -s``, ``-t epub3`` and ``-t docx`` (what a person would type).
Prints words per second and the time ratios. Best of ``--repeat`` runs (the machine is shared).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transform._exec import run  # noqa: E402
from transform._exec.pandoc import binary as pandoc_binary  # noqa: E402
from transform.model import (  # noqa: E402
    Cell,
    Direction,
    Document,
    DocumentMeta,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Sentence,
    Table,
    iter_sentences,
)
from transform.publish.docx import build_docx  # noqa: E402
from transform.publish.epub import build_epub  # noqa: E402
from transform.publish.html import PageInput, build_page  # noqa: E402

AR = [
    "صادق مجلس الجهة على الميزانية في دورته العادية المنعقدة بتاريخ 15 مارس 2026.",
    "يبلغ مجموع ميزانية الجهة لسنة 2026 ما قدره 1 250 000 000 درهم.",
    "خصصت الجهة 412 500 000 درهم للبنيات التحتية والطرق القروية.",
    "تهدف هذه الوثيقة إلى تقريب المعلومة المالية من المواطنات والمواطنين.",
]


def make_doc(n: int) -> Document:
    sections = []
    for i in range(1, n + 1):
        p = f"s{i}"
        paras = [
            Paragraph(id=f"{p}-b{j}", sentences=[Sentence(id=f"{p}-b{j}-{k}", text=t) for k, t in enumerate(AR, 1)])
            for j in range(1, 4)
        ]
        lst = ListBlock(
            id=f"{p}-l",
            items=[ListItem(id=f"{p}-l-i{k}", sentences=[Sentence(id=f"{p}-l-i{k}-1", text=t)]) for k, t in enumerate(AR, 1)],
        )
        rows = [[Cell(sentences=[Sentence(id=f"{p}-t-h{c}", text=h)], header=True) for c, h in enumerate(("البند", "المبلغ"))]]
        rows += [
            [Cell(sentences=[Sentence(id=f"{p}-t-r{r}c1", text=f"البند {r}")]), Cell(sentences=[Sentence(id=f"{p}-t-r{r}c2", text="120 000 000")])]
            for r in range(1, 6)
        ]
        sections.append(
            Section(
                id=p,
                heading=Heading(id=f"{p}-h", level=1, sentences=[Sentence(id=f"{p}-h-1", text=f"الفصل {i}")]),
                blocks=[*paras, lst, Table(id=f"{p}-t", rows=rows)],
            )
        )
    meta = DocumentMeta(title="ميزانية", source_name="bench.docx", lang="ar", direction=Direction.RTL)
    return Document(meta=meta, sections=sections)


def to_markdown(doc: Document) -> str:
    out = ["---", "title: ميزانية", "lang: ar", "dir: rtl", "---", ""]
    for sec in doc.sections:
        assert sec.heading is not None
        out += ["# " + sec.heading.sentences[0].text, ""]
        for b in sec.blocks:
            if isinstance(b, Paragraph):
                out += [" ".join(s.text for s in b.sentences), ""]
            elif isinstance(b, ListBlock):
                out += ["- " + it.sentences[0].text for it in b.items] + [""]
            elif isinstance(b, Table):
                cells = [[c.sentences[0].text for c in row] for row in b.rows]
                out += ["| " + " | ".join(cells[0]) + " |", "|---|---|"] + ["| " + " | ".join(r) + " |" for r in cells[1:]] + [""]
    return "\n".join(out)


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sections", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    doc = make_doc(args.sections)
    words = sum(len(loc.sentence.text.split()) for loc in iter_sentences(doc))
    pandoc = pandoc_binary()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        md = d / "doc.md"
        md.write_text(to_markdown(doc), encoding="utf-8")
        ours = {
            "html": lambda: (d / "o.html").write_text(build_page(doc, PageInput(stem="bench")), encoding="utf-8"),
            "epub": lambda: build_epub(doc, d / "o.epub", stem="bench"),
            "docx": lambda: build_docx(doc, d / "o.docx"),
        }
        ref_args = {"html": ["-t", "html5", "-s"], "epub": ["-t", "epub3"], "docx": ["-t", "docx"]}
        print(f"document: {args.sections} sections, {words} words (Arabic), best of {args.repeat}")
        print(f"{'format':<6} {'ours s':>8} {'words/s':>10} {'pandoc s':>9} {'words/s':>10} {'ours/pandoc':>12}")
        for fmt, fn in ours.items():
            t_ours = best(fn, args.repeat)
            out = d / f"ref.{fmt}"

            def ref(fmt: str = fmt, out: Path = out) -> None:
                run([pandoc, "--sandbox", "-f", "markdown", *ref_args[fmt], "-o", str(out), str(md)], tool="pandoc", timeout=300)

            t_ref = best(ref, args.repeat)
            print(f"{fmt:<6} {t_ours:>8.3f} {words / t_ours:>10.0f} {t_ref:>9.3f} {words / t_ref:>10.0f} {t_ours / t_ref:>12.2f}")


if __name__ == "__main__":
    main()
