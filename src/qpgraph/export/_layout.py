"""Attribute layouts for the streaming XML writers, compiled once per signature.

A graph's thousands of nodes and edges share a few *signatures*: the names of
their attributes, in order, and the types of the values. The XML writers know
every signature before they write (``_scan``: they declare their attribute keys
before the graph), then compile each into a :class:`Row`: one ``%``-template for the whole
element, with the attributes sorted by name. Writing an element is then a
C-level lookup of its values, one check that none of its strings needs
escaping, and one ``%`` format.

>>> row = Row.compile("<e id=%s>", [Column("b", " b=%s", None, text=False), Column("a", " a=%s", None, text=True)], "</e>")
>>> row.render(("x",), {"b": 2, "a": "y"}, str)
'<e id=x> a=y b=2</e>'
>>> row.render(("x",), {"b": 2, "a": "<y>"}, lambda s: s.replace("<", "&lt;").replace(">", "&gt;"))
'<e id=x> a=&lt;y&gt; b=2</e>'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Generic, TypeVar

from ._xml import escape_attr, plain

__all__ = ["PLAIN", "Column", "Convert", "Row", "Rows", "Signature", "Signatures", "signature", "written_type"]

#: A signature: attribute names in order, and the exact types of their values.
Signature = tuple[tuple[str, ...], tuple[type, ...]]
#: Turns a value into the string written for it.
Convert = Callable[[Any], str]
Getter = Callable[[Any], tuple[Any, ...]]
T = TypeVar("T")

#: The types the XML formats have a type for; other values are written as JSON strings.
PLAIN: frozenset[type] = frozenset({str, int, float, bool})


def written_type(value_type: type) -> type:
    """The type a value is written as: lists, dicts, None and anything else as (JSON) strings."""
    return value_type if value_type in PLAIN else str


def signature(data: Mapping[str, Any]) -> Signature:
    """The signature of an element's attributes."""
    return (tuple(data), tuple(map(type, data.values())))


@dataclass
class Signatures:
    """The distinct signatures of a sequence of attribute dicts, in the order first seen."""

    distinct: list[Signature] = field(default_factory=list)
    _seen: set[Signature] = field(default_factory=set, init=False, repr=False)

    def add(self, data: Mapping[str, Any]) -> None:
        self.add_signature(signature(data))

    def add_signature(self, sig: Signature) -> None:
        if sig not in self._seen:
            self._seen.add(sig)
            self.distinct.append(sig)


class Rows(Generic[T]):
    """What an XML writer made of each distinct signature (its rows), found by an element's attributes."""

    def __init__(self, sigs: Signatures, make: Callable[[Signature], T]) -> None:
        self.made = {sig: make(sig) for sig in sigs.distinct}

    def of(self, data: Mapping[str, Any]) -> T:
        return self.made[signature(data)]


def _getter(keys: Sequence[Any]) -> Getter:
    """``itemgetter`` that returns a tuple for any number of keys."""
    if len(keys) == 1:
        key = keys[0]
        return lambda data: (data[key],)
    if not keys:
        return lambda _data: ()
    return itemgetter(*keys)


@dataclass(frozen=True)
class Column:
    """How one attribute is written."""

    #: Its name in the attribute dict.
    name: str
    #: Its markup, with one ``%s`` for the value.
    line: str
    #: What turns the value into the (escaped) string written, if ``%s`` does not.
    convert: Convert | None
    #: Whether the value is written as it is, a string that may need escaping (not a
    #: number, nor what ``convert`` makes, which escapes it itself).
    text: bool


@dataclass(frozen=True)
class Row:
    """One element's template: ``%s`` for each head string (ids, attributes of the
    element itself), then for each of its attributes."""

    template: str
    values: Getter
    #: Where the values written as they are (strings that may need escaping) are.
    text_positions: tuple[int, ...]
    texts: Getter
    converts: tuple[tuple[int, Convert], ...]

    @classmethod
    def compile(cls, head: str, columns: Sequence[Column], tail: str) -> Row:
        columns = sorted(columns, key=lambda column: column.name)
        text_positions = tuple(i for i, column in enumerate(columns) if column.text)
        return cls(
            template=head + "".join(column.line for column in columns) + tail,
            values=_getter([column.name for column in columns]),
            text_positions=text_positions,
            texts=_getter(text_positions),
            converts=tuple((i, column.convert) for i, column in enumerate(columns) if column.convert),
        )

    def render(self, head: tuple[str, ...], data: Mapping[str, Any], escape: Callable[[str], str]) -> str:
        """The element; ``head`` is escaped as attribute values, the attributes with ``escape``."""
        values = self.values(data)
        if self.converts:
            values = self._replaced(values, self.converts)
        if plain(head + self.texts(values)):
            return self.template % (head + values)
        values = self._replaced(values, [(i, escape) for i in self.text_positions])
        return self.template % (tuple(map(escape_attr, head)) + values)

    @staticmethod
    def _replaced(values: tuple[Any, ...], functions: Iterable[tuple[int, Convert]]) -> tuple[Any, ...]:
        """The values with ``function`` applied to the one at each position."""
        replaced = list(values)
        for i, function in functions:
            replaced[i] = function(replaced[i])
        return tuple(replaced)
