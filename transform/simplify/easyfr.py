"""Easy-read French (FALC style) for French sources: short sentences, plain words, acronyms spelled out,
hard terms explained at first use, every number kept. Same gates as Darija (numbers, names, speakable)."""

from __future__ import annotations

import json
from functools import lru_cache

import regex

from ..errors import LanguageNotSupportedError
from ..lang.numbers_fr import cardinal as _fr_cardinal
from ..lang.speakable import speakable as _lang_speakable
from ..model import Document, Sentence, iter_sentences
from ..model.text import Direction
from ..model.tracks import split_tracks
from .base import Segment, Simplification
from .data import DATA_DIR
from .engine import rewrite_sentences, suffix
from .metrics import check_segment
from .numbers import MONTHS_NUM, canonical_values
from .text import normalize, word_count

MAX_WORDS = 12
MONTHS = ["", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def _data() -> tuple[list[tuple[regex.Pattern[str], str]], list[tuple[regex.Pattern[str], str, str]], dict[str, str]]:
    easy = sorted(_tsv("fr_easy.tsv"), key=lambda r: -len(r[0]))
    easy_rx = [(regex.compile(rf"(?<!\p{{L}}){regex.escape(a)}(?!\p{{L}})", regex.I), b) for a, b in easy]
    gl = []
    for terms, expl in _tsv("fr_glossary.tsv"):
        alts = "|".join(regex.escape(t) for t in sorted(terms.split("|"), key=len, reverse=True))
        gl.append((regex.compile(rf"(?<!\p{{L}})(?:{alts})(?!\p{{L}})", regex.I), terms.split("|")[0], expl))
    acr = {a: b for a, b in _tsv("fr_acronyms.tsv")}
    return easy_rx, gl, acr


def fr_int(n: int) -> str:
    """French number words (transform.lang.numbers_fr) with spaces for hyphens: speakable text has no symbols."""
    return _fr_cardinal(n).replace("-", " ")


def fr_amount(value: float) -> str:
    """Written amount: 1250000000 -> '1 milliard 250 millions'."""
    n = int(round(value))
    if n < 10**6:
        return f"{n:,}".replace(",", " ") if n >= 10000 else str(n)
    parts = []
    for scale, word in ((10**9, "milliard"), (10**6, "million")):
        q, n = divmod(n, scale)
        if q:
            parts.append(f"{q} {word}{'s' if q > 1 else ''}")
    k, n = divmod(n, 1000)
    if k:
        parts.append(f"{k} mille")
    if n:
        parts.append(str(n))
    return " ".join(parts)


def fr_speakable(text: str) -> str:
    """Speakable easy-read French (transform.lang.speakable, shared with the audio engine); no symbols left."""
    text = _lang_speakable(text, "fr")
    text = regex.sub(r"\d+", lambda m: fr_int(int(m.group(0))), text)  # safety net: no digit may be left
    text = regex.sub(r"[/\-–—()\[\];%]", " ", text)
    return " ".join(text.split())


def _numbers(text: str) -> str:
    def amount(m: regex.Match[str]) -> str:
        src = m.group(0).replace("MDH", "millions de dirhams")
        vals = canonical_values(src)
        if len(vals) != 1:
            return m.group(0)
        words = fr_amount(float(vals[0]))
        return words + (" de dirhams" if words.endswith(("millions", "million", "milliards", "milliard")) else " dirhams")

    text = regex.sub(
        r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?\s*(?:DH|Dhs|MAD|dirhams)\b|\d+(?:,\d+)?\s*(?:milliards?|millions?)\s*(?:de\s+)?(?:DH|dirhams|MAD)\b|\d+(?:,\d+)?\s*MDH\b",
        amount, text,
    )
    text = regex.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", lambda m: f"{int(m.group(1))} {MONTHS[int(m.group(2))]} {m.group(3)}" if 1 <= int(m.group(2)) <= 12 else m.group(0), text)
    text = regex.sub(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", r"de \1 à \2", text)
    return text


def _split(sentence: str) -> list[str]:
    ws = [w for w in sentence.split(" ") if w]
    if word_count(sentence) <= MAX_WORDS:
        return [sentence]
    best = None
    for i in range(3, len(ws) - 3):
        w = ws[i].lower()
        left, right = " ".join(ws[:i]), " ".join(ws[i:])
        if word_count(left) < 4 or word_count(right) < 4:
            continue
        score = None
        if ws[i - 1].endswith((";", ":")) or (ws[i - 1].endswith(",") and word_count(left) >= 5 and word_count(right) >= 5):
            score = 1.0 if not ws[i - 1].endswith(",") else 1.5
        elif w in ("pour", "afin", "mais", "car", "puis") or (w == "et" and ws[i - 1].endswith(",")):
            score = 2.0
        if score is None:
            continue
        score += abs(word_count(left) - word_count(right)) / len(ws)
        if best is None or score < best[0]:
            best = (score, i)
    if best is None:
        return [sentence]
    i = best[1]
    left = " ".join(ws[:i]).rstrip(",;:") + "."
    rw = ws[i:]
    if rw[0].lower() == "pour":
        infinitive = len(rw) > 1 and regex.search(r"(?:er|ir|re)$", rw[1].lower()) is not None
        rw = (["Le", "but", "est", "de"] if infinitive else ["C'est", "pour"]) + rw[1:]
    elif rw[0].lower() in ("et", "mais", "puis"):
        rw = [rw[0].capitalize()] + rw[1:]
    right = " ".join(rw)
    right = right[0].upper() + right[1:]
    return _split(left) + _split(right)


def easy_sentence(text: str, seen: set[str], role: str) -> tuple[list[str], list[str]]:
    easy_rx, gl, acr = _data()
    t = normalize(text).replace("’", "'").replace("‘", "'")
    for a, full in acr.items():
        if a in ("DH", "MAD", "MDH"):
            continue
        glued = full.replace(" ", "\u00a0")  # a spelled-out name is never split
        t = regex.sub(rf"\s*\(\s*{a}\s*\)", "", t) if regex.search(rf"\(\s*{a}\s*\)", t) and full.split(" ", 1)[-1].lower()[:12] in t.lower() else t
        t = regex.sub(rf"(?<![A-Za-z])(?:[ldLD]'|)({a})(?![A-Za-z])", lambda m, g=glued: g if m.group(0) != m.group(1) or not g.startswith(("l'", "le", "la")) else g, t)
    t = _numbers(t)
    for rx, plain in easy_rx:
        t = rx.sub(plain, t)
    if role in ("paragraph", "list"):
        t = regex.sub(r"\s*\(([^)]*)\)", r", \1,", t).replace(";", ".")
    else:  # a heading or a table cell: "Contribution (DH)" -> "Contribution DH"
        t = regex.sub(r"\s*\(([^)]*)\)", r" \1", t)
    t = regex.sub(r"[ \t\n]+", " ", t).strip()
    t = regex.sub(r"\s+([.,])", r"\1", t)
    t = regex.sub(r",\s*([.:])", r"\1", t).replace(",,", ",").rstrip(",")
    notes = []
    for rx, term, expl in gl:
        if term not in seen and rx.search(t):
            seen.add(term)
            notes.append(expl)
    if role not in ("paragraph", "list"):
        return [t.replace("\u00a0", " ")], notes
    pieces: list[str] = []
    for s in regex.split(r"(?<=[.!?])\s+", t):
        if s.strip():
            pieces.extend(_split(s.strip()))
    pieces = [p.replace("\u00a0", " ") for p in pieces]
    return [p if p.endswith((".", "!", "?", ":")) else p + "." for p in pieces], notes


def easy_french_document(doc: Document) -> Simplification:
    tracks = split_tracks(doc)
    src = tracks.get("fr")
    if src is None:
        raise LanguageNotSupportedError(
            f"Easy-read French needs a French source; this document has: {', '.join(sorted(tracks))}.",
            hint="Use the 'darija' output for Arabic documents.",
        )
    out = src.model_copy(deep=True)
    seen: set[str] = set()
    segments: list[Segment] = []
    pending: list[str] = []

    def fn(sentences: list[Sentence], role: str, node: object) -> list[Sentence]:
        new = []
        for s in sentences:
            if not regex.search(r"\p{L}", s.text):
                pieces, notes = [s.text], []
            else:
                pieces, notes = easy_sentence(s.text, seen, role)
            if role in ("paragraph", "list"):
                pieces = pieces + pending + notes
                pending.clear()
            else:
                pending.extend(notes)
            spk = [fr_speakable(p) for p in pieces]
            chk = check_segment(s.text, " ".join(pieces), " ".join(spk))
            reasons = chk.reasons()
            reasons = [r for r in reasons if not r.startswith("MSA words")]
            status = "needs_review" if reasons else "ok"
            seg = Segment(s.id, role, s.text, "fr", [], " ".join(spk), status, reasons, notes,
                          {"numbers_missing": chk.numbers_missing, "entities_missing": chk.entities_missing, "max_words": chk.max_words})
            for i, (p, sp) in enumerate(zip(pieces, spk, strict=True)):
                sid = s.id if len(pieces) == 1 else s.id + suffix(i)
                seg.pieces.append((sid, p))
                nt = {"speakable": sp, "status": status, "segment": s.id, "engine": "rules", "variant": "machine-generated draft"}
                if i == 0:
                    nt.update(reasons="; ".join(reasons), glossary=" | ".join(notes), metrics=json.dumps(seg.metrics, ensure_ascii=False))
                new.append(Sentence(id=sid, text=p, source_text=s.text, notes=nt))
            segments.append(seg)
        return new

    rewrite_sentences(out, fn)
    out.meta = out.meta.model_copy(update={"lang": "fr-x-falc", "direction": Direction.LTR, "variant": "easy-read", "review_state": "draft"})
    return Simplification(out, segments, "fr", "french")


__all__ = ["MONTHS_NUM", "easy_french_document", "fr_int", "iter_sentences"]
