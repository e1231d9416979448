"""Fixtures for the braille tests."""

from __future__ import annotations

import pytest

from transform.model import Document

from .braille_docs import budget_doc

louis = pytest.importorskip("louis", reason="liblouis (python3-louis) is required for braille tests")


@pytest.fixture
def ar_doc() -> Document:
    return budget_doc("ar")


@pytest.fixture
def fr_doc() -> Document:
    return budget_doc("fr")
