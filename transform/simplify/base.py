"""Simplifier protocol and its typed result.

A simplifier turns a source Document into a simplified one for a target (``ary`` Darija,
``fr-x-falc`` easy-read French) and says, segment by segment, what it did. The simplify stage
(:mod:`transform.simplify.stage`) calls it through this one protocol, adds the quality report,
and hands the result to the renderers (``ctx.products.simplified[target]``) and to the language
tracks (``ctx.tracks[target]``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol

from ..model import Document, iter_sentences
from .status import has_darija

if TYPE_CHECKING:
    from ..context import RunContext


@dataclass
class Segment:
    """What the simplifier made of one source sentence (its sentences share ``notes["segment"]``)."""

    id: str
    role: str
    source: str
    source_lang: str
    pieces: list[tuple[str, str]]  # (sentence id, simplified sentence)
    speakable: str
    status: str  # see transform.simplify.status (ok | needs_review | check_source | needs_human ...)
    reasons: list[str] = field(default_factory=list)
    glossary: list[str] = field(default_factory=list)
    metrics: dict[str, object] = field(default_factory=dict)
    aligned: str | None = None
    facts: list[str] = field(default_factory=list)  # needs_human: the numbers, dates and places found, in Darija

    @property
    def text(self) -> str:
        """What the Darija track shows (for a segment without Darija text: the notice and the source)."""
        return " ".join(t for _, t in self.pieces)

    @property
    def darija(self) -> str:
        """The Darija text of the segment, '' when it has none (needs_human, kept_source)."""
        return self.text if has_darija(self.status) else ""

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["text"] = self.text
        d["darija"] = self.darija
        return d


@dataclass
class Simplification:
    """A simplified document, its segments, and (after the simplify stage) its quality report."""

    document: Document
    segments: list[Segment]
    source_lang: str
    mode: str  # "arabic" | "arabic+french" | "french" | "other"
    warnings: list[str] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)  # engine (as reported), model, endpoint...
    report: dict[str, object] | None = None  # quality report (JSON-ready), set by the simplify stage
    reviewed: bool = False  # a reviewed draft taken as it is: no engine ran, no report

    @classmethod
    def as_reviewed(cls, doc: Document) -> Simplification:
        """A draft a person reviewed (or is reviewing), rendered as it is."""
        return cls(doc, [], doc.meta.lang, "reviewed", reviewed=True)


def segments_of(doc: Document) -> list[Segment]:
    """One segment per sentence, read back from a simplified document's notes (for plain engines)."""
    return [
        Segment(loc.sentence.id, loc.role, loc.sentence.source_text or "", loc.lang, [(loc.sentence.id, loc.sentence.text)],
                loc.sentence.notes.get("speakable", loc.sentence.text), loc.sentence.notes.get("status", "needs_review"))
        for loc in iter_sentences(doc)
    ]


class Simplifier(Protocol):
    name: ClassVar[str]

    def simplify(self, doc: Document, target_lang: str, ctx: RunContext) -> Simplification:
        """Simplify ``doc`` for ``target_lang`` (``ary`` or ``fr-x-falc``); keep ids; set ``source_text``.

        Raises :class:`~transform.errors.LanguageNotSupportedError` when the document has nothing
        this engine can simplify into the target.
        """
        ...
