"""Translation memory: lookup and offers for a document, its cost in a conversion, TMX files, the service store.

Usage: .venv/bin/python bench/memory.py [--sizes 1000,10000,50000] [--json]

The memory is filled with the real sentences of tests/darija_refset and variants of them (a number or a word
changed, so fuzzy matching has near neighbours to wade through); the document is the 42 real sentences of the
CESE advisory opinion: half are in the memory as they are, the other half with one word changed (offers).
For each memory size:

* ``recall``: exact lookup of every segment plus the offers (>= 75 %) of the others, as the simplify stage does,
  against the bare tool in the same run: ``rapidfuzz.process.extract`` of every segment over every key;
* the same through the service store (SQLite) instead of the in-process list;
* ``stage``: a whole ``transform.convert`` (darija output) with the memory, against the same without memory;
* TMX: writing and reading the memory (entries per second) against a bare ``xml.etree`` parse of the same file;
* store: inserting the memory (entries per second).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from transform import TransformOptions, convert  # noqa: E402
from transform.simplify.memory import ListMemory, MemoryEntry, memory_key  # noqa: E402
from transform.simplify.reuse import Recall  # noqa: E402
from transform.simplify.tmx import read_tmx, write_tmx  # noqa: E402

REFSET = ROOT / "tests" / "darija_refset"


def real_rows() -> list[tuple[str, str, str, str]]:
    out = []
    for name, lang in (("msa_real.tsv", "ar"), ("msa_real_heldout.tsv", "ar"), ("french_real.tsv", "fr"), ("french_real_heldout.tsv", "fr")):
        for line in (REFSET / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                c = line.split("\t")
                out.append((c[0], lang, c[1], c[2], c[3]))
    return [(lang, src, ref, doc) for _id, lang, src, ref, doc in out]


def fill(n: int, rng: random.Random) -> list[MemoryEntry]:
    """``n`` entries from the real sentences of the other documents and variants of them (a word or a number changed)."""
    rows = [r for r in real_rows() if r[3] != "cese-ar-avis-biodiversite-2025"]
    out = []
    for i in range(n):
        lang, src, ref, doc = rows[i % len(rows)]
        k = i // len(rows)
        if k:
            words = src.split()
            j = rng.randrange(len(words))
            words[j] = words[j] + str(k) if rng.random() < 0.5 else str(k)
            src = " ".join(words)
        out.append(MemoryEntry(src, lang, ref, document=doc, approved_by="bench", approved_at=f"2026-01-01T00:00:{i % 60:02d}Z"))
    return out


def opinion() -> list[str]:
    return [src for lang, src, _r, doc in real_rows() if doc == "cese-ar-avis-biodiversite-2025"]


def time_best(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def recall_once(mem: object, doc: list[str]) -> tuple[int, int]:
    r = Recall(mem, [("ar", s) for s in doc])  # type: ignore[arg-type]
    exact = offered = 0
    for s in doc:
        if r.exact("ar", s) is not None:
            exact += 1
        elif r.offers("ar", s):
            offered += 1
    return exact, offered


def bare_once(keys: list[str], doc: list[str]) -> None:
    for s in doc:
        process.extract(memory_key(s), keys, scorer=fuzz.ratio, score_cutoff=75, limit=10)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rng = random.Random(18)
    doc = opinion()
    rows: list[dict[str, object]] = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    src = tmp / "avis.md"
    src.write_text("\n\n".join(doc) + "\n", encoding="utf-8")
    for n in (int(x) for x in args.sizes.split(",")):
        entries = fill(n, rng)
        entries += [MemoryEntry(s, "ar", "ترجمة معتمدة.", approved_by="bench") for s in doc[::2]]  # half the document as approved
        for s in doc[1::2]:  # the other half approved in an older version: one word changed
            words = s.split()
            words[len(words) // 2] = "تغيير"
            entries.append(MemoryEntry(" ".join(words), "ar", "ترجمة قديمة.", approved_by="bench"))
        mem = ListMemory(entries)
        keys = [e.key for e in mem.entries if e.source_lang == "ar"]
        exact, offered = recall_once(mem, doc)
        t_recall = time_best(lambda mem=mem: recall_once(mem, doc))
        t_bare = time_best(lambda keys=keys: bare_once(keys, doc))

        from service.store import Store

        store = Store(f"sqlite:///{tmp}/s{n}.sqlite3", tmp / f"d{n}")
        t0 = time.perf_counter()
        store.memory.add(entries)
        t_insert = time.perf_counter() - t0
        t_store = time_best(lambda store=store: recall_once(store.memory, doc))
        store.close()

        data = write_tmx(mem.entries)
        t_write = time_best(lambda mem=mem: write_tmx(mem.entries))
        t_read = time_best(lambda data=data: read_tmx(data))
        t_parse = time_best(lambda data=data: ET.fromstring(data))

        opts = TransformOptions(outputs=["darija"])
        t_plain = time_best(lambda opts=opts: convert(src, opts, tmp / "plain"), 2)
        t_mem = time_best(lambda opts=opts, mem=mem: convert(src, opts, tmp / "mem", memory=mem), 2)
        rows.append({"entries": len(mem.entries), "segments": len(doc), "exact": exact, "offered": offered,
                     "recall_ms": round(t_recall * 1000, 1), "bare_extract_ms": round(t_bare * 1000, 1), "recall_vs_bare": round(t_recall / t_bare, 2),
                     "store_recall_ms": round(t_store * 1000, 1), "store_insert_per_s": round(len(entries) / t_insert),
                     "convert_ms": round(t_plain * 1000), "convert_with_memory_ms": round(t_mem * 1000), "convert_ratio": round(t_mem / t_plain, 2),
                     "tmx_mib": round(len(data) / 1048576, 2), "tmx_write_per_s": round(len(mem.entries) / t_write),
                     "tmx_read_per_s": round(len(mem.entries) / t_read), "tmx_read_vs_bare_parse": round(t_read / t_parse, 2)})
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    head = list(rows[0])
    print("\t".join(head))
    for r in rows:
        print("\t".join(str(r[h]) for h in head))


if __name__ == "__main__":
    main()
