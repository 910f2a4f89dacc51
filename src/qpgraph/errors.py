"""One exception root for qpgraph, with specific subclasses.

Every error names the file (and line, where there is one) it is about, so the
command line can turn it into one clear message.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "QpgraphError",
    "IngestError",
    "VocabularyError",
    "AnnotationError",
    "ExtractionError",
    "JudgementError",
]


def _printable(text: str) -> str:
    """The text with each character that is not printable escaped as Python would.

    >>> _printable("raw/nl\\nerror: x.txt")
    'raw/nl\\\\nerror: x.txt'
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class QpgraphError(Exception):
    """Root of every error qpgraph raises on purpose."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        """``path:line: message`` on one line: a path with a control character in it (a
        file named with a newline) is shown escaped, never forging a line of its own."""
        where = _printable(self.path or "")
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message

    def __reduce__(self) -> tuple[type[QpgraphError], tuple[str, str | None, int | None]]:
        """Pickled with its file and line (errors come back from worker processes)."""
        return type(self), (self.message, self.path, self.line)


class IngestError(QpgraphError):
    """An article file (or one line of a .jsonl file) cannot be read as an article."""


class VocabularyError(QpgraphError):
    """A vocabulary data file shipped with the package is malformed."""


class AnnotationError(QpgraphError):
    """A gold annotation (or facts) file does not follow the facts format."""


class ExtractionError(QpgraphError):
    """The extractor failed on one article (a defect of qpgraph, reported per article)."""


class JudgementError(QpgraphError):
    """The judgements file (who is whom, decided by an analyst) is malformed or contradicts itself."""
