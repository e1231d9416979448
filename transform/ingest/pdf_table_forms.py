"""Rules drawn inside form XObjects.

A table pasted from a spreadsheet into slides (PowerPoint, then "save as PDF") is drawn inside
a form XObject: the page itself then holds one form object and none of the table's rules.
pdfium reports the bounds of the objects inside a form in the form's own space, so each
one is carried to the page by the form's matrix (and by the matrices of the forms around it).
Forms are rare and hold few objects: pypdfium2's checked bindings are good enough here.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterable
from typing import Any

import pypdfium2.raw as pdfium_c

PATH, FORM = 2, 5
INVISIBLE, LIGHT = 0, 1
MAX_DEPTH = 4  # forms inside forms inside forms...: deeper ones are drawings, not tables
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
PathBox = tuple[float, float, float, float, int, bool]


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix that applies ``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
    """The page box of a box given in a form's space."""
    a, b, c, d, e, f = m
    xs, ys = [], []
    for x, y in ((left, bottom), (left, top), (right, bottom), (right, top)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


def _matrix(obj: Any) -> Matrix | None:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return None
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def form_paths(forms: Iterable[Any], ink_of: Callable[[Any], tuple[int, bool]], thin: float, budget: int) -> list[PathBox]:
    """(left, bottom, right, top) on the page, ink and stroke of the path objects inside the
    given form objects, at most ``budget`` objects walked (bounded work)."""
    out: list[PathBox] = []
    box = [ctypes.c_float() for _ in range(4)]
    stack: list[tuple[Any, Matrix, int]] = []
    for handle in forms:
        form = ctypes.cast(handle, pdfium_c.FPDF_PAGEOBJECT)  # the page walk may hand a bare pointer
        m = _matrix(form)
        if m is not None:
            stack.append((form, m, 1))
    while stack and budget > 0:
        form, m, depth = stack.pop()
        n = pdfium_c.FPDFFormObj_CountObjects(form)
        budget -= max(n, 0)
        if budget < 0:
            return []  # a drawing of thousands of pieces: no table search, as for a page
        for i in range(max(n, 0)):
            obj = pdfium_c.FPDFFormObj_GetObject(form, i)
            if not obj:
                continue
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == FORM and depth < MAX_DEPTH:
                inner = _matrix(obj)
                if inner is not None:
                    stack.append((obj, _compose(inner, m), depth + 1))
            elif kind == PATH and pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in box)):
                left, bottom, right, top = _apply(m, *(v.value for v in box))
                ink, stroked = ink_of(obj)
                if ink == INVISIBLE and right - left > thin and top - bottom > thin:
                    continue  # a white, unstroked box is a text frame, not a rule
                out.append((left, bottom, right, top, max(ink, LIGHT), stroked))
    return out
