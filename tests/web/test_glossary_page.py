"""The staff glossary page: the term base over the built-in glossary, edited with the API's checks."""

from __future__ import annotations

from service.web import i18n, words
from service.web.glossary import NOTICES

from .conftest import Web, csrf_of
from .language import ALLOW, foreign_words


def _form(web: Web, **fields: str) -> dict[str, str]:
    page = web.c.get("/staff/glossary")
    return {"csrf": csrf_of(page.text), **fields}


def test_the_page_needs_a_session_and_lists_the_builtin_glossary(web: Web) -> None:
    r = web.c.get("/staff/glossary", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/staff/signin")
    web.sign_in()
    r = web.c.get("/staff/glossary")
    assert r.status_code == 200
    assert '<td lang="ary" dir="rtl" translate="no">برنامج التنمية ديال الجهة</td>' in r.text  # a built-in entry
    assert 'lang="fr" dir="ltr" translate="no">route · routes</th>' in r.text  # French wordings too, in their own direction
    r = web.c.get("/staff/glossary", params={"q": "التنمية", "lang": "ar"})
    assert "برنامج التنمية ديال الجهة" in r.text and "route · routes" not in r.text


def test_add_edit_restore_and_hide(web: Web) -> None:
    web.sign_in()
    r = web.c.post("/staff/glossary", data=_form(web, lang="ar", terms="الوكالة الحضرية\nالوكالات الحضرية", darija="الإدارة ديال التعمير",
                                                 explanation="الإدارة اللي كتراقب البني ف المدن"), follow_redirects=False)
    assert r.status_code == 303 and "done=saved" in r.headers["location"]
    page = web.c.get(r.headers["location"])
    assert "الوكالة الحضرية · الوكالات الحضرية" in page.text and "الإدارة اللي كتراقب البني ف المدن." in page.text
    assert 'role="status">' in page.text and "تم حفظ المصطلح. ستستعمله المسودات القادمة." in page.text  # Arabic, the default
    assert any(t.darija == "الإدارة ديال التعمير" for t in web.app.state.runtime.store.memory.terms())

    # a wrong entry: the problems are listed, what was typed is kept
    r = web.c.post("/staff/glossary", data=_form(web, lang="ar", terms="المنطقة", darija="zone"))
    assert r.status_code == 422 and 'class="error-summary" role="alert"' in r.text
    assert "اكتب الدارجة بالحروف العربية، بدون حروف لاتينية." in r.text  # the problem in the page's language
    assert 'value="zone"' in r.text

    # a built-in entry: edited, then restored, then hidden
    r = web.c.post("/staff/glossary/budget", data=_form(web, lang="ar", terms="الميزانية", darija="الحساب ديال الفلوس"), follow_redirects=False)
    assert r.status_code == 303
    page = web.c.get("/staff/glossary", params={"q": "الحساب ديال الفلوس"}).text
    assert "إرجاع الأصل" in page  # the button restores the built-in entry
    r = web.c.post("/staff/glossary/budget/delete", data=_form(web), follow_redirects=False)
    assert r.headers["location"].endswith("done=restored")
    r = web.c.post("/staff/glossary/budget/delete", data=_form(web), follow_redirects=False)
    assert r.headers["location"].endswith("done=hidden")
    assert not any(t.id == "budget" for t in web.app.state.runtime.store.memory.terms() if t.active)
    edit = web.c.get("/staff/glossary", params={"edit": "pdr"}).text
    assert 'action="/staff/glossary/pdr"' in edit and "برنامج التنمية الجهوية" in edit


def test_csrf_is_required_and_files_download_with_the_session(web: Web) -> None:
    web.sign_in()
    r = web.c.post("/staff/glossary", data={"lang": "ar", "terms": "الوكالة", "darija": "الإدارة"})
    assert r.status_code == 403
    r = web.c.post("/staff/glossary/budget/delete", data={"csrf": "forged"})
    assert r.status_code == 403
    tsv = web.c.get("/staff/glossary/export/taysir-terms.tsv")
    assert tsv.status_code == 200 and tsv.text.startswith("id\tlang\tterms\tdarija") and "pdr\tar\t" in tsv.text
    assert web.c.get("/staff/glossary/export/taysir-memory.tmx").text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">')
    assert web.c.get("/staff/glossary/export/passwd").status_code == 404


def test_words_of_the_page_and_the_review_badge_are_translated() -> None:
    ar = i18n.Translator("ar")
    assert ar(words.SEGMENT_STATUS["from_memory"]) == "مأخوذة من ترجمة موافق عليها"  # the review page's badge (words.py)
    assert all(ar(m) != m for m in NOTICES.values())
    assert ar.ngettext("%(num)s terme", "%(num)s termes", 11) == "11 مصطلحا"
    assert i18n.Translator("fr").ngettext("%(num)s terme", "%(num)s termes", 1) == "1 terme"


def test_every_word_of_the_page_in_its_language(web: Web) -> None:
    """The checker of tests/web/test_language.py on the glossary page: list, search, edit form, notices, errors."""
    web.sign_in()
    problems: dict[str, list[str]] = {}
    for lang in ("ar", "fr"):
        web.c.cookies.set("taysir_lang", lang)
        pages = {name: web.c.get("/staff/glossary", params=params).text for name, params in (
            ("list", {}), ("search", {"q": "budget"}), ("none", {"q": "zzzz"}), ("edit", {"edit": "pdr"}), ("saved", {"done": "saved"}),
            ("hidden", {"done": "hidden"}))}
        csrf = csrf_of(pages["list"])
        pages["error"] = web.c.post("/staff/glossary", data={"csrf": csrf, "lang": "ar", "terms": "agence", "darija": "zone",
                                                             "explanation": " ".join(["كلمة"] * 13)}).text
        pages["empty"] = web.c.post("/staff/glossary", data={"csrf": csrf, "lang": "ar", "terms": "", "darija": ""}).text
        for name, html in pages.items():
            assert f'<html lang="{lang}"' in html
            bad = foreign_words(html, allow=ALLOW | {"tmx", "tbx", "tsv"})  # the file formats translators use, like PDF
            if bad:
                problems[f"{name}/{lang}"] = sorted(set(bad))
    assert not problems, problems
