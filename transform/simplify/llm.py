"""Optional LLM backend (DARIJA_GUIDE §3.9): any OpenAI-compatible chat endpoint the operator configures.

Off by default. The rules draft is made first; each segment is then sent to the model with the house
rules, the glossary entries it uses and a few example pairs. The answer must pass the same gates as the
rules engine (issue 18: numbers kept and none invented, names kept, no placeholder, not copied from the
source, no MSA forms left, core Darija markers, no sentence over 20 words, house orthography); otherwise
one retry with the list of errors, then the rules text is kept with the reason. An accepted answer gets the
same per-segment checks and statuses as a rules segment (a doubtful source block stays ``check_source``).
An unreachable endpoint falls back to the rules draft for the whole document, with a clear reason.
Output stays labelled "machine-generated draft" until a person approves it.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections import Counter
from typing import TYPE_CHECKING, ClassVar

import regex

from ..errors import EngineError, OptionsError
from ..model import Document, Sentence, StageRecord, iter_sentences
from . import SIMPLIFIERS
from .base import Segment, Simplification
from .data import resources
from .engine import replace_segments, suffix
from .measures import SEG_COPY_MAX, SEG_MIN_WORDS
from .metrics import check_segment
from .msa import glossary_hits
from .numbers import canonical_values
from .reuse import EXAMPLE_FLOOR, prompt_terms, recall_for
from .rules import RulesSimplifier
from .speak import speakable
from .status import CHECK_SOURCE, NEEDS_REVIEW, OK
from .text import house_orthography, sentences, word_count

if TYPE_CHECKING:
    from ..context import RunContext

SYSTEM_PROMPT = """You rewrite official Moroccan documents into simplified Moroccan Darija in Arabic script ("Darija FALC").
Rules:
- One idea per sentence, at most 12 words per sentence. Active voice with a named agent.
- Common pan-Moroccan words; present prefix كـ (كيدير), future غادي, "ديال" for possession, "ف" as a separate word.
- Copy every number exactly in Western digits; never add a number; keep every place and institution name.
- Write amounts like: مليار و 250 مليون درهم ; percentages like: 78 ف المية ; dates like: 15 مارس 2026.
- No parentheses, no semicolons, no abbreviations, no diacritics. Never use the letters ڭ or ݣ (write ك or گ).
- Use the glossary renderings given below exactly.
Answer with the Darija text only."""

FEW_SHOT = [  # written for this prompt (never taken from evaluation data)
    ("سيتم تأهيل 30 كيلومترا من المسالك القروية بجماعة أغبالة.", "الجهة غادي تصلح 30 كيلومتر ديال الطرق ديال التراب. هادشي ف الجماعة ديال أغبالة."),
    ("خصصت الجهة 12 مليون درهم لدعم الجمعيات الرياضية سنة 2025.", "الجهة خصصات 12 مليون درهم باش تعاون الجمعيات ديال الرياضة ف 2025."),
    ("La Région financera 4 bus scolaires pour la commune de Tagleft.", "الجهة غادي تخلص 4 د الكيران ديال المدرسة للجماعة ديال تاكلفت."),
]
MIN_TOKENS_FOR_MARKER = 8  # an answer this long with no core Darija marker is not Darija


class EndpointUnreachable(EngineError):
    code = "llm_unreachable"


def chat(base_url: str, model: str, messages: list[dict[str, str]], *, timeout: float, temperature: float, api_key: str | None) -> str:
    """One call to ``<base_url>/chat/completions``; raises EndpointUnreachable or EngineError."""
    url = base_url.rstrip("/") + "/chat/completions"
    body = json.dumps({"model": model, "messages": messages, "temperature": temperature}).encode()
    headers = {"Content-Type": "application/json"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - operator-configured endpoint
            data = json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise EngineError(f"The LLM endpoint answered HTTP {exc.code} for {url}.", hint="Check the model name and the API key.") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EndpointUnreachable(f"The LLM endpoint {base_url} cannot be reached ({reason}).",
                                  hint="Start the model server or fix options.simplify.llm.base_url; the rules draft is used meanwhile.") from None
    except (ValueError, UnicodeDecodeError):
        raise EngineError(f"The LLM endpoint {url} did not answer JSON.") from None
    try:
        return str(data["choices"][0]["message"]["content"]).strip()
    except (KeyError, IndexError, TypeError):
        raise EngineError(f"The LLM endpoint {url} answered without choices[0].message.content.") from None


def gate_errors(source: str, text: str) -> list[str]:
    """The same gates as the rules engine (issue 18): numbers kept and none new, names kept, no placeholder,
    not copied from the source, no MSA forms left, some Darija, sentence length, house orthography."""
    errs = []
    chk = check_segment(source, text, speakable(text))
    if chk.numbers_missing:
        errs.append("numbers missing: " + ", ".join(chk.numbers_missing))
    new = list((Counter(canonical_values(text)) - Counter(canonical_values(source))).elements())
    if new:
        errs.append("numbers not in the source: " + ", ".join(new))
    if chk.entities_missing:
        errs.append("names missing: " + ", ".join(chk.entities_missing))
    m = chk.measures
    if m.placeholders:
        errs.append("a placeholder instead of a translation")
    if m.unchanged or (m.content_words >= SEG_MIN_WORDS and m.copy_rate > SEG_COPY_MAX):
        errs.append(f"too much copied from the source ({m.copied} of {m.content_words} words): rewrite it in Darija")
    if m.msa_left:
        errs.append("too much MSA: " + ", ".join(dict.fromkeys(m.msa_left)))
    if m.tokens >= MIN_TOKENS_FOR_MARKER and m.markers == 0:
        errs.append("no Darija words found")
    if any(word_count(s) > 20 for s in sentences(text)):
        errs.append("a sentence is longer than 20 words")
    if regex.search(r"[\u06ad\u0763]", text):
        errs.append("uses ڭ or ݣ")
    if not regex.search(r"\p{Arabic}", text):
        errs.append("not in Arabic script")
    return errs


class LLMSimplifier:
    name: ClassVar[str] = "llm"

    @staticmethod
    def available() -> bool:
        return True  # configured per run; an unreachable endpoint falls back to rules

    def simplify(self, doc: Document, target_lang: str, ctx: RunContext) -> Simplification:
        opts = ctx.options.simplify.llm
        if not opts.base_url or not opts.model:
            raise OptionsError("The llm simplifier is not configured.",
                               hint="Set options.simplify.llm.base_url and .model (an OpenAI-compatible endpoint), or use the rules engine.")
        res = RulesSimplifier().simplify(doc, target_lang, ctx)
        # the translation memory (transform.simplify.reuse): segments it has are not sent; its closest approved pairs
        # follow the written examples, and the term base's entries found in a segment are listed in the prompt
        recall = recall_for(ctx, res.segments, floor=EXAMPLE_FLOOR)
        api_key = os.environ.get(opts.api_key_env) or None
        explanations = {e.explanation for e in resources().glossary if e.explanation}
        gl = {e.id: e for e in resources().glossary}
        fallback_all: str | None = None
        replaced: dict[str, tuple[list[str], str, list[str]]] = {}
        used = 0
        for seg in res.segments:
            if not regex.search(r"\p{L}", seg.source) or seg.role == "cell" or (recall and recall.exact_for(seg)):
                continue  # an approved translation in the memory replaces the segment after the engine
            expl = [t for _, t in seg.pieces if t in explanations]
            if fallback_all is not None:
                seg.reasons.append(fallback_all)
                continue
            terms = [gl[g] for g in glossary_hits(seg.source)]
            messages = [{"role": "system", "content": SYSTEM_PROMPT + "".join(f"\n- {e.terms[0]} -> {e.label}" for e in terms)
                         + prompt_terms(ctx, seg.source)}]
            for src, out in FEW_SHOT + (recall.example_pairs(seg) if recall else []):
                messages += [{"role": "user", "content": src}, {"role": "assistant", "content": out}]
            messages.append({"role": "user", "content": seg.source})
            answer, errs = "", ["no answer"]
            for _attempt in range(1 + opts.retries):
                try:
                    answer = house_orthography(" ".join(chat(opts.base_url, opts.model, messages, timeout=opts.timeout_s,
                                                             temperature=opts.temperature, api_key=api_key).split()))
                except EndpointUnreachable as exc:
                    fallback_all = f"LLM not used: {exc.message} The rules draft is kept."
                    ctx.warn("simplify.llm", exc.message, hint=exc.hint)
                    break
                except EngineError as exc:
                    errs = [exc.message]
                    break
                errs = gate_errors(seg.source, answer)
                if not errs:
                    break
                messages += [{"role": "assistant", "content": answer},
                             {"role": "user", "content": "Fix these errors and answer again: " + "; ".join(errs)}]
            if fallback_all is not None:
                seg.reasons.append(fallback_all)
                continue
            if errs:
                seg.reasons.append("LLM answer failed the gates (" + "; ".join(errs) + "): the rules draft is kept")
                seg.status = "needs_review" if seg.status == "ok" else seg.status
                continue
            used += 1
            pieces = sentences(answer) or [answer]
            chk = check_segment(seg.source, answer, speakable(answer))
            doubt = [r for r in seg.reasons if r.startswith("check against the source")]
            reasons = doubt + chk.reasons()
            status = CHECK_SOURCE if doubt else (NEEDS_REVIEW if reasons else OK)
            seg.metrics.update(chk.measures.as_dict())
            replaced[seg.id] = (pieces + expl, status, reasons)
        if replaced:
            _apply(res, replaced, f"llm:{opts.model}")
        if fallback_all is not None:
            for s in res.segments:
                if fallback_all not in s.reasons and regex.search(r"\p{L}", s.source) and s.role != "cell":
                    s.reasons.append(fallback_all)
        prov = {"engine": "llm" if used else "rules (llm fallback)", "model": opts.model, "endpoint": opts.base_url,
                "segments_from_llm": str(used), "label": "machine-generated, to be validated"}
        res.document.provenance.append(StageRecord(stage="simplify", engine="llm", notes=prov))
        res.warnings += [fallback_all] if fallback_all else []
        res.provenance = prov
        return res


def _apply(res: Simplification, replaced: dict[str, tuple[list[str], str, list[str]]], engine: str) -> None:
    by_id: dict[str, Segment] = {s.id: s for s in res.segments}
    first = {}
    for loc in iter_sentences(res.document):
        first.setdefault(loc.sentence.notes.get("segment", loc.sentence.id), loc.sentence)
    new: dict[str, list[Sentence]] = {}
    for seg_id, (pieces, status, reasons) in replaced.items():
        base, seg = first[seg_id], by_id[seg_id]
        source = seg.source  # a segment that had no Darija text has a notice as its first sentence
        seg.pieces, seg.status, new[seg_id] = [], status, []
        for i, p in enumerate(pieces):
            sid = seg_id if len(pieces) == 1 else seg_id + suffix(i)
            seg.pieces.append((sid, p))
            notes = {"speakable": speakable(p), "status": status, "segment": seg_id, "engine": engine, "variant": "machine-generated draft",
                     "source_lang": seg.source_lang}
            if i == 0:
                notes.update(reasons="; ".join(reasons), glossary=base.notes.get("glossary", ""), metrics=json.dumps(seg.metrics, ensure_ascii=False))
            new[seg_id].append(Sentence(id=sid, text=p, source_text=source, notes=notes))
        seg.speakable = " ".join(speakable(p) for p in pieces)
    replace_segments(res.document, new)


SIMPLIFIERS.register("llm", LLMSimplifier)
