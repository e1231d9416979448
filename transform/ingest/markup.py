"""Clean HTML and Markdown text before pandoc reads it, and sniff which of the two a text is.

Exports from word processors and converters put things at the top of a file that are not
content: an XML declaration, comments, a ``<style>`` block, or the style sheet's text itself
when a converter dropped the tags but kept what was inside (Word's ``/* Font Definitions */
@font-face {...} p.MsoNormal {...}``). :func:`strip_leading_noise` removes all of that; the
sniffer then looks at what follows, and the Markdown reader never sees CSS as text.
"""

from __future__ import annotations

import re

_NOISE = re.compile(
    r"""(?:
        \s+
      | \ufeff
      | <\?xml[^>]{0,500}\?>
      | <!DOCTYPE[^>\[]{0,500}(?:\[.*?\])?\s*>
      | <!--.*?-->
      | <!--|-->                                   # a comment marker left alone by a converter
      | <style\b[^>]{0,500}>.*?</style\s*>
      | /\*.*?\*/                                  # a CSS comment
    )""",
    re.S | re.I | re.X,
)
# a CSS rule's selector: element/class/id selectors, lists, pseudo-classes, at-rules (@font-face, @page, @media ...)
_SELECTOR = re.compile(r"""[@A-Za-z0-9_.#:,*>+~\s\[\]="'()\-\\]{1,400}?\{""")
_DECLARATIONS = re.compile(r"""\A\s*(?:[-A-Za-z_][-\w]*\s*:[^;{}]*(?:;\s*|$))*\s*\Z""")
MAX_CSS = 200_000  # characters of leading style sheet looked at


def _css_rule_end(text: str, pos: int) -> int | None:
    """End of the CSS rule that starts at ``pos`` (nested braces for @media), or None."""
    m = _SELECTOR.match(text, pos, min(len(text), pos + 401))
    if not m or not m.group(0)[:-1].strip():
        return None
    depth, i, limit = 1, m.end(), min(len(text), pos + MAX_CSS)
    body_start = i
    while i < limit and depth:
        ch = text[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        i += 1
    if depth:
        return None
    body = text[body_start : i - 1]
    if "{" in body:  # @media and friends: a body of rules
        return i if m.group(0).lstrip().startswith("@") else None
    return i if _DECLARATIONS.match(body) else None


def strip_leading_noise(text: str) -> str:
    """Drop what precedes the content: declarations, comments, style blocks, bare CSS rules."""
    pos, n = 0, len(text)
    while pos < n:
        m = _NOISE.match(text, pos)
        if m and m.end() > pos:
            pos = m.end()
            continue
        end = _css_rule_end(text, pos)
        if end is None:
            break
        pos = end
    return text[pos:]


_MD_STRONG = re.compile(r"^#{1,6}\s+\S")
_MD_WEAK = (
    re.compile(r"^\s*\|.*\|\s*$"),  # a pipe-table row
    re.compile(r"^\s*[-*+]\s+\S"),  # a bullet
    re.compile(r"^\s*\d+[.)]\s+\S"),  # a numbered item
    re.compile(r"\*\*\S.*?\S?\*\*|__\S.*?__|\[[^\]]+\]\([^)]+\)|\\[\[\]*_#.\-]|^\s*:::|^\[\^\w+\]:"),  # **bold**, links, escapes, divs, notes
    re.compile(r"^\s*(?:-{3,}|={3,})\s*$"),  # setext underline or rule
)
_HTML_DOC = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)
_HTML_TAG = re.compile(r"</?(?:p|h[1-6]|div|table|tr|td|th|span|br|ul|ol|li|b|i|a|strong|em|section|article)(?:\s[^<>]*)?/?>", re.I)
_HTML_BLOCK = re.compile(r"<(?:p|h[1-6]|div|tr|li|section|article)[\s>]", re.I)


def markdown_score(text: str) -> int:
    """Lines with Markdown syntax in the first 300 lines (a heading counts twice)."""
    score = 0
    for line in text.splitlines()[:300]:
        if _MD_STRONG.match(line):
            score += 2
        elif any(p.search(line) for p in _MD_WEAK):
            score += 1
    return score


def sniff_markup(text: str) -> str:
    """``html``, ``markdown`` or ``text`` for a decoded text file (the start of it is enough)."""
    body = strip_leading_noise(text)
    head = body[:20000]
    if _HTML_DOC.match(head) or _HTML_DOC.search(head[:500]):
        return "html"
    md = markdown_score(head)
    starts_with_tag = body.lstrip().startswith("<")
    if md >= 2 and (not starts_with_tag or md * 2 >= len(_HTML_BLOCK.findall(head))):
        return "markdown"  # Markdown that carries HTML fragments is still Markdown
    tags = len(_HTML_TAG.findall(head))
    if tags and (starts_with_tag or tags >= 3):
        return "html"
    if not body.strip() and text.strip():  # nothing but a style block, comments or declarations
        return "html"
    if md >= 2 or (md == 1 and len([ln for ln in head.splitlines() if ln.strip()]) <= 3):
        return "markdown"
    return "text"


# ---- HTML prepared for pandoc ---------------------------------------------------------------

_TH_OPEN = re.compile(r"<th(?=[\s>/])", re.I)
_TH_CLOSE = re.compile(r"</th\s*>", re.I)
TH_MARK = "taysir-th"


def mark_header_cells(html: str) -> str:
    """``<th>`` -> ``<td data-taysir-th>``: pandoc keeps a header cell only in the table head and
    drops the distinction for row headers in the body; a cell attribute survives everywhere."""
    if "<th" not in html and "<TH" not in html and "<Th" not in html:
        return html
    html = _TH_OPEN.sub(f'<td data-{TH_MARK}="1"', html)
    return _TH_CLOSE.sub("</td>", html)


_TABLE_TAG = re.compile(r"<table[\s>]", re.I)


def has_html_table(markdown: str) -> bool:
    """A Markdown text with an HTML table in it (pandoc's Markdown reader keeps such a table as raw
    HTML, so its cells would come out as loose paragraphs)."""
    return bool(_TABLE_TAG.search(markdown))
