"""CSV cells a spreadsheet will not run: text that starts with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return) is a formula to Excel, LibreOffice and Google
Sheets ("CSV injection"), so it is written after an apostrophe, as OWASP advises.

>>> [neutral(v) for v in ["=HYPERLINK(\\"http://x\\")", "+1", "Quân khu 7", 42, None]]
['\\'=HYPERLINK("http://x")', "'+1", 'Quân khu 7', 42, None]
"""

from __future__ import annotations

__all__ = ["neutral", "neutral_row"]

#: The first characters that make a cell a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral(value: object) -> object:
    """The value, with an apostrophe before text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutral_row(row: list[object]) -> list[object]:
    """Every cell of a row :func:`neutral`."""
    return [neutral(value) for value in row]
