"""The term base: staff's glossary entries change the next drafts, and only the runs that use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from transform import convert
from transform.cli import main
from transform.options import TransformOptions
from transform.simplify import tmx
from transform.simplify.data import builtin_resources, resources
from transform.simplify.memory import ListMemory
from transform.simplify.msa import DocState, simplify_sentence
from transform.simplify.review import load_document, segments
from transform.simplify.termbase import DERIVED, Term, active_terms, clean_term, effective, problems, relevant

AGENCY = "أعدت الوكالة الحضرية لبني ملال تصميم التهيئة الجديد للمدينة."
AGENCY_TERM = Term("urban_agency", "ar", ("الوكالة الحضرية",), "الإدارة ديال التعمير",
                   "الإدارة ديال التعمير هي اللي كتراقب البني ف المدن.")
BUDGET = "صادق المجلس على الميزانية بالإجماع."


def _draft(tmp_path: Path, name: str, text: str, termbase: Path | None = None) -> str:
    src = tmp_path / f"{name}.md"
    src.write_text(text, encoding="utf-8")
    opts = TransformOptions(outputs=["darija"])
    if termbase is not None:
        opts.simplify.memory.termbase = str(termbase)
    res = convert(src, opts, tmp_path / "out")
    assert res.status.value == "success", res.errors
    return " ".join(s.text for s in segments(load_document(Path(res.output_dir) / f"{name}.ary.draft.json")))


def _termbase(tmp_path: Path, *terms: Term) -> Path:
    path = tmp_path / "terms.tsv"
    path.write_bytes(tmx.write_terms_tsv([clean_term(t) for t in terms]))
    return path


def test_a_new_term_changes_the_next_draft_and_only_that_run(tmp_path: Path) -> None:
    before = _draft(tmp_path, "a", AGENCY)
    assert "الإدارة ديال التعمير" not in before
    after = _draft(tmp_path, "b", AGENCY, _termbase(tmp_path, AGENCY_TERM))
    assert "الإدارة ديال التعمير" in after  # the wording, at its place
    assert AGENCY_TERM.explanation in after  # and the explanation after its first use
    # the run is over: the built-in glossary again, everywhere (no leak into later work in this process)
    assert resources() is builtin_resources()
    assert "الإدارة ديال التعمير" not in " ".join(simplify_sentence(AGENCY, DocState()).pieces)
    assert "الإدارة ديال التعمير" not in _draft(tmp_path, "c", AGENCY)


def test_a_term_base_entry_replaces_or_hides_a_builtin_entry(tmp_path: Path) -> None:
    builtin = next(e for e in builtin_resources().glossary if e.id == "budget")
    plain = _draft(tmp_path, "a", BUDGET)
    assert builtin.explanation in plain
    edited = Term("budget", "ar", ("الميزانية",), "الحساب ديال الفلوس", "الحساب ديال الفلوس هو اللي كيبين المداخيل والمصاريف ف العام.")
    text = _draft(tmp_path, "b", BUDGET, _termbase(tmp_path, edited))
    assert "الحساب ديال الفلوس" in text and edited.explanation in text and builtin.explanation not in text
    hidden = Term("budget", "ar", builtin.terms, builtin.label, "", active=False)
    assert builtin.explanation not in _draft(tmp_path, "c", BUDGET, _termbase(tmp_path, hidden))


def test_a_new_entry_takes_over_a_builtin_term(tmp_path: Path) -> None:
    own = clean_term(Term("", "ar", ("الميزانية",), "الحساب ديال الجهة", "الحساب ديال الجهة فيه الفلوس اللي كتدخل وكتخرج."))
    text = _draft(tmp_path, "a", BUDGET, _termbase(tmp_path, own))
    assert "الحساب ديال الجهة" in text
    listed = effective([own])
    assert own in listed and not any(t.id == "budget" for t in listed)  # its only term was taken over


def test_a_french_term_changes_the_french_templates(tmp_path: Path) -> None:
    text = "# Budget\n\n- Centres de santé : 12 millions de dirhams\n"
    plain = _draft(tmp_path, "a", text)
    assert "المركز الصحي" in plain
    term = Term("", "fr", ("centres de santé", "centre de santé"), "المستوصف", plural="المستوصفات")
    changed = _draft(tmp_path, "b", text, _termbase(tmp_path, term))
    assert "المستوصف" in changed and "المركز الصحي" not in changed and "12 مليون درهم" in changed
    listed = effective([clean_term(term)])  # the glossary page shows the staff wording, not the built-in one
    assert [t.darija for t in listed if "centre de santé" in t.terms] == ["المستوصف"]


def test_entries_are_checked() -> None:
    ok = clean_term(Term("", "ar", (" الوكالة   الحضرية ",), "الإدارة ديال التعمير", "الإدارة اللي كتراقب البني"))
    assert problems(ok) == [] and ok.terms == ("الوكالة الحضرية",) and ok.explanation.endswith(".") and ok.id.startswith("ar-")
    assert clean_term(Term("x", "ar", ("المنطقة",), "ڭاع المنطقة")).darija == "گاع المنطقة"  # braille-safe letter (guide §3.1)
    assert any("Arabic script" in p for p in problems(clean_term(Term("x", "ar", ("الوكالة",), "agence urbaine"))))
    long_expl = " ".join(["كلمة"] * 13)
    assert any("at most 12" in p for p in problems(clean_term(Term("x", "ar", ("الوكالة",), "الإدارة", long_expl))))
    assert any("no Arabic letters" in p for p in problems(clean_term(Term("x", "ar", ("agence",), "الإدارة"))))
    assert problems(clean_term(Term("x", "ar", ("ONEE",), "المكتب الوطني ديال الكهرباء والما"))) == []  # an acronym
    assert any("not ar" in p for p in problems(clean_term(Term("x", "en", ("agency",), "الإدارة"))))
    assert any("id" in p for p in problems(clean_term(Term("a b/c", "ar", ("الوكالة",), "الإدارة"))))


def test_terms_files_round_trip(tmp_path: Path) -> None:
    terms = [clean_term(AGENCY_TERM), clean_term(Term("", "fr", ("centre de santé",), "المستوصف", plural="المستوصفات")),
             clean_term(Term("budget", "ar", ("الميزانية",), "الميزانية", active=False))]
    assert tmx.read_terms_tsv(tmx.write_terms_tsv(terms)).terms == terms
    tbx = tmx.write_tbx(terms)
    assert b'<conceptEntry id="urban_agency">' in tbx and b'<descrip type="definition">' in tbx
    assert tmx.read_tbx(tbx).terms == [t for t in terms if t.active]  # hidden entries are not exported to TBX
    v2 = """<martif type="TBX"><text><body><termEntry id="e1">
      <langSet xml:lang="ar"><tig><term>الوكالة الحضرية</term></tig></langSet>
      <langSet xml:lang="ary"><descripGrp><descrip type="definition">الإدارة اللي كتراقب البني.</descrip></descripGrp>
        <ntig><termGrp><term>الإدارة ديال التعمير</term></termGrp></ntig></langSet></termEntry>
      <termEntry><langSet xml:lang="fr"><tig><term>sans darija</term></tig></langSet></termEntry></body></text></martif>"""
    with pytest.raises(Exception, match="not a TBX file"):
        tmx.read_tbx(v2.encode())
    got = tmx.read_tbx(v2.replace("martif", "tbx").encode())
    assert [(t.id, t.terms, t.darija, t.explanation) for t in got.terms] == [("e1", ("الوكالة الحضرية",), "الإدارة ديال التعمير", "الإدارة اللي كتراقب البني.")]
    assert got.skipped == ["entry 2: needs an ary term and an ar or fr term"]


def test_relevant_entries_for_the_llm_prompt() -> None:
    terms = [AGENCY_TERM, Term("cs", "fr", ("centre de santé",), "المستوصف")]
    assert relevant("وقد قامت بالوكالة الحضرية بإعداد التصميم", terms) == [AGENCY_TERM]
    assert relevant("وقد قامت الوكالة الحضارية", terms) == []
    assert [t.id for t in relevant("Le Centre de santé de Tagleft ouvrira.", terms)] == ["cs"]


def test_derived_caches_exist() -> None:
    """The caches the overlay rebuilds must exist (a rename in the engine would silently keep a stale glossary)."""
    import importlib

    for module, name in DERIVED:
        assert hasattr(getattr(importlib.import_module(module), name), "cache_clear"), f"{module}.{name}"
    with active_terms([AGENCY_TERM]):
        assert any(e.id == "urban_agency" for e in resources().glossary)
        assert "الإدارة ديال التعمير" in " ".join(simplify_sentence(AGENCY, DocState()).pieces)
    assert not any(e.id == "urban_agency" for e in resources().glossary)


def test_cli_terms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tb = str(tmp_path / "terms.tsv")
    assert main(["tm", "terms", "add", "--term", "الوكالة الحضرية", "--darija", "الإدارة ديال التعمير",
                 "--explanation", "الإدارة اللي كتراقب البني", "--by", "Amina", "--termbase", tb]) == 0
    assert main(["tm", "terms", "add", "--term", "الوكالة", "--darija", "agence", "--termbase", tb]) == 2
    assert "Arabic script" in capsys.readouterr().err
    assert main(["tm", "terms", "remove", "budget", "--termbase", tb]) == 0  # hides the built-in entry
    assert main(["tm", "terms", "list", "--all", "--termbase", tb]) == 0
    out = capsys.readouterr().out
    assert "الإدارة ديال التعمير" in out and "\nbudget\t" not in out
    assert main(["tm", "terms", "export", str(tmp_path / "t.tbx"), "--termbase", tb]) == 0
    assert main(["tm", "terms", "import", str(tmp_path / "t.tbx"), "--termbase", str(tmp_path / "copy.tsv")]) == 0
    assert [t.darija for t in tmx.read_terms_file(tmp_path / "copy.tsv").terms] == ["الإدارة ديال التعمير"]
    assert main(["convert", str(_md(tmp_path)), "-o", str(tmp_path / "o"), "--outputs", "darija", "--termbase", tb]) == 0
    assert "الإدارة ديال التعمير" in (tmp_path / "o" / "agency" / "agency.ary.txt").read_text(encoding="utf-8")


def _md(tmp_path: Path) -> Path:
    p = tmp_path / "agency.md"
    p.write_text(AGENCY, encoding="utf-8")
    return p


def test_memory_without_entries_still_carries_the_term_base(tmp_path: Path) -> None:
    src = _md(tmp_path)
    res = convert(src, TransformOptions(outputs=["darija"]), tmp_path / "o", memory=ListMemory(terms=[AGENCY_TERM]))
    assert "الإدارة ديال التعمير" in (Path(res.output_dir) / "agency.ary.txt").read_text(encoding="utf-8")
