"""Fixtures for the video tests (see _narration.py for how the narration is made)."""

from __future__ import annotations

import pytest

from ._narration import AR, FR, Narration, narrate, require_tools


@pytest.fixture(scope="session")
def fr_narration(tmp_path_factory: pytest.TempPathFactory) -> Narration:
    require_tools()
    return narrate(tmp_path_factory.mktemp("fr"), "fr", "fr", FR)


@pytest.fixture(scope="session")
def ar_narration(tmp_path_factory: pytest.TempPathFactory) -> Narration:
    require_tools()
    return narrate(tmp_path_factory.mktemp("ar"), "ar", "ar", AR)
