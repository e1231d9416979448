"""Stylesheets, inline in every page (no external fetches): screen, print, read-along highlight."""

from __future__ import annotations

ACTIVE_CLASS = "-epub-media-overlay-active"

BASE = (
    """
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 46em; padding: 0 1em 2em; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif;
  font-size: 1.125rem; line-height: 1.7; color: #1a1a1a; background: #ffffff; }
:lang(ar), :lang(ary) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", serif; line-height: 1.9; }
html[lang|="ar"] body, html[lang="ary"] body { font-size: 1.3rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.4em 0 0.5em; }
h1 { font-size: 1.8em; } h2 { font-size: 1.45em; } h3 { font-size: 1.25em; } h4, h5, h6 { font-size: 1.1em; }
p, ul, ol, dl, table, figure, details { margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; }
caption { font-weight: bold; text-align: start; padding: 0.3em 0; }
th, td { border: 1px solid #555555; padding: 0.35em 0.6em; text-align: start; vertical-align: top; }
th { background: #ececec; }
figure { border-inline-start: 4px solid #555555; padding-inline-start: 0.8em; margin-inline: 0; }
figcaption .label, .glossary-title { font-weight: bold; }
.glossary { background: #f4f4f0; border: 1px solid #8a8a80; border-radius: 4px; padding: 0.4em 0.8em; }
.glossary dt { font-weight: bold; } .glossary dd { margin-inline-start: 1.2em; margin-block-end: 0.4em; }
dfn { font-style: normal; }
.pagenum { display: block; text-align: end; font-size: 0.8em; color: #595959; border-top: 1px dotted #8a8a80; margin: 0.5em 0; }
details.original summary { cursor: pointer; color: #1d4f91; }
a { color: #1d4f91; } a:focus, summary:focus, audio:focus { outline: 3px solid #b35900; outline-offset: 2px; }
.s.active, ."""
    + ACTIVE_CLASS
    + """ { background: #fff3a8; color: #000000; }
"""
)

PAGE = """
.skip-link { position: absolute; inset-inline-start: 0.5em; top: -4em; background: #1d4f91; color: #ffffff; padding: 0.5em 1em; z-index: 10; }
.skip-link:focus { top: 0.5em; }
header.page { border-bottom: 2px solid #555555; margin-bottom: 1em; padding-top: 1em; }
.notice { background: #fff4e0; border: 2px solid #b35900; padding: 0.5em 0.8em; }
nav ol, nav ul { padding-inline-start: 1.4em; }
.versions ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; padding: 0; margin: 0.5em 0; }
.player { position: sticky; top: 0; background: #ffffff; padding: 0.4em 0; border-bottom: 1px solid #8a8a80; }
.player audio { width: 100%; }
footer.page { border-top: 1px solid #8a8a80; margin-top: 2em; padding-top: 0.5em; font-size: 0.95em; color: #333333; }
main:focus { outline: none; }
@media print {
  body { max-width: none; font-size: 11pt; color: #000000; background: #ffffff; }
  .skip-link, .player, nav.toc, .versions, details.original summary { display: none; }
  details.original > p { display: block; }
  h1, h2, h3, h4, h5, h6 { page-break-after: avoid; break-after: avoid; }
  table, figure, .glossary { page-break-inside: avoid; break-inside: avoid; }
  a { color: #000000; text-decoration: none; }
  .s.active { background: none; }
}
"""


def page_css() -> str:
    return (BASE + PAGE).strip() + "\n"


def epub_css() -> str:
    return BASE.strip() + "\nbody { max-width: none; padding: 0 0.5em; }\n"
