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


class MemoryOptions(BaseModel):
    """Translation memory and term base (transform/simplify/memory.py, reuse.py). The service uses its own store."""

    tmx: str | None = None  # the memory of the library and the CLI: a TMX file (approvals with --memory add to it)
    termbase: str | None = None  # a term base file (TSV or TBX) laid over the built-in glossary
    reuse: bool = True  # exact matches become the segment's Darija text (status from_memory)
    fuzzy: bool = True  # similar approved segments are offered to the reviewer (never applied)
    min_similarity: float = Field(75.0, ge=50.0, le=100.0)  # percent (rapidfuzz ratio of the normalised sources)


class SimplifyOptions(BaseModel):
    engine: str = "rules"  # rules | llm | identity
    agent: str = "الجهة"  # who acts in rewritten passives ("سيتم بناء" -> "الجهة غادي تبني")
    arabic_source: str | None = None  # path of the Arabic version of a French document (aligned, then simplified)
    llm: LLMOptions = LLMOptions()
    memory: MemoryOptions = MemoryOptions()
