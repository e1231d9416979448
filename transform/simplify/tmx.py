"""Files of the translation memory and the term base, for the association's translators and their tools.

* Memory: **TMX 1.4b** (``<tuv xml:lang="ar|fr">`` source, ``<tuv xml:lang="ary">`` Darija; document,
  segment id, approver and date as ``creationid``/``creationdate`` and ``<prop type="x-...">``) and
  **TSV** (``source_lang, source, darija, document, approved_by, approved_at``, with a header row).
* Term base: **TSV** (``id, lang, terms, darija, explanation, plural, active``; variants of a term
  separated by ``|``) and **TBX-lite**: the core of TBX v3 (``conceptEntry`` > ``langSec`` >
  ``termSec`` > ``term``; the Darija explanation is ``<descrip type="definition">`` in the ``ary``
  language section). TBX v2 files (``termEntry``/``langSet``/``tig``) are read too.

Reading refuses, with a typed error saying what to do: files over :data:`MAX_BYTES`, XML with
entity declarations or external references (``defusedxml``), a root that is not ``tmx``/``tbx``,
more than :data:`MAX_UNITS` units, text that is not UTF-8. Units that cannot be used (no ``ary``
side, no source, a segment over :data:`MAX_CHARS` characters, a term with problems) are skipped and
counted with the reason.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring

import transform

from ..errors import InputError
from .memory import TARGET_LANG, MemoryEntry, source_lang_of
from .termbase import Term, clean_term, problems

MAX_BYTES = 50 * 1024 * 1024
MAX_UNITS = 200_000
MAX_CHARS = 5_000
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEMORY_COLUMNS = ("source_lang", "source", "darija", "document", "approved_by", "approved_at")
TERM_COLUMNS = ("id", "lang", "terms", "darija", "explanation", "plural", "active")
_BAD_XML_CHARS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class MemoryFile:
    entries: list[MemoryEntry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "unit 12: no ary text"...


@dataclass
class TermsFile:
    terms: list[Term] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


# -- reading ----------------------------------------------------------------------------------------
def _text(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(f"{name} is {len(data) // 1048576} MiB: the limit is {MAX_BYTES // 1048576} MiB.",
                         hint="Split the file, or import it in several parts.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not UTF-8 text (byte {exc.start}).", hint="Save the file as UTF-8.") from None


def _xml(data: bytes, name: str, root_name: str) -> ET.Element:
    _text(data, name)  # size and encoding first
    try:
        root = safe_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InputError(f"{name} declares XML entities or external references, which are refused.",
                         hint="Export the file again without a DTD internal subset (TMX and TBX need none).") from None
    except ET.ParseError as exc:
        raise InputError(f"{name} is not well-formed XML ({exc}).", hint="Check that the file is complete and was saved as XML.") from None
    if _local(root.tag) != root_name:
        raise InputError(f"{name} is not a {root_name.upper()} file (its root element is <{_local(root.tag)}>).",
                         hint=f"Give a .{root_name} file, or a .tsv file.")
    return root


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _lang(el: ET.Element) -> str:
    return (el.get(XML_LANG) or el.get("lang") or "").strip()


def _seg_text(el: ET.Element) -> str:
    """The text of a TMX ``<seg>``: inline codes (bpt, ept, ph, it, ut) are left out, ``<hi>``/``<sub>`` kept."""
    parts = [el.text or ""]
    for child in el:
        if _local(child.tag) in ("hi", "sub", "g", "mrk"):
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _tmx_date(value: str | None) -> str:
    m = regex.fullmatch(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z", (value or "").strip())
    return f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6]}Z" if m else ""


def read_tmx(data: bytes, name: str = "the TMX file") -> MemoryFile:
    root = _xml(data, name, "tmx")
    body = next((c for c in root if _local(c.tag) == "body"), None)
    if body is None:
        raise InputError(f"{name} has no <body>.", hint="A TMX file holds its units in <tmx><body>.")
    units = [u for u in body if _local(u.tag) == "tu"]
    if len(units) > MAX_UNITS:
        raise InputError(f"{name} has {len(units)} units: the limit is {MAX_UNITS}.", hint="Import it in several parts.")
    out = MemoryFile()
    for n, tu in enumerate(units, 1):
        sides: dict[str, str] = {}
        for tuv in tu:
            if _local(tuv.tag) != "tuv":
                continue
            seg = next((s for s in tuv if _local(s.tag) == "seg"), None)
            lang = _lang(tuv).lower()
            code = "ary" if lang.split("-")[0] == "ary" else source_lang_of(lang)
            if seg is not None and code and code not in sides:
                sides[code] = _seg_text(seg)
        props = {p.get("type", ""): (p.text or "").strip() for p in tu if _local(p.tag) == "prop"}
        target = sides.get(TARGET_LANG, "")
        sources = [(lang, sides[lang]) for lang in ("ar", "fr") if sides.get(lang)]
        why = _unit_problem(sources, target)
        if why:
            out.skipped.append(f"unit {n}: {why}")
            continue
        for lang, src in sources:
            out.entries.append(MemoryEntry(src, lang, target, document=props.get("x-document", ""), segment=props.get("x-segment", ""),
                                           approved_by=tu.get("changeid") or tu.get("creationid") or "",
                                           approved_at=_tmx_date(tu.get("changedate") or tu.get("creationdate")),
                                           origin=props.get("x-origin", "import") or "import"))
    return out


def _unit_problem(sources: list[tuple[str, str]], target: str) -> str:
    if not target:
        return "no Darija (ary) text"
    if not sources:
        return "no Arabic (ar) or French (fr) source text"
    if len(target) > MAX_CHARS or any(len(s) > MAX_CHARS for _, s in sources):
        return f"a text longer than {MAX_CHARS} characters"
    if not regex.search(r"\p{Arabic}", target):
        return "the Darija text is not in Arabic script"
    return ""


def read_memory_tsv(data: bytes, name: str = "the TSV file") -> MemoryFile:
    rows = _tsv_rows(_text(data, name), MEMORY_COLUMNS)
    if len(rows) > MAX_UNITS:
        raise InputError(f"{name} has {len(rows)} rows: the limit is {MAX_UNITS}.", hint="Import it in several parts.")
    out = MemoryFile()
    for n, cols in rows:
        if len(cols) < 3:
            out.skipped.append(f"line {n}: expected at least 3 tab-separated columns (source_lang, source, darija)")
            continue
        lang = source_lang_of(cols[0])
        if lang is None:
            out.skipped.append(f"line {n}: source language {cols[0]!r} is not ar or fr")
            continue
        why = _unit_problem([(lang, cols[1])] if cols[1] else [], cols[2])
        if why:
            out.skipped.append(f"line {n}: {why}")
            continue
        doc, by, when = (cols + ["", "", ""])[3:6]
        out.entries.append(MemoryEntry(cols[1], lang, cols[2], document=doc, approved_by=by, approved_at=when, origin="import"))
    return out


def _tsv_rows(text: str, header: Sequence[str]) -> list[tuple[int, list[str]]]:
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [" ".join(c.split()) for c in line.split("\t")]
        if not rows and [c.lower() for c in cols[:len(header)]] == list(header[:len(cols)]):
            continue  # the header row
        rows.append((n, cols))
    return rows


def read_memory_file(path: Path) -> MemoryFile:
    data = _read_bytes(path)
    if path.suffix.lower() in (".tsv", ".tab", ".txt"):
        return read_memory_tsv(data, path.name)
    return read_tmx(data, path.name)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path.name} is {size // 1048576} MiB: the limit is {MAX_BYTES // 1048576} MiB.",
                             hint="Split the file, or import it in several parts.")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path} does not exist.", hint="Check the path.") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror}).") from None


def read_terms_tsv(data: bytes, name: str = "the TSV file") -> TermsFile:
    out = TermsFile()
    rows = _tsv_rows(_text(data, name), TERM_COLUMNS)
    if len(rows) > MAX_UNITS:
        raise InputError(f"{name} has {len(rows)} rows: the limit is {MAX_UNITS}.", hint="Import it in several parts.")
    for n, cols in rows:
        if len(cols) < 4:
            out.skipped.append(f"line {n}: expected at least 4 tab-separated columns (id, lang, terms, darija)")
            continue
        expl, plural, flag = (cols + ["", "", ""])[4:7]
        active = flag.lower() not in ("0", "no", "false", "inactive", "hidden")
        _add_term(out, f"line {n}", Term(cols[0], cols[1].lower(), tuple(cols[2].split("|")), cols[3], expl, plural, active))
    return out


def _add_term(out: TermsFile, where: str, t: Term) -> None:
    t = clean_term(t)
    bad = problems(t)
    if bad:
        out.skipped.append(f"{where}: {'; '.join(bad)}")
    else:
        out.terms.append(t)


def read_tbx(data: bytes, name: str = "the TBX file") -> TermsFile:
    root = _xml(data, name, "tbx")
    entries = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    if len(entries) > MAX_UNITS:
        raise InputError(f"{name} has {len(entries)} entries: the limit is {MAX_UNITS}.", hint="Import it in several parts.")
    out = TermsFile()
    for n, entry in enumerate(entries, 1):
        by_lang: dict[str, list[str]] = {}
        definition = ""
        for sec in entry:
            if _local(sec.tag) not in ("langSec", "langSet"):
                continue
            lang = _lang(sec).lower().split("-")[0]
            for t in sec.iter():
                if _local(t.tag) == "term" and (t.text or "").strip():
                    by_lang.setdefault(lang, []).append(" ".join(t.text.split()))  # type: ignore[union-attr]
                if lang == "ary" and _local(t.tag) == "descrip" and t.get("type") == "definition" and not definition:
                    definition = " ".join("".join(t.itertext()).split())
        darija = by_lang.get("ary", [])
        src_langs = [lang for lang in ("ar", "fr") if by_lang.get(lang)]
        if not darija or not src_langs:
            out.skipped.append(f"entry {n}: needs an ary term and an ar or fr term")
            continue
        for lang in src_langs:
            ident = entry.get("id", "") if len(src_langs) == 1 else ""
            _add_term(out, f"entry {n}", Term(ident, lang, tuple(by_lang[lang]), darija[0], definition if lang == "ar" else "",
                                             darija[1] if lang == "fr" and len(darija) > 1 else ""))
    return out


def read_terms_file(path: Path) -> TermsFile:
    data = _read_bytes(path)
    if path.suffix.lower() in (".tbx", ".xml"):
        return read_tbx(data, path.name)
    return read_terms_tsv(data, path.name)


# -- writing ----------------------------------------------------------------------------------------
def _clean(text: str) -> str:
    return _BAD_XML_CHARS.sub("", " ".join(text.split()))


def _tmx_stamp(iso: str) -> str:
    digits = regex.sub(r"\D", "", iso or "")
    return f"{digits[:8]}T{digits[8:14]}Z" if len(digits) >= 14 else ""


def write_tmx(entries: Sequence[MemoryEntry]) -> bytes:
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {"creationtool": "Taysir", "creationtoolversion": transform.__version__, "segtype": "sentence",
                                   "o-tmf": "taysir", "adminlang": "en", "srclang": "*all*", "datatype": "plaintext"})
    body = ET.SubElement(root, "body")
    for e in entries:
        attrs = {"tuid": hashlib.sha1(f"{e.source_lang}\t{e.key}\t{e.target}".encode()).hexdigest()[:16], "srclang": e.source_lang}
        stamp = _tmx_stamp(e.approved_at)
        if stamp:
            attrs["creationdate"] = stamp
        if e.approved_by:
            attrs["creationid"] = _clean(e.approved_by)
        tu = ET.SubElement(body, "tu", attrs)
        for kind, value in (("x-document", e.document), ("x-segment", e.segment), ("x-origin", e.origin)):
            if value:
                ET.SubElement(tu, "prop", type=kind).text = _clean(value)
        for lang, text in ((e.source_lang, e.source), (TARGET_LANG, e.target)):
            ET.SubElement(ET.SubElement(tu, "tuv", {XML_LANG: lang}), "seg").text = _clean(text)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def _tsv_line(cols: Sequence[str]) -> str:
    return "\t".join(" ".join(str(c).split()) for c in cols) + "\n"


def write_memory_tsv(entries: Sequence[MemoryEntry]) -> bytes:
    out = [_tsv_line(MEMORY_COLUMNS)]
    out += [_tsv_line((e.source_lang, e.source, e.target, e.document, e.approved_by, e.approved_at)) for e in entries]
    return "".join(out).encode("utf-8")


def write_memory(entries: Sequence[MemoryEntry], fmt: str) -> bytes:
    return write_memory_tsv(entries) if fmt == "tsv" else write_tmx(entries)


def write_terms_tsv(terms: Sequence[Term]) -> bytes:
    out = [_tsv_line(TERM_COLUMNS)]
    out += [_tsv_line((t.id, t.lang, "|".join(t.terms), t.darija, t.explanation, t.plural, "1" if t.active else "0")) for t in terms]
    return "".join(out).encode("utf-8")


def write_tbx(terms: Sequence[Term]) -> bytes:
    ns = "urn:iso:std:iso:30042:ed-2"
    root = ET.Element("tbx", {"xmlns": ns, "type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    head = ET.SubElement(ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc"), "sourceDesc")
    ET.SubElement(head, "p").text = "Taysir term base: MSA (ar) and French (fr) terms with their Darija (ary) wording"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for t in terms:
        if not t.active:
            continue
        entry = ET.SubElement(body, "conceptEntry", id=t.id)
        src = ET.SubElement(entry, "langSec", {XML_LANG: t.lang})
        for x in t.terms:
            ET.SubElement(ET.SubElement(src, "termSec"), "term").text = _clean(x)
        ary = ET.SubElement(entry, "langSec", {XML_LANG: TARGET_LANG})
        if t.explanation:
            ET.SubElement(ary, "descrip", type="definition").text = _clean(t.explanation)
        for x in (t.darija, t.plural) if t.plural else (t.darija,):
            ET.SubElement(ET.SubElement(ary, "termSec"), "term").text = _clean(x)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def write_terms(terms: Sequence[Term], fmt: str) -> bytes:
    return write_tbx(terms) if fmt == "tbx" else write_terms_tsv(terms)
