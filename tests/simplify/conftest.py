"""Helpers for the simplify tests: build real Documents through the real ingest + structure stages."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform.context import RunContext
from transform.ingest import ingest
from transform.model import Document
from transform.options import TransformOptions
from transform.structure import build_structure

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
REFSET = ROOT / "tests" / "darija_refset"

MSA_TEXT = """# ميزانية الجهة لسنة 2026

تبلغ ميزانية الجهة لسنة 2026 ما مجموعه 2,8 مليار درهم.

سيتم إحداث 12 مركزا صحيا بإقليم أزيلال خلال سنة 2025، وتوفير النقل المدرسي لفائدة 3000 تلميذ في المناطق الجبلية بإقليم خنيفرة.

وقد صادق المجلس بالإجماع على اتفاقية شراكة مع المكتب الوطني للكهرباء والماء الصالح للشرب (ONEE) لتزويد 45 دوارا بالماء الصالح للشرب.

- تم إنجاز 60% من أشغال الطريق الرابطة بين خنيفرة ومريرت.
- تنعقد الدورة العادية للمجلس يوم 15/03/2026.
"""


def make_doc(tmp_path: Path, text: str, name: str = "doc.md") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ctx = RunContext(options=TransformOptions(), out_dir=tmp_path / "out", stem=path.stem, source=path)
    return build_structure(ingest(path, ctx))


def ctx_for(tmp_path: Path, options: TransformOptions | None = None) -> RunContext:
    return RunContext(options=options or TransformOptions(), out_dir=tmp_path, stem="doc")


@pytest.fixture
def msa_doc(tmp_path: Path) -> Document:
    return make_doc(tmp_path, MSA_TEXT)


def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.docx"))
