"""Fixtures of the publication tests: a bilingual document, a Darija draft track, real narration, validators."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform import TransformOptions
from transform.context import RunContext
from transform.ingest import ingest
from transform.model import (
    Direction,
    Document,
    DocumentMeta,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Sentence,
)
from transform.model.tracks import split_tracks
from transform.structure import build_structure

from .tools import Narr, synthesize

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def bilingual_md() -> Path:
    return HERE / "bilingual.md"


@pytest.fixture(scope="session")
def bilingual_doc(bilingual_md: Path, tmp_path_factory: pytest.TempPathFactory) -> Document:
    """Ingested and structured like the pipeline does (without the renderer registry)."""
    ctx = RunContext(options=TransformOptions(outputs=["json"]), out_dir=tmp_path_factory.mktemp("ingest"), stem="bilingual")
    return build_structure(ingest(bilingual_md, ctx))


@pytest.fixture(scope="session")
def tracks(bilingual_doc: Document) -> dict[str, Document]:
    return split_tracks(bilingual_doc)


def _s(sid: str, text: str, source: str | None = None, gloss: str | None = None, lang: str | None = None) -> Sentence:
    notes = {"glossary": gloss} if gloss else {}
    return Sentence(id=sid, text=text, source_text=source, notes=notes, lang=lang)


SRC1 = "صادق مجلس الجهة على ميزانية المواطن."
EXPL1 = "الميزانية مشروحة للناس هي وثيقة ساهلة كتشرح الميزانية للمواطنين."


@pytest.fixture(scope="session")
def darija_track() -> Document:
    """A Darija draft as the simplifier makes it: same ids, source_text kept, glossary notes."""
    meta = DocumentMeta(
        title="الميزانية مشروحة للناس",
        source_name="budget.docx",
        source_format="docx",
        source_sha256="0" * 64,
        lang="ary",
        direction=Direction.RTL,
        variant="simplified",
        review_state="draft",
    )
    sec = Section(
        id="s1",
        heading=Heading(
            id="s1-h", level=1, sentences=[_s("s1-h-1", "الميزانية مشروحة للناس ديال جهة الشرق", "ميزانية المواطن لجهة الشرق")]
        ),
        blocks=[
            Paragraph(
                id="s1-b1",
                sentences=[  # the rules simplifier's shape: the explanation follows as a sentence of its own
                    _s(
                        "s1-b1-1a",
                        "المجلس ديال الجهة وافق على الميزانية مشروحة للناس.",
                        SRC1,
                        gloss=f"الميزانية مشروحة للناس: {EXPL1}",
                    ),
                    _s("s1-b1-1b", EXPL1, SRC1),
                    _s(
                        "s1-b1-2",
                        "الميزانية كاملة فيها 2,8 مليار درهم.",
                        "بلغ مجموع الميزانية 2,8 مليار درهم.",
                        gloss="مليار درهم",
                    ),
                ],
            ),
            ListBlock(
                id="s1-b2",
                items=[
                    ListItem(id="s1-b2-i.1", sentences=[_s("s1-b2-i.1-1", "الضرائب ديال الجماعات", "الضرائب المحلية")]),
                    ListItem(
                        id="s1-b2-i.2",
                        sentences=[
                            _s(
                                "s1-b2-i.2-1",
                                "جزء من الضريبة على القيمة المضافة",
                                "حصة الجهة من الضريبة على القيمة المضافة",
                                gloss='{"الضريبة على القيمة المضافة": "ضريبة كنخلصوها ملي كنشريو شي حاجة."}',
                            )
                        ],
                    ),
                ],
            ),
        ],
        sections=[
            Section(
                id="s1-1",
                heading=Heading(id="s1-1-h", level=2, sentences=[_s("s1-1-h-1", "فلوس المشاريع", "نفقات الاستثمار")]),
                blocks=[
                    Paragraph(
                        id="s1-1-b1",
                        sentences=[
                            _s("s1-1-b1-1", "الجهة عطات 1600 مليون درهم للمشاريع.", "خصصت الجهة 1600 مليون درهم للاستثمار."),
                            _s("s1-1-b1-2", "Programme de développement régional.", None, lang="fr"),
                        ],
                    )
                ],
            )
        ],
    )
    return Document(meta=meta, sections=[sec])


@pytest.fixture(scope="session")
def narrations(tracks: dict[str, Document], darija_track: Document, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Narr]:
    d = tmp_path_factory.mktemp("narration")
    out = {lang: synthesize(t, d, f"budget.{lang}") for lang, t in tracks.items()}
    out["ary"] = synthesize(darija_track, d, "budget.ary")
    return out
