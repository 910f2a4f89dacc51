"""Escaping for hand-written XML 1.0.

``&``, ``<`` and ``>`` are escaped everywhere; in attribute values ``"`` too, and
tab and newline as character references, which a parser would otherwise turn
into spaces. A carriage return is written as ``&#13;`` everywhere, which a parser
would otherwise turn into a newline (ElementTree, which networkx's writers use,
does that in element text).

Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage
return; surrogates; U+FFFE and U+FFFF) are dropped. networkx's writers wrote
them as they are, so no XML parser could read the file back.

>>> escape_text("a < b & c\\r\\n")
'a &lt; b &amp; c&#13;\\n'
>>> escape_attr('"x"\\tand\\x01 y\\n')
'&quot;x&quot;&#9;and y&#10;'
>>> plain(("Nguyễn Văn An", "2025-04-09")), plain(("a", "<b>")), plain(("a\\n",))
(True, False, False)
"""

from __future__ import annotations

import re

__all__ = ["escape_attr", "escape_text", "plain"]

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Character references for what a parser would normalise: in text, and in attribute values.
_TEXT_REFERENCES = (("\r", "&#13;"),)
_ATTR_REFERENCES = (("\r", "&#13;"), ("\t", "&#9;"), ("\n", "&#10;"))


def plain(strings: tuple[str, ...]) -> bool:
    """Whether the strings can be written as they are, as text or attribute values.

    A quick check for the common case: it also says no for legal but
    unprintable characters (such as a no-break space), which then take the
    slower way through :func:`escape_attr` or :func:`escape_text`.
    """
    joined = "".join(strings)
    return joined.isprintable() and not ("&" in joined or "<" in joined or ">" in joined or '"' in joined)


def escape_text(text: str) -> str:
    """Element text."""
    return _escape(text, quote=False, references=_TEXT_REFERENCES)


def escape_attr(text: str) -> str:
    """An attribute value, to be written between double quotes."""
    return _escape(text, quote=True, references=_ATTR_REFERENCES)


def _escape(text: str, quote: bool, references: tuple[tuple[str, str], ...]) -> str:
    # ``in`` before each ``replace``: most strings need none, and ``in`` is the faster scan.
    printable = text.isprintable()
    if not printable:
        text = _ILLEGAL.sub("", text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if quote and '"' in text:
        text = text.replace('"', "&quot;")
    if not printable:
        for char, reference in references:
            text = text.replace(char, reference)
    return text
