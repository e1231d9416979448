"""Options of simplification (owned by the simplify module)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class LLMOptions(BaseModel):
    """An OpenAI-compatible chat endpoint (llama.cpp server, vLLM, Ollama, a commercial API). Off unless set."""

    base_url: str = ""  # e.g. http://127.0.0.1:8080/v1 ; empty = not configured
    model: str = ""
    api_key_env: str = "TAYSIR_LLM_API_KEY"  # the key is read from this environment variable, never from options
    timeout_s: float = Field(30.0, gt=0)
    temperature: float = 0.0
    retries: int = Field(1, ge=0, le=3)  # retries with the list of gate failures before falling back to rules


class SimplifyOptions(BaseModel):
    engine: str = "rules"  # rules | llm | identity
    agent: str = "الجهة"  # who acts in rewritten passives ("سيتم بناء" -> "الجهة غادي تبني")
    arabic_source: str | None = None  # path of the Arabic version of a French document (aligned, then simplified)
    llm: LLMOptions = LLMOptions()
