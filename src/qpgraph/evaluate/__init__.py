"""Scoring extraction on the facts format (``shared/facts-format.md``).

* :mod:`~qpgraph.evaluate.canonical`: the canonical form strings are compared in;
* :mod:`~qpgraph.evaluate.score`: scores, explanations, tables, reading gold;
* :mod:`~qpgraph.evaluate.baseline`: underthesea's NER as a baseline extractor.

>>> from qpgraph.evaluate import canonical, canonical_province
>>> canonical("Bộ CHQS tỉnh"), canonical_province("TP.HCM")
('bộ chỉ huy quân sự tỉnh', 'hồ chí minh')
"""

from __future__ import annotations

from qpgraph.evaluate.abbreviations import AbbreviationTable, abbreviation_table, load_abbreviations
from qpgraph.evaluate.baseline import baseline_facts, entity_spans
from qpgraph.evaluate.canonical import canonical, canonical_province
from qpgraph.evaluate.facts import KINDS
from qpgraph.evaluate.score import KindScore, Scores, explain, format_misses, format_table, load_facts_dir, score

__all__ = [
    "KINDS",
    "AbbreviationTable",
    "abbreviation_table",
    "load_abbreviations",
    "canonical",
    "canonical_province",
    "KindScore",
    "Scores",
    "score",
    "explain",
    "format_misses",
    "format_table",
    "load_facts_dir",
    "baseline_facts",
    "entity_spans",
]
