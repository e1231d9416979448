"""Every staff page, in every state, in Arabic and in French: no English word, no developer token,
no raw date outside the allow-list (format names; file names and document text are marked as such).

The states are real: drafts and quality reports made by the library from two samples, documents
stored in each state the pages show (tests/web/states.py). The checker itself is tested on bad pages.
"""

from __future__ import annotations

import html as html_lib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import ServiceSettings

from . import states as st
from .conftest import csrf_of
from .language import check_json_texts, foreign_words

LANGS = ("ar", "fr")


def test_the_checker_catches_what_the_issue_saw() -> None:
    bad_fr = ('<html lang="fr"><body><p>Étape : render.video</p><p>French text; no template applies</p>'
              '<p>Créée le 2026-12-04 20:45 UTC</p><p lang="en">chromium failed (exit -5)</p><dl><dt>M6_darija_rate</dt></dl></body></html>')
    found = foreign_words(bad_fr)
    for w in ("render.video", "French", "text", "no", "template", "applies", "2026-12-04", "UTC", "chromium", "failed", "exit", "M6_darija_rate"):
        assert w in found, (w, found)
    bad_ar = '<html lang="ar"><body><h3>Segment 5</h3><span class="badge">pending</span><p aria-label="Save">حفظ</p></body></html>'
    assert foreign_words(bad_ar) == ["Segment", "pending", "Save"]
    good = ('<html lang="ar"><body><p>تنزيل ملف PDF <span translate="no">deliberation-conseil.docx</span></p>'
            '<p lang="fr">Délibération du conseil</p><p>نص بالدارجة · Braille BRF</p></body></html>')
    assert foreign_words(good) == ["Braille"]  # the Arabic page must say برايل
    assert foreign_words(good.replace(" · Braille BRF", " · برايل BRF")) == []


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    work = tmp_path_factory.mktemp("lang")
    convs = st.convert_samples(work / "conv")
    app = create_app(ServiceSettings(data_dir=work / "data", embedded_workers=0))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        store = app.state.runtime.store
        token = store.tokens.create("amina")
        states = st.build(store, convs)
        page = c.get("/staff/signin")
        r = c.post("/staff/signin", data={"token": token, "csrf": csrf_of(page.text), "next": "/staff"}, follow_redirects=False)
        assert r.status_code == 303
        yield {"c": c, "states": states, "store": store}


def _get(c: TestClient, lang: str, url: str, **kw: Any) -> Any:
    c.cookies.set("taysir_lang", lang)
    return c.get(url, **kw)


def _pages(states: st.States) -> list[tuple[str, str]]:
    d = states.docs
    out = [("upload", "/staff"), ("history", "/staff/jobs"), ("history-search", "/staff/jobs?q=budget"),
           ("history-search-none", "/staff/jobs?q=zzzz"), ("job", f"/staff/jobs/{states.job_id}"), ("not-found", "/staff/jobs/nope")]
    for name, doc in d.items():
        if name in ("queued", "running", "failure"):
            continue
        out.append((f"review-{name}", f"/staff/documents/{doc}"))
        out.append((f"review-{name}-all", f"/staff/documents/{doc}?show=all"))
    out += [("review-saved", f"/staff/documents/{d['draft']}?done=saved&seg=x"), ("review-approved", f"/staff/documents/{d['pending']}?done=approved")]
    return out


def test_every_staff_page_in_both_languages(site: dict[str, Any]) -> None:
    c, states = site["c"], site["states"]
    problems: dict[str, list[str]] = {}
    for lang in LANGS:
        for name, url in _pages(states):
            r = _get(c, lang, url)
            assert r.status_code in (200, 404), (name, r.status_code)
            assert f'<html lang="{lang}"' in r.text
            bad = foreign_words(r.text)
            if bad:
                problems[f"{name}/{lang}"] = sorted(set(bad))
        signin_c = TestClient(c.app, base_url="http://127.0.0.1")
        signin_c.cookies.set("taysir_lang", lang)
        page = signin_c.get("/staff/signin?next=/staff")
        for name, html in (("signin", page.text),
                           ("signin-error", signin_c.post("/staff/signin", data={"token": "tsr_wrong", "csrf": csrf_of(page.text)}).text),
                           ("signin-empty", signin_c.post("/staff/signin", data={"token": "", "csrf": csrf_of(page.text)}).text),
                           ("csrf-refused", signin_c.post("/staff/signin", data={"token": "x"}).text)):
            bad = foreign_words(html)
            if bad:
                problems[f"{name}/{lang}"] = sorted(set(bad))
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=0)


def test_every_staff_error_state_in_both_languages(site: dict[str, Any]) -> None:
    c, d = site["c"], site["states"].docs
    problems: dict[str, list[str]] = {}
    for lang in LANGS:
        c.cookies.set("taysir_lang", lang)
        csrf = csrf_of(c.get("/staff").text)
        answers = {
            "upload-nothing": c.post("/staff/upload", files={"files": ("", io.BytesIO(b""), "application/octet-stream")}, data={"csrf": csrf}),
            "upload-bad-format": c.post("/staff/upload", files={"files": ("x.pdf", io.BytesIO(b"\x00\x01 not a document"), "application/pdf")},
                                        data={"csrf": csrf, "out-text": "1"}),
        }
        review = c.get(f"/staff/documents/{d['draft']}?show=all").text
        seg = re.search(r'name="segment" value="([^"]+)"', review)
        base = re.search(r'name="base" value="([^"]+)"', review)
        assert seg and base
        answers["segment-empty"] = c.post(f"/staff/documents/{d['draft']}/segment",
                                          data={"csrf": csrf, "segment": seg.group(1), "base": base.group(1), "text": "   ", "show": "all"})
        answers["segment-stale"] = c.post(f"/staff/documents/{d['draft']}/segment",
                                          data={"csrf": csrf, "segment": seg.group(1), "base": "0" * 16, "text": "x 1", "show": "all"})
        answers["approve-refused"] = c.post(f"/staff/documents/{d['draft_fr']}/approve", data={"csrf": csrf})
        answers["publish-pending"] = c.post(f"/staff/documents/{d['pending']}/publish", data={"csrf": csrf})
        for name, r in answers.items():
            assert r.status_code >= 400, (name, r.status_code)
            bad = foreign_words(r.text)
            if bad:
                problems[f"{name}/{lang}"] = sorted(set(bad))
        # what the page scripts show: the job's progress words and a segment's save answer
        status = c.get(f"/staff/jobs/{site['states'].job_id}/status.json").json()["words"]
        texts = [status["job"]] + [v for doc in status["documents"].values() for k, v in doc.items() if k in ("state", "doing", "estimate")]
        js = c.post(f"/staff/documents/{d['draft']}/segment", headers={"Accept": "application/json"},
                    data={"csrf": csrf, "segment": seg.group(1), "base": "0" * 16, "text": "x", "show": "all"}).json()
        bad = check_json_texts(texts + js["errors"], lang)
        if bad:
            problems[f"scripts/{lang}"] = sorted(set(bad))
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=0)


def test_refusal_links_to_the_blocking_segments(site: dict[str, Any]) -> None:
    c, d = site["c"], site["states"].docs
    c.cookies.set("taysir_lang", "fr")
    csrf = csrf_of(c.get("/staff").text)
    r = c.post(f"/staff/documents/{d['draft_fr']}/approve", data={"csrf": csrf})
    assert r.status_code == 422
    summary = r.text[r.text.index('id="error-summary"'):r.text.index("</div>", r.text.index('id="error-summary"'))]
    links = re.findall(r'href="#(seg-[^"]+)"', summary)
    # the French rewriting path leaves few sentences to a person in this sample (1 of 47): every one is linked
    assert len(links) >= 1 and all(f'id="{a}"' in r.text for a in links)  # each blocking segment is on the page
    assert 'href="#allow_untranslated"' in summary and 'id="allow_untranslated"' in r.text
    assert re.search(r">Phrase \d+\xa0: ", summary) and "s1-" not in re.sub(r'href="[^"]*"', "", summary)  # labels as shown, never the ids


def test_work_list_summary_and_source_doubt(site: dict[str, Any]) -> None:
    c, d = site["c"], site["states"].docs
    r = _get(c, "fr", f"/staff/documents/{d['draft']}")
    html = r.text
    assert "phrases sur" in html or "phrase sur" in html
    assert re.search(r"\d+ textes? source douteux", html) and "1 nombre ou nom à vérifier" in html
    m = re.search(r'id="need-source".*?href="#(seg-[^"]+)"', html, re.S)
    assert m and f'id="{m.group(1)}"' in html
    seg_html = html[html.index(f'id="{m.group(1)}"'):]
    assert "comparez avec la page 1" in seg_html[:3000] and "À comparer avec l’original" in seg_html[:600]  # never "without alert"
    img = re.search(r'href="(/staff/documents/[^"]+/pages/1\.png)"', seg_html)
    assert img
    png = c.get(img.group(1))
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n" and len(png.content) > 5000
    # the numbers behind a disclosure, words first
    assert "<details class=\"measures\">" in html and "M6_darija_rate" not in html and "objectif" in html
    # the "needs work" view shows the flagged segments only; "all" shows every one
    todo = len(re.findall(r'class="segment ', html))
    every = len(re.findall(r'class="segment ', _get(c, "fr", f"/staff/documents/{d['draft']}?show=all").text))
    assert 2 <= todo < every


def test_the_word_read_unsure_is_marked_in_its_sentence(site: dict[str, Any]) -> None:
    """The reader said which sentence of a doubtful block and which word in it are in doubt (model/doubts.py): the
    review page sends staff to that sentence only and marks the word with a label a screen reader says, in the
    interface's language, inside the source text's own language and direction."""
    c, d = site["c"], site["states"].docs
    for lang, label in (("fr", "[mot douteux :]"), ("ar", "[كلمة مشكوك فيها:]")):
        html = _get(c, lang, f"/staff/documents/{d['draft']}").text
        marks = re.findall(r'<mark class="unsure"><span class="visually-hidden" lang="(\w+)" dir="(\w+)">([^<]*)</span>([^<]+)</mark>', html)
        assert len(marks) == 1, marks
        assert marks[0][:3] == (lang, "rtl" if lang == "ar" else "ltr", label + " ")
        word = marks[0][3]
        seg = html[html.rindex('<li class="segment', 0, html.index('<mark class="unsure">')):html.index('<mark class="unsure">')]
        m = re.search(r'id="seg-([^"]+)"', seg)
        assert m and f'href="#seg-{m.group(1)}"' in html  # the list of doubts leads to this sentence
        assert 'class="source-text" lang="' in seg and re.search(r'<li class="unsure-words">[^<]*<bdi[^>]*>' + re.escape(word), seg)
    # the block's other sentences are not sent to the reviewer for its doubt: one sentence of it is listed
    html = _get(c, "fr", f"/staff/documents/{d['draft']}").text
    need = re.search(r'id="need-source".*?</ul>', html, re.S)
    assert need and need.group(0).count("href=") == 1


def test_a_page_nobody_could_read_is_put_before_the_reviewer(site: dict[str, Any]) -> None:
    """A source page OCR refused has no segment at all: the work list names it, links its image, in both languages."""
    c, d = site["c"], site["states"].docs
    html = _get(c, "fr", f"/staff/documents/{d['draft']}").text
    box = re.search(r'<div class="notice error" id="unread-pages">(.*?)</div>', html, re.S)
    assert box and "n’a pas pu lire" in box.group(1) and "avant d’approuver" in box.group(1)
    assert "trop incertaine pour être gardée" in box.group(1)  # why, in the reviewer's words (the reader's reason is English)
    assert "confidence" not in box.group(1)
    assert html.index('id="unread-pages"') < html.index('id="segments"')  # before the segments, at the top of the work list
    img = re.search(r'href="(/staff/documents/[^"]+/pages/(\d+)\.png)"', box.group(1))
    assert img and img.group(2) == "3"  # the sample's last page, as the draft reports it
    png = c.get(img.group(1))
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    ar = _get(c, "ar", f"/staff/documents/{d['draft']}").text
    assert "لم تستطع الآلة قراءتها" in ar and 'id="unread-pages"' in ar and "غير مؤكدة" in ar
    for other in ("draft_fr", "pending"):  # drafts whose pages were all read say nothing of the kind
        assert 'id="unread-pages"' not in _get(c, "fr", f"/staff/documents/{d[other]}").text


def test_publish_is_disabled_with_its_reason_while_formats_are_made(site: dict[str, Any]) -> None:
    c, d = site["c"], site["states"].docs
    html = _get(c, "ar", f"/staff/documents/{d['pending']}").text
    assert re.search(r'<button type="submit" class="button" id="publish-button" disabled aria-describedby="publish-reason">', html)
    assert 'id="publish-reason"' in html and "تُعاد الآن صناعة الصيغ" in html
    failed = _get(c, "fr", f"/staff/documents/{d['render_failed']}").text
    assert "disabled" in failed and "Refaire les formats" in failed and "chromium" not in failed
    state = _get(c, "fr", f"/staff/documents/{d['pending']}/state.json").json()
    assert state["render_pending"] and not state["can_publish"] and state["reason"].startswith("Les formats")


def test_job_page_follows_its_documents(site: dict[str, Any]) -> None:
    c, states = site["c"], site["states"]
    html = _get(c, "fr", f"/staff/jobs/{states.job_id}").text
    assert 'id="job-state"><span class="badge st-running">En cours' in html  # not "pending" while documents convert
    assert "Étape 10 sur 10 : vidéo sous-titrée" in html and ("Reste environ" in html or "plus longtemps que prévu" in html)
    assert "Un outil du serveur s’est arrêté pendant cette étape." in html and "chromium" not in html
    words = c.get(f"/staff/jobs/{states.job_id}/status.json").json()["words"]["documents"][states.docs["running"]]
    assert words["doing"].startswith("Étape 10 sur 10") and words["stage_started"] and words["estimate"].startswith(("Reste environ", "Cette étape prend plus longtemps"))


def test_title_summary_tags_and_staff_search(site: dict[str, Any]) -> None:
    c, d, store = site["c"], site["states"].docs, site["store"]
    c.cookies.set("taysir_lang", "fr")
    doc = store.documents.get(d["draft"])
    assert doc.title and not doc.title.endswith(".pdf")  # the document's own title, not its file name
    csrf = csrf_of(c.get("/staff").text)
    r = c.post(f"/staff/documents/{d['draft']}/describe", data={"csrf": csrf, "title": "Budget citoyen 2026", "summary": "Le budget expliqué.",
                                                                "tags": "budget، ميزانية, INDH"}, follow_redirects=False)
    assert r.status_code == 303
    doc = store.documents.get(d["draft"])
    assert doc.title == "Budget citoyen 2026" and doc.title_by == "amina" and doc.summary == "Le budget expliqué."
    assert doc.tags_json == '["budget", "ميزانية", "INDH"]'
    for q in ("budget", "ميزانيه", "indh", "expliqué", "explique"):
        assert states_found(c, q), q
    assert not states_found(c, "zzzz")


def states_found(c: TestClient, q: str) -> bool:
    return "tâche trouvée" in c.get("/staff/jobs", params={"q": q}).text and "Aucun document ne correspond" not in c.get("/staff/jobs", params={"q": q}).text


def test_staff_zip_holds_the_final_formats_and_a_readme(site: dict[str, Any], tmp_path: Path) -> None:
    import zipfile

    c, states = site["c"], site["states"]
    c.cookies.set("taysir_lang", "fr")
    job = states.job_id
    # the job still has running documents: the ZIP waits for them
    assert c.get(f"/staff/jobs/{job}/bundle").status_code == 404
    from service.web import staff_bundle

    store = site["store"]
    got = store.jobs.get(job)
    path = staff_bundle.build(store, got[0], [x for x in got[1] if x.status in ("success", "partial_success")], __import__("service.web.i18n", fromlist=["Translator"]).Translator("fr"))
    names = zipfile.ZipFile(path).namelist()
    assert "LISEZ-MOI.txt" in names
    assert not [n for n in names if n.endswith((".draft.json", ".quality.json", ".quality.html", ".review.txt", ".translation-tasks.txt"))]
    assert any(n.endswith(".ary.txt") for n in names) and all("/" in n for n in names if n != "LISEZ-MOI.txt")
    readme = zipfile.ZipFile(path).read("LISEZ-MOI.txt").decode()
    assert "Texte simplifié en darija" in readme and "brouillons" in readme


def test_a_segment_is_saved_on_its_own_with_and_without_script(site: dict[str, Any]) -> None:
    c, d, store = site["c"], site["states"].docs, site["store"]
    c.cookies.set("taysir_lang", "fr")
    html = c.get(f"/staff/documents/{d['partial']}?show=all").text
    csrf = csrf_of(html)
    forms = re.findall(r'name="segment" value="([^"]+)">\s*<input type="hidden" name="base" value="([^"]+)">', html)
    texts = re.findall(r'<textarea id="text-([^"]+)"[^>]*>([^<]*)</textarea>', html, re.S)
    current = {sid: text for sid, text in texts}
    (sid, base), (other, _b) = forms[0], forms[1]
    before_other = current[other]
    # without script: back to the page at that segment, which says it was saved
    r = c.post(f"/staff/documents/{d['partial']}/segment", follow_redirects=False,
               data={"csrf": csrf, "segment": sid, "base": base, "text": current[sid] + " زيادة", "show": "all"})
    assert r.status_code == 303 and r.headers["location"].endswith(f"done=saved&seg={sid}#seg-{sid}")
    page = c.get(r.headers["location"].split("#")[0]).text
    seg_html = page[page.index(f'id="seg-{sid}"'):]
    seg_html = seg_html[:seg_html.index("</li>")]
    assert "Phrase enregistrée." in seg_html and "زيادة" in seg_html and "modifiée" in seg_html
    new_base = re.search(rf'name="segment" value="{re.escape(sid)}">\s*<input type="hidden" name="base" value="([^"]+)"', page)
    assert new_base and new_base.group(1) != base
    # with the script: a JSON answer, the new fingerprint for the next save
    js = c.post(f"/staff/documents/{d['partial']}/segment", headers={"Accept": "application/json"},
                data={"csrf": csrf, "segment": sid, "base": new_base.group(1), "text": current[sid] + " زيادة تانية", "show": "all"}).json()
    assert js["ok"] and js["message"] == "Phrase enregistrée." and js["base"] != new_base.group(1) and js["status"] == "Relu par une personne"
    # an old fingerprint is refused (someone else saved this segment meanwhile)
    stale = c.post(f"/staff/documents/{d['partial']}/segment", headers={"Accept": "application/json"},
                   data={"csrf": csrf, "segment": sid, "base": base, "text": "x", "show": "all"})
    assert stale.status_code == 409 and "Quelqu’un d’autre a modifié cette phrase" in stale.json()["errors"][0]
    # only that segment changed
    from service import review as service_review
    from transform.simplify.review import segments as lib_segments

    segs = {s.id: s.text for s in lib_segments(service_review.load(store.documents.get(d["partial"]).draft_json))}
    assert segs[sid].endswith("زيادة تانية")
    assert " ".join(segs[other].split()) == " ".join(html_lib.unescape(before_other).split())
