"""The models the PDF reader and the structure stage build without pydantic's validation
(transform.structure.built) are the models pydantic builds, on real corpus pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from tests.ingest._realpages import read_pages
from transform.ingest import pdf_block_group
from transform.model import Heading, ListBlock, ListItem, Paragraph, Section, Sentence
from transform.structure import built

# pages with headings, paragraphs, nested lists, footnotes (role "note") and tables, French and Arabic
PAGES = [
    ("seine-normandie-guide-erc-2024.pdf", [3, 10, 15]),
    ("adala-ar-decree-2-09-197.pdf", [3, 7]),
    ("bo-fr-loi-cadre-50-21.pdf", [0, 1]),
]


def _same(a: object, b: object, where: str) -> None:
    """Equal values, and for models the same class, field values in the same order, fields set, extra and private."""
    assert type(a) is type(b), where
    if isinstance(a, BaseModel):
        assert list(a.__dict__) == list(b.__dict__), where
        assert a.__pydantic_fields_set__ == b.__pydantic_fields_set__, where
        assert a.__pydantic_extra__ == b.__pydantic_extra__ and a.__pydantic_private__ == b.__pydantic_private__, where
        for name, value in a.__dict__.items():
            _same(value, b.__dict__[name], f"{where}.{name}")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), where
        for k, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{k}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for k in a:
            _same(a[k], b[k], f"{where}[{k}]")
    else:
        assert a == b, where


@pytest.mark.parametrize(("name", "pages"), PAGES)
def test_built_models_are_pydantics(name: str, pages: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = read_pages(name, pages, tmp_path)
    monkeypatch.setattr(built, "ENABLED", False)
    checked = read_pages(name, pages, tmp_path)
    assert len(fast) == len(checked) > 5
    kinds = {type(b).__name__ for b in fast}
    assert {"Heading", "Paragraph"} <= kinds
    for k, (a, b) in enumerate(zip(fast, checked, strict=True)):
        _same(a, b, f"{name} block {k}")
        assert a.model_dump_json() == b.model_dump_json()


def test_the_readers_models_skip_validation() -> None:
    """The builders the reader and the structure stage use are not the classes themselves (the fast path is on),
    and a model built without validation owns its list defaults (pydantic copies them)."""
    for make in (pdf_block_group._SENTENCE, pdf_block_group._PARAGRAPH, pdf_block_group._HEADING,
                 pdf_block_group._ITEM, pdf_block_group._LIST):
        assert not isinstance(make, type)
    make_section, make_item = built.builder(Section), built.builder(ListItem)
    a, b = make_section(), make_section()
    assert a.blocks is not b.blocks and a.sections is not b.sections
    assert make_item(sentences=[]).children is not make_item(sentences=[]).children
    for cls, values in ((Sentence, {"id": "x", "text": "Article 3", "notes": {}}),
                        (Paragraph, {"sentences": [], "page": 2, "role": "note"}),
                        (Heading, {"level": 2, "sentences": [], "page": 1}),
                        (ListBlock, {"ordered": True, "items": [], "page": 4}),
                        (Section, {"heading": Heading(level=1)})):
        _same(built.builder(cls)(**values), cls(**values), cls.__name__)
    with pytest.raises(ValidationError):  # a required field missing: pydantic's own error, not a half-built model
        built.builder(Sentence)(id="x")
