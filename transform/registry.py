"""Small typed registries: engines and renderers are picked by name."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from .errors import OptionsError

T = TypeVar("T")
log = logging.getLogger("transform.registry")


class Registry(Generic[T]):
    """Name -> factory. ``create`` raises :class:`OptionsError` listing known names."""

    def __init__(self, group: str, *, builtins: tuple[str, ...] = ()) -> None:
        self.group = group
        self._factories: dict[str, Callable[..., T]] = {}
        self._builtins = builtins  # modules imported lazily that register themselves
        self._loaded = False
        self._lock = threading.RLock()  # the first use imports the builtins; others wait for it
        self._loading_thread: int | None = None
        self.broken: dict[str, str] = {}  # module -> why it could not be imported

    def _load(self) -> None:
        """Import the builtin modules once. Marked loaded only when every import has been tried, and
        other threads wait meanwhile: a worker whose threads start together with jobs queued must
        never see a half-filled registry (issue 21). A module that uses the registry while it is
        being imported (same thread) sees what is registered so far instead of deadlocking."""
        if self._loaded:
            return
        with self._lock:
            if self._loaded or self._loading_thread == threading.get_ident():
                return
            self._loading_thread = threading.get_ident()
            try:
                for mod in self._builtins:
                    try:
                        import_module(mod)
                    except ModuleNotFoundError as exc:
                        if exc.name is not None and mod.startswith(exc.name):
                            continue  # a feature package not present in this build
                        self._broken(mod, exc)
                    except Exception as exc:  # noqa: BLE001 - one broken feature must not hide the others
                        self._broken(mod, exc)
                self._loaded = True
            finally:
                self._loading_thread = None

    def _broken(self, mod: str, exc: BaseException) -> None:
        self.broken[mod] = f"{type(exc).__name__}: {exc}"
        log.error("%s: cannot load %s: %s", self.group, mod, self.broken[mod])

    def register(self, name: str, factory: Callable[..., T], *, replace: bool = False) -> None:
        if name in self._factories and not replace and self._factories[name] is not factory:
            raise ValueError(f"{self.group}: {name!r} is already registered")
        self._factories[name] = factory

    def create(self, name: str, **options: Any) -> T:
        return self.get(name)(**options)

    def get(self, name: str) -> Callable[..., T]:
        self._load()
        try:
            return self._factories[name]
        except KeyError:
            known = ", ".join(sorted(self._factories)) or "none"
            broken = f" (not loaded because of errors: {', '.join(self.broken)})" if self.broken else ""
            raise OptionsError(f"Unknown {self.group} {name!r}{broken}.", hint=f"Choose one of: {known}.") from None

    def names(self) -> list[str]:
        self._load()
        return sorted(self._factories)

    def __contains__(self, name: object) -> bool:
        self._load()
        return name in self._factories

    def available(self) -> dict[str, bool]:
        """Which entries can run here (a factory may expose ``available()``)."""
        self._load()
        out: dict[str, bool] = {}
        for name, factory in sorted(self._factories.items()):
            probe = getattr(factory, "available", None)
            try:
                out[name] = bool(probe()) if callable(probe) else True
            except Exception:  # noqa: BLE001 - a probe must never break listing
                out[name] = False
        return out

    def load_entry_points(self) -> None:
        """Register third-party plugins declared under this registry's entry-point group."""
        for ep in entry_points(group=self.group):
            self.register(ep.name, ep.load(), replace=True)
