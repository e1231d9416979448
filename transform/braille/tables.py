"""Braille tables are data: ``braille_tables/index.toml`` maps language + grade to liblouis tables.

Resolution order for a table name: ``TAYSIR_BRAILLE_TABLES`` (a directory, for
operators who ship their own tables), the packaged ``braille_tables/`` directory
(found with importlib.resources, so it works from an installed wheel), then the
system liblouis tables directory (liblouis searches it itself, so system names
are passed through unchanged).
"""

from __future__ import annotations

import os
import threading
import tomllib
from contextlib import ExitStack
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import LanguageNotSupportedError, MissingDependencyError, OptionsError
from ._louis import load_quiet_logging
from .options import BrailleOptions

ENV_DIR = "TAYSIR_BRAILLE_TABLES"
# liblouis keeps shared state (compiled tables, translation buffers): every call in Taysir holds this lock,
# so a startup check (/ready, taysir doctor) never runs inside a translation on another thread
LOUIS_LOCK = threading.Lock()
_STACK = ExitStack()  # keeps an extracted package directory alive for the process (zip imports)


def louis_module() -> Any:
    """Import the liblouis bindings (Debian's python3-louis) or raise a typed error.

    Every import of ``louis`` in Taysir goes through here, so that the quiet debug logger
    (``_louis.load_quiet_logging``) is in place before liblouis is loaded.
    """
    load_quiet_logging()
    try:
        import louis
    except ImportError:  # pragma: no cover - depends on the system
        raise MissingDependencyError(
            "liblouis is not available to Python (module 'louis').",
            hint="Install liblouis-bin liblouis-data python3-louis (scripts/setup.sh links 'louis' into the venv); never pip install louis.",
        ) from None
    return louis


@lru_cache(maxsize=1)
def package_dir() -> Path:
    """The packaged ``braille_tables`` directory as a real path."""
    ref = resources.files("braille_tables")
    return Path(_STACK.enter_context(resources.as_file(ref)))


@lru_cache(maxsize=1)
def load_index() -> dict[str, dict[str, list[str]]]:
    """The parsed ``index.toml``: ``{lang: {grade: [table, ...]}}``."""
    data = tomllib.loads((package_dir() / "index.toml").read_text(encoding="utf-8"))
    return {lang: {grade: list(names) for grade, names in grades.items()} for lang, grades in data.items()}


def _system_dirs() -> list[Path]:
    cands = [*os.environ.get("LOUIS_TABLEPATH", "").split(","), "/usr/share/liblouis/tables", "/usr/local/share/liblouis/tables"]
    return [Path(c) for c in cands if c and Path(c).is_dir()]


def resolve_name(name: str) -> str:
    """A table name as liblouis should receive it: an absolute path for our tables, else the name."""
    override = os.environ.get(ENV_DIR)
    if override and (Path(override) / name).is_file():
        return str(Path(override) / name)
    ours = package_dir() / name
    if ours.is_file():
        return str(ours)
    if Path(name).is_absolute():
        return name
    dirs = _system_dirs()
    if dirs and not any((d / name).is_file() for d in dirs):
        raise MissingDependencyError(
            f"The braille table {name!r} is neither in braille_tables/ nor in {', '.join(map(str, dirs))}.",
            hint="Install liblouis-data, or fix braille_tables/index.toml / the 'tables' braille option.",
        )
    return name


def base_key(lang: str) -> str:
    """Index key of a BCP-47 tag: ``ar-MA`` -> ``ar``; Darija stays ``ary``."""
    return lang.split("-")[0].lower()


def supported_langs() -> list[str]:
    return sorted(load_index())


def table_names(lang: str, options: BrailleOptions | None = None) -> list[str]:
    """Table names (unresolved) for a language with the options' grade or override."""
    options = options or BrailleOptions()
    key = base_key(lang)
    if key in options.tables:
        return list(options.tables[key])
    index = load_index()
    if key not in index:
        raise LanguageNotSupportedError(
            f"No braille table for language {lang!r}.", hint=f"Supported: {', '.join(supported_langs())}; or set the braille option 'tables'."
        )
    grade = options.grade_for(key)
    if grade not in index[key]:
        raise OptionsError(f"No {grade!r} braille table for {key!r}.", hint=f"Choose one of: {', '.join(sorted(index[key]))}.")
    return list(index[key][grade])


def tables_for(lang: str, options: BrailleOptions | None = None) -> tuple[str, ...]:
    """Resolved table list for liblouis (tuple, usable as a cache key)."""
    return tuple(resolve_name(n) for n in table_names(lang, options))


def check_tables(tables: tuple[str, ...] | list[str]) -> str | None:
    """``None`` when liblouis compiles the table list, else the problem in words."""
    louis = louis_module()
    try:
        with LOUIS_LOCK:
            louis.checkTable(list(tables))
    except RuntimeError as exc:
        return f"liblouis cannot compile {', '.join(tables)}: {exc}"
    return None


def check_all() -> list[str]:
    """Compile every index entry once (startup check for /ready and ``taysir doctor``).

    Returns the problems found; an empty list means every table is usable. The
    Moroccan table is also checked to braille its added letters without escapes.
    """
    problems: list[str] = []
    for lang, grades in load_index().items():
        for grade, names in grades.items():
            try:
                resolved = tuple(resolve_name(n) for n in names)
            except MissingDependencyError as exc:
                problems.append(f"{lang}/{grade}: {exc.message}")
                continue
            err = check_tables(resolved)
            if err:
                problems.append(f"{lang}/{grade}: {err}")
            elif any(n.startswith("ar-ma") for n in names):
                with LOUIS_LOCK:
                    out = louis_module().translateString(list(resolved), "ڭ ݣ ڤ پ گ")
                if "\\" in out:
                    problems.append(f"{lang}/{grade}: the Moroccan letters come out as escape codes ({out!r})")
    return problems


def availability() -> dict[str, bool]:
    """``{"ar/g1": True, "fr/g2": True, ...}``: which index entries compile here (for /v1/engines)."""
    out: dict[str, bool] = {}
    for lang, grades in load_index().items():
        for grade, names in grades.items():
            try:
                out[f"{lang}/{grade}"] = check_tables(tuple(resolve_name(n) for n in names)) is None
            except MissingDependencyError:
                out[f"{lang}/{grade}"] = False
    return out
