"""liblouis engine: per-paragraph translation with language switching and unknown-character checks.

A paragraph (heading, list item, table line...) is a list of :class:`Segment`
(text, language, sentence id). Consecutive segments that use the same tables are
translated in ONE liblouis call (never the whole document: liblouis turns line
breaks into spaces), with ``louis.translate`` so each sentence's start in the
braille is known (for the page index). Output is Unicode braille; a blank cell
(U+2800) stands for a space.

Characters a table cannot write never reach the output: liblouis prints them as
escape codes (``'\\x06ad'``) or, with fr-bfu, drops them silently. Every distinct
character is probed once per table list (cached), before translation.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

from ..errors import LanguageNotSupportedError
from ..model.runs import has_foreign, runs
from ._louis import LouisTranslator, speedups
from .errors import UnknownCharactersError
from .normalize import MAX_WORD, _char_class, common_pairs, nfc_inert, normalize, special_codes, tidy
from .options import BrailleOptions
from .substitute import substitute
from .tables import LOUIS_LOCK, base_key, louis_module, supported_langs, tables_for

BLANK = "\u2800"
_SEP = "\ue000"  # private-use character: never in the tables, untouched by normalize()
_PUNCT_AFTER_NOTE = re.compile(r"(?<=\]) +([.,;!?؟،)])")
_LOCK = LOUIS_LOCK  # liblouis compiles tables lazily into shared state; keep calls serial (tables.py too)
_PROBE_LOCK = threading.Lock()  # guards the shared probe results below
_KNOWN: dict[tuple[str, ...], set[str]] = {}  # table list -> characters it can braille
_UNKNOWN: dict[tuple[str, ...], set[str]] = {}  # table list -> characters it cannot braille
# (table list, Arabic?) -> [_Safe, size of the known set it was built from, lookups to wait, lookups waited]
_SAFE: dict[tuple[tuple[str, ...], bool], list] = {}  # see BrailleEngine._safe
_c_tidy = getattr(speedups(), "tidy", None)  # the compiled normalize.tidy, or None

NOTE_TEMPLATES = {
    "ar": "[ملاحظة الناسخ: رمز {code}]",
    "ary": "[ملاحظة الناسخ: رمز {code}]",
    "fr": "[note du transcripteur : caractère {code}]",
    "en": "[transcriber's note: character {code}]",
}


class _Safe(NamedTuple):
    pattern: re.Pattern[str]  # any character outside the safe set
    bits: bytes  # the safe set as a bitmap of the BMP
    keys: str  # common characters normalize() replaces...
    values: str  # ...and their replacements ("\0": removed)


@dataclass(slots=True)
class Segment:
    """A piece of print text in one language, usually one sentence."""

    text: str
    lang: str
    sid: str | None = None
    glue: bool = False  # no space before this piece in print (a run that starts inside a word or before punctuation)


@dataclass(slots=True)
class Translated:
    """Braille of one paragraph: cells plus where each sentence starts."""

    cells: str
    starts: list[tuple[int, str]] = field(default_factory=list)  # (offset in cells, sentence id)


class BrailleEngine:
    """Translate text with the tables chosen by :class:`BrailleOptions` for each language."""

    def __init__(self, options: BrailleOptions | None = None, default_lang: str = "ar") -> None:
        self.options = options or BrailleOptions()
        self.louis = louis_module()
        self.mode = self.louis.dotsIO | self.louis.ucBrl
        self.default_lang = default_lang
        self._lt = LouisTranslator(self.louis)
        self._keys: dict[str, str] = {}
        self._tables: dict[str, tuple[str, ...]] = {}
        # probe results depend only on the tables (liblouis keeps compiled tables for the process too):
        # shared by every engine, so a document does not probe again what the previous one probed
        self._known, self._unknown = _KNOWN, _UNKNOWN
        self.problems: dict[str, list[str]] = {}  # unknown char -> places (error mode)
        self.notes: dict[str, list[str]] = {}  # unknown char -> places (note mode)
        self.fallbacks: dict[str, str] = {}  # unsupported language -> language used instead
        self.doc_langs: tuple[str, ...] = (default_lang,)  # picks the language of runs in the other script
        self.switch_runs = True  # False: a whole sentence in its own table (the behaviour before runs)

    # -- tables ---------------------------------------------------------------------------
    def lang_key(self, lang: str | None) -> str:
        lang = lang or self.default_lang
        key = self._keys.get(lang)
        if key is not None:
            return key
        key = base_key(lang)
        if key not in self.options.tables and key not in supported_langs():
            fallback = base_key(self.default_lang)
            if fallback not in supported_langs() and fallback not in self.options.tables:
                raise LanguageNotSupportedError(f"No braille table for language {lang!r}.", hint=f"Supported: {', '.join(supported_langs())}.")
            self.fallbacks[key] = fallback
            key = fallback
        self._keys[lang] = key
        return key

    def tables(self, lang: str | None) -> tuple[str, ...]:
        key = self.lang_key(lang)
        if key not in self._tables:
            self._tables[key] = tables_for(key, self.options)
        return self._tables[key]

    # -- unknown characters ---------------------------------------------------------------
    def _probe(self, tables: tuple[str, ...], ch: str) -> bool:
        if ch == " ":
            return True
        with _LOCK:
            plain = self.louis.translateString(list(tables), ch)
            cells = self.louis.translateString(list(tables), ch, mode=self.mode)
        if len(plain) >= 4 and plain.startswith("'\\") and plain.endswith("'"):
            return False  # liblouis escape: '\x06ad' (hex digits may show through the display table)
        return bool(cells.strip(BLANK + " "))  # fr-bfu turns unknown characters into a blank cell

    def _safe(self, tables: tuple[str, ...], arabic: bool) -> _Safe:
        """What :func:`normalize.tidy` needs for ``tables``: characters known to them that NFC and
        :func:`normalize` leave alone, as a regex of the others and as a bitmap for ``_speed.tidy``.

        One pass over a paragraph then tells that it needs neither normalize()'s replacement step nor
        the unknown-character probe. The known set only grows; compiling the pattern costs as much as
        checking ~150 paragraphs, so after new characters are learnt it is rebuilt on a doubling
        schedule (1, 2, 4 ... 64 lookups later). A stale one is safe: it only flags characters that
        are in fact known, and such a paragraph takes the exact, slower path.
        """
        key = (tables, arabic)
        entry = _SAFE.get(key)
        known = self._known.get(tables, ())
        if entry is not None:
            if entry[1] == len(known):
                return entry[0]
            entry[3] += 1
            if entry[3] < entry[2]:
                return entry[0]
        with _PROBE_LOCK:
            # (normalize() replaces every space but " ": _speed.tidy relies on " " being the only safe space)
            safe = {ord(c) for c in known if nfc_inert(c) and (c == " " or not c.isspace())} - special_codes(arabic)
            safe.add(ord(_SEP))  # the sentence separator; one inside a sentence is caught by the count
            bits = bytearray(8192)
            for c in safe:
                if c < 0x10000:
                    bits[c >> 3] |= 1 << (c & 7)
            keys, values = common_pairs(arabic)
            pattern = re.compile("[^" + _char_class(sorted(safe))[1:])
            wait = min(entry[2] * 2, 64) if entry is not None else 1
            _SAFE[key] = [_Safe(pattern, bytes(bits), keys, values), len(known), wait, 0]
            return _SAFE[key][0]

    def unknown_in(self, tables: tuple[str, ...], text: str, arabic: bool = False) -> set[str]:
        """Characters of ``text`` that ``tables`` cannot braille (``arabic``: the text was normalised for Arabic)."""
        if _SEP not in text and self._safe(tables, arabic).pattern.search(text) is None:
            return set()  # fast path: every character already known to be fine
        with _PROBE_LOCK:
            known = self._known.setdefault(tables, set())
            chars = set(text)
            new = chars - known
            if not new:
                return new
            bad = self._unknown.setdefault(tables, set())
            for ch in new - bad:
                (known if self._probe(tables, ch) else bad).add(ch)
            return chars & bad

    def substitute(self, tables: tuple[str, ...], ch: str, arabic: bool) -> str | None:
        """What to write instead of ``ch``, which ``tables`` cannot braille, or None (see :mod:`.substitute`)."""
        return substitute(tables, ch, lambda text: not self.unknown_in(tables, text, arabic))

    def _replace_unknown(self, text: str, bad: set[str], sid: str | None, key: str, tables: tuple[str, ...] = ()) -> str:
        place = sid or "text"
        found = {ch for ch in bad if ch in text}
        if not found:
            return text
        if tables:
            for ch in sorted(found):
                sub = self.substitute(tables, ch, key[:2] == "ar")
                if sub is not None:
                    text = text.replace(ch, sub)
                    found.discard(ch)
            if not found:
                return normalize(text, key)
        if self.options.unknown_chars == "error":
            for ch in found:
                self.problems.setdefault(ch, []).append(place)
            return "".join(ch for ch in text if ch not in found)
        template = NOTE_TEMPLATES.get(key, NOTE_TEMPLATES["en"])
        for ch in found:
            self.notes.setdefault(ch, []).append(place)
            text = text.replace(ch, " " + template.format(code=f"U+{ord(ch):04X}") + " ")
        return _PUNCT_AFTER_NOTE.sub(r"\1", normalize(text, key))

    def raise_problems(self, what: str = "") -> None:
        """Raise :class:`UnknownCharactersError` listing every unknown character met so far."""
        if self.problems:
            problems, self.problems = self.problems, {}
            raise UnknownCharactersError(problems, what)

    # -- translation ----------------------------------------------------------------------
    def translate_text(self, text: str, lang: str | None = None) -> str:
        """Braille of a short label (page numbers, list markers); no sentence tracking."""
        return self.translate_segments([Segment(text, lang or self.default_lang)]).cells

    def translate_numbers(self, numbers: list[int], lang: str | None = None) -> list[str]:
        """Braille of each number (page numbers): one liblouis call for all, split on the blank cells.

        Digits need no normalisation (which would join ``"9 100"`` as a thousands group), so the
        numbers go to liblouis as they are. tests/braille checks this against one call per number.
        """
        if not numbers:
            return []
        with _LOCK:
            cells, _ = self._lt.translate(self.tables(lang), " ".join(map(str, numbers)), self.mode)
        out = cells.split(BLANK)
        if len(out) != len(numbers):  # pragma: no cover - a table that joins numbers: one call each
            out = [self.translate_text(str(n), lang) for n in numbers]
        return out

    def _run(self, tables: tuple[str, ...], key: str, texts: list[str], sids: list[str | None]) -> tuple[str, list[tuple[int, str]]]:
        """One liblouis call for consecutive segments that share a table list."""
        joined = texts[0] if len(texts) == 1 else " ".join(texts)
        bad = self.unknown_in(tables, joined, key[:2] == "ar")
        if bad:  # slow path: find which sentences hold the characters, replace or drop them
            texts = [self._replace_unknown(t, bad, sid, key, tables) for t, sid in zip(texts, sids, strict=True)]
            keep = [(t, sid) for t, sid in zip(texts, sids, strict=True) if t]
            texts, sids = [t for t, _ in keep], [sid for _, sid in keep]
            if not texts:
                return "", []
            joined = " ".join(texts)
        if len(texts) == 1:
            with _LOCK:
                cells, _ = self._lt.translate(tables, joined, self.mode)
            return cells, [(0, sids[0])] if sids[0] is not None else []
        offsets, pos = [], 0
        for t in texts:
            offsets.append(pos)
            pos += len(t) + 1
        with _LOCK:
            cells, outs = self._lt.translate(tables, joined, self.mode, offsets)
        return cells, [(o, sid) for o, sid in zip(outs, sids, strict=True) if sid is not None]

    def _run_same(self, tables: tuple[str, ...], key: str, segments: list[Segment]) -> Translated:
        """Sentences in one language: normalised in one pass, translated in one liblouis call.

        The sentences are joined with a private-use separator for normalisation (so that, e.g., a number
        ending one sentence is never joined to digits starting the next), then with spaces for liblouis.
        A paragraph made only of known characters that normalisation leaves alone (most of them) skips
        the character replacement and the unknown-character check; with the compiled steps
        (``_speed.tidy``) that pass, the checks and the joining are one C call.
        """
        n = len(segments)
        raw = segments[0].text if n == 1 else _SEP.join([seg.text for seg in segments])
        arabic = key[:2] == "ar"
        # (the clean pattern lets the separator through: for one sentence, a separator in it is a character to report)
        clean = n > 1 or _SEP not in raw
        norm = None  # None: the text needs more than tidy()
        if clean:
            safe = self._safe(tables, arabic)
            if _c_tidy is not None:
                prep = _c_tidy(raw, n, safe.bits, safe.keys, safe.values, MAX_WORD)
                if prep is not None:
                    return self._translate_joined(tables, prep[0], prep[1], segments)
            norm = tidy(raw, arabic, safe.pattern)
        if norm is None:
            norm = normalize(raw, key)
            clean = False
        if n == 1:
            if not norm:
                return Translated("")
            if not clean and self.unknown_in(tables, norm, arabic):
                return self._run_pieces(tables, key, segments, norm)
            return self._translate_joined(tables, norm, [0], segments)
        pieces = norm.split(_SEP)
        # an empty or padded sentence (after normalisation, spaces are plain spaces), or a sentence that
        # holds the separator itself: the general path
        if len(pieces) != n or "" in pieces or " " + _SEP in norm or _SEP + " " in norm:
            return self._run_pieces(tables, key, segments, norm)
        joined = " ".join(pieces)
        if not clean and self.unknown_in(tables, joined, arabic):
            return self._run_pieces(tables, key, segments, norm)
        return self._translate_joined(tables, joined, [0, *accumulate([len(p) + 1 for p in pieces[:-1]])], segments)

    def _translate_joined(self, tables: tuple[str, ...], joined: str, offsets: list[int], segments: list[Segment]) -> Translated:
        """One liblouis call for a checked paragraph; ``offsets``: where each segment starts in ``joined``."""
        if len(segments) == 1:
            with _LOCK:
                cells, _ = self._lt.translate(tables, joined, self.mode)
            sid = segments[0].sid
            return Translated(cells, [(0, sid)] if sid is not None else [])
        with _LOCK:
            cells, outs = self._lt.translate(tables, joined, self.mode, offsets)
        return Translated(cells, [(o, seg.sid) for o, seg in zip(outs, segments, strict=True) if seg.sid is not None])

    def _run_pieces(self, tables: tuple[str, ...], key: str, segments: list[Segment], norm: str) -> Translated:
        """General case of :meth:`_run_same`: empty or padded sentences, unknown characters."""
        pieces = norm.split(_SEP)
        if len(pieces) != len(segments):  # a sentence holds the separator character itself
            pieces = [normalize(seg.text, key) for seg in segments]
        texts, sids = [], []
        for seg, text in zip(segments, pieces, strict=True):
            text = text.strip()
            if text:
                texts.append(text)
                sids.append(seg.sid)
        if not texts:
            return Translated("")
        cells, st = self._run(tables, key, texts, sids)
        return Translated(cells, st)

    def translate_segments(self, segments: list[Segment]) -> Translated:
        """One paragraph: segments in print order, joined by spaces."""
        pieces: list[str] = []
        starts: list[tuple[int, str]] = []
        offset = 0
        run_tables: tuple[str, ...] | None = None
        run_key = ""
        texts: list[str] = []
        sids: list[str | None] = []
        glued = False

        def flush() -> None:
            nonlocal offset
            if not texts or run_tables is None:
                return
            cells, st = self._run(run_tables, run_key, texts, sids)
            if not cells:
                return
            if pieces and not glued:
                pieces.append(BLANK)
                offset += 1
            starts.extend((offset + o, sid) for o, sid in st)
            pieces.append(cells)
            offset += len(cells)

        if not segments:
            return Translated("")
        if self.switch_runs and any(has_foreign(seg.text, seg.lang) for seg in segments):
            segments = self.split_runs(segments)
        first = segments[0]
        lang0 = first.lang
        for seg in segments:
            if seg.lang != lang0:
                break
        else:  # fast path: one language, one liblouis call
            key = self._keys.get(lang0) or self.lang_key(lang0)
            tables = self._tables.get(key) or self.tables(key)
            return self._run_same(tables, key, segments)
        get = self._keys.get
        keys = [get(seg.lang) or self.lang_key(seg.lang) for seg in segments]  # type: ignore[arg-type]
        # several languages: one liblouis call per run of sentences sharing a table list
        norm = [normalize(seg.text, k) for seg, k in zip(segments, keys, strict=True)]
        for seg, key, text in zip(segments, keys, norm, strict=True):
            text = text.strip()
            if not text:
                continue
            tables = self._tables.get(key) or self.tables(key)
            if tables != run_tables:
                flush()
                texts, sids = [], []
                run_tables, run_key = tables, key
                glued = seg.glue and bool(pieces)
            elif seg.glue and texts:
                texts[-1] += text  # a glued piece has no sentence id: it continues the previous text
                continue
            texts.append(text)
            sids.append(seg.sid)
        flush()
        return Translated("".join(pieces) if len(pieces) != 1 else pieces[0], starts)

    def split_runs(self, segments: list[Segment]) -> list[Segment]:
        """Each sentence cut into its runs (``transform.model.runs``): a run of the other script is
        brailled with its own language's table. The sentence id goes with the first piece; a piece
        with no space before it in print is glued to the braille before it (no blank cell)."""
        out: list[Segment] = []
        for seg in segments:
            text = seg.text
            parts = runs(text, seg.lang, self.doc_langs)
            if len(parts) == 1:  # one run: the sentence's own language, or wholly in the other script
                out.append(seg if parts[0].lang == seg.lang else Segment(text, parts[0].lang, seg.sid, seg.glue))
                continue
            for i, run in enumerate(parts):
                piece = text[run.start : run.end]
                if not piece.strip():
                    continue
                glue = i > 0 and not piece[0].isspace() and not text[run.start - 1].isspace()
                out.append(Segment(piece, run.lang, seg.sid if i == 0 else None, glue))
        return out

    def back_translate(self, cells: str, lang: str | None = None) -> str:
        """Print text from Unicode braille (lines are joined with spaces)."""
        tables = self.tables(lang)
        text = " ".join(line for line in cells.replace("\f", "\n").splitlines() if line.strip(BLANK + " "))
        with _LOCK:
            return self.louis.backTranslateString(list(tables), text, mode=self.louis.ucBrl)
