"""A list bullet at the head of an Arabic line read as a letter or a sign, told by its shape.

A round bullet (``•``) or a box (``☐``) printed before the items of an Arabic list comes out of
``ara`` as whatever looks like it: ``ه`` (the joint order's filled bullets, eight lines of it),
``D`` and ``0`` (the empty boxes of decree 2.17.355's contract form), ``Ÿ``, ``”``, ``©``. Such a
"word" then stands in the text (``ه هامش الطحن:``) and the item is not told from a paragraph.

The first word of a line is a bullet when it is the line's rightmost word and:

* one character that is no Arabic letter but ``ه`` and no digit but ``0`` (a lone ``و`` is a word,
  ``1`` to ``9`` number a list), or a round one (ROUND) with a guillemet or a quote read beside it out of the
  same ink (the joint order's and decree 2.19.720's round bullets read ``٠«``: the ``0`` then reached the text;
  a letter so read, ``I»``, may be a part's Roman number and stays);
* a box about square (width 0.6 to 1.7 times its height; a dash or a rule is flat, a digit
  ``1`` tall), no taller than 0.85 of the line's words (an isolated ``ه`` of the text is a letter's
  height);
* standing apart: the gap to the next word is at least half its width (a Hijri ``ه`` after a year
  sits against it, and is on the year's left, not the line's head);
* at least two words after it.

It is then written ``•``, which makes the line a list item (the PDF ingester's bullets).
"""

from __future__ import annotations

import re

BULLET = "•"
MIN_WORDS = 3  # the bullet and at least two words
MIN_RATIO, MAX_RATIO = 0.6, 1.7  # width over height of a bullet's box
MAX_HEIGHT = 0.85  # of the line's word height (upper quartile)
MIN_GAP = 0.5  # of the bullet's width, paper to the next word
_QUOTES = "«»\"“”'"  # read beside a bullet's character out of its ink (``٠«``)...
ROUND = "٠0oOه°•"  # ...when that character is one a round bullet is read as
_NOT_BULLET = re.compile(r"[\u0621-\u0646\u0648-\u064a1-9\u0661-\u0669\u06f1-\u06f9\-–—.,،:;؛()\[\]/\\|_=]")


def _height(heights: list[int]) -> float:
    hs = sorted(heights)
    return float(hs[min(len(hs) - 1, (3 * len(hs)) // 4)])


def is_bullet(words: list[str], boxes: list[tuple[int, int, int, int]], heights: list[int]) -> bool:
    """Is the first word tesseract lists for this Arabic line a bullet (module docstring)?
    ``boxes``: (x0, y0, x1, y1) pixels of each word, in the same order."""
    first = words[0].strip(_QUOTES) if len(words[0]) == 2 else words[0]
    if len(words) < MIN_WORDS or len(first) != 1 or _NOT_BULLET.match(first) or (first != words[0] and first not in ROUND):
        return False
    x0, y0, x1, y1 = boxes[0]
    w, h = x1 - x0, y1 - y0
    if h <= 0 or not MIN_RATIO <= w / h <= MAX_RATIO or h > MAX_HEIGHT * _height(heights[1:]):
        return False
    if x1 < max(b[2] for b in boxes[1:]):  # not the line's head
        return False
    nearest = max(b[2] for b in boxes[1:])
    return x0 - nearest >= MIN_GAP * w


def mark_bullet(info: dict[str, list]) -> None:
    """A line's parallel lists (``words``, ``boxes``, ``heights`` as tesseract.parse_tsv gathers
    them) with a bullet read as a letter or sign written ``•`` in place."""
    if is_bullet(info["words"], info["boxes"], info["heights"]):
        info["words"][0] = BULLET
