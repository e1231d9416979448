"""pdfium's lines of one text page as pieces (text, first index, rectangles, extent) with the
style each is read with (font size, name, flags, the styled character, baseline): in one native
call when the optional extension ``_chars`` is built, else through :class:`pdf_calls.TextPageCalls`
(split from :mod:`pdf_text`)."""

from __future__ import annotations

from .pdf_calls import _ADDRESSES, _NATIVE, TextPageCalls

Piece = tuple[str, int, list[tuple[float, float, float, float]], float, float, float, float]  # text, start, rects, x0, top, x1, bottom (PDF y up)


def _pieces_py(calls: TextPageCalls, text: str) -> list[Piece]:
    """pdfium's lines (cut at its generated line breaks) with their rectangles and extent."""
    out: list[Piece] = []
    rects_of = calls.rects
    pos = 0
    for piece in text.split("\r\n"):
        start = pos
        pos += len(piece) + 2
        if not piece or piece.isspace():
            continue
        rects = rects_of(start, len(piece))
        if not rects:
            continue
        x0, r_top, x1, r_bottom = rects[0]
        for r in rects[1:]:
            if r[0] < x0:
                x0 = r[0]
            if r[2] > x1:
                x1 = r[2]
            if r[1] > r_top:
                r_top = r[1]
            if r[3] < r_bottom:
                r_bottom = r[3]
        out.append((piece, start, rects, x0, r_top, x1, r_bottom))
    return out


Style = tuple[float, bytes, int, int, float]  # printed font size, font name, font flags, index of the styled character, baseline


def read_pieces(calls: TextPageCalls, text: str, height: float) -> tuple[list[Piece], list[Style]]:
    """pdfium's lines with their rectangles and extent (:func:`_pieces_py`) and the style of each
    (:func:`_style_py`): in one native call when the optional extension ``_chars`` is built
    (the same pdfium functions, without a ctypes call per query), else in Python."""
    if _NATIVE is not None and calls.native:
        return _NATIVE.pieces(_ADDRESSES, calls.h.value, text, height)  # type: ignore[no-any-return]
    pieces = _pieces_py(calls, text)
    return pieces, [_style_py(calls, p, height) for p in pieces]


def _style_py(calls: TextPageCalls, p: Piece, height: float) -> Style:
    """Font size, name and flags of a character inside the line (the first one may be a footnote
    mark or a bullet) and the line's baseline."""
    piece, start, _, _, r_top, _, r_bottom = p
    mid = start + len(piece) // 2
    while mid > start and piece[mid - start].isspace():
        mid -= 1
    size, font, flags = calls.font_facts(mid, r_top - r_bottom)
    return size, font, flags, mid, _baseline(calls, piece, start, mid, height)


def _baseline(calls: TextPageCalls, piece: str, start: int, mid: int, height: float) -> float:
    """The baseline the line starts on (top-left coordinates): that of its first character.

    pdfium joins into one line text whose bands overlap though their baselines differ: a
    table label's last line and the amounts set a little higher beside it (``rurales 412
    500 000``). The line's baseline is where its reading starts, the first word; a
    footnote call or a bullet opening the line (smaller, raised, or not a letter or a digit)
    is passed over for the character inside the line its style was read from."""
    lead = len(piece) - len(piece.lstrip())
    first = start + lead
    y_mid = calls.origin_y(mid)
    if first >= mid or lead >= len(piece):
        return height - y_mid
    y_first = calls.origin_y(first)
    if y_first == y_mid:
        return height - y_mid
    ch = piece[lead]
    if not ch.isalnum() or calls.size_at(first) < 0.75 * calls.size_at(mid):
        return height - y_mid
    return height - y_first
