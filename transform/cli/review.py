"""`taysir review export|import|approve`: the human review of a simplified draft before publication."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ExitCode
from ..simplify.memory import FileMemory
from ..simplify.review import approve, load_document, save_json
from ..simplify.review_file import export_review, import_review
from ..simplify.review_render import publish
from ._common import add_option_args, options_from_args


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("review", help="review a simplified Darija / easy-read draft: export, import, approve and publish")
    rs = p.add_subparsers(dest="review_command", metavar="STEP")
    p.set_defaults(func=lambda _args: (p.print_help(), ExitCode.BAD_ARGS)[1])

    e = rs.add_parser("export", help="write the editable review file of a draft (<stem>.ary.draft.json)")
    e.add_argument("draft", help="the draft document JSON written by the darija output")
    e.add_argument("-o", "--out", default=None, help="review file to write (default: <draft stem>.review.txt beside it)")
    e.set_defaults(func=run_export)

    i = rs.add_parser("import", help="read an edited review file back into the draft (validated)")
    i.add_argument("draft", help="the draft document JSON")
    i.add_argument("review_file", help="the edited review file")
    i.add_argument("--by", required=True, help="who reviewed the text")
    i.add_argument("-o", "--out", default=None, help="draft JSON to write (default: overwrite the draft)")
    i.add_argument("--allow-number-changes", action="store_true", help="accept edits that change numbers (the source was wrong)")
    i.set_defaults(func=run_import)

    a = rs.add_parser("approve", help="record the approval and render braille/audio/captions/video from the approved text")
    a.add_argument("draft", help="the reviewed draft JSON")
    a.add_argument("--by", required=True, help="who approves the text")
    a.add_argument("-o", "--out", default="taysir-out", help="output folder for the published files (default taysir-out)")
    a.add_argument("--allow-untranslated", action="store_true",
                   help="approve anyway: segments not yet in Darija are kept in their source language, in your name (the outputs say so)")
    add_option_args(a)
    a.set_defaults(func=run_approve, outputs="text,braille,audio,captions")


def _stem(draft: Path) -> str:
    name = draft.name
    for suffix in (".draft.json", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return draft.stem


def run_export(args: argparse.Namespace) -> int:
    draft = Path(args.draft)
    doc = load_document(draft)
    out = Path(args.out) if args.out else draft.with_name(_stem(draft) + ".review.txt")
    out.write_text(export_review(doc), encoding="utf-8")
    print(f"review file written: {out}\nedit the text after 'ary:' then run: taysir review import {draft} {out} --by \"Name\"")
    return ExitCode.OK


def run_import(args: argparse.Namespace) -> int:
    draft = Path(args.draft)
    doc = load_document(draft)
    text = Path(args.review_file).read_text(encoding="utf-8")
    new, changes = import_review(doc, text, args.by, allow_number_changes=args.allow_number_changes)
    out = Path(args.out) if args.out else draft
    out.write_text(new.model_dump_json(indent=1), encoding="utf-8")
    print(f"{len(changes)} change(s) imported into {out}")
    for c in changes:
        print(f"  {c}")
    print(f"next: taysir review approve {out} --by \"Name\"")
    return ExitCode.OK


def run_approve(args: argparse.Namespace) -> int:
    draft = Path(args.draft)
    doc = load_document(draft)
    options = options_from_args(args)
    tmx = options.simplify.memory.tmx  # --memory: the translation memory learns the approved segments
    approved, record = approve(doc, args.by, allow_untranslated=args.allow_untranslated, memory=FileMemory(tmx) if tmx else None)
    draft.write_text(approved.model_dump_json(indent=1), encoding="utf-8")
    stem = _stem(draft).rsplit(".", 1)[0] if _stem(draft).endswith((".ary", ".fr-x-falc")) else _stem(draft)
    result = publish(approved, options, args.out, stem=stem)
    record["published_files"] = [a.name for a in result.artifacts]
    record["status"] = result.status.value
    sidecar = Path(result.output_dir) / f"{stem}.{approved.meta.lang}.approval.json"
    save_json(record, sidecar)
    print(f"approved by {args.by}; published to {result.output_dir} ({result.status.value})")
    if tmx:
        print(f"translation memory {tmx}: {record.get('memory_learned', 0)} segment(s) learned")
    for a in result.artifacts:
        print(f"  {a.name}")
    for e in result.errors:
        print(f"  {e.severity}: [{e.stage}] {e.message}", file=sys.stderr)
    return ExitCode.OK if result.status.value == "success" else ExitCode.PARTIAL
