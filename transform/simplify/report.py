"""The quality report of a simplified document: JSON (machines, CI, the review pages) and an HTML page (staff).

JSON structure (``schema`` = ``taysir.simplify.quality/2``; every label is given in Arabic, French and English)::

    document, target, engine, source_lang, mode, created, review_state, label, provenance
    verdict        {gates_ok, summary: {ar, fr, en}}           one sentence: can this draft be trusted as Darija?
    status_counts  {status: n}                                  every status of transform.simplify.status
    status_labels  {status: {ar, fr, en}}
    measures       [{key, value, shown, label{..}, explain{..}, goal{op, value, met}, gate{op, value, ok} | null}]
                                                                in the order staff should read them
    gates, gates_ok                                             {key: true/false/null}; null = not measured
    metrics, targets                                            the same values as a flat dict (older readers)
    glossary       {found, explained}
    warnings       [text]
    unread_pages   [{page, reason, why{ar, fr, en}}]           source pages the reader refused: their text is in no segment
    turned_pages   [{page, turn, why{ar, fr, en}}]             source pages read turned upright (``turn``: degrees clockwise):
                                                                their text is in the segments, to be checked on the original
    segments       [{id, role, source, source_lang, text, darija, pieces, status, status_label{..},
                     reasons, reasons_labelled[{code, ar, fr, en}], facts, glossary, metrics}]

``darija`` is '' for a segment without Darija text (``text`` then holds the notice and the source sentence).
"""

from __future__ import annotations

import html
import time
from collections import Counter
from collections.abc import Sequence

from ..ocr.orientation import turned_pages
from .base import Simplification
from .data import resources
from .engine import glossary_explained_in
from .metrics import GATES, TARGETS, doc_metrics, gate_ok, target_met
from .msa import glossary_hits
from .status import ALL, LABELS, has_darija

SCHEMA = "taysir.simplify.quality/2"
GATE_KEYS = tuple(GATES)

# key -> (label, explanation), each {ar, fr, en}; the order is the reading order of the report
MEASURES: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "copy_rate": (
        {"ar": "كلمات منقولة كما هي من الأصل", "fr": "Mots recopiés de l'original", "en": "Words copied from the source"},
        {"ar": "نسبة كلمات المعنى في النص الأصلي التي بقيت كما هي. نص بالدارجة حقيقي يغير أكثر من نصفها.",
         "fr": "Part des mots porteurs de sens de l'original gardés tels quels. Une vraie darija en change plus de la moitié.",
         "en": "Share of the source's content words kept verbatim. Real Darija changes more than half of them."}),
    "darija_markers_per_100": (
        {"ar": "علامات الدارجة لكل 100 كلمة", "fr": "Marques de darija pour 100 mots", "en": "Darija markers per 100 words"},
        {"ar": "كلمات وصيغ دارجة أساسية (ديال، غادي، كاين، اللي، باش، كـ، ما...ش).",
         "fr": "Mots et formes typiques de la darija (ديال، غادي، كاين، اللي، باش، le présent en كـ, la négation ما...ش).",
         "en": "Core Darija words and forms (ديال، غادي، كاين، اللي، باش، the كـ present, the ما...ش negation)."}),
    "msa_left_per_100": (
        {"ar": "صيغ فصحى باقية لكل 100 كلمة", "fr": "Formes d'arabe standard restantes pour 100 mots", "en": "MSA forms left per 100 words"},
        {"ar": "مثل سوف، ليس، الذي، يتم، أن، الفعل المضارع بدون كـ أو غادي، المثنى، التنوين.",
         "fr": "Par exemple سوف، ليس، الذي، يتم، أن, un verbe au présent sans كـ ni غادي, le duel, le tanwin.",
         "en": "e.g. سوف، ليس، الذي، يتم، أن, an imperfect verb without كـ or غادي, dual forms, nunation."}),
    "placeholders": (
        {"ar": "نصوص مؤقتة مكان الترجمة", "fr": "Textes provisoires à la place d'une traduction", "en": "Placeholders instead of a translation"},
        {"ar": "يجب أن يكون صفرا: جملة بلا ترجمة تبقى بلغتها الأصلية مع تنبيه.", "fr": "Doit être zéro : une phrase non traduite reste dans sa langue avec un avis.",
         "en": "Must be zero: an untranslated sentence keeps its language, with a notice."}),
    "M3_numbers_kept": (
        {"ar": "الأرقام المحفوظة", "fr": "Nombres conservés", "en": "Numbers kept"},
        {"ar": "كل مبلغ وتاريخ ورقم قانون في الأصل موجود في النص.", "fr": "Chaque montant, date et numéro de loi de l'original est dans le texte.",
         "en": "Every amount, date and law number of the source is in the text."}),
    "M4_entities_kept": (
        {"ar": "الأسماء المحفوظة", "fr": "Noms conservés", "en": "Names kept"},
        {"ar": "أسماء الأقاليم والجماعات والمؤسسات.", "fr": "Noms des provinces, communes et institutions.", "en": "Names of provinces, communes and institutions."}),
    "M11_glossary_coverage": (
        {"ar": "المصطلحات المشروحة", "fr": "Termes expliqués", "en": "Terms explained"},
        {"ar": "كل مصطلح إداري من المسرد مشروح أول مرة.", "fr": "Chaque terme du glossaire est expliqué à sa première apparition.",
         "en": "Every glossary term is explained where it first appears."}),
    "M12_tts_ready": (
        {"ar": "جاهز للقراءة الصوتية", "fr": "Prêt pour la lecture audio", "en": "Ready for speech"},
        {"ar": "الأرقام والرموز مكتوبة بالكلمات للصوت.", "fr": "Nombres et symboles écrits en mots pour la voix.", "en": "Numbers and symbols written out for the voice."}),
    "M1_mean_words": (
        {"ar": "متوسط الكلمات في الجملة", "fr": "Mots par phrase (moyenne)", "en": "Words per sentence (mean)"},
        {"ar": "جمل قصيرة أسهل للفهم.", "fr": "Des phrases courtes se comprennent mieux.", "en": "Short sentences are easier to follow."}),
    "M2_long_share": (
        {"ar": "الجمل الطويلة", "fr": "Phrases longues", "en": "Long sentences"},
        {"ar": "جمل فيها أكثر من 12 كلمة.", "fr": "Phrases de plus de 12 mots.", "en": "Sentences over 12 words."}),
    "M2_max_words": (
        {"ar": "أطول جملة", "fr": "Phrase la plus longue", "en": "Longest sentence"}, {"ar": "بالكلمات.", "fr": "En mots.", "en": "In words."}),
    "M9_chrf_vs_reference": (
        {"ar": "القرب من ترجمة بشرية", "fr": "Proximité d'une traduction humaine (chrF)", "en": "Closeness to a human translation (chrF)"},
        {"ar": "يقاس فقط إذا كانت هناك ترجمة مرجعية.", "fr": "Mesuré seulement quand une traduction de référence existe.",
         "en": "Measured only when a reference translation exists."}),
    "M10_chrf_vs_source": (
        {"ar": "التشابه مع الأصل (chrF)", "fr": "Ressemblance avec l'original (chrF)", "en": "Similarity to the source (chrF)"},
        {"ar": "للمعلومة فقط.", "fr": "À titre indicatif.", "en": "For information."}),
    "M8_vocab_coverage": (
        {"ar": "كلمات دارجة معروفة", "fr": "Mots de darija courants", "en": "Common Darija words"},
        {"ar": "للمعلومة فقط.", "fr": "À titre indicatif.", "en": "For information."}),
    "M3_new_numbers": (
        {"ar": "أرقام جديدة", "fr": "Nombres ajoutés", "en": "Numbers added"},
        {"ar": "أرقام ليست في الأصل (تنبيه فقط).", "fr": "Nombres absents de l'original (alerte seulement).", "en": "Numbers not in the source (a warning only)."}),
}
PERCENT = {"copy_rate", "M2_long_share", "M3_numbers_kept", "M4_entities_kept", "M11_glossary_coverage", "M12_tts_ready", "M8_vocab_coverage"}

# reason prefix -> (code, {ar, fr, en}); the English reason text follows the label as its detail
REASONS: list[tuple[str, str, dict[str, str]]] = [
    ("check against the source", "check_source", {"ar": "قارن مع الوثيقة الأصلية: النص قرئ بشك", "fr": "À vérifier sur l'original : texte lu avec un doute",
                                                   "en": "check against the source: the text was read with doubt"}),
    ("placeholder", "placeholder", {"ar": "نص مؤقت مكان الترجمة", "fr": "Texte provisoire au lieu d'une traduction", "en": "placeholder"}),
    ("not rewritten", "unchanged", {"ar": "لم يعد كتابته: هو نفس النص الأصلي", "fr": "Non réécrit : c'est le texte d'origine", "en": "not rewritten"}),
    ("mostly copied", "copied", {"ar": "منقول في أغلبه من الأصل", "fr": "Surtout recopié de l'original", "en": "mostly copied from the source"}),
    ("MSA forms left", "msa_left", {"ar": "صيغ فصحى باقية", "fr": "Formes d'arabe standard restantes", "en": "MSA forms left"}),
    ("number not kept", "number", {"ar": "رقم لم يحفظ", "fr": "Nombre perdu", "en": "number not kept"}),
    ("name not kept", "name", {"ar": "اسم لم يحفظ", "fr": "Nom perdu", "en": "name not kept"}),
    ("a sentence has", "long", {"ar": "جملة طويلة جدا", "fr": "Phrase trop longue", "en": "sentence too long"}),
    ("sentence longer", "long", {"ar": "جملة طويلة جدا", "fr": "Phrase trop longue", "en": "sentence too long"}),
    ("speakable text", "speech", {"ar": "النص الصوتي فيه أرقام أو رموز", "fr": "Texte audio avec chiffres ou symboles", "en": "speech text has digits"}),
    ("acronym", "acronym", {"ar": "اختصار غير مشروح", "fr": "Sigle non développé", "en": "acronym not expanded"}),
    ("French text", "no_template", {"ar": "لا يوجد قالب لهذه الجملة: تحتاج مترجما", "fr": "Aucun modèle pour cette phrase : à traduire par une personne",
                                    "en": "no template: a person must translate it"}),
    ("no template", "no_template", {"ar": "لا يوجد قالب لهذه الخانة: تحتاج مترجما", "fr": "Aucun modèle pour cette cellule : à traduire par une personne",
                                    "en": "no template: a person must translate it"}),
    ("text in a script", "other_script", {"ar": "نص بخط آخر: يحتاج مترجما", "fr": "Texte dans une autre écriture : à traduire", "en": "text in another script"}),
    ("LLM", "llm", {"ar": "جواب النموذج اللغوي لم يقبل", "fr": "Réponse du modèle de langue refusée", "en": "LLM answer refused"}),
]


def label_reason(reason: str) -> dict[str, str]:
    for prefix, code, labels in REASONS:
        if reason.startswith(prefix):
            detail = reason.split(":", 1)[1].strip() if ":" in reason else ""
            out = {"code": code, **{k: v + (f" ({detail})" if detail and k != "en" else "") for k, v in labels.items()}}
            out["en"] = reason
            return out
    return {"code": "other", "ar": reason, "fr": reason, "en": reason}


def _shown(key: str, value: object) -> str:
    if value is None:
        return "—"
    if key in PERCENT and isinstance(value, (int, float)):
        return f"{100 * value:.0f} %"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


REFUSALS = {
    "low_dpi": {"ar": "مسحت ضوئيا بدقة {dpi} نقطة في البوصة تقريبا، وهي أقل مما تحتاجه القراءة الآلية: اطلب مسحها بدقة 300 نقطة في البوصة",
                "fr": "numérisée à environ {dpi} points par pouce, trop peu pour la lecture optique : demandez une numérisation à 300 points par pouce",
                "en": "scanned at about {dpi} dpi, too coarse for OCR: ask for a 300 dpi scan"},
    "not_installed": {"ar": "القراءة الآلية للغتها غير مثبتة على الخادم: أخبر المسؤول عن النظام",
                      "fr": "la lecture optique de sa langue n'est pas installée sur le serveur : prévenez l'administrateur",
                      "en": "OCR for its language is not installed on the server: tell the administrator"},
    "ocr_off": {"ar": "كانت القراءة الآلية معطلة في هذا التحويل: أعده مع تفعيل القراءة الآلية",
                "fr": "la lecture optique était désactivée pour cette conversion : relancez-la avec la lecture optique",
                "en": "OCR was off for this conversion: run it again with OCR"},
    "failed": {"ar": "تعذرت القراءة الآلية (خطأ أو تجاوز للمهلة أو صفحة كبيرة جدا): أعد التحويل",
               "fr": "la lecture optique a échoué (erreur, délai dépassé ou page trop grande) : relancez la conversion",
               "en": "OCR failed (an error, a time-out or a page too large): run the conversion again"},
    "turned": {"ar": "يبدو أن الصفحة مسحت على جانبها أو مقلوبة ولم تستطع الآلة قراءتها: امسحها في وضعها الصحيح وأرسلها من جديد",
               "fr": "la page semble numérisée de côté ou à l'envers et n'a pas pu être lue : numérisez-la à l'endroit et renvoyez-la",
               "en": "the page seems to have been scanned sideways or upside down and could not be read: scan it upright and send it again"},
    "unsure": {"ar": "كانت القراءة الآلية غير مؤكدة إلى حد لا يسمح بالاحتفاظ بها",
               "fr": "la lecture optique était trop incertaine pour être gardée",
               "en": "OCR was too unsure to keep"},
}


TURNED = {  # a page scanned sideways (a quarter turn either way) or upside down, turned upright before it was read
    "sideways": {"ar": "مسحت الصفحة {page} على جانبها فأدارتها الآلة قبل قراءتها: قارن نصها بالأصل",
                 "fr": "la page {page} a été numérisée de côté et redressée avant lecture : vérifiez-la sur l’original",
                 "en": "page {page} was scanned sideways and turned upright: check it against the source"},
    "upside_down": {"ar": "مسحت الصفحة {page} مقلوبة فأدارتها الآلة قبل قراءتها: قارن نصها بالأصل",
                    "fr": "la page {page} a été numérisée à l’envers et redressée avant lecture : vérifiez-la sur l’original",
                    "en": "page {page} was scanned upside down and turned upright: check it against the source"},
}


def _turned_words(page: int, deg: int) -> dict[str, str]:
    return {lang: text.format(page=page) for lang, text in TURNED["upside_down" if deg == 180 else "sideways"].items()}


def _refusal_words(kind: str, dpi: int | None) -> dict[str, str]:
    return {lang: text.format(dpi=dpi) for lang, text in REFUSALS[kind].items()}


def _verdict(gates: dict[str, bool | None], counts: dict[str, int], unread: int = 0, turned: int = 0) -> dict[str, str]:
    failed = [k for k, v in gates.items() if v is False]
    pending = counts.get("needs_human", 0)
    if failed and any(k in ("copy_rate", "darija_markers_per_100", "msa_left_per_100", "placeholders") for k in failed):
        out = {"ar": "هذه المسودة ليست دارجة بعد: أغلبها منقول من الأصل أو بالفصحى.",
               "fr": "Ce brouillon n'est pas encore de la darija : il est surtout recopié de l'original ou en arabe standard.",
               "en": "This draft is not Darija yet: it is mostly copied from the source or MSA."}
    elif failed:
        out = {"ar": "مراقبة أساسية فشلت (أرقام أو أسماء أو صوت): راجع الفقرات المعنية.",
               "fr": "Un contrôle essentiel a échoué (nombres, noms ou audio) : voir les segments signalés.",
               "en": "An essential check failed (numbers, names or speech): see the flagged segments."}
    else:
        out = {"ar": "المراقبات نجحت. تبقى مسودة آلية يجب أن يراجعها ويوافق عليها شخص.",
               "fr": "Les contrôles sont passés. Cela reste un brouillon automatique à relire et approuver.",
               "en": "The checks passed. It is still a machine draft to be reviewed and approved."}
    if pending:
        out = {"ar": out["ar"] + f" {pending} جملة لم تترجم بعد إلى الدارجة.", "fr": out["fr"] + f" {pending} phrase(s) pas encore en darija.",
               "en": out["en"] + f" {pending} sentence(s) not yet in Darija."}
    if unread:
        out = {"ar": out["ar"] + f" صفحات من الأصل لم تستطع الآلة قراءتها: {unread}، نصها غير موجود في المسودة.",
               "fr": out["fr"] + f" {unread} page(s) de l'original illisible(s) pour la machine : leur texte manque.",
               "en": out["en"] + f" {unread} page(s) of the original could not be read: their text is missing."}
    if turned:
        out = {"ar": out["ar"] + f" صفحات من الأصل مسحت على جانبها أو مقلوبة فأدارتها الآلة قبل قراءتها: {turned}، قارن نصها بالأصل.",
               "fr": out["fr"] + f" {turned} page(s) de l'original numérisée(s) de côté ou à l'envers, redressée(s) avant lecture : à vérifier sur l'original.",
               "en": out["en"] + f" {turned} page(s) of the original were scanned turned and set upright before reading: check them against the source."}
    return out


def build_report(res: Simplification, *, engine: str, target: str = "ary", references: Sequence[str] | None = None,
                 provenance: dict[str, str] | None = None) -> dict[str, object]:
    segs = res.segments
    darija = [has_darija(s.status) for s in segs]
    pairs = [(s.source, s.darija if d else s.source, s.speakable) for s, d in zip(segs, darija, strict=True)]
    with_expl = {e.id for e in resources().glossary if e.explanation}
    found: set[str] = set()
    if res.source_lang != "fr":
        for s in segs:
            found |= {g for g in glossary_hits(s.source) if g in with_expl}
    explained = glossary_explained_in(res.document) & found
    m = doc_metrics(pairs, references=references, glossary_found=len(found), glossary_explained=len(explained),
                    include_in_style=[d and s.role not in ("cell", "heading") for s, d in zip(segs, darija, strict=True)],
                    with_darija=darija)
    metrics = m.as_dict()
    if target != "ary":  # the Darija measures say nothing about easy-read French
        metrics.update(copy_rate=None, darija_markers_per_100=None, msa_left_per_100=None, placeholders=None)
    counts = Counter(s.status for s in segs)
    status_counts = {k: counts.get(k, 0) for k in ALL}
    gates = {g: gate_ok(g, metrics.get(g)) for g in GATE_KEYS}  # type: ignore[arg-type]
    unread = [{"page": r.page, "reason": r.reason, "why": _refusal_words(*r.refusal())} for r in res.document.meta.refused_pages()]
    turned = [{"page": page, "turn": deg, "why": _turned_words(page, deg)} for page, deg in turned_pages(res.document.meta.pages)]
    measures = []
    for k, (lab, expl) in MEASURES.items():
        v = metrics.get(k)
        t = TARGETS.get(k)
        g = GATES.get(k)
        measures.append({"key": k, "value": v, "shown": _shown(k, v), "label": lab, "explain": expl,
                         "goal": {"op": t[0], "value": t[1], "met": target_met(k, v)} if t else None,  # type: ignore[arg-type]
                         "gate": {"op": g[0], "value": g[1], "ok": gates[k]} if g else None})
    seg_out = []
    for s in segs:
        d = s.as_dict()
        d["status_label"] = LABELS.get(s.status, {})
        d["reasons_labelled"] = [label_reason(r) for r in s.reasons]
        seg_out.append(d)
    return {
        "schema": SCHEMA,
        "document": res.document.meta.source_name or res.document.meta.title or "",
        "target": target,
        "engine": engine,
        "source_lang": res.source_lang,
        "mode": res.mode,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "review_state": res.document.meta.review_state,
        "label": "machine-generated draft: to be reviewed and approved by a person before publication",
        "provenance": provenance or {},
        "verdict": {"gates_ok": all(v is not False for v in gates.values()), "summary": _verdict(gates, status_counts, len(unread), len(turned))},
        "segments_total": len(segs),
        "status_counts": status_counts,
        "status_labels": LABELS,
        "measures": measures,
        "gates": gates,
        "gates_ok": all(v is not False for v in gates.values()),
        "metrics": metrics,
        "targets": {k: {"op": op, "value": v, "met": target_met(k, metrics.get(k))} for k, (op, v) in TARGETS.items()},  # type: ignore[arg-type]
        "glossary": {"found": sorted(found), "explained": sorted(explained)},
        "warnings": res.warnings,
        "unread_pages": unread,
        "turned_pages": turned,
        "segments": seg_out,
    }


def _op(op: str) -> str:
    return {"<=": "≤", ">=": "≥"}.get(op, op)


def report_html(rep: dict[str, object]) -> str:
    """A plain, accessible page (French, with the Arabic labels beside): verdict, measures, statuses, segments."""
    e = html.escape
    verdict: dict[str, object] = rep.get("verdict") or {}  # type: ignore[assignment]
    summary: dict[str, str] = verdict.get("summary") or {}  # type: ignore[assignment]
    rows = []
    for m in rep.get("measures", []):  # type: ignore[union-attr]
        goal, gate = m.get("goal"), m.get("gate")
        goal_s = f"{_op(goal['op'])} {_shown(m['key'], goal['value'])}" if goal else ""
        gate_s = "" if not gate else f"{_op(gate['op'])} {_shown(m['key'], gate['value'])}"
        ok = "" if not gate else {True: "oui", False: "NON", None: "non mesuré"}[gate["ok"]]
        met = "" if not goal or goal["met"] is None else ("oui" if goal["met"] else "non")
        rows.append(f"<tr><th scope=\"row\">{e(m['label']['fr'])}<br><span lang=\"ar\" dir=\"rtl\">{e(m['label']['ar'])}</span>"
                    f"<br><small>{e(m['explain']['fr'])}</small></th><td>{e(m['shown'])}</td><td>{e(goal_s)}</td><td>{met}</td>"
                    f"<td>{e(gate_s)}</td><td>{ok}</td></tr>")
    labels: dict[str, dict[str, str]] = rep.get("status_labels", LABELS)  # type: ignore[assignment]
    counts: dict[str, int] = rep["status_counts"]  # type: ignore[assignment]
    status_items = "".join(f"<li>{e(labels.get(k, {}).get('fr', k))} (<span lang=\"ar\" dir=\"rtl\">{e(labels.get(k, {}).get('ar', k))}</span>): {n}</li>"
                           for k, n in counts.items() if n)
    segs = []
    for s in rep["segments"]:  # type: ignore[union-attr]
        reasons = "<br>".join(e(r.get("fr", r.get("en", ""))) for r in s.get("reasons_labelled", [])) or "—"
        src_dir = "rtl" if s["source_lang"] in ("ar", "ary") else "ltr"
        facts = f"<br><small lang=\"ary\" dir=\"rtl\">{e('، '.join(s.get('facts') or []))}</small>" if s.get("facts") else ""
        darija = s.get("darija", s["text"])
        shown = e(darija) if darija else f"<em>{e(labels.get(s['status'], {}).get('fr', s['status']))}</em>"
        segs.append(
            f"<tr class=\"{e(s['status'])}\"><td>{e(s['id'])}</td>"
            f"<td lang=\"{e(s['source_lang'])}\" dir=\"{src_dir}\">{e(s['source'])}</td>"
            f"<td lang=\"ary\" dir=\"rtl\">{shown}{facts}</td><td>{e(s.get('status_label', {}).get('fr', s['status']))}</td><td>{reasons}</td></tr>"
        )
    warn = "".join(f"<li>{e(w)}</li>" for w in rep["warnings"])  # type: ignore[union-attr]
    unread = "".join(f"<li>page {p['page']} : {e(p['why']['fr'])}<br><span lang=\"ar\" dir=\"rtl\">{e(p['why']['ar'])}</span></li>"
                     for p in rep.get("unread_pages", []))  # type: ignore[union-attr]
    turned = "".join(f"<li>{e(p['why']['fr'])}<br><span lang=\"ar\" dir=\"rtl\">{e(p['why']['ar'])}</span></li>"
                     for p in rep.get("turned_pages", []))  # type: ignore[union-attr]
    gates_ok = rep.get("gates_ok")
    return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr">
<head><meta charset="utf-8"><title>Rapport de qualité : {e(str(rep['document']))} ({e(str(rep['target']))})</title>
<style>body{{font-family:sans-serif;max-width:75rem;margin:1rem auto;padding:0 1rem;line-height:1.5}}
table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #555;padding:.3rem;vertical-align:top;text-align:start}}
tr.needs_review{{background:#fff4d6}}tr.check_source{{background:#ffe7c2}}tr.needs_human{{background:#fde2e2}}
tr.kept_source{{background:#e8eefc}}[dir=rtl]{{font-size:1.15em}}.verdict{{font-size:1.2em;font-weight:bold}}</style></head>
<body><main>
<h1>Rapport de qualité : {e(str(rep['document']))}</h1>
<p><strong>Brouillon fait par une machine : à relire et approuver par une personne avant publication.</strong></p>
<p class="verdict">{'Contrôles passés' if gates_ok else 'Contrôles NON passés'} : {e(summary.get('fr', ''))}</p>
<p class="verdict" lang="ar" dir="rtl">{e(summary.get('ar', ''))}</p>
<p>Langue cible : {e(str(rep['target']))}. Moteur : {e(str(rep['engine']))}. Langue de l'original : {e(str(rep['source_lang']))} ({e(str(rep['mode']))}).
État : {e(str(rep['review_state']))}. Segments : {rep['segments_total']}.</p>
<h2>Segments par état</h2><ul>{status_items}</ul>
{f'<h2>Pages de l’original que la machine n’a pas pu lire (leur texte manque : lisez-les sur l’original)</h2><ul>{unread}</ul>' if unread else ''}
{f'<h2>Pages de l’original numérisées de côté ou à l’envers, redressées avant lecture (vérifiez leur texte sur l’original)</h2><ul>{turned}</ul>' if turned else ''}
{f'<h2>Avertissements</h2><ul>{warn}</ul>' if warn else ''}
<h2>Mesures</h2>
<table><thead><tr><th scope="col">mesure</th><th scope="col">valeur</th><th scope="col">objectif</th><th scope="col">atteint</th>
<th scope="col">seuil bloquant</th><th scope="col">seuil passé</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
<h2>Segments</h2>
<table><thead><tr><th scope="col">id</th><th scope="col">original</th><th scope="col">darija</th><th scope="col">état</th><th scope="col">raisons</th></tr></thead>
<tbody>{''.join(segs)}</tbody></table>
</main></body></html>
"""
