"""The grammar of posts: a title and its body, chains of posts, appointments.

A post is a title (``titles.yaml``) followed by a body (:mod:`~qpgraph.extract.bodies`),
by a ministry printed short ("Thứ trưởng Công an"), by the name of a body its title
heads ("Cục trưởng An ninh chính trị") or by a country ("Chủ tịch nước Lào"); a chain
is posts separated by commas, dashes or 'kiêm'.
"""

from __future__ import annotations

from .bodies import country_tail, is_home, name_words, named_tail, parse_body
from .items import Item, join_items, starts_with
from .refs import BodyRef, PostRef
from .vocab import Title, load_grammar, load_titles

__all__ = ["appointment", "parse_chain", "parse_post"]


def parse_post(items: list[Item], i: int) -> tuple[PostRef | None, int]:
    """A title and its body starting at ``items[i]``."""
    if i >= len(items) or items[i].kind != "TITLE":
        return None, i
    item = items[i]
    title = load_titles()[item.key]
    post = PostRef(title=title, title_text=title.expand or item.text, printed=item.text, start=item.start, end=item.end)
    j = i + 1
    body, after = parse_body(items, j)
    if body is None:
        body, after = _title_form(items, j, title)
    if body is None and title.of and j < len(items) and items[j].kind == "CAP":
        body, after = _of_name(items, j, title.of, item)  # "Cục trưởng An ninh chính trị"
    if body is not None:
        post.body = body
        post.end = body.end
        j = after
        # "Sư đoàn 302 thuộc Quân khu 7", "Bộ Tư lệnh Cảnh vệ - Bộ Công an": the
        # body's own parent, not part of the post as written.
        if j + 1 < len(items) and (items[j].key in load_grammar().part_of_words or items[j].key in ("-", "–")) and items[j + 1].kind == "BODY":
            parent, after2 = parse_body(items, j + 1)
            if parent is not None and body.parent is None and body.kind != "sub":
                j = after2
    elif title.default_body and j < len(items) and items[j].text in load_grammar().title_suffixes:
        post.end = items[j].end  # "UVTW Đảng"
        j += 1
    else:
        tail, k = country_tail(items, j)
        if tail:
            post.title_text = f"{post.title_text} {tail}"  # "Chủ tịch nước Lào"
            post.end = items[k - 1].end
            j = k
    return post, j


def _of_name(items: list[Item], j: int, head: str, title: Item) -> tuple[BodyRef | None, int]:
    """The body a title of a head names by its name alone: 'Cục trưởng An ninh chính trị' is
    the Cục trưởng of the Cục An ninh chính trị."""
    from .resolve import head_of_form

    words, k = name_words(items, j)
    if not words or not any(w.kind == "CAP" for w in words):
        return None, j
    ref = BodyRef(kind="named", head=head, printed=join_items(words), start=items[j].start, end=words[-1].end,
                  key=head_of_form(head) or "", place=join_items(words))
    return named_tail(items, k, ref)


def _title_form(items: list[Item], j: int, title: Title) -> tuple[BodyRef | None, int]:
    """A ministry printed short after a minister's title: 'Thứ trưởng Công an' (Bộ Công an)."""
    forms = load_grammar().title_forms
    for width in (2, 1):
        if j + width > len(items) or title.complete:
            continue
        canon = forms.get(" ".join(it.text.lower() for it in items[j : j + width]))
        k = j + width
        if canon is None or (k < len(items) and items[k].kind == "PROV"):
            continue
        ref = BodyRef(kind="national", head=canon, printed=join_items(items[j:k]), start=items[j].start,
                      end=items[k - 1].end, canon=canon)
        if k < len(items) and items[k].kind == "COUNTRY" and not is_home(items[k]):
            # "Bộ trưởng Quốc phòng Nhật Bản": the ministry of another country.
            ref.tail, ref.canon, ref.end = items[k].text, None, items[k].end
            k += 1
        return ref, k
    return None, j


def parse_chain(items: list[Item], i: int) -> tuple[list[PostRef], int]:
    """Posts separated by commas, dashes or 'kiêm', starting at ``items[i]``."""
    posts: list[PostRef] = []
    post, j = parse_post(items, i)
    while post is not None:
        posts.append(post)
        if j + 1 < len(items) and items[j].key in load_grammar().chain_joiners and items[j + 1].kind == "TITLE":
            post, j2 = parse_post(items, j + 1)
            if post is not None:
                j = j2
            continue
        break
    return posts, j




_CUES = ("CUE_APPOINT", "CUE_ACTING", "CUE_LEAVE")


def _retired(items: list[Item], k: int) -> bool:
    """Whether the clause from ``k`` says the person retires ("... để nghỉ hưu")."""
    while k < len(items) and items[k].text not in (";", "."):
        if any(starts_with(items, k, word) for word in load_grammar().retirement_words):
            return True
        k += 1
    return False


def appointment(items: list[Item], j: int) -> tuple[list[PostRef], int]:
    """Posts after an appointment cue that follows a person (within the clause): appointed
    to ("giữ chức"), as acting holder ("được giao quyền": "Quyền Chỉ huy trưởng"), or left
    ("thôi giữ chức": posts held before).

    >>> from qpgraph.extract.items import sentence_items
    >>> from qpgraph.extract.nlp import build_nlp
    >>> def posts(text):
    ...     found, _ = appointment(sentence_items(build_nlp()(text), 0, len(text)), 0)
    ...     return [(p.text(), p.former) for p in found]
    >>> posts("được giao quyền Chỉ huy trưởng Bộ CHQS tỉnh")
    [('Quyền Chỉ huy trưởng Bộ CHQS tỉnh', False)]
    >>> posts("thôi giữ chức Phó Tư lệnh Quân khu 4 để nghỉ hưu")
    [('Phó Tư lệnh Quân khu 4', True)]
    """
    k = j
    passive = False  # "được Thủ tướng Chính phủ bổ nhiệm": the agent's title is passed over
    while k < len(items) and items[k].text not in (";", ".", ":") and (
        items[k].kind in ("WORD", "PUNCT", "BODY", "PROV", "NUM", *_CUES)
        or (items[k].kind == "CAP" and items[k - 1].kind in ("BODY", "CAP"))
        or (items[k].kind == "TITLE" and passive)
    ):
        passive = passive or items[k].key in load_grammar().passive_words
        if items[k].kind in _CUES and k + 1 < len(items) and items[k + 1].kind == "TITLE":
            posts, after = parse_chain(items, k + 1)
            if items[k].key in load_grammar().weak_appointment_cues and not all(p.body or p.title.complete for p in posts):
                return [], j  # "làm trưởng đoàn": a role, not a post
            leaving = items[k].kind == "CUE_LEAVE"
            retired = leaving and _retired(items, after)
            for post in posts:
                post.appointed = not leaving
                post.former = leaving
                post.change = ("retired" if retired else "left") if leaving else "appointed"
                if items[k].kind == "CUE_ACTING":
                    post.title_text = f"{load_grammar().acting_prefix} {post.title_text}"
            return posts, after
        k += 1
    return [], j
