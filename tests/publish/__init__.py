"""Publication tests (HTML, EPUB, DOCX, bundle).

Importing this package puts the repository root on ``sys.path`` so that the shared
browser helper imports as ``tests.browser`` however pytest was started.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
