"""FollowTheMoney entities of a build's store (``entities.ftm.json``), for Aleph and
the OpenSanctions tools (``ftm``, nomenklatura, yente).

One entity per line, as ``ftm`` and ``alephclient write-entities`` read them:

- ``Article``: each article the graph comes from (title, published date, URL);
- ``Person``: name, the other forms printed, the last rank known as ``title``;
- ``Organization``: each body (unit, committee, ministry...), its parents
  (``part_of``) as ``parent``;
- ``Position``: each title held in a body ("Chính ủy" of Quân khu 7), its
  ``organization`` the body;
- ``Occupancy``: each tenure (``tenures.csv``), its ``holder`` and ``post``, with
  ``startDate`` (when it began, if an article says), ``endDate`` (when it ended, if
  known), ``date`` (the first and last dates it is reported held), ``status``
  (current, ended or unknown) and the tenure's note as ``summary``;
- ``Event``: each meeting, conference or ceremony, its date and the persons
  ``involved``.

Every entity cites the articles it comes from: ``proof`` (the ``Article``
entities) and ``sourceUrl``. Ids are FollowTheMoney's hashed ids of qpgraph's
node ids (``qpgraph-…``), the same for the same node in every build. The store is
read in key order, an entity at a time: the same store gives a byte-identical
file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from ..atomic import atomic_fd
from ..store.db import connect_read_only

__all__ = ["write_ftm", "entity_id"]

_SEP = "\x1f"


def entity_id(*parts: str) -> str:
    """A FollowTheMoney id for qpgraph's ``parts`` (a node id, a unit and a title):
    ``qpgraph-`` and a SHA-1 of them, as ``EntityProxy.make_id`` makes it
    (``followthemoney.util.make_entity_id``).

    >>> entity_id("person:đặng-văn-nghĩa")
    'qpgraph-3cabc42c3abae878299e10967ec311de37a58740'
    """
    from followthemoney.util import make_entity_id

    return f"qpgraph-{make_entity_id('qpgraph', *parts)}"


def write_ftm(build: str | Path, path: Path) -> Path:
    """Write the entities of build ``build``'s store to ``path`` (replaced atomically)."""
    from followthemoney import model

    db = connect_read_only(build)
    try:
        articles = {aid: url for aid, url in db.execute("SELECT id, url FROM articles WHERE records IS NOT NULL")}
        with atomic_fd(path) as fd, os.fdopen(fd, "wb") as handle:
            for entity in _entities(db, articles):
                proxy = model.get_proxy(entity, cleaned=False)
                handle.write(orjson.dumps(proxy.to_dict(), option=orjson.OPT_SORT_KEYS) + b"\n")
    finally:
        db.close()
    return path


def _entities(db: sqlite3.Connection, urls: dict[str, str | None]) -> Iterator[dict[str, Any]]:
    """The entities of the store, as FollowTheMoney's dicts."""

    proofs = {aid: entity_id("article:" + aid) for aid in urls}  # (an article is cited by many entities)

    def cited(articles: Iterable[str]) -> dict[str, list[str]]:
        known = sorted({a for a in articles if a in urls})
        return {"proof": [proofs[a] for a in known], "sourceUrl": sorted({url for a in known if (url := urls[a])})}

    for aid, url, published, title in db.execute(
            "SELECT id, url, published, title FROM articles WHERE records IS NOT NULL ORDER BY id"):
        yield _entity("Article", proofs[aid], name=[title or aid], title=[title] if title else [],
                      publishedAt=[published] if published else [], sourceUrl=[url] if url else [])
    for node, raw in db.execute("SELECT id, data FROM nodes WHERE type = 'person' ORDER BY id"):
        data = orjson.loads(raw)
        yield _entity("Person", entity_id(node), name=[data["name"]], alias=_aliases(data),
                      title=[data["rank"]] if data.get("rank") else [], **cited(data.get("articles", [])))
    # (``+e.relation``: the edges of a node are found by its id, never by scanning every
    # edge of the relation for each node, which SQLite's planner picks without statistics;
    # 150 s instead of half a second at 10,000 articles)
    for node, raw, parents in db.execute(
            "SELECT n.id, n.data, (SELECT group_concat(e.target, char(31)) FROM edges e WHERE e.source = n.id "
            "AND +e.relation = 'part_of') FROM nodes n WHERE n.type = 'unit' ORDER BY n.id"):
        data = orjson.loads(raw)
        yield _entity("Organization", entity_id(node), name=[data["name"]], alias=_aliases(data),
                      parent=[entity_id(p) for p in sorted(set(parents.split(_SEP)))] if parents else [],
                      **cited(data.get("articles", [])))
    yield from _holdings(db, cited)
    for node, raw, persons in db.execute(
            "SELECT n.id, n.data, (SELECT group_concat(e.source, char(31)) FROM edges e WHERE e.target = n.id "
            "AND +e.relation = 'participated_in') FROM nodes n WHERE n.type = 'event' ORDER BY n.id"):
        data = orjson.loads(raw)
        yield _entity("Event", entity_id(node), name=[data["name"]], date=[data["date"]] if data.get("date") else [],
                      summary=[data["evidence"][0]["text"]] if data.get("evidence") else [],
                      involved=[entity_id(p) for p in sorted(set(persons.split(_SEP)))] if persons else [],
                      **cited(data.get("articles", [])))


def _holdings(db: sqlite3.Connection, cited: Any) -> Iterator[dict[str, Any]]:
    """A ``Position`` per title held in a body (before its first tenure), and an
    ``Occupancy`` per tenure."""
    posts: set[tuple[str, str]] = set()
    for unit, unit_name, title, person, seq, first, last, since, status, ended_on, note, articles in db.execute(
            "SELECT unit, unit_name, title, person, seq, first, last, since, status, ended_on, note, articles "
            "FROM tenures ORDER BY unit, seq"):
        post = entity_id(unit, title)
        if (unit, title) not in posts:
            posts.add((unit, title))
            yield _entity("Position", post, name=[f"{title} {unit_name}".strip()], organization=[entity_id(unit)])
        yield _entity("Occupancy", entity_id(unit, title, person, str(seq)), holder=[entity_id(person)], post=[post],
                      startDate=[since] if since else [], endDate=[ended_on] if ended_on else [],
                      date=sorted({d for d in (first, last) if d}), status=[status], summary=[note] if note else [],
                      **cited(articles.split() if articles else []))


def _aliases(data: dict[str, Any]) -> list[str]:
    return [form for form in data.get("forms", []) if form != data["name"]]


def _entity(schema: str, eid: str, **properties: list[str]) -> dict[str, Any]:
    return {"id": eid, "schema": schema, "properties": {k: v for k, v in properties.items() if v}}
