"""The LLM engine takes the memory's closest approved pairs and the term base's entries as examples, and does not
ask the model for what the memory already has (fake OpenAI-compatible server on 127.0.0.1)."""

from __future__ import annotations

from pathlib import Path

from transform.options import TransformOptions
from transform.simplify.memory import ListMemory, MemoryEntry
from transform.simplify.stage import simplify_track
from transform.simplify.termbase import Term

from .conftest import ctx_for, make_doc
from .test_llm import TEXT, FakeModel, server  # noqa: F401 - the fixture

APPROVED = MemoryEntry("سيتم إحداث 10 مراكز صحية بإقليم خنيفرة خلال سنة 2024.", "ar", "الجهة غادي تبني 10 د المراكز الصحية ف خنيفرة ف 2024.",
                       approved_by="Amina", approved_at="2026-01-10T09:00:00Z")
EXACT = MemoryEntry("تبلغ ميزانية الجهة 2,8 مليار درهم.", "ar", "الجهة عندها ميزانية ديال 2 مليار و 800 مليون درهم.",
                    approved_by="Amina", approved_at="2026-01-10T09:00:00Z")
TERM = Term("health_center", "ar", ("مركز صحي", "مركزا صحيا", "مراكز صحية"), "السبيطار الصغير", "السبيطار الصغير فيه طبيب وممرضين ديال الحومة.")


def test_llm_prompt_has_memory_pairs_and_term_base(tmp_path: Path, server: str) -> None:  # noqa: F811
    FakeModel.mode = "good"
    opts = TransformOptions(outputs=["darija"])
    opts.simplify.engine = "llm"
    opts.simplify.llm.base_url, opts.simplify.llm.model = server, "fake-darija"
    ctx = ctx_for(tmp_path, opts)
    ctx.document = make_doc(tmp_path, TEXT)
    ctx.memory = ListMemory([APPROVED, EXACT], terms=[TERM])
    sim = simplify_track(ctx, "ary")
    assert sim is not None
    sent = [m for call in FakeModel.calls for m in call["messages"]]
    users = [m["content"] for call in FakeModel.calls for m in call["messages"][-1:]]
    assert all("ميزانية" not in u for u in users)  # the approved translation is reused, the model is not asked
    assert any("أزيلال" in u for u in users)
    system = FakeModel.calls[0]["messages"][0]["content"]
    assert "Terms approved by the council's staff" in system and "السبيطار الصغير" in system and TERM.explanation in system
    pairs = [(a["content"], b["content"]) for a, b in zip(sent, sent[1:], strict=False) if a["role"] == "user" and b["role"] == "assistant"]
    assert (APPROVED.source, APPROVED.target) in pairs  # the closest approved pair is an example
    statuses = {s.source: s.status for s in sim.segments}
    assert statuses[EXACT.source] == "from_memory"
    assert sim.provenance["engine"] == "llm" and "1 of 2 segments from the translation memory" in sim.provenance["memory"]
