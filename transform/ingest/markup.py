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


# ---- which pandoc reader a Markdown text needs ----------------------------------------------
#
# pandoc's ``markdown`` reader is several times slower than its CommonMark reader on long
# files. Where the two readers cannot disagree, the CommonMark one (with the extensions our
# Markdown uses: pipe tables, footnotes, attributes, fenced divs, smart punctuation...) reads
# the file; :func:`markdown_reader` scans the text line by line for anything the two readers
# treat differently and keeps the ``markdown`` reader when it finds one. The scan is
# deliberately strict: a false alarm only costs time, a miss would change the document.

FAST_MARKDOWN = "commonmark_x-emoji-alerts-task_lists-implicit_header_references"
_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_OTHER_ITEM = re.compile(r"\s*(?:\(?(?:[A-Za-z]|[ivxlcdmIVXLCDM]+|#|@\w*)[.)])(?:\s|$)")  # fancy, example lists
_BLOCK_START = re.compile(r"\s{0,3}(?:#|>)")
_PIPE_DELIM = re.compile(r"\s*\|(?:\s*:?-+:?\s*\|)+\s*$")
_NEEDS_MARKDOWN = re.compile(
    r"""^\s*(?:\+[-=+:]+\+       # grid table
             | -+(?:[ \t]+-+)+\s*$  # simple or multiline table rule
             | [:~][ \t]           # definition list, table caption
             | Table:              # table caption
             | %                   # title block
             | \*\s*\*\s*\*        # spaced rule (fine in both, but rare: keep it simple)
           )
      | <[A-Za-z!/?]              # raw HTML (pandoc reads Markdown inside it)
      | \\[A-Za-z]                # raw TeX
      | \\(?![!-/:-@\[-`{-~]|$)   # an escape CommonMark does not have (a backslash before a space or a letter)
      | \$ | \^\[ | !\[           # math, inline notes, images (implicit figures)
      | \[@ | (?<![\w.])@\w        # citations
      | (?<![-|:])--(?![-|:\s]*$) # dashes typed as hyphens (smart punctuation groups them differently)
      | \S[ \t]{2,}\S             # runs of spaces inside a line (simple tables, line layout)
    """,
    re.X,
)


def _cells(line: str) -> int:
    return line.strip().strip("|").count("|") + 1


def markdown_reader(text: str) -> str:
    """The pandoc reader for this Markdown text: :data:`FAST_MARKDOWN` when nothing in it reads
    differently there, else ``markdown``."""
    if text.startswith("%") or "\t" in text or "\r" in text:
        return "markdown"
    lines = text.split("\n")
    if lines[0] == "---":  # a YAML metadata block (both readers have it): its values are checked alone
        end = next((k for k in range(1, len(lines)) if lines[k] in ("---", "...")), 0)
        if not end or any(_NEEDS_MARKDOWN.search(" ".join(ln.split())) for ln in lines[1:end]):
            return "markdown"
        lines = lines[end + 1 :]
    prev = ""  # the previous line
    in_list = False
    fence = ""
    comment = blank_next = False
    marker = ""  # the current list's bullet or number delimiter
    table = 0  # cells of the pipe table being read, 0 outside one
    for k, line in enumerate(lines):
        stripped = line.strip()
        if fence:  # inside a fenced code block: nothing is Markdown
            if stripped.startswith(fence):
                fence = ""
            prev = line
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            if prev.strip():
                return "markdown"
            prev = line
            continue
        if not stripped:
            table = 0
            blank_next = False
            prev = line
            continue
        if blank_next:  # a comment block must stand between blank lines
            return "markdown"
        if stripped.startswith("<!--") and not prev.strip() and not comment:  # a comment block of its own
            comment = True
        if comment:  # until the line that ends it; nothing may follow its end on that line
            if "-->" in line:
                if not stripped.endswith("-->") or "-->" in stripped[:-3]:
                    return "markdown"
                comment = False
                blank_next = True
            prev = line
            continue
        if _NEEDS_MARKDOWN.search(line):
            return "markdown"
        if "|" in line:  # only pipe tables with a leading pipe, a header, a rule row and even rows
            if table:
                if not (stripped.startswith("|") and stripped.endswith("|") and _cells(line) == table):
                    return "markdown"
            else:
                nxt = lines[k + 1] if k + 1 < len(lines) else ""
                if (prev.strip() or not stripped.startswith("|") or not stripped.endswith("|")
                        or not _PIPE_DELIM.match(nxt) or _cells(nxt) != _cells(line)):
                    return "markdown"
                table = _cells(line)
            prev = line
            continue
        if table:  # a line without a pipe right after a table
            return "markdown"
        indent = len(line) - len(line.lstrip(" "))
        if _LIST_ITEM.match(line):
            if indent:  # nested lists: the two readers indent sub-lists by different rules
                return "markdown"
            if prev.strip() and not in_list:  # a list that interrupts a paragraph
                return "markdown"
            mark = stripped[0] if stripped[0] in "-*+" else stripped.split()[0][-1]
            if in_list and mark != marker:  # another bullet or delimiter: a new list in CommonMark only
                return "markdown"
            in_list, marker = True, mark
        elif _OTHER_ITEM.match(line):
            return "markdown"
        elif stripped.startswith(":::") and not indent:  # a div's fence: what follows starts afresh
            in_list = False
            line = ""
        elif _BLOCK_START.match(line):
            if prev.strip() or indent:  # a heading, quote or code fence without a blank line before it
                return "markdown"
            in_list = False
        elif indent:  # continuation lines and indented code: rules differ
            return "markdown"
        elif not prev.strip():
            in_list = False
        prev = line
    return FAST_MARKDOWN
