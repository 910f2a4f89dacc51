"""Fill what an article leaves implicit: 'Phó Tư lệnh Quân khu' → 'Quân khu 7'.

Every completion of an implicit body lives here:

* a head printed without its number or name ("Quân khu", "Học viện", "Hải
  đoàn") is the body of that head the article names most in full (first named
  on a tie);
* a provincial body printed without its province ("UBND tỉnh") is of the
  province a body of the same clause was just named with ("BĐBP Hà Giang có
  đồng chí A, Bí thư Tỉnh ủy"), else of the province the article names most;
* a part printed without its whole ("Đảng ủy", "Cục Chính trị") belongs to the
  body the same list names next (or before), else to the article's region or
  main national body;
* a title printed without a body takes the body of the next post of its chain
  ("Phó Tư lệnh, Tham mưu trưởng Quân khu 4"), unless it names its body itself
  ("Tổng Bí thư").

Nothing is filled from outside the article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

from .bodies import parse_body
from .items import Item, sentence_items
from .nlp import build_nlp
from .refs import BodyRef, PersonRef, PostRef, SentenceParse
from .vocab import load_bodies, load_grammar

__all__ = ["Context", "article_context", "end_replaced", "fill_implicit", "resolve_body", "resolve_coordination", "resolve_posts"]



@dataclass(frozen=True)
class Context:
    region: str | None      # the number of the article's Quân khu
    province: str | None    # the short name of the article's province
    unit: BodyRef | None = None  # the body whose parts the article names most
    #: by head (its vocabulary key), the body of that head the article names most in full
    heads: dict[str, BodyRef] = field(default_factory=dict)


def article_context(parses: list[SentenceParse]) -> Context:
    provinces: Counter[str] = Counter()
    heads: Counter[str] = Counter()
    first: dict[str, int] = {}
    examples: dict[str, BodyRef] = {}
    order = 0
    for parse in parses:
        for body in parse.bodies:
            for part in body.chain():
                head = head_key(part)
                if head is not None and part.complete and not part.implicit:
                    name = f"{head}|{part.name()}"
                    heads[name] += 1
                    first.setdefault(name, order)
                    examples.setdefault(name, part)
                    order += 1
        for item in parse.provinces:
            provinces[item.key] += 1
            first.setdefault("p" + item.key, order)
            order += 1
    by_head: dict[str, BodyRef] = {}
    for name in sorted(heads, key=lambda n: (-heads[n], first[n])):
        by_head.setdefault(name.split("|", 1)[0], examples[name])
    region_body = next((b for b in by_head.values() if b.kind == "numbered" and b.head == load_grammar().region_head), None)
    region = region_body.number if region_body is not None else None
    province = min(provinces, key=lambda p: (-provinces[p], first["p" + p])) if provinces else None
    tops: Counter[str] = Counter()
    tops_examples: dict[str, BodyRef] = {}
    for parse in parses:
        for body in parse.bodies:
            if body.kind == "sub" and body.complete and body.top().kind == "national":
                key = body.top().name()
                tops[key] += 1
                tops_examples.setdefault(key, body.top())
    unit = tops_examples[min(tops, key=lambda k: (-tops[k], k))] if tops and not region else None
    return Context(region=region, province=province, unit=unit, heads=by_head)


def head_key(body: BodyRef) -> str | None:
    """The key of the numbered or named head a body is printed with ("Học viện" of
    "Học viện Quốc phòng"), or None."""
    if body.kind in ("numbered", "named"):
        return body.key
    if body.kind == "national" and body.canon:
        return national_head(body.canon)
    return None


@cache
def head_of_form(form: str) -> str | None:
    """The key of the numbered or named head printed ``form`` ("Hải đoàn"), or None."""
    for key, entry in enumerate(load_bodies()):
        if entry.kind in ("numbered", "named") and form.lower() in (f.lower() for f in entry.forms):
            return str(key)
    return None


@cache
def national_head(name: str) -> str | None:
    """The key of the longest numbered or named head a national body's name opens with."""
    words = name.lower().split()
    found: tuple[int, str] | None = None
    for key, entry in enumerate(load_bodies()):
        if entry.kind not in ("numbered", "named"):
            continue
        for form in entry.forms:
            n = len(form.split())
            if words[:n] == form.lower().split() and (found is None or n > found[0]):
                found = (n, str(key))
    return found[1] if found else None


def _deepest(body: BodyRef) -> BodyRef:
    while body.parent is not None:
        body = body.parent
    return body


def _complete_head(part: BodyRef, ctx: Context) -> None:
    """A head printed alone ("Học viện", "Hải đoàn"), completed as the article's body of that head."""
    example = ctx.heads.get(part.key)
    if example is None or part.complete:
        return
    for name in ("kind", "head", "number", "place", "province", "province_printed", "province_word", "tail", "canon"):
        setattr(part, name, getattr(example, name))
    part.parent = replace(example.parent) if example.parent is not None else None
    part.implicit = True


def resolve_body(body: BodyRef, ctx: Context, sibling: BodyRef | None = None, province: str | None = None) -> None:
    """Complete ``body`` in place from a sibling body of the same list, else the article
    (``province``: the province of the clause, if it names one)."""
    _complete(body, ctx, sibling, province)
    _party_of(body)


def _complete(body: BodyRef, ctx: Context, sibling: BodyRef | None, province: str | None) -> None:
    for part in body.chain():
        if part.kind == "numbered" and part.number is None and part.head == load_grammar().region_head and ctx.region:
            part.number = ctx.region
            part.implicit = True
        elif part.kind in ("numbered", "named") and not part.complete:
            _complete_head(part, ctx)
        elif part.kind in ("provincial", "named") and part.province is None and (province or ctx.province) and (
            part.kind == "provincial" or part.province_word
        ):
            part.province = province or ctx.province
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
    if last.head in load_grammar().military_parts and ctx.region:
        last.parent = BodyRef(kind="numbered", head=load_grammar().region_head, printed=load_grammar().region_head, start=last.start,
                              end=last.end, number=ctx.region, implicit=True)
        last.implicit = True
    elif last.head in load_grammar().military_parts and ctx.unit is not None:
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


def _head_body(post: PostRef, ctx: Context) -> BodyRef | None:
    """The article's body of the head a title names ("Hải đoàn" of "Hải đoàn trưởng"), if any."""
    key = head_of_form(post.title.of or "")
    if key is None or key not in ctx.heads:
        return None
    body = BodyRef(kind="named", head=post.title.of or "", printed=post.printed, start=post.start, end=post.end, key=key)
    _complete_head(body, ctx)
    return body


def _party_of(body: BodyRef) -> None:
    """A party part ("Ban Thường vụ") of a body that is not a party committee belongs to
    its party committee: 'Ban Thường vụ Đảng ủy Hải đoàn Biên phòng 28'."""
    parts = load_grammar().party_parts
    for part in body.chain():
        whole = part.parent
        if part.kind != "sub" or part.head not in parts or whole is None or _is_party(whole):
            continue
        part.parent = BodyRef(kind="sub", head=parts[part.head], printed=parts[part.head], start=part.start,
                              end=part.end, parent=whole, implicit=True)
        part.implicit = True


def _is_party(body: BodyRef) -> bool:
    if body.key.isdigit():
        return load_bodies()[int(body.key)].party
    return body.head in load_grammar().party_parts.values()


def resolve_posts(posts: list[PostRef], ctx: Context, province: str | None = None) -> None:
    """Complete a chain of posts of one person in place.

    A title printed without a body takes the body of the next post that has
    one ('Phó Tư lệnh, Tham mưu trưởng Quân khu 4'); a title that names its
    body itself ('Tổng Bí thư') takes none and gives none.
    """
    for k, post in enumerate(posts):
        if post.body is None and post.title.default_body:
            post.body = _default_body(post)
        elif post.body is None and post.title.of:
            post.body = _head_body(post, ctx)  # "Hải đoàn trưởng": of the article's Hải đoàn
        elif post.body is None and not post.title.complete:
            post.body = next((p.body for p in posts[k + 1 :] if p.body is not None and not p.title.complete), None)
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
        resolve_body(post.body, ctx, sibling, province)


def resolve_coordination(bodies: list[BodyRef], ctx: Context, separators: list[bool]) -> None:
    """Bodies printed as a list share their whole: 'Đảng ủy, Bộ Tư lệnh Quân khu 7'.

    ``separators[k]`` says whether bodies k and k+1 are joined by a comma,
    dash or 'và'.
    """
    for k in reversed(range(len(bodies))):
        sibling = bodies[k + 1] if k + 1 < len(bodies) and separators[k] else None
        resolve_body(bodies[k], ctx, sibling)


def _separators(text: str, bodies: list[BodyRef]) -> list[bool]:
    return [text[a.end : b.start].strip() in load_grammar().list_joiners for a, b in pairwise(bodies)]


def _generic(bodies: list[BodyRef], seps: list[bool], text: str) -> set[int]:
    """Bodies named as a class, not one body: 'Bí thư Huyện ủy, Thị ủy, Thành ủy',
    'Đảng ủy Quân sự 17 huyện'. Returns their ``id()``."""
    out: set[int] = set()
    groups: list[list[BodyRef]] = []
    for k, body in enumerate(bodies):
        if k and seps[k - 1]:
            groups[-1].append(body)
        else:
            groups.append([body])
    for group in groups:
        if any(b.kind == "district" and not b.complete for b in group):
            out.update(id(b) for b in group if not b.complete)
    out.update(id(b) for b in bodies if counted(b, text))
    return out


def counted(body: BodyRef, text: str) -> bool:
    """'Đảng ủy quân sự 17 huyện': a body followed by a count is a class of bodies."""
    return not body.complete and text[body.end : body.end + 4].strip()[:1].isdigit()


def _clause_province(parse: SentenceParse, text: str, at: int) -> str | None:
    """The province of the body named last before ``at`` in the same clause (no ';' between):
    'chúc mừng BĐBP Sơn La có đồng chí A, Chủ tịch UBND tỉnh' is Sơn La's."""
    named = [b for b in parse.bodies if b.end <= at and b.kind == "provincial" and b.province and not b.implicit]
    if not named:
        return None
    last = max(named, key=lambda b: b.end)
    return last.province if ";" not in text[last.end : at] else None


def _deputies(posts: list[PostRef], parse: SentenceParse) -> None:
    """A deputy's title printed without a body after the head's title with one is of the
    same body: 'Chủ nhiệm Tổng cục Chính trị ... là A và 3 Phó Chủ nhiệm gồm B; C'."""
    held = {p.title.name.lower(): p.body for r in parse.persons for p in r.posts if p.body is not None}
    for post in posts:
        name = post.title.name.lower()
        deputy = load_grammar().deputy_word + " "
        if post.body is None and name.startswith(deputy) and name[len(deputy) :] in held:
            post.body = held[name[len(deputy) :]]


def _handed_over(between: str) -> bool:
    """Whether the words between two persons hand a post from one to the other."""
    between = between.lower()
    return any(cue in between for cue in load_grammar().handover_cues)


def _give_up(giver: PersonRef, body: BodyRef, between: str) -> None:
    """The heading posts in ``body`` of a person who hands a post to the next one are left:
    "X, Chính ủy Bộ CHQS tỉnh bàn giao chức vụ cho Y" (the giver is the subject: the
    words between start with the cue)."""
    words = between.lower().lstrip(" ,")
    if not any(words.startswith(cue + " ") for cue in load_grammar().giving_cues):
        return
    for post in giver.posts:
        if post.body is body and post.title.heads and not post.appointed:
            post.former, post.change = True, post.change or "handed over"


def end_replaced(parses: list[SentenceParse]) -> None:
    """A heading post someone is appointed to in the article is left by whoever else the
    article gives it ("Đại tá A, Chính ủy Hải đoàn ... bổ nhiệm Trung tá B ... giữ chức
    Chính ủy Hải đoàn"): one person heads a body at a time; and who is appointed in a body
    leaves the other posts held in it."""
    persons = [ref for parse in parses for ref in parse.persons]
    appointed: dict[tuple[str, str], set[str]] = {}  # a heading post → who is appointed to it
    for r in persons:
        for p in r.posts:
            if p.appointed and p.title.heads and p.body is not None:
                appointed.setdefault((p.title.name.lower(), p.body.name()), set()).add(r.name)
    for ref in persons:
        # One's own post in the body one is appointed in is left ("Phó Tư lệnh, Tham mưu
        # trưởng Quân khu 9 được bổ nhiệm giữ chức Tư lệnh Quân khu").
        mine: dict[str, set[str]] = {}
        for p in ref.posts:
            if p.appointed and p.body is not None:
                mine.setdefault(p.body.name(), set()).add(p.title.name.lower())
        for post in ref.posts:
            if post.appointed or post.body is None:
                continue
            body, title = post.body.name(), post.title.name.lower()
            if post.title.heads and appointed.get((title, body), {ref.name}) != {ref.name}:
                post.former, post.change = True, post.change or "replaced"
            elif body in mine and title not in mine[body]:
                post.former, post.change = True, post.change or "transferred"


def fill_implicit(parses: list[SentenceParse], ctx: Context, text: str) -> None:
    """Fill in what each sentence leaves implicit (``text``: the document's): chains of
    posts first, then lists of bodies; then the heading posts the article hands to
    another are left (:func:`end_replaced`)."""
    last_appointed: BodyRef | None = None
    for parse in parses:
        if not (parse.persons or parse.chains or parse.bodies):
            continue  # nothing to fill
        before: BodyRef | None = None  # the last body of a post of the sentence
        giver: PersonRef | None = None  # the person of that post
        for ref in parse.persons:
            resolve_posts(ref.posts, ctx, _clause_province(parse, text, ref.start))
            for post in ref.posts:
                if post.appointed and post.body is None and last_appointed is not None and not post.title.complete:
                    post.body = last_appointed
            _deputies(ref.posts, parse)
            handed = before is not None and _handed_over(text[before.end : ref.start])
            for post in ref.posts:
                if post.body is None and handed and before is not None and before.complete and post.title_text == post.printed and not post.title.complete:
                    post.body = before  # "X, Chính ủy Bộ CHQS tỉnh bàn giao cho Y, Phó Chính ủy"
            if handed and giver is not None and before is not None:
                _give_up(giver, before, text[before.end : ref.start])
            for post in ref.posts:
                if post.body is not None:
                    before, giver = post.body, ref
                    if post.appointed:
                        last_appointed = post.body
        for chain in parse.chains:
            resolve_posts(chain.posts, ctx, _clause_province(parse, text, chain.start))
        _fill_bodies(parse, ctx, text)
    end_replaced(parses)


def _fill_bodies(parse: SentenceParse, ctx: Context, text: str) -> None:
    """The bodies printed outside posts: lists completed, classes of bodies dropped, and the
    bodies of posts that are not printed as a body's head added (UVTV: Ban Thường vụ Tỉnh
    ủy; "Thứ trưởng Công an": Bộ Công an; "Cục trưởng An ninh chính trị")."""
    post_bodies = {p.body.start: p.body for r in parse.persons for p in r.posts if p.body}
    post_bodies.update({p.body.start: p.body for c in parse.chains for p in c.posts if p.body})
    free = [b for b in parse.bodies if b.start not in post_bodies]
    seps = _separators(text, free)
    resolve_coordination(free, ctx, seps)
    generic = _generic(free, seps, text)
    printed = {b.start for b in parse.bodies}
    bodies = [post_bodies.get(b.start, b) for b in parse.bodies if id(b) not in generic]
    bodies += [b for start, b in post_bodies.items() if start not in printed]
    parse.bodies = [b for b in bodies if not counted(b, text)]
