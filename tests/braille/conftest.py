"""Fixtures for the braille tests."""

from __future__ import annotations

import pytest

from transform.model import Document

from .braille_docs import budget_doc

louis = pytest.importorskip("louis", reason="liblouis (python3-louis) is required for braille tests")

# decided when each test starts (tests/conftest.py): skipped, saying why, when the extension is not built or hidden
needs_speedups = pytest.mark.needs_speedups
needs_quiet_logger = pytest.mark.needs_quiet_logger


@pytest.fixture
def ar_doc() -> Document:
    return budget_doc("ar")


@pytest.fixture
def fr_doc() -> Document:
    return budget_doc("fr")
