"""Accessible HTML: outline, lang/dir, tables, figures, skip link, glossary; axe-core in Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lhtml

from tests.browser import chromium, format_violations, open_page, run_axe
from transform.model import Document, iter_sentences
from transform.publish.html import PageInput, build_page

from .conftest import EXPL1, SRC1
from .tools import Narr


def _page(track: Document, **kw: object) -> lhtml.HtmlElement:
    return lhtml.fromstring(build_page(track, PageInput(stem="budget", **kw)))  # type: ignore[arg-type]


def _levels(root: lhtml.HtmlElement) -> list[int]:
    return [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]


def test_arabic_page_structure(tracks: dict[str, Document]) -> None:
    root = _page(tracks["ar"], versions=[("fr", "budget.fr.html")])
    assert root.get("lang") == "ar" and root.get("dir") == "rtl"
    # outline: h1 first, never skipping a level (the source jumped from # to ###)
    levels = _levels(root)
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert [h.text_content() for h in root.iter("h1", "h2")][:3] == ["ميزانية المواطن لجهة الشرق 2025", "الموارد", "النفقات"]
    # every sentence of the track is a span whose id is the sentence id, with its exact text
    for loc in iter_sentences(tracks["ar"]):
        (span,) = root.xpath(f'//span[@id="{loc.sentence.id}"]')
        assert span.text_content() == loc.sentence.text
    assert all(s.get("lang") is None and s.get("dir") is None for s in root.xpath("//span[@class='s']"))  # all inherit
    # tables: caption and header cells with scope
    table = root.xpath("//table")[0]
    assert table.xpath("caption")[0].text_content() == "توزيع الميزانية حسب البند"
    assert [th.get("scope") for th in table.xpath("thead/tr/th")] == ["col", "col"]
    assert table.xpath("tbody/tr/td")[0].text_content() == "التسيير"
    # a space-grouped amount is isolated left-to-right, else Arabic text shows "000 000 200 1"
    assert table.xpath("tbody/tr/td/span/span[@dir='ltr']/text()") == ["1 200 000 000", "1 600 000 000"]
    # lists keep nesting
    assert root.xpath("//ul/li/ul/li")[0].text_content() == "الحصة الثابتة"
    # figure: its text alternative is visible text
    assert "خريطة الجهة" in root.xpath("//figure/figcaption")[0].text_content()
    # skip link, landmarks, language switch, print stylesheet, nothing fetched from outside
    skip = root.xpath("//body/a")[0]
    assert skip.get("href") == "#main" and root.xpath('//main[@id="main"]')
    assert root.xpath("//header") and root.xpath("//footer") and root.xpath('//nav[@class="toc"]')
    other = root.xpath('//nav[@class="versions"]//a')[0]
    assert (other.get("href"), other.get("lang"), other.get("dir")) == ("budget.fr.html", "fr", "ltr")
    css = root.xpath("//style")[0].text_content()
    assert "@media print" in css
    assert not root.xpath("//link[@rel='stylesheet'] | //script[@src] | //img[starts-with(@src,'http')]")


def test_french_page_is_ltr(tracks: dict[str, Document]) -> None:
    root = _page(tracks["fr"])
    assert (root.get("lang"), root.get("dir")) == ("fr", "ltr")
    assert _levels(root) == [1, 2]
    assert root.xpath("//main//ol/li")[0].text_content() == "Les impôts locaux"
    assert root.xpath("//td")[0].text_content() == "Fonctionnement"
    # the mixed paragraph went to the French track; its Arabic sentence carries its own language and direction
    ar = root.xpath('//span[@id="s1-2-b1-1"]')[0]
    assert (ar.get("lang"), ar.get("dir")) == ("ar", "rtl")
    assert root.xpath('//span[@id="s1-2-b1-2"]')[0].get("lang") is None


def test_darija_page_marks_glossary_and_original(darija_track: Document) -> None:
    root = _page(darija_track)
    assert (root.get("lang"), root.get("dir")) == ("ary", "rtl")
    notice = root.xpath('//p[@class="notice"]')[0].text_content()
    assert "تراجع" in notice or "يراجع" in notice  # "to be reviewed": machine-made draft
    # the explanation sentence the simplifier wrote is marked as the definition: <dfn> around the term
    (expl,) = root.xpath('//span[@id="s1-b1-1b"]')
    assert expl.get("class") == "s gloss" and expl.text_content() == EXPL1
    assert expl.xpath("dfn/text()") == ["الميزانية مشروحة للناس"]
    assert len(root.xpath('//dfn[.="الميزانية مشروحة للناس"]')) == 1  # one defining instance
    # a note whose explanation is not in the text becomes a definition list after its block
    (dl,) = root.xpath('//ul[@id="s1-b2"]/following-sibling::div[@class="glossary"][1]/dl')
    assert dl.xpath("dt/dfn/text()") == ["الضريبة على القيمة المضافة"]
    assert "كنخلصوها" in dl.xpath("dd")[0].text_content()
    assert "مليار درهم" not in "".join(root.xpath("//dfn/text()"))  # a label alone explains nothing
    # back-matter glossary: every term, linked to its definition
    gl = root.xpath('//section[@id="glossary"]')[0]
    assert gl.get("role") == "doc-glossary"
    assert [(a.text, a.get("href")) for a in gl.xpath(".//dt/a")] == [
        ("الميزانية مشروحة للناس", "#s1-b1-1b"),
        ("الضريبة على القيمة المضافة", "#s1-b2"),
    ]
    assert root.xpath('//nav[@class="toc"]//a[@href="#glossary"]')
    # the original MSA text is kept once per source sentence, tagged as Arabic inside the Darija page
    orig = root.xpath('//p[@id="s1-b1"]/following-sibling::details[@class="original"][1]/p')[0]
    assert orig.get("lang") == "ar"
    assert orig.text_content() == SRC1 + " بلغ مجموع الميزانية 2,8 مليار درهم."
    assert root.xpath('//span[@id="s1-1-b1-2"]')[0].get("lang") == "fr"


def test_read_along_data_equals_timeline(tracks: dict[str, Document], narrations: dict[str, Narr]) -> None:
    narr = narrations["ar"]
    root = _page(tracks["ar"], audio_href="budget.ar.mp3", timeline=narr.timeline)
    assert root.xpath('//audio[@id="narration"]')[0].get("src") == "budget.ar.mp3"
    cues = json.loads(root.xpath('//script[@id="cues"]')[0].text)
    assert cues == [[c.sentence_id, c.begin_ms, c.end_ms] for c in narr.timeline.cues]


# -- in a real browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with chromium() as b:
        yield b


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ar", "fr", "ary"])
def test_axe_has_no_violation(
    lang: str, tracks: dict[str, Document], darija_track: Document, narrations: dict[str, Narr], tmp_path: Path, browser
) -> None:  # type: ignore[no-untyped-def]
    track = darija_track if lang == "ary" else tracks[lang]
    narr = narrations[lang]
    (tmp_path / f"budget.{lang}.mp3").write_bytes(narr.audio.read_bytes())
    versions = [(x, f"budget.{x}.html") for x in ("ar", "fr", "ary") if x != lang]
    page_path = tmp_path / f"budget.{lang}.html"
    page_path.write_text(
        build_page(track, PageInput(stem="budget", versions=versions, audio_href=f"budget.{lang}.mp3", timeline=narr.timeline)),
        encoding="utf-8",
    )
    page, external = open_page(browser, page_path.as_uri())
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    assert external == []
    # read-along: at a time inside the third cue, exactly that sentence is highlighted
    cue = narr.timeline.cues[2]
    t = (cue.begin_ms + cue.end_ms) / 2000
    page.evaluate(
        "t => { const a = document.getElementById('narration'); Object.defineProperty(a, 'currentTime', {get: () => t}); a.dispatchEvent(new Event('timeupdate')); }",
        t,
    )
    assert page.evaluate("() => Array.from(document.querySelectorAll('.s.active')).map(e => e.id)") == [cue.sentence_id]
    page.close()
