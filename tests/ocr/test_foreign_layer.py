"""An earlier OCR's layer kept over a scan carries its own doubt: lines holding words of the kinds
another engine misreads (`ls`, `!l`, `concemant`, `9 OODE`, `1*`, a check mark read `v`) reach the
reviewer as "check against the source"; the same lines read right carry none (foreign_layer.py)."""

from __future__ import annotations

from pathlib import Path

import ocr_testkit as pdfkit
import pikepdf
import pypdfium2 as pdfium
import pytest
from ocr_testkit import make_ctx

from transform.ingest.base import TextLine
from transform.ingest.pdf import PdfIngester
from transform.model import PageReport, Paragraph, Sentence
from transform.model.walk import block_text
from transform.ocr import confidence
from transform.ocr.foreign_layer import mark_suspect_lines, near_known, suspect_words
from transform.ocr.foreign_vote import vote_line

# Lines of ocrmypdf's layer on a French council's minutes (a 200 ppi scan), with what the page prints
MISREAD = [
    ("Monsieur le Maire rappelle que ls compte de gestion constitue la reddition des comptes du", "ls",
     "Monsieur le Maire rappelle que le compte de gestion constitue la reddition des comptes du"),
    ("l'ordonnateur, !l doit être approuvé préalablement au compte administratif.", "!l",
     "l'ordonnateur, Il doit être approuvé préalablement au compte administratif."),
    ("l'ordonnateur. || doit être approuvé préalablement au compte administratif.", "||",
     "l'ordonnateur. Il doit être approuvé préalablement au compte administratif."),
    ("*_ Déclare que le compte de gestion dressé par le Receveur pour l'exercice 2023 concemant la", "concemant",
     "- Déclare que le compte de gestion dressé par le Receveur pour l'exercice 2023 concernant la"),
    ("les crédits proposés au vote s'élèvent à 9 OODE :", "OODE", "les crédits proposés au vote s'élèvent à 9 000€ :"),
    ("commune historique et rappelle que le camping sera ouvert du 1* avril 2024", "1*",
     "commune historique et rappelle que le camping sera ouvert du 1er avril 2024"),
    ("v Décide de créer un poste saisonnier d'adjoint technique, du 19° avril 2024 au 30 septembre", "v",
     "- Décide de créer un poste saisonnier d'adjoint technique, du 1er avril 2024 au 30 septembre"),
    ("2024, à raison de 13 heures par semaine dont 2 heures consacrées au mériage des sanitaires", "mériage",
     "2024, à raison de 13 heures par semaine dont 2 heures consacrées au ménage des sanitaires"),
    ("Y Autorise Monsieur le Maire, ou son représentant, à signer le contrat de travail", "Y",
     "- Autorise Monsieur le Maire, ou son représentant, à signer le contrat de travail"),
    ("Le Conseil Municipal, après en avoir délibéré, à l'unanimité des Membres présents ef représentés", "ef",
     "Le Conseil Municipal, après en avoir délibéré, à l'unanimité des Membres présents et représentés"),
    ("*_ Déciare que le compte de gestion dressé par le Receveur", "Déciare",
     "- Déclare que le compte de gestion dressé par le Receveur"),
    ("Madame Guillouet indique que !١ faut saisir le conseil", "!١", "Madame Guillouet indique qu'il faut saisir le conseil"),
]

# Right lines that look odd and must not be flagged: names, inflected forms the word lists lack,
# enumerations, codes, footnote calls, elisions, multiplication, web addresses
SOUND = [
    "Absents excusés : Monsieur Sylvain GAUDIN et monsieur Dominique GAUDIN",
    "paiement ordonnancés et qu'il a procédé à toutes les opérations d'ordre",
    "1° Les dépenses de fonctionnement ; 2° les recettes d'investissement",
    "Le Barcarès* 51,69 % et Saleilles* 42,84 %",
    "Travaux : 50 MDH (250.000 x 200) ; b. Extension du préscolaire",
    "3IFA ALENCON 60,00 et la base du 1er échelon de l'échelle C1, indice brut 367",
    "Le Maire, Sébastien LEROUX, et madame Mauger, secrétaire de séance",
    "voir https://rac-spa.org/sites/default/files/doc_spabio/western_fr.pdf, p. 38, op. cit.",
    "Sur un an, ce sont 14 949 spectateurs ; il convient d’ installer",
]


@pytest.mark.parametrize(("line", "word", "printed"), MISREAD)
def test_a_misread_word_of_a_foreign_layer_is_suspect(line: str, word: str, printed: str) -> None:
    assert word in suspect_words(line)
    assert suspect_words(printed) == []  # what the page prints is not


@pytest.mark.parametrize("line", SOUND)
def test_sound_lines_are_not_suspect(line: str) -> None:
    assert suspect_words(line) == []


def test_unknown_words_count_only_near_a_known_one() -> None:
    assert near_known("concemant") and near_known("mériage")  # concernant, ménage: one OCR confusion away
    assert not near_known("excusés") and not near_known("vidéoprotection")  # the lists lack them: left alone
    assert suspect_words("قرار وزير الداخلية رقم 1") == []  # Arabic lines are not judged here


@pytest.mark.parametrize(("layer", "ours", "voted"), [
    ("que ls compte de gestion", "que le compte de gestion", "que le compte de gestion"),
    ("l'ordonnateur, !l doit être approuvé", "l'ordonnateur, Il doit être approuvé", "l'ordonnateur, Il doit être approuvé"),
    ("s'élèvent à 9 OODE :", "s'élèvent à 9 000€ :", "s'élèvent à 9 000€ :"),
    ("s'élèvent à 9 OODE :", "s'élèvent à 9 0006 :", "s'élèvent à 9 OODE :"),  # a euro sign read 6: no amount made up
    ("ouvert du 1* avril 2024", "ouvert du 1er avril 2024", "ouvert du 1er avril 2024"),
    ("du 19° avril 2024", "du 1er avril 2024", "du 1er avril 2024"),
    ("consacrées au mériage des", "consacrées au rnénage des", "consacrées au mériage des"),  # ours no better
    ("v Décide de créer un poste", "Décide de créer un poste", "v Décide de créer un poste"),  # nothing to pair with
    ("le compte de gestion", "la compte dc gestion", "le compte de gestion"),  # no suspect: nothing read again
])
def test_our_reading_replaces_a_suspect_word_only_with_a_better_one(layer: str, ours: str, voted: str) -> None:
    assert vote_line(layer, ours)[0] == voted


def _line(text: str, top: float) -> TextLine:
    return TextLine(text, 50, top, 500, top + 12, size=11)


def test_blocks_of_a_kept_foreign_layer_take_their_lines_doubt() -> None:
    lines = [_line(MISREAD[0][0], 100), _line(SOUND[1], 130)]
    assert mark_suspect_lines(lines) == 1
    assert lines[0].doubt == confidence.TEXT_UNSURE and lines[0].confidence is not None and lines[0].confidence < confidence.DOUBT_BELOW
    assert lines[1].confidence is None  # left for the page's rating
    confidence.mark_lines(lines, 0.99, None)
    blocks = [Paragraph(page=1, sentences=[Sentence(id="s", text=ln.text)]) for ln in lines]
    groups = [type("G", (), {"lines": [ln], "text": ln.text, "table": None})() for ln in lines]
    report = PageReport(page=1, method="text", score=0.8,
                        reason=f"a scan under an earlier OCR's layer; 1 line hold {confidence.FOREIGN_NOTE}")
    confidence.apply(blocks, groups, [report])
    assert blocks[0].doubt == confidence.TEXT_UNSURE  # the misread line's block: check against the source
    assert blocks[1].doubt is None and blocks[1].confidence == confidence.from_text_layer(0.8)[0]  # the page's rating


def _first_text_page(made: Path, out: Path) -> Path:
    """The PDF without the empty pages LibreOffice may put first."""
    with pdfium.PdfDocument(str(made)) as pdf:
        empty = [i for i in range(len(pdf)) if not pdf[i].get_textpage().get_text_range().strip()]
    with pikepdf.open(made) as pdf:
        for i in reversed(empty):
            del pdf.pages[i]
        pdf.save(out)
    return out


def layer_scan(work: Path, stem: str, printed: list[str], layer: list[str]) -> Path:
    """A 200 dpi photo scan of the French paragraphs ``printed`` under an invisible text layer holding
    ``layer`` (an earlier OCR's reading of the same page), both set by LibreOffice in 13 pt."""

    def html(texts: list[str]) -> str:
        return "".join(f'<p lang="fr" style="font-size:13pt">{t}</p>' for t in texts)

    shown = _first_text_page(pdfkit.html_pdf(work / f"{stem}-printed-lo.pdf", html(printed)), work / f"{stem}-printed.pdf")
    hidden = _first_text_page(pdfkit.html_pdf(work / f"{stem}-layer-lo.pdf", html(layer)), work / f"{stem}-layer.pdf")
    return pdfkit.photo_scan(shown, work / f"{stem}-scan.pdf", 0, dpi=200, banner=None, layer=hidden)


@pytest.mark.slow  # two LibreOffice PDFs, an OCR sample of the photo scan and one reading of its suspect lines
def test_a_kept_earlier_ocr_layer_is_voted_and_flagged(work: Path, tmp_path: Path) -> None:
    paras = pdfkit.FR_TEXT.splitlines()
    misread = [p.replace("présenté par le", "présenté par ls").replace("ménagers", "mériagers") for p in paras]
    misread[-1] += " |"  # a speck read as a bar: nothing of ours stands against it
    scan = layer_scan(work, "foreign", paras, misread)
    doc = PdfIngester().ingest(scan, make_ctx(tmp_path))
    rep = doc.meta.pages[0]
    assert rep.method == "text" and "agrees" in rep.reason, rep.reason  # the layer is kept, no OCR of the page
    assert "2 of its words read again and put right" in rep.reason and confidence.FOREIGN_NOTE in rep.reason, rep.reason
    blocks = doc.sections[0].blocks
    text = "\n".join(block_text(b) for b in blocks)
    assert "présenté par le président" in text and "ménagers" in text, text  # our reading wins where it knows the word
    assert " ls " not in text and "mériagers" not in text
    doubtful = [block_text(b) for b in blocks if b.doubt]
    sound = [block_text(b) for b in blocks if not b.doubt]
    assert [t for t in doubtful if "mairie" in t] and not [t for t in doubtful if "ménagers" in t], doubtful
    assert any("bibliothèque municipale" in t for t in sound), sound  # a paragraph read right keeps the page's rating


def test_ocr_never_still_flags_a_foreign_layers_misread_lines(tmp_path: Path) -> None:
    # Putanges' minutes: 200 ppi scans under an ocrmypdf layer; with OCR off nothing of ours can check the layer,
    # so its misread-looking lines (`concemant`, `ls` for le...) must at least reach the reviewer in doubt
    pdf = Path(__file__).parents[1] / "realdocs" / "files" / "putanges-pv-2024-03-25.pdf"
    doc = PdfIngester().ingest(pdf, make_ctx(tmp_path, ocr="never"))
    flagged = [r.page for r in doc.meta.pages if confidence.FOREIGN_NOTE in r.reason]
    assert 2 in flagged and 16 in flagged, [(r.page, r.reason) for r in doc.meta.pages]
    blocks = [b for s in doc.sections for b in s.blocks if getattr(b, "page", None) == 2]
    doubtful = " ".join(block_text(b) for b in blocks if b.doubt)
    assert "concemant" in doubtful, doubtful
    assert any(not b.doubt for b in blocks)  # lines read right keep the page's rating
