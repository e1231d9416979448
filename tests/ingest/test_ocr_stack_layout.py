"""A stack of centred lines on an OCR'd page is one paragraph (transform/ingest/pdf_paragraphs.py, issue 17).

Arrêté hautesaone-arrete-eau-2023 p. 1 (an office scan): the prefect's name over his three titles, four
centred lines that the truth page holds as one paragraph, came out as four. The lines below are that
page's OCR'd lines as tesseract read them (boxes in points, sizes as estimated), from the title to the
first visa."""

from __future__ import annotations

from tests.ingest._ocrlines import groups

PAGE = [  # (x0, top, x1, bottom, size, text)
    (187.8, 196.7, 417.0, 205.1, 10.5, "Arrêté n° 70-2023-03-23-00010 du 23 mars 2023"),
    (195.8, 208.5, 426.2, 219.5, 10.5, "portant limitation provisoire des usages de l'eau"),
    (226.9, 220.9, 378.4, 229.5, 10.5, "Hors bassin versant de la Saône"),
    (252.0, 233.0, 353.7, 242.8, 10.5, "Niveau n° 2 _ ALERTE"),
    (223.8, 288.6, 381.0, 298.1, 10.5, "LE PRÉFET DE LA HAUTE-SAÔNE"),
    (222.3, 302.1, 382.5, 312.2, 10.5, "Chevalier de la Légion d’Honneur"),
    (207.4, 313.9, 396.9, 322.8, 10.5, "Chevalier de l'Ordre National du Mérite"),
    (218.0, 326.0, 386.5, 336.4, 10.5, "Chevalier des Palmes Académiques"),
    (52.4, 398.0, 549.8, 409.5, 10.5, "VU le Code de l'Environnement pris notamment en son article L. 211-3, relatif aux mesures de limitation"),
    (52.7, 410.1, 549.8, 421.9, 10.5, "ou de suspension provisoire des usages de l'eau pour faire face à une menace ou aux conséquences"),
    (52.7, 423.1, 381.0, 433.4, 10.5, "d'accidents, de sécheresse, d'inondations ou à un risque de pénurie ;"),
    (52.4, 443.2, 309.9, 452.7, 10.5, "VU le Code Civil et notamment les articles 640 à 645 ;"),
    (52.4, 463.1, 336.1, 473.8, 10.5, "VU le Code de la Santé Publique et notamment son titre II ;"),
]


def _groups() -> list[list[str]]:
    return [[ln.text for ln in g.lines] for g in groups(PAGE, confidence=0.95) if g.kind == "paragraph"]


def test_the_prefect_over_his_titles_is_one_paragraph() -> None:
    paragraphs = _groups()
    prefect = next(p for p in paragraphs if p[0] == "LE PRÉFET DE LA HAUTE-SAÔNE")
    assert prefect == [PAGE[k][5] for k in range(4, 8)]
    # the visas stay apart: a line ending a sentence or a full line of text is no centred stack
    visas = [p for p in paragraphs if p[0].startswith("VU ")]
    assert [len(p) for p in visas] == [3, 1, 1]
