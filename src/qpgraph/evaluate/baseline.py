"""The field's standard toolkit as a baseline: underthesea's CRF NER, read as facts.

PER spans become persons (no rank, no posts), ORG spans units, LOC spans
provinces; no date, no events.

>>> entity_spans([("Trung tướng", "N", "B-NP", "O"), ("Nguyễn Văn An", "Np", "B-NP", "B-PER"),
...               ("Quân khu", "N", "B-NP", "B-LOC"), ("7", "M", "B-NP", "I-LOC")])
[('PER', 'Nguyễn Văn An'), ('LOC', 'Quân khu 7')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from qpgraph.evaluate.canonical import canonical, canonical_province
from qpgraph.records import Facts, FactsPerson

__all__ = ["entity_spans", "baseline_facts"]

#: One token as underthesea's ner() returns it: (word, pos, chunk, ner tag).
Token = tuple[str, str, str, str]


def entity_spans(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """(type, text) of the entity spans of a tagged sentence, words joined by a space.

    A span is a B-X token followed by the I-X tokens right after it; an I-X
    that continues no X span opens a new one (the CoNLL reading).

    >>> entity_spans([(";", "CH", "O", "B-LOC"), ("Đinh Văn Bình", "Np", "B-NP", "I-LOC"),
    ...               ("Lý Văn Cường", "Np", "B-NP", "B-PER"), ("Lê", "Np", "B-NP", "B-PER"),
    ...               ("Hà", "Np", "B-NP", "I-ORG")])
    [('LOC', '; Đinh Văn Bình'), ('PER', 'Lý Văn Cường'), ('PER', 'Lê'), ('ORG', 'Hà')]
    >>> entity_spans([])
    []
    """
    spans: list[tuple[str, list[str]]] = []
    open_type: str | None = None
    for word, _pos, _chunk, tag in tokens:
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and kind == open_type:
            spans[-1][1].append(word)
        elif prefix in ("B", "I") and kind:
            spans.append((kind, [word]))
            open_type = kind
        else:
            open_type = None
    return [(kind, " ".join(words)) for kind, words in spans]


def _unique(texts: Iterable[str], form: Callable[[str], str]) -> list[str | list[str]]:
    """First printed form of each canonical form, in order; empty forms dropped."""
    seen: set[str] = set()
    kept: list[str | list[str]] = []
    for text in texts:
        key = form(text)
        if key and key not in seen:
            seen.add(key)
            kept.append(text)
    return kept


def baseline_facts(article_id: str, text: str) -> Facts:
    """underthesea ``ner()`` over each sentence of `text`, as a facts document.

    Deterministic: spans in order of first appearance, one per canonical form.
    """
    # Imported here: underthesea loads its models on import, which the rest of
    # qpgraph.evaluate does not need.
    from underthesea import ner, sent_tokenize  # type: ignore[import-untyped]

    spans = [span for sentence in sent_tokenize(text) for span in entity_spans(ner(sentence))]
    of = {kind: [t for k, t in spans if k == kind] for kind in ("PER", "ORG", "LOC")}
    return Facts(
        article=article_id,
        date=None,
        persons=[FactsPerson(name=name) for name in _unique(of["PER"], canonical)],
        units=_unique(of["ORG"], canonical),
        provinces=_unique(of["LOC"], canonical_province),
        events=[],
    )
