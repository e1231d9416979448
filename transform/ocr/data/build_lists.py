"""Rebuild ``ar_words.txt`` and ``fr_words.txt`` (a developer tool, not used at run time).

Source: the word lists inside Debian's ``tesseract-ocr-ara`` / ``tesseract-ocr-fra``
(tessdata_fast, Apache-2.0), unpacked with the ``combine_tessdata`` and ``dawg2wordlist``
tools of the ``tesseract-ocr`` package::

    combine_tessdata -u /usr/share/tesseract-ocr/5/tessdata/ara.traineddata /tmp/t/ara.
    dawg2wordlist /tmp/t/ara.lstm-unicharset /tmp/t/ara.lstm-word-dawg /tmp/t/ara.words.txt
    (same for fra)
    python transform/ocr/data/build_lists.py /tmp/t/ara.words.txt /tmp/t/fra.words.txt

Arabic keys are kept only when at least two surface forms of the list share them (this
keeps common, productive words and drops one-off web tokens: about 22k keys, 230 KB).
French keeps every lower-case word made of letters (about 34k keys). The Arabic keys left out
(one surface form, four letters or more: about 51k) go to ``ar_words_rare.txt``, read only by
the OCR word repair (``wordfix.py``) to tell a rare real word (``بمثابة``, ``المنتدب``) from a misreading.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from transform.ocr.lexicon import AR_LETTERS, FR_LETTERS, ar_key, fr_key, normalise_ar

# Function words and frequent administrative words (written for this project), always kept.
AR_FUNCTION_WORDS = """
هذا هذه ذلك تلك هؤلاء أولئك الذي التي الذين اللذان اللتان اللواتي ما ماذا متى أين كيف كم لماذا
في من إلى على عن مع بين حول خلال عند لدى منذ حتى قبل بعد فوق تحت أمام وراء دون ضد نحو عبر ضمن
قد لقد لم لن لا ليس ليست سوف كما كان كانت يكون تكون أن إن أنه أنها إنه إنها لأن لكن بل أو أم ثم
هو هي هم هن نحن أنا أنت أنتم كل بعض غير سوى أي أية إذا إذ لو لولا كلما حيث عندما بينما أيضا فقط
يتم تم وفق طبقا بموجب المادة الفصل الباب الظهير المرسوم القرار القانون الجهة الجماعة الإقليم العمالة
المجلس الرئيس الوزارة الحكومة المملكة المغربية المغرب الرباط الدار البيضاء سطات درهم مليون مليار
سنة السنة الميزانية البرنامج المشروع المشاريع التنمية الجهوية المحلية الوطنية
""".split()

HERE = Path(__file__).resolve().parent
RARE_HEADER = ("# Arabic word keys of four letters or more that only one surface form of the tessdata_fast list "
               "(tesseract-ocr-ara, Apache-2.0) has: used only to tell a rare real word from a misreading "
               "(wordfix.py); built by build_lists.py\n")
HEADER = "# {what}. Source: tessdata_fast word list ({pkg}, Apache-2.0); built by build_lists.py\n"


def build(ara: Path, fra: Path) -> None:
    forms = {normalise_ar(w.strip()) for w in ara.read_text(encoding="utf-8").splitlines()}
    counts = Counter(ar_key(w) for w in forms if AR_LETTERS.match(w))
    ar = sorted({k for k, n in counts.items() if n >= 2 or len(k) <= 3} | {ar_key(normalise_ar(w)) for w in AR_FUNCTION_WORDS})
    (HERE / "ar_words.txt").write_text(
        HEADER.format(what="Arabic word keys", pkg="tesseract-ocr-ara") + "\n".join(ar) + "\n", encoding="utf-8"
    )
    # The keys left out above (one surface form each), four letters or more: not words to score a
    # text layer by, but rare real words a misreading is told from (transform/ocr/wordfix.py).
    rare = sorted({k for k, n in counts.items() if n < 2 and len(k) >= 4} - set(ar))
    (HERE / "ar_words_rare.txt").write_text(RARE_HEADER + "\n".join(rare) + "\n", encoding="utf-8")
    fr_forms = {w.strip().lower() for w in fra.read_text(encoding="utf-8").splitlines() if w.strip()[:1].islower()}
    fr = sorted({fr_key(w) for w in fr_forms if len(w) >= 2 and FR_LETTERS.match(w)} | {"a", "à", "y", "ô"})
    (HERE / "fr_words.txt").write_text(
        HEADER.format(what="French word keys", pkg="tesseract-ocr-fra") + "\n".join(fr) + "\n", encoding="utf-8"
    )
    print(f"ar: {len(ar)} keys ({len(rare)} rare), fr: {len(fr)} keys")


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
