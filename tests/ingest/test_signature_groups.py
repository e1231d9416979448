"""A countersignature set on its own indent, spaced wider than the body, is one paragraph: ``Pour contreseing :`` /
the office over three lines / the name in capitals (decree 2-26-395 p. 4, BO 7448 p. 5, held-out set 4); a lead-in
at the margin over its paragraph (``Divers :``) and an address's lines stay apart (pdf_signature_groups)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.context import RunContext
from transform.ingest import ingest
from transform.model import Paragraph
from transform.options import TransformOptions

BODY = ("Le ministre délégué auprès de la ministre de l'économie et des finances, chargé du budget, est chargé de "
        "l'exécution du présent décret qui sera publié au Bulletin officiel. ") * 2
GROUP = ["Pour contreseing :", "Le ministre délégué auprès", "de la ministre de l'économie", "et des finances, chargé du",
         "budget,", "FOUZI LEKJAA"]


def _page(path: Path) -> Path:
    """A4: a lead-in at the margin over its paragraph, a body paragraph, then the group set in at 100 pt, one line
    every 26 pt (the body's lines every 15), its name a little lower."""
    from fpdf import FPDF

    doc = FPDF(unit="pt", format="A4")
    doc.add_page()
    doc.set_font("helvetica", "", 12)
    doc.set_xy(70, 70)
    doc.cell(200, 15, "Divers :")
    doc.set_xy(70, 95)
    doc.multi_cell(455, 15, "Il a été signalé que les passages piétons sont effacés et que la rue est dangereuse.")
    doc.set_xy(70, 130)
    doc.multi_cell(455, 15, BODY)
    y = 260.0
    for k, text in enumerate(GROUP):
        doc.set_xy(100, y + (4 if k == len(GROUP) - 1 else 0))
        doc.cell(200, 15, text)
        y += 26
    doc.output(str(path))
    return path


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = _page(tmp_path_factory.mktemp("signature") / "decree.pdf")
    doc = ingest(path, RunContext(options=TransformOptions(ocr="never"), out_dir=path.parent, stem=path.stem, source=path))
    return [" ".join(s.text for s in b.sentences) for sec in doc.sections for b in sec.blocks if isinstance(b, Paragraph)]


def test_the_countersignature_is_one_paragraph(texts: list[str]) -> None:
    assert " ".join(GROUP) in texts, texts


def test_a_lead_in_at_the_margin_stays_apart(texts: list[str]) -> None:
    assert "Divers :" in texts, texts


@pytest.mark.parametrize(("text", "name"), [("FOUZI LEKJAA", True), ("SAAD DINE EL OTMANI.", True), ("75000 PARIS", False),
                                           ("Mairie de Cabestany", False), ("ROBERT", False)])
def test_after_a_comma_only_a_name_in_capitals_goes_on(text: str, name: bool) -> None:
    from transform.ingest.pdf_signature_groups import _name

    assert _name(text) == name
