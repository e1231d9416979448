"""One accessible HTML page per language track, with optional read-along narration."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..model import Document, Timeline, direction_for
from .content import ContentBuilder, TocEntry, track_title
from .labels import label, lang_name
from .markup import Node, el
from .style import page_css

_READ_ALONG_JS = """(function () {
  var audio = document.getElementById("narration");
  var data = document.getElementById("cues");
  if (!audio || !data) { return; }
  var cues = JSON.parse(data.textContent);
  var current = null;
  audio.addEventListener("timeupdate", function () {
    var t = audio.currentTime * 1000, hit = null;
    for (var i = 0; i < cues.length; i++) {
      if (t >= cues[i][1] && t < cues[i][2]) { hit = cues[i][0]; break; }
    }
    if (hit === current) { return; }
    if (current) { var old = document.getElementById(current); if (old) { old.classList.remove("active"); } }
    current = hit;
    if (hit) { var n = document.getElementById(hit); if (n) { n.classList.add("active"); } }
  });
})();"""


def read_along_script_hash() -> str:
    """The page's only script as a CSP hash source (``'sha256-…'``): a server that sends the page can allow
    exactly this script and nothing else (no other script, and nothing written into the document, runs)."""
    import base64
    import hashlib

    return "'sha256-" + base64.b64encode(hashlib.sha256(_READ_ALONG_JS.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass
class PageInput:
    """What a page needs besides the track itself."""

    stem: str
    versions: list[tuple[str, str]] = field(default_factory=list)  # (lang, href) of the other tracks
    audio_href: str | None = None
    timeline: Timeline | None = None
    source_name: str = ""


def toc_list(entries: list[TocEntry], parent_lang: str, href_of: dict[int, str] | None = None) -> Node:
    """Nested ``<ol>`` of links to the headings (``href_of`` maps a chapter index to its file, for EPUB)."""
    ol = el("ol", {})
    for e in entries:
        href = (href_of[e.top] if href_of else "") + "#" + e.id
        other = e.lang != parent_lang
        a = el("a", {"href": href, "lang": e.lang if other else None, "dir": e.direction.value if other else None}, e.text)
        li = el("li", {}, a)
        if e.children:
            li.add(toc_list(e.children, parent_lang, href_of))
        ol.add(li)
    return ol


def notice_text(doc: Document) -> str | None:
    """The "to be reviewed" notice of a machine-made draft."""
    state = doc.meta.review_state
    if state in ("draft", "to_review", "to-review") or (doc.meta.variant != "source" and state not in ("reviewed", "published")):
        return label(doc.meta.lang, "draft")
    return None


def build_page(doc: Document, page: PageInput) -> str:
    lang, d = doc.meta.lang, doc.meta.direction
    builder = ContentBuilder(doc)
    sections = [node for _, node in builder.top_sections()]
    gloss = builder.glossary_section()
    if gloss is not None:
        sections.append(gloss)
    title = track_title(doc, page.stem)

    head = el(
        "head",
        {},
        el("meta", {"charset": "utf-8"}),
        el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        el("title", {}, title),
        el("meta", {"name": "generator", "content": "Taysir"}),
        el("style", {}, page_css()),
    )
    body = el("body", {}, el("a", {"class": "skip-link", "href": "#main"}, label(lang, "skip")))
    header = el("header", {"class": "page"})
    note = notice_text(doc)
    if note:
        header.add(el("p", {"class": "notice", "role": "note"}, note))
    if page.versions:
        ul = el("ul", {})
        for vlang, href in page.versions:
            vdir = direction_for(vlang).value
            ul.add(
                el(
                    "li",
                    {},
                    el(
                        "a",
                        {"href": href, "hreflang": vlang, "lang": vlang, "dir": vdir if vdir != d.value else None},
                        lang_name(vlang),
                    ),
                )
            )
        header.add(el("nav", {"class": "versions", "aria-label": label(lang, "versions")}, ul))
    if page.audio_href:
        player = el(
            "div",
            {"class": "player"},
            el(
                "audio",
                {
                    "id": "narration",
                    "controls": "controls",
                    "preload": "none",
                    "src": page.audio_href,
                    "aria-label": label(lang, "listen"),
                },
            ),
        )
        header.add(player)
    if len(_flatten(builder.toc)) > 1 or gloss is not None:
        toc = toc_list(builder.toc, lang)
        if gloss is not None:
            toc.add(el("li", {}, el("a", {"href": "#glossary"}, label(lang, "glossary"))))
        header.add(
            el(
                "nav",
                {"class": "toc", "aria-labelledby": "toc-title"},
                el("p", {"id": "toc-title", "class": "glossary-title"}, label(lang, "toc")),
                toc,
            )
        )
    body.add(header)
    body.add(el("main", {"id": "main", "tabindex": "-1"}).extend(sections))
    footer = el(
        "footer",
        {"class": "page"},
        el("p", {}, label(lang, "made_by", source=page.source_name or doc.meta.source_name or page.stem)),
    )
    body.add(footer)
    if page.audio_href and page.timeline is not None:
        known = set(builder.sentence_ids)
        cues = [[c.sentence_id, c.begin_ms, c.end_ms] for c in page.timeline.cues if c.sentence_id in known]
        data = json.dumps(cues, ensure_ascii=False).replace("<", "\\u003c")
        body.add(el("script", {"type": "application/json", "id": "cues"}, data))
        body.add(el("script", {}, _READ_ALONG_JS))
    html = el("html", {"lang": lang, "dir": d.value}, head, body)
    return "<!DOCTYPE html>\n" + html.render() + "\n"


def _flatten(entries: list[TocEntry]) -> list[TocEntry]:
    out: list[TocEntry] = []
    for e in entries:
        out.append(e)
        out.extend(_flatten(e.children))
    return out
