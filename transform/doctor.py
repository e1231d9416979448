"""What this installation can do: external tools, liblouis tables, engines and outputs.

Used by ``taysir doctor`` and by the service's ``/ready``; both report from the same probes.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from ._exec import PROBES
from .errors import MissingDependencyError


def _louis() -> dict[str, Any]:
    try:
        louis = import_module("transform.braille.tables").louis_module()
        speed = import_module("transform.braille._louis")
        quiet, compiled = speed.quiet_logging(), speed.speedups() is not None
    except (ImportError, MissingDependencyError):
        return {"ok": False, "detail": "python3-louis is not importable (run scripts/setup.sh)"}
    # quiet_logging: liblouis skips its per-call debug hex dump (transform/braille/_louis_quiet.c);
    # compiled_steps: the per-paragraph steps in C (transform/braille/_speed.c); both optional,
    # "extensions" says why one is not in use (not built, hidden, turned off)
    out: dict[str, Any] = {"ok": True, "version": louis.version(), "quiet_logging": quiet, "compiled_steps": compiled,
                           "extensions": speed.extension_states()}
    try:
        tables = import_module("transform.braille.tables")
        check = getattr(tables, "check_all", None)
        if check is not None:
            problems = check()
            out["tables_ok"] = not problems
            if problems:
                out["ok"] = False
                out["detail"] = f"table problems: {problems}"
    except ImportError:
        pass
    return out


def report() -> dict[str, dict[str, Any]]:
    """One entry per dependency: ``{"ok": bool, "version": str | None, "required": bool, "detail": ...}``.

    Every external program of ``transform._exec`` is listed; an optional one that is missing
    (``required`` false) is reported with its install hint and stays ``ok``.
    """
    out: dict[str, dict[str, Any]] = {}
    for name, probe in PROBES.items():
        v = probe.version()
        out[name] = {"ok": v is not None or not probe.required, "version": v, "required": probe.required}
        if v is None:
            out[name]["detail"] = f"{'not' if probe.required else 'optional, not'} installed: {probe.install_hint}"
    out["liblouis"] = _louis()
    return out


def registries() -> dict[str, dict[str, bool]]:
    """Available engines per registry (name -> usable here)."""
    from .render import RENDERERS
    from .simplify import SIMPLIFIERS

    regs: dict[str, dict[str, bool]] = {"outputs": RENDERERS.available(), "simplifiers": SIMPLIFIERS.available()}
    try:
        tts = import_module("transform.audio.engines")
        regs["tts"] = tts.TTS_ENGINES.available()
    except (ImportError, AttributeError):
        pass
    try:
        regs["braille"] = import_module("transform.braille.tables").availability()
    except (ImportError, AttributeError):
        pass
    return regs
