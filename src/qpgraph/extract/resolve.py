"""Fill what an article leaves implicit: 'Phó Tư lệnh Quân khu' → 'Quân khu 7'.

The article's own military region is the numbered "Quân khu" it names most
(first named on a tie); its province is the province it names most. A body
part printed without its whole ("Đảng ủy", "Cục Chính trị") belongs to the
body the same list names next (or before), else to the article's region.
Nothing is filled from outside the article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from .items import Item, sentence_items
from .nlp import build_nlp
from .parse import BodyRef, PostRef, SentenceParse, parse_body

__all__ = ["Context", "article_context", "resolve_body", "resolve_coordination", "resolve_posts"]

_REGION_HEAD = "Quân khu"
# Parts of a body that, printed alone, belong to the article's military region.
_MILITARY_PARTS = {"Đảng ủy", "Ban Thường vụ", "Bộ Tư lệnh", "Bộ Tham mưu",
                   "Cục Chính trị", "Cục Hậu cần", "Cục Kỹ thuật", "Cục Hậu cần - Kỹ thuật"}


@dataclass(frozen=True)
class Context:
    region: str | None      # the number of the article's Quân khu
    province: str | None    # the short name of the article's province
    unit: BodyRef | None = None  # the body whose parts the article names most


def article_context(parses: list[SentenceParse]) -> Context:
    regions: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    first: dict[str, int] = {}
    order = 0
    for parse in parses:
        for body in parse.bodies:
            for part in body.chain():
                if part.kind == "numbered" and part.head == _REGION_HEAD and part.number:
                    regions[part.number] += 1
                    first.setdefault("r" + part.number, order)
                    order += 1
        for item in parse.provinces:
            provinces[item.key] += 1
            first.setdefault("p" + item.key, order)
            order += 1
    region = min(regions, key=lambda r: (-regions[r], first["r" + r])) if regions else None
    province = min(provinces, key=lambda p: (-provinces[p], first["p" + p])) if provinces else None
    tops: Counter[str] = Counter()
    examples: dict[str, BodyRef] = {}
    for parse in parses:
        for body in parse.bodies:
            if body.kind == "sub" and body.complete and body.top().kind == "national":
                key = body.top().name()
                tops[key] += 1
                examples.setdefault(key, body.top())
    unit = examples[min(tops, key=lambda k: (-tops[k], k))] if tops and not region else None
    return Context(region=region, province=province, unit=unit)


def _deepest(body: BodyRef) -> BodyRef:
    while body.parent is not None:
        body = body.parent
    return body


def resolve_body(body: BodyRef, ctx: Context, sibling: BodyRef | None = None) -> None:
    """Complete ``body`` in place from a sibling body of the same list, else the article."""
    for part in body.chain():
        if part.kind == "numbered" and part.number is None and part.head == _REGION_HEAD and ctx.region:
            part.number = ctx.region
            part.implicit = True
        elif part.kind in ("provincial", "named") and part.province is None and ctx.province and (
            part.kind == "provincial" or part.province_word
        ):
            part.province = ctx.province
            part.implicit = True
    last = _deepest(body)
    if last.kind != "sub":
        return
    if sibling is not None and sibling.top() is not last:
        top = sibling.top()
        if top.kind != "sub":
            last.parent = top
            last.implicit = True
            return
    if last.head in _MILITARY_PARTS and ctx.region:
        last.parent = BodyRef(kind="numbered", head=_REGION_HEAD, printed=_REGION_HEAD, start=last.start,
                              end=last.end, number=ctx.region, implicit=True)
        last.implicit = True
    elif last.head in _MILITARY_PARTS and ctx.unit is not None:
        last.parent = ctx.unit
        last.implicit = True


@cache
def _phrase_items(phrase: str) -> tuple[Item, ...]:
    return tuple(sentence_items(build_nlp()(phrase), 0, len(phrase)))


def _default_body(post: PostRef) -> BodyRef | None:
    """The body an abbreviated title implies: UVTV → Ban Thường vụ Tỉnh ủy."""
    if not post.title.default_body:
        return None
    body, _ = parse_body(list(_phrase_items(post.title.default_body)), 0)
    if body is None:
        return None
    for part in body.chain():
        part.start, part.end, part.implicit = post.start, post.end, True
    return body


def resolve_posts(posts: list[PostRef], ctx: Context) -> None:
    """Complete a chain of posts of one person in place.

    A title printed without a body takes the body of the next post that has
    one ('Phó Tư lệnh, Tham mưu trưởng Quân khu 4').
    """
    for k, post in enumerate(posts):
        if post.body is None and post.title.default_body:
            post.body = _default_body(post)
        elif post.body is None:
            post.body = next((p.body for p in posts[k + 1 :] if p.body is not None), None)
    # "Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh X": the chain's province first.
    for post in posts:
        body = post.body
        if body is None or body.kind != "provincial" or body.province is not None:
            continue
        # Only within one list: the posts held, or the posts appointed to.
        named = [
            p.body for p in posts
            if p.body is not None and p.body.kind == "provincial" and p.body.province and p.appointed == post.appointed
        ]
        if named:
            source = next((b for b in named if b.start > body.start), named[-1])
            body.province, body.implicit = source.province, True
    for k, post in enumerate(posts):
        if post.body is None:
            continue
        sibling = next((p.body for p in posts[k + 1 :] if p.body is not None and p.body is not post.body), None)
        if sibling is None:
            sibling = next((p.body for p in reversed(posts[:k]) if p.body is not None and p.body is not post.body), None)
        resolve_body(post.body, ctx, sibling)


def resolve_coordination(bodies: list[BodyRef], ctx: Context, separators: list[bool]) -> None:
    """Bodies printed as a list share their whole: 'Đảng ủy, Bộ Tư lệnh Quân khu 7'.

    ``separators[k]`` says whether bodies k and k+1 are joined by a comma,
    dash or 'và'.
    """
    for k in reversed(range(len(bodies))):
        sibling = bodies[k + 1] if k + 1 < len(bodies) and separators[k] else None
        resolve_body(bodies[k], ctx, sibling)
