"""Options of simplification (owned by the simplify module)."""

from __future__ import annotations

from pydantic import BaseModel


class LLMOptions(BaseModel):
    base_url: str = ""
    model: str = ""
    api_key_env: str = "TAYSIR_LLM_API_KEY"
    timeout_s: float = 30.0


class SimplifyOptions(BaseModel):
    engine: str = "rules"
    agent: str = "الجهة"
    llm: LLMOptions = LLMOptions()
