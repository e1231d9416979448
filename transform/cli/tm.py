"""`taysir tm ...`: the translation memory (TMX) and the term base (TSV/TBX) of the library and the CLI.

    taysir tm export FILE.tmx|FILE.tsv        the memory, for the translators' tools
    taysir tm import FILE.tmx|FILE.tsv        merge a file into the memory (validated)
    taysir tm search "TEXT"                   exact and similar approved segments, with the words that changed
    taysir tm terms list|add|remove|export|import

The memory is the TMX file given by ``--memory`` (or ``$TAYSIR_MEMORY``), the term base the TSV file
given by ``--termbase`` (or ``$TAYSIR_TERMBASE``): the same files ``taysir convert`` and
``taysir review approve`` use with those options.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from pathlib import Path

from ..errors import ExitCode, InputError, OptionsError
from ..simplify.memory import MIN_SIMILARITY, FileMemory, now_iso
from ..simplify.reuse import Recall, describe
from ..simplify.termbase import Term, builtin_terms, clean_term, effective, problems, term_id
from ..simplify.tmx import read_memory_file, read_terms_file, write_memory, write_terms


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("tm", help="translation memory and term base: export, import, search, edit terms")
    p.set_defaults(func=lambda _a: (p.print_help(), ExitCode.BAD_ARGS)[1])
    steps = p.add_subparsers(dest="tm_command", metavar="STEP")

    def memory_arg(q: argparse.ArgumentParser) -> None:
        q.add_argument("--memory", default=os.environ.get("TAYSIR_MEMORY") or None, metavar="FILE.tmx",
                       help="the translation memory file (default $TAYSIR_MEMORY)")

    e = steps.add_parser("export", help="write the memory as TMX 1.4b or TSV (by the file's extension)")
    e.add_argument("file", help="FILE.tmx or FILE.tsv")
    e.add_argument("--lang", choices=["ar", "fr"], default=None, help="only entries with this source language")
    memory_arg(e)
    e.set_defaults(func=run_export)

    i = steps.add_parser("import", help="merge a TMX or TSV file into the memory (the file is validated)")
    i.add_argument("file", help="FILE.tmx or FILE.tsv (xml:lang ar/fr and ary; TSV: source_lang, source, darija, ...)")
    memory_arg(i)
    i.set_defaults(func=run_import)

    s = steps.add_parser("search", help="approved segments equal or similar to a sentence, with the words that changed")
    s.add_argument("text", help="a source sentence (MSA or French)")
    s.add_argument("--min", type=float, default=MIN_SIMILARITY, help=f"lowest similarity in percent (default {MIN_SIMILARITY:g})")
    memory_arg(s)
    s.set_defaults(func=run_search)

    t = steps.add_parser("terms", help="the term base over the built-in glossary")
    t.set_defaults(func=lambda _a: (t.print_help(), ExitCode.BAD_ARGS)[1])
    ts = t.add_subparsers(dest="terms_command", metavar="ACTION")

    def termbase_arg(q: argparse.ArgumentParser) -> None:
        q.add_argument("--termbase", default=os.environ.get("TAYSIR_TERMBASE") or None, metavar="FILE.tsv",
                       help="the term base file (default $TAYSIR_TERMBASE)")

    tl = ts.add_parser("list", help="the entries (with --all, the built-in glossary with the term base over it)")
    tl.add_argument("--all", action="store_true", help="the glossary the engine uses: built-in entries and the term base")
    termbase_arg(tl)
    tl.set_defaults(func=run_terms_list)

    ta = ts.add_parser("add", help="add or replace an entry (an existing id, or a built-in id, is replaced)")
    ta.add_argument("--term", action="append", required=True, help="the term as written in sources (repeat for variants)")
    ta.add_argument("--darija", required=True, help="its fixed Darija wording")
    ta.add_argument("--explanation", default="", help="one short Darija sentence said after its first use (MSA terms)")
    ta.add_argument("--lang", choices=["ar", "fr"], default="ar", help="ar: MSA term (default); fr: French term")
    ta.add_argument("--plural", default="", help="French terms: the Darija plural wording")
    ta.add_argument("--id", default="", help="the entry's id (a built-in id such as 'budget' replaces that entry)")
    ta.add_argument("--by", default="", help="who made the change")
    termbase_arg(ta)
    ta.set_defaults(func=run_terms_add)

    tr = ts.add_parser("remove", help="remove an entry; for a built-in id, hide the built-in entry")
    tr.add_argument("id")
    tr.add_argument("--by", default="", help="who made the change")
    termbase_arg(tr)
    tr.set_defaults(func=run_terms_remove)

    te = ts.add_parser("export", help="write the term base as TSV or TBX (by the file's extension)")
    te.add_argument("file", help="FILE.tsv or FILE.tbx")
    te.add_argument("--all", action="store_true", help="the built-in glossary too")
    termbase_arg(te)
    te.set_defaults(func=run_terms_export)

    ti = ts.add_parser("import", help="merge a TSV or TBX file into the term base (validated)")
    ti.add_argument("file", help="FILE.tsv or FILE.tbx")
    termbase_arg(ti)
    ti.set_defaults(func=run_terms_import)


def _memory(args: argparse.Namespace) -> FileMemory:
    if not args.memory:
        raise OptionsError("No translation memory file.", hint="Give --memory FILE.tmx, or set TAYSIR_MEMORY.")
    return FileMemory(args.memory)


def _fmt(path: str, choices: tuple[str, str]) -> str:
    ext = Path(path).suffix.lower().lstrip(".")
    if ext not in choices:
        raise OptionsError(f"{path}: the file name must end in .{choices[0]} or .{choices[1]}.")
    return ext


def run_export(args: argparse.Namespace) -> int:
    fmt = _fmt(args.file, ("tmx", "tsv"))
    mem = _memory(args)
    entries = [e for e in mem.entries if args.lang is None or e.source_lang == args.lang]
    Path(args.file).write_bytes(write_memory(entries, fmt))
    print(f"{len(entries)} entries written to {args.file}")
    return ExitCode.OK


def run_import(args: argparse.Namespace) -> int:
    _fmt(args.file, ("tmx", "tsv"))
    got = read_memory_file(Path(args.file))
    mem = _memory(args)
    before = len(mem.entries)
    changed = mem.add(got.entries)  # origin: the file's (x-origin), else "import"
    added = len(mem.entries) - before
    print(f"{args.file}: {len(got.entries)} entries read, {added} added, {changed - added} already there (refreshed), "
          f"{len(got.skipped)} skipped; the memory {args.memory} has {len(mem.entries)} entries")
    for why in got.skipped[:50]:
        print(f"  skipped: {why}")
    return ExitCode.OK if not got.skipped else ExitCode.PARTIAL


def run_search(args: argparse.Namespace) -> int:
    mem = _memory(args)
    text = " ".join(args.text.split())
    lang = "fr" if sum(c.isascii() and c.isalpha() for c in text) > len(text) / 3 else "ar"
    recall = Recall(mem, [(lang, text)], threshold=args.min)
    exact = recall.exact(lang, text)
    if exact is not None:
        print(f"exact ({exact.approved_by or '?'}, {exact.approved_at[:10] or '?'}, {exact.document or '?'}):\n  {exact.target}")
    for o in recall.offers(lang, text, limit=5):
        print(f"{o.similarity:.0f} % ({o.entry.approved_by or '?'}, {o.entry.document or '?'}): {o.entry.source}\n"
              f"  changed: {describe(o.changes) or '(same words)'}\n  darija:  {o.entry.target}")
    if exact is None and not recall.offers(lang, text, limit=1):
        print(f"nothing at {args.min:g} % or more")
    return ExitCode.OK


# -- term base ----------------------------------------------------------------------------------------
def _termbase(args: argparse.Namespace, *, must_exist: bool = True) -> tuple[FileMemory, list[Term]]:
    if not args.termbase:
        raise OptionsError("No term base file.", hint="Give --termbase FILE.tsv, or set TAYSIR_TERMBASE.")
    tb = FileMemory(None, args.termbase)
    if not Path(args.termbase).exists():
        if must_exist:
            raise InputError(f"The term base {args.termbase} does not exist.", hint="Add a term first: taysir tm terms add ...")
        return tb, []
    return tb, list(tb.terms())


def _print_term(t: Term) -> None:
    flag = "" if t.active else " [hidden]"
    print(f"{t.id}\t{t.lang}\t{'|'.join(t.terms)}\t{t.darija}\t{t.explanation}{flag}")


def run_terms_list(args: argparse.Namespace) -> int:
    own = _termbase(args, must_exist=False)[1] if args.termbase or not args.all else []
    for t in effective(own) if args.all else own:
        _print_term(t)
    return ExitCode.OK


def _upsert(terms: list[Term], new: Term) -> list[Term]:
    return [t for t in terms if t.id != new.id] + [new]


def run_terms_add(args: argparse.Namespace) -> int:
    tb, terms = _termbase(args, must_exist=False)
    t = clean_term(Term(args.id, args.lang, tuple(args.term), args.darija, args.explanation, args.plural, True, args.by, now_iso()))
    bad = problems(t)
    if bad:
        raise InputError("The entry cannot be added: " + "; ".join(bad) + ".")
    tb.save_terms(_upsert(terms, t))
    print(f"saved {t.id} in {args.termbase}")
    return ExitCode.OK


def run_terms_remove(args: argparse.Namespace) -> int:
    tb, terms = _termbase(args, must_exist=False)
    builtin = {b.id: b for b in builtin_terms()}
    if any(t.id == args.id for t in terms):
        tb.save_terms([t for t in terms if t.id != args.id])
        print(f"removed {args.id}" + (" (the built-in entry applies again)" if args.id in builtin else ""))
    elif args.id in builtin:
        tb.save_terms(_upsert(terms, replace(builtin[args.id], active=False, origin="termbase", updated_by=args.by, updated_at=now_iso())))
        print(f"the built-in entry {args.id} is hidden")
    else:
        raise InputError(f"There is no entry {args.id}.", hint="See: taysir tm terms list --all")
    return ExitCode.OK


def run_terms_export(args: argparse.Namespace) -> int:
    fmt = _fmt(args.file, ("tsv", "tbx"))
    own = _termbase(args, must_exist=False)[1] if args.termbase else []
    terms = effective(own) if args.all else own
    Path(args.file).write_bytes(write_terms(terms, fmt))
    print(f"{len(terms)} entries written to {args.file}")
    return ExitCode.OK


def run_terms_import(args: argparse.Namespace) -> int:
    _fmt(args.file, ("tsv", "tbx"))
    got = read_terms_file(Path(args.file))
    tb, terms = _termbase(args, must_exist=False)
    for t in got.terms:
        terms = _upsert(terms, replace(t, id=t.id or term_id(t.lang, t.terms[0]), updated_at=t.updated_at or now_iso()))
    tb.save_terms(terms)
    print(f"{args.file}: {len(got.terms)} entries imported, {len(got.skipped)} skipped; the term base has {len(terms)} entries")
    for why in got.skipped[:50]:
        print(f"  skipped: {why}")
    return ExitCode.OK if not got.skipped else ExitCode.PARTIAL
