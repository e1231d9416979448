"""Text encodings of plain-text, HTML and Markdown inputs: find the encoding, never refuse a readable file.

Office users send text saved as UTF-8 (with or without a byte-order mark), UTF-16 ("Unicode" in
Windows Notepad and Word's plain-text export), Windows-1256 (Arabic Windows, Word's default for
an Arabic web page) or Windows-1252 / Latin-1 (French Windows). The order of the checks:

1. a byte-order mark (UTF-32, UTF-8, UTF-16) decides;
2. NUL bytes on every other position without a mark: UTF-16 LE or BE;
3. UTF-8, also with a few broken sequences (a file re-saved as UTF-8 often keeps its old
   ``<meta charset>``; a tool that cut a name inside a character leaves one bad sequence);
4. an HTML ``<meta charset>`` declaration, when the bytes decode with it;
5. Windows-1256 or Windows-1252, whichever yields real words: Windows-1256 keeps French's
   lower-case accented letters (é è à ç ê...) at their Latin-1 places, so French in 1252 decoded
   as 1256 only goes wrong on rarer letters, which then sit *inside* Latin words; Arabic in 1256
   decoded as 1252 gives words of Latin accented letters (``ÇáãÌáÓ``). The reading whose letters
   form words of one script wins.

Binary data (control characters other than tab, newline, form feed and carriage return) is not text.
"""

from __future__ import annotations

import codecs
import re

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{2,40})""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """``(encoding, length of the mark)`` when ``head`` starts with a byte-order mark."""
    for bom, enc in BOMS:
        if head.startswith(bom):
            return enc, len(bom)
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a mark: ASCII-range text has a NUL in every other byte."""
    sample = head[: len(head) - len(head) % 2][:4096]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    n = len(even)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) > 0.3 * n and other.count(0) < 0.02 * n:
            text = sample.decode(enc, errors="replace")
            if not looks_binary(text) and text.count("\ufffd") < 0.02 * n:
                return enc
    return None


def declared_charset(head: bytes) -> str | None:
    """The encoding an HTML ``<meta>`` declares, if Python knows it."""
    m = _META_CHARSET.search(head[:8192])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def _script_score(text: str) -> int:
    """How much a reading looks like real words: Arabic words count for, words mixing Arabic and
    Latin letters against, and so do Latin words made mostly of accented letters (``ÇáãÌáÓ`` is
    Arabic read with the wrong code page; French words are mostly plain ASCII letters)."""
    score = 0
    for w in _WORD.findall(text):
        if w.isascii():
            continue  # the same in every reading
        ar = len(_ARABIC.findall(w))
        la = len(_LATIN.findall(w))
        if ar and la:
            score -= 2 * len(w)
        elif ar:
            score += ar
        elif la and len(w) > 2:
            plain = sum(c.isascii() for c in w)
            score += len(w) - plain if plain * 2 >= len(w) else -len(w)
    return score


def _single_byte(raw: bytes) -> str:
    """Windows-1256 or Windows-1252 (Latin-1 where 1252 leaves bytes undefined)."""
    arabic = raw.decode("cp1256")
    try:
        latin = raw.decode("cp1252")
        latin_enc = "cp1252"
    except UnicodeDecodeError:
        latin, latin_enc = raw.decode("latin-1"), "latin-1"
    if _script_score(arabic) > _script_score(latin):
        return "cp1256"
    return latin_enc


def _mostly_utf8(raw: bytes) -> bool:
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    return good >= 20 and good >= 20 * bad


def guess_encoding(raw: bytes, *, html: bool = False) -> tuple[str, int]:
    """``(encoding, bytes to skip)`` for ``raw`` (a whole file or its head)."""
    bom = bom_encoding(raw)
    if bom:
        return bom
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return utf16, 0
    try:  # valid UTF-8 with non-ASCII characters is UTF-8 whatever a <meta> says (files get re-saved)
        raw.decode("utf-8")
        return "utf-8", 0
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 3 and exc.reason == "unexpected end of data":  # a head cut inside a character
            return "utf-8", 0
    if _mostly_utf8(raw):  # a few broken sequences in a UTF-8 file: replaced, not a reason to misread it all
        return "utf-8", 0
    if html:
        declared = declared_charset(raw)
        if declared and declared not in ("utf-8", "utf-16-le", "utf-16-be", "utf-16", "utf-32"):
            try:
                raw.decode(declared)
                return declared, 0
            except UnicodeDecodeError:
                pass
    return _single_byte(raw), 0


def decode_text(raw: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode a whole file: ``(text, encoding)``; the byte-order mark is dropped. Never raises for
    single-byte encodings; a UTF-16/32 file with an odd tail loses only that tail."""
    enc, skip = guess_encoding(raw, html=html)
    text = raw[skip:].decode(enc, errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n"), enc


def looks_binary(text: str) -> bool:
    """Control characters that text files do not have (more than 1 in 200 characters, or a NUL)."""
    if "\x00" in text:
        return True
    return len(_CONTROL.findall(text[:8192])) * 200 > max(len(text[:8192]), 1)
