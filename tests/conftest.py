"""Shared fixtures. Test data lives in tests/resources/ and samples/.

``--no-extensions`` runs the session as if the optional compiled braille steps had not been
built (no C compiler at install): the loader ignores them (``TAYSIR_HIDE_EXTENSIONS=1``, which
child processes inherit), and the tests that need them skip, saying so.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import pytest

HIDE_ENV = "TAYSIR_HIDE_EXTENSIONS"  # transform.braille._louis.HIDE_ENV, set before transform is imported
if "--no-extensions" in sys.argv:
    os.environ[HIDE_ENV] = "1"

from transform.braille._louis import built_extension, load_quiet_logging, speedups  # noqa: E402

NOT_BUILT = ("is not built (no C compiler when the package was installed: run scripts/setup.sh) or is hidden "
             "(--no-extensions / TAYSIR_HIDE_EXTENSIONS=1)")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--no-extensions", action="store_true",
                     help="hide the compiled braille steps (transform/braille/*.c) as if they were not built")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--no-extensions"):
        os.environ[HIDE_ENV] = "1"
    config.addinivalue_line("markers", "needs_speedups: needs the compiled braille steps (transform/braille/_speed.c)")
    config.addinivalue_line("markers", "needs_quiet_logger: needs the quiet liblouis logger (transform/braille/_louis_quiet.c)")
    # before any test module imports louis: liblouis binds its debug logger when it is loaded
    load_quiet_logging()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # schemathesis names each API operation's item ``test[GET /path]``, but under pytest 9 (node ids built from
    # ``originalname`` and a callspec schemathesis does not set) they all share the function's node id, and
    # pytest-xdist, which tells tests apart by node id, would run one operation of each: give each its own
    for item in items:
        name = item.name
        if type(item).__name__ == "SchemathesisFunction" and name.endswith("]") and not item.nodeid.endswith("]"):
            item._id = item.parent.id.child(item.originalname).with_params(name[name.index("[") + 1:-1])  # type: ignore[attr-defined, union-attr]
    shared = [nodeid for nodeid, n in Counter(item.nodeid for item in items).items() if n > 1]
    if shared:  # pytest-xdist would run one test of each: say so instead of dropping tests in silence
        raise pytest.UsageError(f"{len(shared)} node ids are shared by several tests, e.g. {shared[0]}: give each test its own id")


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("needs_speedups") and speedups() is None:
        pytest.skip(f"transform/braille/_speed.c {NOT_BUILT}: the Python steps it replaces run, and are tested")
    if item.get_closest_marker("needs_quiet_logger") and built_extension("_louis_quiet") is None:
        pytest.skip(f"transform/braille/_louis_quiet.c {NOT_BUILT}: liblouis runs as shipped")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RESOURCES = Path(__file__).resolve().parent / "resources"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def resources_dir() -> Path:
    return RESOURCES

