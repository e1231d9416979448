"""French sources: templates, key facts, needs_human segments, bilingual alignment, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform import convert
from transform.errors import LanguageNotSupportedError
from transform.model import iter_sentences
from transform.options import TransformOptions
from transform.simplify.engine import simplify_document
from transform.simplify.french import NEEDS_HUMAN_LABEL, french_segment, table_cell

from .conftest import make_doc


def test_table_row_template() -> None:
    assert table_cell("Routes et pistes rurales", False, False).text == "الطرق ف البادية"
    assert table_cell("350 000 000", False, False).text == "350 مليون"
    assert table_cell("350", False, True).text == "350 مليون درهم"  # header said MDH


def test_key_fact_sentence() -> None:
    r = french_segment("Construction de 8 centres de santé dans la province d'Azilal d'ici 2027.", "list", "الجهة")
    assert r.status == "ok"
    assert r.text == "الجهة غادي تبني 8 د المراكز الصحية. هادشي ف الإقليم ديال أزيلال قبل 2027."  # what, then where and when


def test_key_fact_refuses_to_drop_words() -> None:
    r = french_segment("Acquisition de 15 ambulances pour les nomades transhumants.", "list", "الجهة")
    assert r.status == "needs_human"  # "nomades transhumants" is not a known word: never silently dropped
    r = french_segment("Acquisition de 15 ambulances pour les communes rurales.", "list", "الجهة")
    assert r.status == "ok" and r.text == "الشرا ديال 15 لانبيلانس للجماعات ف البادية."  # every word covered


@pytest.mark.parametrize("fr,darija", [
    ("Le conseil municipal approuve à l'unanimité le compte administratif 2021.", "المجلس ديال الجماعة وافق على الحساب الإداري ديال 2021 بالإجماع."),
    ("13 votes pour 1 abstention", "13 صوتو بنعم و 1 ما صوتوش."),
    ("Adopté à l'unanimité.", "الأعضاء كاملين وافقو."),
    ("3/ Convention de partenariat :", "النقطة 3: اتفاقية الشراكة."),
    ("Une convention de partenariat a été signée avec la commune de Kasba Tadla.", "توقعات اتفاقية مع الجماعة ديال قصبة تادلة."),
    ("La Région compte 5 provinces et 135 communes.", "الجهة فيها 5 د الأقاليم و 135 جماعة."),
    ("Le taux de réalisation du programme a atteint 62 % à la fin de 2025.", "النسبة ديال الإنجاز ديال البرنامج وصلات 62 ف المية ف آخر 2025."),
    ("La date limite de dépôt des dossiers est fixée au 30 juin 2026.", "آخر أجل ديال تقديم الملفات هو 30 يونيو 2026."),
    ("Province d'Azilal : 12 projets pour 45 millions de dirhams.", "الإقليم ديال أزيلال: 12 مشروع ب 45 مليون درهم."),
    ("Le conseil régional alloue 30 millions de dirhams aux associations.", "مجلس الجهة خصص 30 مليون درهم للجمعيات."),
    ("Une consultation publique sur le programme de développement régional est ouverte jusqu'au 15 mars 2026.",
     "الاستشارة العمومية على برنامج التنمية ديال الجهة مفتوحة حتى 15 مارس 2026."),
    ("La pétition a recueilli 4 500 signatures.", "العريضة جمعات 4500 توقيع."),
    ("Les travaux de la route reliant Boujad à Oued Zem ont démarré en février 2025.",
     "بداو الأشغال ديال الطريق اللي كتربط بين أبي الجعد ووادي زم ف فبراير 2025."),
])
def test_council_sentences(fr: str, darija: str) -> None:
    r = french_segment(fr, "paragraph", "الجهة")
    assert (r.status, r.text) == ("ok", darija)


def test_needs_human_keeps_facts_and_writes_no_placeholder() -> None:
    r = french_segment("Le Conseil a palabré sur la convention du 15/03/2026 (186 000 000 DH) et sa durée pour Khénifra.", "paragraph", "الجهة")
    assert r.status == "needs_human"
    assert r.text == "" and NEEDS_HUMAN_LABEL not in " ".join(r.facts)  # no Darija text, never the placeholder
    for fact in ("15 مارس 2026", "186 مليون درهم", "خنيفرة"):
        assert fact in r.facts


def test_french_document_segments_keep_source(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, "# Projets\n\nLe Conseil régional a palabré longuement sur la question des ressources humaines.\n\n"
                             "- Construction de 5 écoles communautaires d'ici 2027.\n")
    res = simplify_document(doc)
    sents = [loc.sentence for loc in iter_sentences(res.document)]
    human = [s for s in sents if s.notes["status"] == "needs_human"]
    assert human and not any(NEEDS_HUMAN_LABEL in s.text for s in sents)
    notice, source = human[0], human[1]  # the notice "not yet in Darija" (Darija), then the French sentence in French
    assert notice.id.endswith("a") and "بالفرنسية" in notice.text and notice.lang is None
    assert source.id.endswith("b") and source.lang == "fr" and source.text == source.source_text
    assert source.text == "Le Conseil régional a palabré longuement sur la question des ressources humaines."
    assert any(s.text == "الجهة غادي تبني 5 د المدارس الجماعاتية قبل 2027." for s in sents)
    assert len([s for s in sents if s.notes.get("segment") == s.id or s.notes.get("segment")]) == len(sents)


def test_bilingual_document_simplifies_the_arabic_and_aligns(tmp_path: Path) -> None:
    md = (
        "::: {lang=ar dir=rtl}\n# الميزانية\n\nتبلغ ميزانية الجهة 3 200 000 000 درهم.\n:::\n\n"
        "::: {lang=fr}\n# Le budget\n\nLe budget de la Région s'élève à 3 200 000 000 DH et 75 millions de dirhams de réserve.\n:::\n"
    )
    doc = make_doc(tmp_path, md)
    res = simplify_document(doc)
    assert res.mode == "arabic+french" and res.source_lang == "ar"
    assert all(s.source_lang == "ar" for s in res.segments)
    assert any(s.aligned for s in res.segments if "3 200 000 000" in s.source)
    assert any("75000000" in w for w in res.warnings)  # a number the Arabic version lacks is reported


def test_second_file_arabic_version(tmp_path: Path) -> None:
    fr = tmp_path / "fr.md"
    fr.write_text("# Budget\n\nLe budget s'élève à 3 200 000 000 DH.\n", encoding="utf-8")
    ar = tmp_path / "ar.md"
    ar.write_text("# الميزانية\n\nتبلغ ميزانية الجهة 3 200 000 000 درهم.\n", encoding="utf-8")
    opts = TransformOptions(outputs=["darija"])
    opts.simplify.arabic_source = str(ar)
    convert(fr, opts, tmp_path / "out")
    text = (tmp_path / "out" / "fr" / "fr.ary.txt").read_text(encoding="utf-8")
    assert "3 مليار و 200 مليون درهم" in text and NEEDS_HUMAN_LABEL not in text


def test_no_arabic_and_no_french_is_a_clear_error(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, "The regional budget for 2026 is 3.2 billion dirhams and the council approved it.\n")
    with pytest.raises(LanguageNotSupportedError, match="no Arabic and no French"):
        simplify_document(doc)


def test_other_script_is_a_clear_error(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, "Бюджет региона на 2026 год составляет 3 миллиарда.\n\nЭто много денег для региона.\n")
    with pytest.raises(LanguageNotSupportedError, match="another script"):
        simplify_document(doc)


def test_other_script_sentence_inside_arabic_is_needs_human(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, "تبلغ ميزانية الجهة 3 مليار درهم.\n\nБюджет региона составляет много денег.\n")
    res = simplify_document(doc)
    other = [s for s in res.segments if "Бюджет" in s.source]
    assert other and other[0].status == "needs_human" and other[0].darija == "" and NEEDS_HUMAN_LABEL not in other[0].text
    assert other[0].text.endswith("Бюджет региона составляет много денег.")


def test_convert_reports_error_for_english(tmp_path: Path) -> None:
    src = tmp_path / "en.md"
    src.write_text("The regional budget is large and the council approved the new roads programme.\n", encoding="utf-8")
    res = convert(src, TransformOptions(outputs=["darija"]), tmp_path / "out")
    assert res.status.value == "failure" and res.exit_code == 5  # the only output asked for could not be made
    assert res.artifacts == []
    assert any(e.stage == "simplify.ary" and "no Arabic and no French" in e.message for e in res.errors)
