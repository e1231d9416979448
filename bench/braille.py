"""Braille speed: translate + format (pages, BRF) against bare liblouis and liblouisutdml's file2brl.

Usage: .venv/bin/python bench/braille.py [--kb 500] [--repeat 7] [--stock-liblouis] [--no-speedups]

For Arabic and French it generates about ``--kb`` KB (UTF-8) of budget-like
text (paragraphs of 3-6 sentences), then measures, in the same run:

* ours: ``translate_document`` (normalise, unknown-character check, per-paragraph
  liblouis with positions, layout 40x25 with page numbers) + ``to_brf``;
* bare: ``louis.translateString`` once per paragraph with the same tables
  (no layout) -> ratio ours/bare in characters per second (goal >= 0.8);
* file2brl: liblouisutdml making a 40x25 BRF from the same headings and
  paragraphs (XML input, since its text mode reads bytes as Latin-1) -> ratio
  of times ours/file2brl (goal <= 1.0, i.e. we are faster). file2brl runs as
  a child process (its start-up and table compilation, a few ms, are in its
  time; ours are warmed up once outside the timings).

liblouis runs with Taysir's quiet debug logger (``transform/braille/_louis_quiet.c``: it
skips the hex dump liblouis 3.24 formats of every input and output) in this process, so
for ``bare`` too; ``file2brl`` runs liblouis as shipped. ``--stock-liblouis`` runs this
process with liblouis as shipped as well. The per-paragraph steps run compiled
(``transform/braille/_speed.c``: normalisation checks, the liblouis call, the rows of a
paragraph) unless ``--no-speedups`` is given (the Python code they replace).

The three are run interleaved ``--repeat`` times and the best of each is kept;
ratios are printed for wall time and for CPU time (process + children), the
latter being steadier on a shared, loaded machine. ``ours/bare`` is the ratio
of throughputs (characters per second), ``ours/file2brl`` the ratio of times.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "--no-speedups" in sys.argv:  # decided when transform.braille is imported, just below
    os.environ["TAYSIR_BRAILLE_SPEEDUPS"] = "0"

from transform._exec import run  # noqa: E402
from transform._exec.liblouis import TABLE_PATH, file2brl_command  # noqa: E402
from transform.braille import BrailleOptions, to_brf, translate_document  # noqa: E402
from transform.braille._louis import QUIET_ENV, quiet_logging, speedups  # noqa: E402
from transform.braille.tables import louis_module, tables_for  # noqa: E402
from transform.model import Document, DocumentMeta, Heading, Paragraph, Section, Sentence  # noqa: E402
from transform.model.text import direction_for  # noqa: E402

AR = [
    "تبلغ ميزانية الجهة برسم سنة 2026 ما مجموعه 1 250 000 000 درهم.",
    "خصص المجلس 78 % من الاعتمادات لمشاريع التنمية في الأقاليم الخمسة.",
    "صادق المجلس على برنامج التنمية الجهوية في دورته العادية لشهر مارس.",
    "تشمل المشاريع بناء الطرق القروية وتزويد الدواوير بالماء الشروب.",
    "ڭاع الجماعات غادي تستافد من هاد البرنامج ف البادية والمدينة.",
    "الجهة غادي تبني 120 كيلومتر ديال الطرقان من 2022 حتى 2027.",
    "بلغت نسبة الإنجاز ٦٥٪ في نهاية شهر دجنبر ٢٠٢٥.",
    "يهدف البرنامج إلى تحسين ظروف عيش الساكنة في المناطق الجبلية.",
]
FR = [
    "Le budget de la Région pour l'année 2026 s'élève à 1 250 000 000 DH.",
    "Le Conseil a consacré 78 % des crédits aux projets de développement des cinq provinces.",
    "Le programme de développement régional a été adopté lors de la session ordinaire de mars.",
    "Les projets comprennent la construction de routes rurales et l'accès à l'eau potable.",
    "Le taux de réalisation atteignait 65 % à la fin du mois de décembre 2025.",
    "Les communes de Béni Mellal, Azilal, Fquih Ben Salah, Khénifra et Khouribga sont concernées.",
    "Une enveloppe de 2,8 milliards de dirhams est prévue pour la période 2022-2027.",
    "Le Conseil régional publie chaque année un budget citoyen expliqué aux habitants.",
]


louis: Any = None  # the bindings, imported in main() (after --stock-liblouis is known)


def make_paragraphs(sentences: list[str], kb: int, seed: int) -> list[list[str]]:
    rnd = random.Random(seed)
    paras: list[list[str]] = []
    size = 0
    while size < kb * 1024:
        para = [rnd.choice(sentences) for _ in range(rnd.randint(3, 6))]
        paras.append(para)
        size += len(" ".join(para).encode("utf-8")) + 2
    return paras


def make_doc(lang: str, paras: list[list[str]]) -> Document:
    sections = []
    per = 40
    for s in range(0, len(paras), per):
        blocks = [
            Paragraph(id=f"b{s + i}", sentences=[Sentence(id=f"b{s + i}-{j}", text=t) for j, t in enumerate(p)])
            for i, p in enumerate(paras[s : s + per])
        ]
        title = "الفصل" if lang == "ar" else "Chapitre"
        head = Heading(id=f"h{s}", level=2, sentences=[Sentence(id=f"h{s}-1", text=f"{title} {s // per + 1}")])
        sections.append(Section(id=f"s{s // per}", heading=head, blocks=blocks))
    return Document(meta=DocumentMeta(lang=lang, direction=direction_for(lang), title="bench"), sections=sections)


def book_xml(doc: Document) -> str:
    """The same text as ``doc`` for file2brl: one ``<h2>`` per heading and one ``<p>`` per paragraph."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<book>"]
    for sec in doc.sections:
        if sec.heading is not None:
            parts.append(f"<h2>{escape(' '.join(s.text for s in sec.heading.sentences))}</h2>")
        parts.extend(f"<p>{escape(' '.join(s.text for s in b.sentences))}</p>" for b in sec.blocks)
    parts.append("</book>\n")
    return "\n".join(parts)


def printf_hooks_loaded() -> bool:
    """True when libquadmath is mapped in this process (numpy's OpenBLAS brings it in).

    libquadmath registers printf extensions when it loads; glibc then formats every
    ``sprintf`` through its slow positional path. liblouis 3.24 formats its whole input
    and output as hex debug text on every call (even with logging off), so every liblouis
    call in this process is slower than the same call in file2brl's process.
    """
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            return any("libquadmath" in line for line in maps)
    except OSError:  # pragma: no cover - not Linux
        return False


def timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall seconds, CPU seconds of this process and its children) for one call."""
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    fn()
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) + (c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime)
    return wall, cpu


def file2brl_config(table: str, work: Path) -> Path:
    cfg = work / "bench.cfg"
    cfg.write_text(
        "outputFormat\n\tcellsPerLine 40\n\tlinesPerPage 25\n\tbraillePages yes\n\tnumberBraillePages yes\n"
        "\tprintPages no\n\tlineEnd \\r\\n\n\tformatFor textDevice\ntranslation\n"
        f"\tliteraryTextTable {table}\n",
        encoding="utf-8",
    )
    return cfg


def bench_lang(lang: str, sentences: list[str], kb: int, repeat: int, work: Path) -> dict[str, float]:
    paras = make_paragraphs(sentences, kb, seed=42)
    doc = make_doc(lang, paras)
    texts = [" ".join(p) for p in paras]
    chars = sum(len(t) for t in texts)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    opts = BrailleOptions()
    tables = list(tables_for(lang, opts))
    louis.translateString(tables, texts[0])  # compile the tables outside the timings
    translate_document(make_doc(lang, paras[:2]), opts, lang)

    out: dict[str, bytes] = {}

    def ours() -> None:
        book = translate_document(doc, opts, lang)
        out["brf"] = to_brf(book)

    def bare() -> None:
        for t in texts:
            louis.translateString(tables, t)

    xml = work / f"{lang}.xml"
    xml.write_text(book_xml(doc), encoding="utf-8")
    cfg = file2brl_config(tables[0], work)
    env_path = TABLE_PATH
    os.environ["LOUIS_TABLEPATH"] = env_path

    def ref() -> None:
        # in the temporary directory: file2brl writes appended_book.sem (the unknown <h2>) to its cwd
        proc = run(file2brl_command(cfg, xml), tool="file2brl", timeout=600, cwd=work)
        out["file2brl"] = proc.stdout

    # interleaved repeats (ours, bare, file2brl) so machine load hits all three alike; best of each
    runs = {"ours": [], "bare": [], "file2brl": []}
    for _ in range(repeat):
        for name, fn in (("ours", ours), ("bare", bare), ("file2brl", ref)):
            runs[name].append(timed(fn))
    t_ours, t_bare, t_ref = (min(w for w, _ in runs[k]) for k in ("ours", "bare", "file2brl"))
    c_ours, c_bare, c_ref = (min(c for _, c in runs[k]) for k in ("ours", "bare", "file2brl"))
    pages = out["brf"].count(b"\f")
    return {
        "chars": chars,
        "bytes": nbytes,
        "paragraphs": len(texts),
        "pages": pages,
        "file2brl_pages": out["file2brl"].count(b"\f") + 1,
        "ours_s": t_ours,
        "bare_s": t_bare,
        "file2brl_s": t_ref,
        "ours_cps": chars / t_ours,
        "bare_cps": chars / t_bare,
        "ratio_bare": t_bare / t_ours,
        "ratio_file2brl": t_ours / t_ref,
        "cpu_ours_s": c_ours,
        "cpu_bare_s": c_bare,
        "cpu_file2brl_s": c_ref,
        "cpu_ratio_bare": c_bare / c_ours,
        "cpu_ratio_file2brl": c_ours / c_ref,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--stock-liblouis", action="store_true", help="liblouis as shipped here too (no quiet debug logger)")
    ap.add_argument("--no-speedups", action="store_true", help="the Python per-paragraph steps instead of transform/braille/_speed.c")
    args = ap.parse_args()
    if args.stock_liblouis:
        os.environ[QUIET_ENV] = "0"
    global louis
    louis = louis_module()  # loads the quiet logger first unless --stock-liblouis
    mode = "quiet debug logger (transform/braille/_louis_quiet.c)" if quiet_logging() else "as shipped"
    print(f"liblouis {louis.version().split(',')[0]} in this process: {mode}; file2brl: as shipped")
    print("per-paragraph steps:", "compiled (transform/braille/_speed.c)" if speedups() is not None else "Python")
    print(f"{args.kb} KB per language; best of {args.repeat}")
    if printf_hooks_loaded():
        print("note: libquadmath (via numpy) is loaded here: liblouis's debug formatting is slower in this process than in file2brl's")
    header = (
        f"{'lang':4} {'chars':>8} {'pages':>6} {'ours chars/s':>13} {'bare chars/s':>13} {'ours/bare':>9} "
        f"{'ours s':>7} {'file2brl s':>10} {'ours/file2brl time':>18} | {'CPU: ours/bare':>14} {'ours/file2brl':>13}"
    )
    print(header)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for lang, sents in (("ar", AR), ("fr", FR)):
            r = bench_lang(lang, sents, args.kb, args.repeat, Path(tmp))
            print(
                f"{lang:4} {r['chars']:>8.0f} {r['pages']:>6.0f} {r['ours_cps']:>13,.0f} {r['bare_cps']:>13,.0f} "
                f"{r['ratio_bare']:>9.2f} {r['ours_s']:>7.3f} {r['file2brl_s']:>10.3f} {r['ratio_file2brl']:>18.2f} | "
                f"{r['cpu_ratio_bare']:>14.2f} {r['cpu_ratio_file2brl']:>13.2f}"
            )
            ok = ok and r["ratio_bare"] >= 0.8 and r["ratio_file2brl"] <= 1.0
    print("goals (ours/bare >= 0.8, ours/file2brl time <= 1.0):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
