"""Library entry points: a Document (one language track) -> a paginated :class:`BrailleBook`."""

from __future__ import annotations

from .._gc import gc_paused
from ..model import Document
from .engine import BrailleEngine, Segment, Translated
from .errors import describe_char
from .layout import BrailleBook, Paginator, lay_out, volume_starts
from .linearize import linearize
from .options import BrailleOptions


def translate_document(doc: Document, options: BrailleOptions | None = None, lang: str | None = None) -> BrailleBook:
    """Translate and paginate a document (normally one language track, ``ctx.tracks[lang]``).

    Every sentence is brailled with the table of its own language (Arabic and
    Darija: ar-ma-g1; French: fr-bfu-g2 by default; English: UEB), paragraph
    by paragraph. Raises :class:`~transform.braille.errors.UnknownCharactersError`
    listing every character no table can write and the sentence ids where it
    occurs, unless ``options.unknown_chars == "note"``.
    """
    options = options or BrailleOptions()
    lang = lang or doc.meta.lang
    engine = BrailleEngine(options, default_lang=lang)
    with gc_paused():  # paragraphs, lines and pages all live until the book is returned (~10 % faster)
        return _translate(doc, options, lang, engine)


def _translate(doc: Document, options: BrailleOptions, lang: str, engine: BrailleEngine) -> BrailleBook:
    units = linearize(doc)
    translated: list[Translated] = []
    markers: list[str | None] = []
    titles: list[str] = []
    for unit in units:
        translated.append(engine.translate_segments(unit.segments) if unit.segments else Translated(""))
        markers.append(engine.translate_text(unit.marker.text, unit.marker.lang) if unit.marker else None)
        titles.append(" ".join(s.text for s in unit.segments) if unit.kind == "heading" else "")
    engine.raise_problems(f"the {lang} tables")

    def page_numbers(numbers: list[int]) -> list[str]:
        return engine.translate_numbers(numbers, lang)

    paginator = Paginator(
        options.cells_per_line,
        options.lines_per_page,
        page_numbers if options.page_numbers else None,
        top=options.page_number_position == "top",
    )
    pages, spans = lay_out(units, translated, markers, titles, paginator)
    warnings = [
        f"transcriber's note for {describe_char(ch)} in {', '.join(dict.fromkeys(places))}" for ch, places in sorted(engine.notes.items())
    ]
    warnings += [f"no braille table for {src!r}: brailled with the {dst!r} table" for src, dst in engine.fallbacks.items()]
    return BrailleBook(
        lang=lang,
        tables=list(engine.tables(lang)),
        width=options.cells_per_line,
        height=options.lines_per_page,
        pages=pages,
        title=doc.meta.title or "",
        sections=spans,
        warnings=warnings,
        page_numbers=options.page_numbers,
        page_number_position=options.page_number_position,
        volume_starts=volume_starts(len(pages), [s.first_page for s in spans], options.pages_per_volume),
    )


def translate_text(text: str, lang: str, options: BrailleOptions | None = None) -> str:
    """Unicode braille of one paragraph of text (no layout). Raises on unknown characters."""
    engine = BrailleEngine(options, default_lang=lang)
    cells = engine.translate_segments([Segment(text, lang, "text")]).cells
    engine.raise_problems()
    return cells


def back_translate(cells: str, lang: str, options: BrailleOptions | None = None) -> str:
    """Print text from Unicode braille with the tables ``options`` choose for ``lang``.

    Documented losses: grade 2 French may expand an abbreviation differently
    (``DH`` -> ``DEHORS``); Arabic digits come back as Arabic-Indic digits; ڭ ݣ گ
    share one cell and come back as ڭ; capital letters in Arabic braille come back
    as shadda marks (the Arabic code has no capitals).
    """
    return BrailleEngine(options, default_lang=lang).back_translate(cells, lang)
