"""An export written as its items, and the next one taking the unchanged items from it.

An export file is literal text and *sections*: the graph's nodes, or its pairs of
nodes with the edges from one to the other, one item each, in graph order, with a
separator between items. Writing it records where every item lies in the file
(:class:`Offsets`, kept beside the build's other state). The next build, told by
:func:`~qpgraph.graph.digests.compare` which of its nodes and pairs are as they
were and where they were, copies those from the last file byte for byte (runs of
them at once, by the kernel where it can) and renders only the others: the file
is the one a full write gives. Nothing is taken when the text the items depend on
(the attributes an XML format declares, say) changed, or the last file is not the
one the offsets describe (its size and samples of it).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from typing import Any, BinaryIO, Literal

import networkx as nx
import numpy as np

from ..atomic import atomic_fd, write_bytes_atomic
from ..graph.digests import Comparison

__all__ = ["Section", "Part", "Keep", "Offsets", "write_parts", "pairs"]

#: Bytes of rendered items gathered before one write.
_BATCH = 1 << 20


@dataclass
class Section:
    """The nodes or the pairs of a graph as items, in graph order."""

    kind: Literal["nodes", "pairs"]
    items: Iterable[Any]
    render: Callable[[Any], str]
    separator: str = ""


Part = str | Section


def pairs(graph: nx.MultiDiGraph) -> Iterator[tuple[Any, Any, dict[Any, dict[str, Any]]]]:
    """Every pair of nodes joined by edges, with the edges from the first to the
    second by key, in graph order (the order of ``graph.edges``)."""
    for u, successors in graph._succ.items():
        for v, edges in successors.items():
            yield u, v, edges


@dataclass(frozen=True)
class Keep:
    """Where a build keeps the offsets of its exports, a key of the graph it writes
    and of the code that writes it, and, if the last build's graph is known, that
    build's key and what changed since."""

    folder: Path
    graph: str
    last: str | None = None
    change: Comparison | None = None


@dataclass
class Offsets:
    """Where each item of an export file lies: ``(start, end)`` byte offsets per node
    and per pair, in the order of the graph written."""

    graph: str
    context: str
    #: The file's size and :func:`_fingerprint`.
    size: int
    fingerprint: str
    nodes: np.ndarray
    pairs: np.ndarray


def write_parts(path: Path, parts: list[Part], context: str, keep: Keep | None = None) -> None:
    """Write ``parts`` to ``path`` atomically; ``context`` is the text the items
    depend on besides themselves. With ``keep``, the offsets of the file are kept,
    and the items that did not change since the last build are taken from its file."""
    last = _last(path, context, keep)
    where: dict[str, array[int]] = {"nodes": array("q"), "pairs": array("q")}
    with atomic_fd(path) as fd, os.fdopen(fd, "wb") as out, \
            (open(path, "rb") if last is not None else nullcontext()) as source:
        writer = _Writer(out, fd, source)
        for part in parts:
            if isinstance(part, str):
                writer.text(part)
                continue
            was = None
            if last is not None and keep is not None and keep.change is not None:
                was = (keep.change.node_was if part.kind == "nodes" else keep.change.pair_was, getattr(last, part.kind))
            writer.section(part, was, where[part.kind])
        writer.flush()
    if keep is not None:
        offsets = Offsets(keep.graph, context, path.stat().st_size, _fingerprint(path),
                          *(np.frombuffer(where[kind].tobytes(), np.int64).reshape(-1, 2) for kind in ("nodes", "pairs")))
        write_bytes_atomic(_offsets_path(keep, path), pickle.dumps(offsets, protocol=pickle.HIGHEST_PROTOCOL))


def _offsets_path(keep: Keep, path: Path) -> Path:
    return keep.folder / f"{path.name}.offsets"


def _last(path: Path, context: str, keep: Keep | None) -> Offsets | None:
    """The offsets of the last file at ``path``, if its items may be taken."""
    if keep is None or keep.change is None or keep.last is None:
        return None
    offsets_path = _offsets_path(keep, path)
    try:
        last = pickle.loads(offsets_path.read_bytes())
        size = path.stat().st_size
    except Exception:  # no offsets, or damaged ones, or no file: every item rendered
        return None
    if not isinstance(last, Offsets) or (last.graph, last.context) != (keep.last, context):
        return None
    if (getattr(last, "size", None), getattr(last, "fingerprint", None)) != (size, _fingerprint(path)):
        return None  # not the file the offsets describe
    return last


#: Samples of a file read for its fingerprint, and their size.
_SAMPLES, _SAMPLE = 64, 1 << 12


def _fingerprint(path: Path) -> str:
    """A digest of samples of a file spread over it, which outlives a copy of the file
    (a CI cache's round trip, which may not keep times), unlike its time stamps."""
    digest = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        for k in range(_SAMPLES + 1):
            digest.update(os.pread(handle.fileno(), _SAMPLE, max(0, size - _SAMPLE) * k // _SAMPLES))
    return digest.hexdigest()


class _Writer:
    """Rendered items gathered and written in batches; runs of items taken from the last file copied at once."""

    def __init__(self, out: BinaryIO, fd: int, source: BinaryIO | None) -> None:
        self.out, self.fd, self.source = out, fd, source
        self.batch: list[bytes] = []
        self.batched = 0
        self.pos = 0  # bytes of the file so far, written or not yet
        self.kernel = True  # copies made by os.copy_file_range

    def text(self, text: str) -> None:
        self._add(text.encode("utf-8"))

    def _add(self, data: bytes) -> None:
        self.batch.append(data)
        self.batched += len(data)
        self.pos += len(data)
        if self.batched >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.out.write(b"".join(self.batch))
            self.batch, self.batched = [], 0

    def copy(self, start: int, end: int) -> None:
        """Bytes ``start:end`` of the last file."""
        assert self.source is not None
        self.flush()
        self.out.flush()
        self.pos += end - start
        while start < end:
            done = self._copy(self.source.fileno(), start, end - start)
            if done == 0:
                raise OSError(f"{self.source.name}: shorter than its offsets say")
            start += done

    def _copy(self, source: int, start: int, size: int) -> int:
        """Copy up to ``size`` bytes from ``start`` in ``source`` to the end of the file:
        by the kernel where it can, else through a buffer."""
        if self.kernel:
            try:
                return os.copy_file_range(source, self.fd, size, start)
            except (AttributeError, OSError):  # not on this system, or not between these files
                self.kernel = False
        chunk = os.pread(source, min(size, 1 << 24), start)
        self.out.write(chunk)
        self.out.flush()
        return len(chunk)

    def section(self, section: Section, was: tuple[np.ndarray, np.ndarray] | None, where: array[int]) -> None:
        """The items of a section; ``was`` gives each one's index in the last file
        (-1: render it) and the last file's offsets."""
        separator = section.separator.encode("utf-8")
        render = section.render
        if was is None:
            for k, item in enumerate(section.items):
                if k:
                    self._add(separator)
                data = render(item).encode("utf-8")
                where.extend((self.pos, self.pos + len(data)))
                self._add(data)
            return
        index, old = np.asarray(was[0], np.int64), was[1]
        taken = index >= 0
        # Items taken from the last file come in runs of items that follow each other
        # there too (the separators between them copied with them); every other item
        # is rendered. A segment is one run, or one rendered item.
        follows = np.zeros(len(index), bool)
        follows[1:] = taken[1:] & taken[:-1] & (index[1:] == index[:-1] + 1)
        firsts = np.flatnonzero(~follows)
        lasts = np.append(firsts[1:], len(index)) - 1
        placed = np.empty((len(index), 2), np.int64)
        fresh = compress(section.items, (~taken).tolist())  # only the items rendered are visited
        for k, last_k in zip(firsts.tolist(), lasts.tolist(), strict=True):
            if k:
                self._add(separator)
            if taken[k]:
                j, last_j = index[k], index[last_k]
                placed[k:last_k + 1] = old[j:last_j + 1] - old[j, 0] + self.pos
                self.copy(int(old[j, 0]), int(old[last_j, 1]))
                continue
            data = render(next(fresh)).encode("utf-8")
            placed[k] = (self.pos, self.pos + len(data))
            self._add(data)
        where.frombytes(placed.tobytes())
