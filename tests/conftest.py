"""Shared fixtures. Test data lives in tests/resources/ and samples/."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.braille._louis import load_quiet_logging

# before any test module imports louis: liblouis binds its debug logger when it is loaded
load_quiet_logging()

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RESOURCES = Path(__file__).resolve().parent / "resources"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def resources_dir() -> Path:
    return RESOURCES

