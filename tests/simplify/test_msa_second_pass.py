"""MSA rules of the second pass of issue 18, on real sentences of the development part of the reference set:
set phrases of decrees and reports, participles as اللي phrases, issue and page numbers written as printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.simplify.evaluate import load_refset
from transform.simplify.measures import measure
from transform.simplify.metrics import check_segment
from transform.simplify.msa import DocState, simplify_sentence
from transform.simplify.speak import speakable

DEV = {r.id: r.source for r in load_refset(Path(__file__).resolve().parents[1] / "darija_refset" / "msa_real.tsv")}


@pytest.mark.parametrize(("rid", "present", "absent"), [
    # "الجريدة الرسمية عدد 7521 ... ص 3768": the issue and the page, as printed (not "3 ألف و 768")
    ("ar023", ["رقم 7521", "ف الصفحة 3768", "13 محرم 1448", "29 يونيو 2026"], ["عدد", "ألف"]),
    # "من قبل العون المكلف بتفتيش الشغل": من طرف مفتش الشغل (third pass: the officer's usual name);
    # "مرقما ومؤشرا عليه" without the accusative
    ("ar065", ["من طرف", "مفتش الشغل", "فيه الأرقام"], ["من قبل", "مرقما", "العون"]),
    # "لا يزال هناك قصور" -> باقي كاين نقص; "المجزأة" -> المقسمة
    ("ar159", ["باقي كاين نقص", "المقسمة"], ["لا يزال", "قصور"]),
    # "الآنف الذكر", "الأجرة الأساسية المعتمدة"
    ("ar043", ["اللي تذكر الفوق", "الخلصة", "اللي كيتعتامد عليها"], ["الآنف", "الأجرة"]),
])
def test_second_pass_rules_on_real_sentences(rid: str, present: list[str], absent: list[str]) -> None:
    src = DEV[rid]
    out = " ".join(simplify_sentence(src, DocState()).pieces)
    for p in present:
        assert p in out, (rid, p, out)
    for a in absent:
        assert a not in out, (rid, a, out)
    chk = check_segment(src, out, speakable(out))
    assert chk.gates_ok and not chk.numbers_new, chk.reasons()
    assert measure(src, out).copy_rate < 0.75
