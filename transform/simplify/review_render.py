"""Rendering a reviewed text (the review API's last steps, see :mod:`transform.simplify.review`).

``reviewed_options`` picks the outputs a reviewed text is rendered into, ``render_reviewed`` renders them
(an approved, fully resolved text only, unless the service asks for a staff preview), ``publish`` marks the
text ``published`` and renders it, ``draft_of`` finds the text to review that a conversion produced.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Document
from ..model.tracks import split_tracks
from .review import OUTPUT_OF, SIMPLIFIER_OUTPUTS, ReviewError, is_approved, load_document, unresolved
from .stage import DRAFT_VARIANTS

if TYPE_CHECKING:
    from ..options import TransformOptions
    from ..result import ConversionResult


def reviewed_options(options: TransformOptions, draft: Document) -> TransformOptions:
    """The outputs a reviewed text is rendered into: those of ``options`` but the source's model JSON and
    the simplifications; the text itself is written by its own output (``darija``) when the run asked
    for it, else by ``text``. Every language of the draft is rendered."""
    from ..render.plan import plan_outputs

    planned = plan_outputs(options.outputs)
    own = OUTPUT_OF.get(draft.meta.lang) if draft.meta.variant in DRAFT_VARIANTS else None
    keep = [o for o in planned if o not in SIMPLIFIER_OUTPUTS | {"json", "text"}]
    first = [own] if own is not None and own in planned else ["text"]
    return options.model_copy(update={"outputs": first + keep, "languages": None})


def render_reviewed(draft: Document, options: TransformOptions, out_dir: str | Path, stem: str | None = None, *,
                    approved_only: bool = True) -> ConversionResult:
    """Render again, from a reviewed text, the outputs ``options`` asks for (see :func:`reviewed_options`).

    ``approved_only`` refuses a text that was not approved, or was changed after approval (the
    service, which keeps the approval in its own state, also renders drafts for staff to check).
    """
    from ..api import render

    if approved_only and not is_approved(draft):
        raise ReviewError("This text has not been approved (or was changed after approval); it cannot be published.",
                          hint='Run: taysir review approve <draft.json> --by "Name".')
    pending = unresolved(draft) if approved_only else []
    if pending:
        raise ReviewError(f"{len(pending)} segments are not yet in Darija: {', '.join(pending[:10])}; this version cannot be published.",
                          hint="Translate them or keep them in the source language, then approve again.")
    return render(draft, reviewed_options(options, draft), out_dir, stem=stem)


def publish(doc: Document, options: TransformOptions | None = None, out_dir: str | Path = "taysir-out",
            stem: str | None = None) -> ConversionResult:
    """Render outputs (braille, audio, captions, video...) from an approved text only; it is marked ``published``."""
    from ..options import TransformOptions

    pub = doc.model_copy(deep=True)
    pub.meta.review_state = "published"
    result = render_reviewed(pub, options or TransformOptions(), out_dir, stem)
    result.document = pub
    return result


def draft_of(result: ConversionResult, lang: str = "ary") -> Document | None:
    """The text to review a conversion produced in ``lang``: the simplified draft its ``darija`` output
    wrote, else the part of the source written in that language (None when there is neither)."""
    for art in result.artifacts:
        if art.name.endswith(f".{lang}.draft.json"):
            return load_document(result.path(art))
    if result.document is None:
        return None
    return split_tracks(result.document).get(lang)
