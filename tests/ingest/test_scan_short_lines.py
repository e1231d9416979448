"""A short last line of an OCR'd paragraph keeps its paragraph's size (twenty-first session; the short lines of
transform/ingest/pdf_block_sizes._snap_ocr_sizes).

Frozen OCR'd lines of Haute-Saône's order p. 2 (box in points, estimated size, text). The test of the paragraph fails
on main at 01d2ab8 (checked against that commit's reader)."""

from __future__ import annotations

from transform.ingest.base import TextLine
from transform.ingest.pdf_block_sizes import _snap_ocr_sizes
from transform.ingest.pdf_blocks import group_lines

PAGE2 = [
    (48, 67, 545, 79, 10.5, 'CONSIDÉRANT la situation hydrologique actuelle du département de la Haute-Saône et notamment la'),
    (49, 79, 546, 91, 10.5, "faiblesse de l'étiage des rivières tel qu'il peut être apprécié au moyen du réseau des mesures des débits"),
    (49, 93, 302, 103, 10.5, "des cours d'eau et la faiblesse du niveau des nappes ;"),
    (49, 111, 546, 124, 10.5, 'CONSIDÉRANT les niveaux bas à très bas des ressources déclarées par près de la moitié des'),
    (49, 126, 138, 136, 10.5, 'gestionnaires AEP ;'),
    (50, 148, 546, 160, 10.5, "CONSIDÉRANT que dans ce cadre, pour sécuriser les usages prioritaires de l'eau, il convient d'instaurer"),
    (49, 160, 546, 171, 10.5, "sans délai des économies de la ressource pour réduire le risque de rupture d'approvisionnement,"),
    (50, 173, 454, 184, 10.5, 'préserver la vie aquatique et de réduire la vulnérabilité du territoire aux sécheresses ;'),
    (50, 196, 504, 208, 10.5, "CONSIDÉRANT que l'alimentation en eau destinée à la consommation humaine est prioritaire ;"),
    (50, 219, 546, 232, 10.5, "CONSIDÉRANT la nécessité de concilier au mieux les usages économiques de l'eau et la préservation de"),
    (50, 234, 203, 244, 10.5, 'la vie et des milieux aquatiques ;'),
    (50, 257, 546, 268, 10.5, "CONSIDÉRANT la précocité et la sévérité de l'étiage actuel et les tendances météorologiques, certaines"),
    (50, 269, 546, 281, 10.5, "mesures de l'arrêté cadre départemental nécessitent d'être ajustées voire renforcées, notamment en"),
    (49, 281, 522, 293, 10.5, 'vue de limiter la dépendance à la ressource en eau, une aggravation de la situation étant probable ;'),
    (50, 306, 415, 317, 10.5, 'SUR la proposition du secrétaire général de la préfecture de la Haute-Saône ;'),
    (262, 367, 308, 379, 12.5, 'ARRÊTE'),
    (50, 422, 124, 433, 12.5, 'Article 1 : Objet'),
    (50, 445, 547, 457, 12.5, "Les usages de l'eau sont limités, à titre provisoire, par restrictions d'usage de l'eau pour les zones"),
    (50, 459, 91, 467, 12.5, "d'alerte :"),
    (120, 482, 305, 494, 10.5, ': Vallée Doubs - Ognon - Loue (RM 19).'),
    (120, 494, 297, 505, 10.5, '- Vosges Hautes - Saônoises (RM 21) ;'),
    (120, 506, 335, 516, 10.5, '- Plateau calcaire de la Haute-Saône (RM 22).'),
    (50, 543, 209, 551, 10.5, 'Article 2 : Mesures de restrictions'),
    (50, 566, 378, 577, 10.5, "Les restrictions d'usage de l'eau applicables sont de niveau : ALERTE."),
    (50, 590, 547, 601, 10.5, "Le détail des communes par zones d'alertes figure en annexes 1 et 2, et les mesures applicables sont"),
    (50, 603, 234, 612, 10.5, 'détaillées dans le tableau en annexe 3.'),
    (50, 638, 397, 650, 10.5, "Article 3 : particularité concernant l'abreuvement des animaux d'élevage"),
    (50, 662, 546, 674, 10.5, "Afin de respecter les bonnes conditions d'élevage, les besoins relatifs à l’abreuvement des animaux"),
    (50, 675, 546, 686, 10.5, 'constituent un usage prioritaire et ne sont pas concernés par les mesures de restrictions prévues à'),
    (50, 687, 547, 698, 10.5, "l'article 2. Les prélèvements dans les cours d'eau, réalisés aux fins d'abreuvement des animaux"),
    (50, 699, 547, 711, 10.5, "d'élevage, doivent veiller à maintenir dans le cours d’eau le débit minimum biologique (obligation de"),
    (50, 711, 547, 722, 10.5, 'maintenir 20 % du débit moyen interannuel - module). Ils ne doivent en aucun cas conduire à des'),
    (50, 727, 82, 733, 10.5, 'assecs.'),
]


def _lines(rows: list[tuple[float, float, float, float, float, str]]) -> list[TextLine]:
    return [TextLine(text=t, x0=x0, top=top, x1=x1, bottom=bottom, size=size, page=2, confidence=0.9)
            for x0, top, x1, bottom, size, t in rows]


def test_a_short_last_line_stays_in_its_paragraph() -> None:
    """``d'alerte :`` (a low box: no ascender, no descender) left at its paragraph's estimated size while the line above
    it took the page's usual size was read as a heading's line and cut off; it ends the paragraph."""
    groups = group_lines([_lines(PAGE2)], [[]], [595.2], [841.7])
    texts = [g.text for g in groups]
    assert ("Les usages de l'eau sont limités, à titre provisoire, par restrictions d'usage de l'eau pour les zones"
            " d'alerte :") in texts
    assert "d'alerte :" not in texts


def test_a_short_line_under_a_heading_size_keeps_its_size() -> None:
    """A low line under a line that kept its own (larger) size, or of another estimated size than the line above it,
    keeps its own size: only a line of the same tesseract paragraph as a line that took the usual size follows it."""
    rows = PAGE2[:15] + [(262, 367, 308, 385, 16.0, "ARRÊTE"), (262, 390, 300, 397, 16.0, "ainsi"),
                         (50, 422, 124, 433, 12.5, "Article 1 : Objet"), (50, 435, 90, 442, 14.0, "d'alerte")]
    out = _snap_ocr_sizes(_lines(rows))
    assert [ln.size for ln in out[15:]] == [16.0, 16.0, 10.5, 14.0]
