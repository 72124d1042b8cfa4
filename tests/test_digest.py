"""xcfl_speed/digest.py: values that a page could show differently never share
a digest (a shared one would serve a stale page)."""

import datetime
import os
import sys

import pytest

from helpers import ROOT

sys.path.insert(0, os.path.join(ROOT, "plugins"))
from xcfl_speed.digest import Digester, Uncacheable  # noqa: E402


class Item:
    def __init__(self, **values):
        self.__dict__.update(values)


DIFFERENT = [
    ({"a=b": "c"}, {"a": "b=c"}),
    (["a\x1fb"], ["a", "b"]),
    (["None"], [None]),
    (["1"], [1]),
    ([1], [1.0]),
    ([True], [1]),
    (("a",), ["a"]),
    ({"x": ""}, {"x": None}),
    (Item(title="甲"), Item(title="乙")),
    (Item(title="甲", tags=["妇女"]), Item(title="甲", tags=["妇女之家"])),
    (datetime.date(2024, 5, 1), datetime.date(2024, 5, 2)),
    (datetime.datetime(2024, 5, 1, 9, 0), datetime.datetime(2024, 5, 1, 10, 0)),
    (["\ud800"], ["\ud801"]),  # lone surrogates, as a broken file name gives
]


@pytest.mark.parametrize("one, other", DIFFERENT)
def test_different_values_differ(one, other):
    assert Digester()(one) != Digester()(other)


def test_equal_values_agree_across_builds():
    def value():
        return {"title": "巧娘工作室", "items": [Item(name="剪纸", count=3), None, "\ud800"]}
    assert Digester()(value()) == Digester()(value())


def test_a_memory_address_is_uncacheable():
    with pytest.raises(Uncacheable):
        Digester()([object()])


def test_tags_are_their_name_and_slug():
    # every article has its own Tag objects: equal names share one identity,
    # whether or not the slug was worked out yet (as_dict() leaves copies behind)
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Category, Tag

    settings = dict(DEFAULT_CONFIG)
    fresh, used = Tag("巧娘", settings), Tag("巧娘", settings)
    used.url  # noqa: B018 (works out and keeps the slug)
    digester = Digester()
    assert digester(fresh) == digester(used) == Digester()(Tag("巧娘", settings))
    assert digester(Tag("剪纸", settings)) != digester(fresh)
    assert digester(Category("巧娘", settings)) != digester(fresh)
    renamed = Tag("巧娘", settings)
    renamed.slug = "qiaoniang"  # a slug set by hand
    assert digester(renamed) != digester(fresh)


def test_shared_digests_are_the_ones_each_process_would_work_out():
    """parallel.share_digests: each process digests every n-th value and adopts
    the others' digests; the memo then holds what one digester would."""
    objects = [Item(title=f"第{n}条", tags=[f"标签{n % 3}"], date=datetime.date(2024, 1, n + 1))
               for n in range(7)]
    objects.append(Item(link=object()))  # uncacheable: left out, still raises
    whole = Digester()
    halves = [Digester(), Digester()]
    shared = [half.share(objects, index, 2) for index, half in enumerate(halves)]
    assert set(shared[0]).isdisjoint(shared[1])
    assert len(shared[0]) + len(shared[1]) == 7 * 2
    for index, half in enumerate(halves):
        half.adopt(shared[1 - index], objects)
        for number, value in enumerate(objects[:-1]):
            for depth in (0, 1):
                if number % 2 != index:  # the other's: taken, not worked out
                    assert half._memo[(id(value), depth)] == whole(value, depth)
                assert half(value, depth) == whole(value, depth)
        with pytest.raises(Uncacheable):
            half(objects[-1])
    # a value not among the objects is never taken on another's word
    stranger = Digester()
    stranger.adopt(shared[0], objects[:2])  # shared[0] holds objects 0, 2, 4 and 6
    assert set(stranger._memo) == {(id(objects[0]), 0), (id(objects[0]), 1)}


class Holder:
    def __init__(self, inner):
        self.inner = inner


def test_a_digest_made_at_one_depth_serves_another_only_when_it_would_be_the_same():
    """An object two levels down is its identity: a value holding one digests
    differently at depth 0 and 1, and must not be served from the other."""
    inner = Item(title="甲", body="正文一")
    outer = Holder(Holder(inner))
    digester = Digester()
    at_one = digester(outer, 1)  # the middle Holder is at depth 2: its identity
    at_zero = digester(outer, 0)  # the Item is at depth 2: its identity (title)
    assert at_one == Digester()(outer, 1) and at_zero == Digester()(outer, 0)
    middle = Holder(inner)
    assert digester(middle, 0) != digester(middle, 1)  # body counts at depth 0 only
    inner.body = "正文二"
    assert Digester()(middle, 0) != digester(middle, 0)
    assert Digester()(middle, 1) == digester(middle, 1)
    metadata = {"title": "甲", "date": datetime.date(2024, 5, 1)}
    assert digester(metadata, 0) == digester(metadata, 2) == Digester()(metadata, 2)
