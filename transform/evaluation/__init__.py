"""Evaluation of reading against hand-checked truth (tests/realdocs/, bench/fidelity.py)."""

from __future__ import annotations

from .corpus import CorpusDoc, load_corpus, read_document, score_corpus_doc
from .fidelity import score_document
from .normalize import normalize, number_tokens, words
from .report import Counts, DocScore, PageScore, Targets, Totals, corpus_totals, markdown_table
from .truth import TruthBlock, TruthCell, TruthFormatError, TruthPage, load_truth_dir, load_truth_page, parse_truth_page

__all__ = [
    "CorpusDoc",
    "Counts",
    "DocScore",
    "PageScore",
    "Targets",
    "Totals",
    "TruthBlock",
    "TruthCell",
    "TruthFormatError",
    "TruthPage",
    "corpus_totals",
    "load_corpus",
    "load_truth_dir",
    "load_truth_page",
    "markdown_table",
    "normalize",
    "number_tokens",
    "parse_truth_page",
    "read_document",
    "score_corpus_doc",
    "score_document",
    "words",
]
