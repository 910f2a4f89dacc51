"""Tenures: who held a title in a body, from when to when, as the articles show it.

A ``holds`` edge is one report: a person printed with a post in an article of
some date (or of none). One person's reports of one title in one body make a
tenure: first and last reported, the appointment where an article reports it,
and how it ended, each with its evidence. A tenure ends

* when an article reports the post left (the record's ``change``: held before,
  "nguyên"; left, "thôi giữ chức"; retired; moved to another post; handed to
  someone the article appoints; handed over, "bàn giao");
* for a deputy, when the same person is reported later in the title deputised
  ("Phó Tư lệnh", then "Tư lệnh" of the same body: promoted);
* for a title one person holds at a time (every heading title, and those marked
  ``single`` in ``titles.yaml``: "Chủ nhiệm Chính trị", "Tham mưu trưởng"...),
  when another holder is reported later: the successor.

Deputies and members ("Phó Tư lệnh", "Ủy viên") are many at a time and are never
handed over. A tenure's status is ``current``, ``ended`` or ``unknown``: a
tenure only ever reported undated is unknown in time (never the newest, never
"on or before" any day); two holders of a single title last reported on the same
day, with nothing in the articles to say who handed to whom, are both unknown.

>>> a = {"title": "Tư lệnh", "post": "Tư lệnh Quân khu 7", "article": "x", "date": "2024-04-24"}
>>> b = a | {"article": "y", "date": "2025-12-19"}
>>> [(t.name, t.status, t.ended, t.ended_on) for t in tenures([("p:a", "A", a), ("p:b", "B", b)], single=True)]
[('A', 'ended', 'succeeded', '2025-12-19'), ('B', 'current', None, None)]
>>> [(t.name, t.status) for t in tenures([("p:a", "A", a), ("p:b", "B", b)], single=True, on="2025-01-01")]
[('A', 'current')]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..extract.vocab import load_grammar, load_titles
from .dates import on_or_before, sort_key
from .evidence import Evidence, as_evidence

__all__ = ["Tenure", "Report", "tenures", "single_holder", "single_title", "promoted"]

#: One report of a post: the person's node id, the person's name, the ``holds`` edge's data.
Report = tuple[str, str, dict[str, Any]]


class Tenure(BaseModel):
    """One holder's time in a post, as the articles show it."""

    person: str = Field(description="The person's node id.")
    name: str
    title: str
    post: str
    heads: bool = Field(default=False, description="Whether the title heads the body.")
    first: str | None = Field(default=None, description="The first dated report of the post held; None if none is dated.")
    last: str | None = Field(default=None, description="The last dated report of the post held.")
    since: str | None = Field(default=None, description="The date of the appointment, where an article reports it.")
    appointment: Evidence | None = Field(default=None, description="The report of the appointment.")
    status: Literal["current", "ended", "unknown"] = "unknown"
    ended: str | None = Field(default=None, description="How it ended: the record's change (left, retired, "
                              "transferred...) or 'succeeded' by the next holder.")
    ended_on: str | None = Field(default=None, description="The date by which it had ended: the report of the end, "
                                 "or the successor's first report.")
    successor: str | None = Field(default=None, description="The next holder's node id.")
    note: str | None = Field(default=None, description="Why the status is unknown.")
    evidence: list[Evidence] = Field(default_factory=list, description="The reports of the post held.")
    end_evidence: list[Evidence] = Field(default_factory=list, description="The reports of its end.")


def single_holder(title: str, heads: bool) -> bool:
    """Whether one person holds ``title`` in a body at a time."""
    entry = load_titles().get(title.lower())
    return heads or (entry is not None and (entry.heads or entry.single))


def single_title(reports: list[Report]) -> bool:
    """Whether the title of the reports of one title in one body (person, name, ``holds``
    edge) is held by one person at a time: by its vocabulary, or because one of them
    heads the body."""
    return single_holder(reports[0][2]["title"], any(d["heads"] for _, _, d in reports))


def _earliest(a: str | None, b: str | None) -> str | None:
    return min(filter(None, (a, b)), key=sort_key, default=None)


def _latest(a: str | None, b: str | None) -> str | None:
    return max(filter(None, (a, b)), key=sort_key, default=None)


def _report(tenure: Tenure, data: dict[str, Any]) -> None:
    """Add one report to a tenure: of the post held, or of its end."""
    date = data.get("date")
    if data.get("former"):
        tenure.end_evidence.append(as_evidence(data))
        if tenure.ended is None or (date and (tenure.ended_on is None or sort_key(date) < sort_key(tenure.ended_on))):
            tenure.ended, tenure.ended_on = data.get("change") or "former", date
        if data.get("change") not in (None, "former"):  # held up to that day: "X, Chính ủy ..., bàn giao"
            tenure.first, tenure.last = _earliest(tenure.first, date), _latest(tenure.last, date)
        return
    tenure.evidence.append(as_evidence(data))
    tenure.first, tenure.last = _earliest(tenure.first, date), _latest(tenure.last, date)
    if data.get("change") == "appointed" and tenure.appointment is None:
        tenure.since, tenure.appointment = date, as_evidence(data)


def _settle_end(tenure: Tenure) -> None:
    """An end reported before the post is reported held again does not end it; an
    undated end of a dated holding cannot be placed in time."""
    if tenure.ended is None or tenure.last is None:
        return
    if tenure.ended_on is None:
        tenure.ended, tenure.note = None, "reported left in an undated article"
        tenure.end_evidence.clear()
    elif sort_key(tenure.ended_on) < sort_key(tenure.last):
        tenure.ended = tenure.ended_on = None
        tenure.end_evidence.clear()


def _succeed(held: list[Tenure]) -> None:
    """In a single title, a tenure an article reports ended passes to whoever that
    article appoints to it; each holder's tenure ends with the first report of another
    holder dated after its last; holders last reported on one day are decided by the
    appointment, else left unknown."""
    appointing = {t.appointment.article for t in held if t.appointment is not None}
    for tenure in held:
        ending = {e.article for e in tenure.end_evidence}
        after = [u for u in held if u is not tenure and u.appointment is not None and u.appointment.article in ending] \
            if ending & appointing else []
        if tenure.ended is not None and tenure.successor is None and after:
            tenure.successor = after[0].person
            tenure.ended_on = tenure.ended_on or after[0].since
    dated = [t for t in held if t.last is not None]
    # Every dated report of a post held (its last may be the day it was handed on), in
    # time order: the successor of a tenure is the holder of the first one after its last.
    points = sorted({(sort_key(day), t.person, day) for t in dated
                     for day in (*(e.date for e in t.evidence if e.date), t.last)})
    keys = [point[0] for point in points]
    for tenure in dated:
        at = bisect_right(keys, sort_key(tenure.last))
        if tenure.ended is None and at < len(points):  # none after its last is its own
            tenure.ended, tenure.ended_on, tenure.successor = "succeeded", points[at][2], points[at][1]
    open_ = [t for t in dated if t.ended is None]
    if len(open_) < 2:
        return
    appointed = [t for t in open_ if t.since is not None and t.since == t.last]
    if len(appointed) == 1:
        for tenure in open_:
            if tenure is not appointed[0]:
                tenure.ended, tenure.ended_on, tenure.successor = "succeeded", appointed[0].since, appointed[0].person
        return
    for tenure in open_:
        tenure.note = f"{len(open_)} holders last reported on {tenure.last}; the articles do not say who handed to whom"


def tenures(reports: Iterable[Report], single: bool, on: str | None = None) -> list[Tenure]:
    """The tenures of one title in one body, from its reports (``single``: one holder at
    a time); with ``on``, as known on that day (later and undated reports left out). In
    order: tenures never dated first, then by first report (or end), those ended before
    the others on one date."""
    held: dict[str, Tenure] = {}
    for person, name, data in reports:
        if on is not None and not on_or_before(data.get("date"), on):
            continue
        tenure = held.get(person)
        if tenure is None:
            tenure = held[person] = Tenure(person=person, name=name, title=data["title"], post=data["post"])
        if not data.get("former"):
            tenure.title, tenure.post = data["title"], data["post"]
        tenure.heads = tenure.heads or bool(data.get("heads"))
        _report(tenure, data)
    for tenure in held.values():
        _settle_end(tenure)
    if single:
        _succeed(list(held.values()))
    for tenure in held.values():
        if tenure.ended is not None:
            tenure.status = "ended"
        elif tenure.last is not None and tenure.note is None:
            tenure.status = "current"
        else:
            tenure.note = tenure.note or "reported only in undated articles"
    # Undated first; on one date (or none), the tenures ended before the others.
    return sorted(held.values(), key=lambda t: (
        (t.first or t.ended_on) is not None, sort_key(t.first or t.ended_on), t.status != "ended", t.name, t.person))


def promoted(by_title: dict[str, list[Tenure]]) -> None:
    """A deputy's tenure ends when the same person is reported later in the title it is
    the deputy of, in the same body ("Phó Tư lệnh" in 2023, "Tư lệnh" in 2025):
    ``by_title`` is one body's tenures, by canonical title."""
    deputy = load_grammar().deputy_word + " "
    for title, held in by_title.items():
        if not title.startswith(deputy):
            continue
        above = {t.person: t for t in by_title.get(title[len(deputy):], ()) if t.first is not None}
        for tenure in held:
            later = above.get(tenure.person)
            if tenure.ended is None and later is not None and tenure.last is not None and later.first is not None \
                    and sort_key(later.first) > sort_key(tenure.last):
                tenure.ended, tenure.ended_on, tenure.status, tenure.note = "promoted", later.first, "ended", None
                tenure.end_evidence.extend(later.evidence[:1])
