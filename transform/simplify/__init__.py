"""Simplifier engines picked by name."""

from __future__ import annotations

from ..registry import Registry
from .base import Simplifier

SIMPLIFIERS: Registry[Simplifier] = Registry(
    "transform.simplifiers",
    builtins=("transform.simplify.identity", "transform.simplify.rules", "transform.simplify.llm"),
)

__all__ = ["SIMPLIFIERS", "Simplifier"]
