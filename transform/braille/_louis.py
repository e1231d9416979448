"""A lean ``lou_translate`` call: reuses buffers and reads back only the positions it needs.

python-louis's ``translate`` allocates fresh buffers on every call and converts
both position arrays (one entry per character) to Python lists; for
per-paragraph translation of a whole document that costs more than liblouis
itself. This wrapper uses the same library handle and string encoding as
python-louis, with a ``lou_translate`` function object of its own (no per-argument
converters) and an output buffer read back through a memoryview.

:func:`load_quiet_logging` loads ``_louis_quiet`` (see its C source) before liblouis,
so that liblouis stops formatting a hex dump of every input it will never log.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from typing import Any

QUIET_ENV = "TAYSIR_LOUIS_QUIET"
SPEEDUPS_ENV = "TAYSIR_BRAILLE_SPEEDUPS"
HIDE_ENV = "TAYSIR_HIDE_EXTENSIONS"  # "1": behave as if the optional extensions were not built (tests, comparisons)
_quiet: bool | None = None  # None: not decided yet; then whether the quiet logger is in place
_quiet_state = "not loaded yet"


def extensions_hidden() -> bool:
    return os.environ.get(HIDE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def built_extension(module: str) -> str | None:
    """Path of the built extension ``module`` of this package, or None (not built, or hidden)."""
    if extensions_hidden():
        return None
    spec = importlib.util.find_spec(f"{__package__}.{module}")
    if spec is None or not spec.origin or not spec.origin.endswith(".so"):
        return None
    return spec.origin


def load_quiet_logging() -> bool:
    """Put the quiet ``_lou_logWidecharBuf`` in place; True when liblouis will use it.

    Must run before liblouis is loaded (``import louis``): liblouis binds its symbols when it
    is loaded. Off with ``TAYSIR_LOUIS_QUIET=0``; unavailable when the optional extension was
    not built (no C compiler at install) - liblouis then runs as shipped. Idempotent.
    """
    global _quiet, _quiet_state
    if _quiet is not None:
        return _quiet
    _quiet = False
    origin = built_extension("_louis_quiet")
    if _off(QUIET_ENV):
        _quiet_state = f"off ({QUIET_ENV}=0)"
    elif origin is None:
        _quiet_state = "hidden" if extensions_hidden() else "not built"
    elif "louis" in sys.modules:  # liblouis is already bound to its own logger
        _quiet_state = "too late (liblouis was loaded first)"
    else:
        try:
            ctypes.CDLL(origin, mode=ctypes.RTLD_GLOBAL)
        except OSError as exc:
            _quiet_state = f"not loadable ({exc})"
        else:
            _quiet, _quiet_state = True, "in use"
    return _quiet


def _off(name: str) -> bool:
    return os.environ.get(name, "1").strip().lower() in ("0", "false", "no", "off")


def speedups() -> Any:
    """The compiled per-paragraph steps (``_speed``, see its C source), or None.

    None when the optional extension was not built (no C compiler at install) or
    ``TAYSIR_BRAILLE_SPEEDUPS=0``: the Python code then does the same work, more slowly.
    """
    if _off(SPEEDUPS_ENV) or built_extension("_speed") is None:
        return None
    try:
        from . import _speed  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _speed


def extension_states() -> dict[str, str]:
    """What ``taysir doctor`` says about the optional compiled steps: in use, not built, hidden, off..."""
    if _off(SPEEDUPS_ENV):
        speed = f"off ({SPEEDUPS_ENV}=0)"
    elif built_extension("_speed") is None:
        speed = "hidden" if extensions_hidden() else "not built (no C compiler at install: the Python steps run)"
    else:
        speed = "in use" if speedups() is not None else "not loadable"
    return {"compiled_steps": speed, "quiet_logger": _quiet_state}


def quiet_logging() -> bool:
    """Whether this process's liblouis skips the debug hex dumps (see :func:`load_quiet_logging`)."""
    return bool(_quiet)


class LouisTranslator:
    """Translate with reusable buffers (one instance per engine; not shared between threads)."""

    def __init__(self, louis: Any) -> None:
        self.lib = louis.liblouis
        self.encoding: str = louis.conversionEncoding
        self.wcb: int = louis.wideCharBytes
        self.mult: int = louis.outlenMultiplier
        self.fs = sys.getfilesystemencoding()
        self._cap = 0
        self._buf = bytearray()  # output cells; read back through a memoryview (no ctypes copy)
        self._out: Any = None  # a ctypes view of _buf, passed to liblouis
        self._view = memoryview(self._buf)
        self._pos: Any = None
        self._table_bytes: dict[tuple[str, ...], bytes] = {}
        # a function object of our own, without python-louis's argtypes: ctypes then passes bytes, ctypes
        # arrays, byref() and int as they are, which saves a converter call per argument
        self._call = self.lib["lou_translate"]
        self._call.restype = ctypes.c_int
        self._inlen, self._outlen = ctypes.c_int(0), ctypes.c_int(0)
        self._inref, self._outref = ctypes.byref(self._inlen), ctypes.byref(self._outlen)
        speed = speedups() if self.wcb == 4 else None  # the C step reads and writes 32-bit liblouis widechars
        if speed is not None:
            self._c_translate = speed.translate
            self._address = ctypes.cast(self._call, ctypes.c_void_p).value
            self.translate = self._translate_c  # type: ignore[method-assign]

    def _ensure(self, inlen: int) -> None:
        need = inlen * self.mult
        if need > self._cap:
            self._cap = max(need, 4096)
            self._view.release()
            self._buf = bytearray(self._cap * self.wcb)
            self._out = (ctypes.c_char * len(self._buf)).from_buffer(self._buf)
            self._view = memoryview(self._buf)
            self._pos = (ctypes.c_int * (self._cap // self.mult + 1))()

    def tables(self, tables: tuple[str, ...]) -> bytes:
        b = self._table_bytes.get(tables)
        if b is None:
            b = self._table_bytes[tables] = b",".join(t.encode(self.fs) for t in tables)
        return b

    def _translate_c(self, tables: tuple[str, ...], text: str, mode: int, starts: list[int] | None = None) -> tuple[str, list[int]]:
        """:meth:`translate` in one call of the compiled ``_speed.translate`` (same liblouis function)."""
        out = self._c_translate(self._address, self._table_bytes.get(tables) or self.tables(tables), text, mode, self.mult, starts)
        if out is None:
            raise RuntimeError(f"liblouis could not translate with {', '.join(tables)}")
        return out

    def translate(self, tables: tuple[str, ...], text: str, mode: int, starts: list[int] | None = None) -> tuple[str, list[int]]:
        """Braille of ``text``; with ``starts`` (input offsets), the output offset of each.

        Replaced per instance by :meth:`_translate_c` when the compiled steps are available.
        """
        inbuf = text.encode(self.encoding, "surrogatepass")
        n = len(inbuf) // self.wcb
        if n * self.mult > self._cap:
            self._ensure(n)
        inlen, outlen = self._inlen, self._outlen
        inlen.value = n
        outlen.value = n * self.mult
        pos = self._pos if starts else None
        ok = self._call(self._table_bytes.get(tables) or self.tables(tables), inbuf, self._inref, self._out, self._outref, None, None, pos, None, None, mode)
        if not ok:
            raise RuntimeError(f"liblouis could not translate with {', '.join(tables)}")
        cells = str(self._view[: outlen.value * self.wcb], self.encoding, "surrogatepass")
        if not starts or pos is None:
            return cells, []
        return cells, [pos[s] if s < n else outlen.value for s in starts]
