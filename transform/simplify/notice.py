"""The one shared mechanism for segments without a Darija text (``needs_human``, ``kept_source``).

Such a segment is written in the Darija track as two sentences of the same segment:

1. ``<seg>a``: a Darija notice ("هاد الجملة باقي ما تكتبات بالدارجة، ها هي بالفرنسية:"), in the track's language;
2. ``<seg>b``: the source sentence as it is, with its own ``lang`` and ``direction``.

No renderer needs a special case: text, HTML, EPUB, DOCX and braille show the notice before the source
text, braille uses the source language's table for the second sentence, the narration says the notice in
Darija and reads the source with the source language's voice, captions and video show both. The
placeholder of earlier versions ("هاد الجزء خاصو ترجمة من عند بنادم") is never written.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Sentence
from ..model.text import direction_for
from .speak import speakable
from .status import KEPT, KEPT_SOURCE, NEEDS_HUMAN, PENDING, notice_text


def suffix(i: int) -> str:
    return chr(97 + i) if i < 26 else f"z{i}"


def notice_sentences(seg: str, source: str, source_lang: str, *, kept: bool = False, notes: dict[str, str] | None = None) -> list[Sentence]:
    """The notice and the source sentence of a segment without Darija text (see the module docstring).

    ``notes`` are added to both sentences (``reasons``, ``facts``, ``engine``, ``kept_by``...).
    """
    kind = KEPT if kept else PENDING
    status = KEPT_SOURCE if kept else NEEDS_HUMAN
    base = {"status": status, "segment": seg, "notice": kind, "source_lang": source_lang, **(notes or {})}
    text = notice_text(kind, source_lang)
    first = Sentence(id=seg + suffix(0), text=text, notes={**base, "speakable": speakable(text)})
    second = Sentence(id=seg + suffix(1), text=source, source_text=source, lang=source_lang, direction=direction_for(source_lang),
                      notes={**base, "shows": "source"})
    return [first, second]


def is_notice_group(sentences: Sequence[Sentence]) -> bool:
    """The sentences of a segment are a notice and its source text (no Darija text)."""
    return bool(sentences) and sentences[0].notes.get("notice") in (PENDING, KEPT)


def source_of(sentences: Sequence[Sentence]) -> str:
    """The source sentence of a segment (the first piece that carries one)."""
    return next((s.source_text for s in sentences if s.source_text), "") or ""


def darija_of(sentences: Sequence[Sentence]) -> str:
    """The Darija text of a segment: '' when it has none (a notice and the source text)."""
    return "" if is_notice_group(sentences) else " ".join(s.text for s in sentences)
