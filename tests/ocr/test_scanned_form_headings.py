"""Headings of a scanned model form (BO 7448, ``bo-fr-7448-2025`` p. 23, a 1-bit scan of a form under the
annex's title): the annex's title (transform/ingest/pdf_labels.py ``ocr_annex_titles``) and the Roman-numbered
parts in capitals, whose numbers OCR mostly drops and whose weight it cannot tell (the whole form is bold;
transform/ingest/pdf_caps_parts.py). On main the annex's title and five of the six parts were paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ocr._pagebits import read_corpus_page
from transform.evaluation import normalize
from transform.model import Heading
from transform.model.walk import iter_blocks

BO = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "bo-fr-7448-2025.pdf"


@pytest.mark.slow
def test_the_forms_annex_title_and_parts_in_capitals_are_headings(tmp_path: Path) -> None:
    doc = read_corpus_page(BO, 23)
    heads = [normalize(" ".join(s.text for s in b.sentences)) for _, b in iter_blocks(doc) if isinstance(b, Heading)]
    title = normalize("à l'arrêté du ministre de l’industrie et du commerce n° 1930-25 du 4 safar 1447 (29 juillet 2025)")
    assert any(h.lower().startswith("annexe") and title.lower() in h.lower() and h.endswith(normalize("constatation d’infraction"))
               for h in heads)  # its three lines, one heading
    for part in ("IDENTITE DE OU DES AGENTS VERBALISATEURS", "IDENTITE DU OU DES CONTREVENANTS",
                 "DATE, HEURE ET LIEU DE LA CONSTATATION DE L’INFRACTION", "IDENTIFICATION DES ECHANTILLONS PRELEVES"):
        assert any(normalize(part) in h.replace("OÙ", "OU") for h in heads), part  # OCR reads OU with a grave
    labels = ("Nom et prénom", "Qualité", "Service de rattachement", "Dénomination", "Date Heure")
    assert not any(h.startswith(normalize(lab)) for h in heads for lab in labels)  # the fields stay text


DECREE = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "adala-ar-decree-2-17-355.pdf"
COUTHENANS = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "couthenans-cr-2022-10.pdf"


def _heads(path: Path, page: int) -> list[str]:
    doc = read_corpus_page(path, page)
    return [normalize(" ".join(s.text for s in b.sentences)) for _, b in iter_blocks(doc) if isinstance(b, Heading)]


@pytest.mark.slow
def test_a_form_line_with_a_blank_to_fill_read_larger_is_no_heading(tmp_path: Path) -> None:
    """The model contract annexed to decree 2.17.355 (p. 4): ``يستفيد السيد (6) .......... من راحة أسبوعية ...`` read
    a size larger over two lines is the contract's sentence with a blank, not a title (transform/ingest/
    pdf_heading_drops.py ``drop_blanks``); the articles' headings stay. A model's title set much larger keeps its
    blanks and stays a heading (Couthenans' minutes p. 3, OCR'd: ``Motion de la commune de ... ou ...``)."""
    heads = _heads(DECREE, 4)
    assert not any(h.startswith(normalize("يستفيد")) for h in heads)
    assert sum(h.startswith(normalize("المادة")) for h in heads) >= 3
    assert any(h.startswith("Motion de la commune de") for h in _heads(COUTHENANS, 3))



SFAX = Path(__file__).resolve().parents[1] / "realdocs" / "files" / "tn-sfax-ar-balagh-2022.pdf"


@pytest.mark.slow
def test_a_scrawl_read_large_and_unsure_is_no_heading(tmp_path: Path) -> None:
    """Sfax's recruitment notice, p. 5 (a scan): under the mayor's title, his signature's scrawl read ``3 للم في`` at
    twice the body's size with confidence 0.57 is no heading (pdf_heading_drops ``drop_unsure_short``); the notice's
    underlined part titles stay headings."""
    heads = _heads(SFAX, 5)
    assert not any(h.startswith("3 ") for h in heads)
    assert any("كيفية تقديم ملف الترشح" in h for h in heads)
