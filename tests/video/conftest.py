"""Fixtures for the video tests (see _narration.py for how the narration is made)."""

from __future__ import annotations

import pytest

from ._narration import AR, FR, FR_SHORT, Narration, narrate, require_tools


@pytest.fixture(scope="session")
def fr_narration(tmp_path_factory: pytest.TempPathFactory) -> Narration:
    require_tools()
    return narrate(tmp_path_factory.mktemp("fr"), "fr", "fr", FR)


@pytest.fixture(scope="session")
def ar_narration(tmp_path_factory: pytest.TempPathFactory) -> Narration:
    require_tools()
    return narrate(tmp_path_factory.mktemp("ar"), "ar", "ar", AR)


@pytest.fixture(scope="session")
def fr_short_narration(tmp_path_factory: pytest.TempPathFactory) -> Narration:
    """About 3.5 s: keeps the overlay tests (25 fps re-encodes) short."""
    require_tools()
    return narrate(tmp_path_factory.mktemp("frs"), "fr", "fr", FR_SHORT)
