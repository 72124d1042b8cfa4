"""xcfl_speed's shortcuts around Pelican's steps give exactly what the steps
themselves give: run Pelican's own generate_tags and generate_categories with
and without the indexed lists and compare every page they ask to write."""

import os
import random
import sys

from pelican.generators import ArticlesGenerator

from helpers import ROOT

sys.path.insert(0, os.path.join(ROOT, "plugins"))
from xcfl_speed import speed  # noqa: E402


class Article:
    """Like Pelican's contents: no __eq__, so `in` means identity."""

    def __init__(self, number):
        self.number = number


class Listing:
    def __init__(self, name):
        self.name = self.slug = self.page_name = name
        self.save_as = self.url = f"{name}.html"

    def __lt__(self, other):
        return self.name < other.name


def generator(seed):
    """An ArticlesGenerator's state after reading: tags, categories, dates."""
    rng = random.Random(seed)
    articles = [Article(n) for n in range(400)]
    tags, categories = {}, {}
    for article in articles:
        categories.setdefault(Listing(f"c{rng.randrange(6)}"), []).append(article)
        for tag in rng.sample(range(60), rng.randrange(4)):
            tags.setdefault(f"t{tag}", []).append(article)
    state = ArticlesGenerator.__new__(ArticlesGenerator)
    state.articles = articles
    state.dates = sorted(articles, key=lambda a: rng.random())
    state.tags = {Listing(name): items for name, items in tags.items()}
    state.categories = sorted(categories.items())
    state.context = {}
    state.get_template = lambda name: name
    return state


def pages_written(state, kinds=None):
    written = []

    def write(name, template, context, **values):
        written.append((name, template, [a.number for a in values["articles"]],
                        [a.number for a in values["dates"]], type(values["dates"])))
        if kinds is not None:
            kinds.add(type(values["articles"]))

    state.generate_tags(write)
    state.generate_categories(write)
    return written


def test_indexed_listings_write_what_pelican_writes():
    plain, indexed = generator(7), generator(7)
    before = (indexed.tags, indexed.categories)
    speed.index_listed_articles([indexed])
    expected = pages_written(plain)
    assert len(expected) == len(plain.tags) + len(plain.categories) > 60
    assert any(len(dates) > 1 for _, _, _, dates, _ in expected)
    kinds = set()
    assert pages_written(indexed, kinds) == expected
    assert kinds == {speed.IndexedList}  # the steps did run on the indexed lists
    # the generator's own lists are given back unchanged after each step
    assert (indexed.tags, indexed.categories) == before
    assert all(type(items) is list for items in indexed.tags.values())


def test_indexed_list_compares_by_identity():
    one, same_number = Article(1), Article(1)
    items = speed.IndexedList([one])
    assert one in items and same_number not in items
    assert items == [one] and type(items[:]) is list


def test_addresses_are_remembered_only_while_pages_are_written(tmp_path):
    from pelican import contents, urlwrappers
    from pelican.settings import DEFAULT_CONFIG

    from xcfl_speed import urls

    urls.install()
    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path), ARTICLE_URL="news/{slug}/",
                    ARTICLE_SAVE_AS="news/{slug}/index.html")
    article = contents.Article("正文", metadata={"title": "标题", "slug": "a-1"},
                               settings=settings, source_path=str(tmp_path / "a.md"))
    tag = urlwrappers.Tag("巧娘", settings)
    static = contents.Static("", metadata={"title": "x"}, settings=settings,
                             source_path=str(tmp_path / "x.png"))

    def addresses():
        return (article.url, article.save_as, tag.url, tag.save_as, tag.page_name, static.url)

    originals = (getattr(type(article).url.fget, urls.MARK)(article),
                 getattr(contents.Content.save_as.fget, urls.MARK)(article),
                 getattr(urlwrappers.URLWrapper.url.fget, urls.MARK)(tag),
                 getattr(urlwrappers.URLWrapper.save_as.fget, urls.MARK)(tag),
                 getattr(urlwrappers.URLWrapper.page_name.fget, urls.MARK)(tag), static.url)
    assert addresses() == originals == ("news/a-1/", "news/a-1/index.html", "tag/qiao-niang.html",
                                        "tag/qiao-niang.html", "tag/qiao-niang", "x.png")
    urls.start()
    try:
        assert addresses() == originals
        article.slug = "a-2"  # never happens while pages are written; shows what is kept
        static.override_url = "moved/x.png"  # an {attach} link may move a static file
        assert addresses() == originals[:5] + ("moved/x.png",)
    finally:
        urls.stop()
    assert article.url == "news/a-2/"  # read again once the build is over


def test_addresses_shared_by_another_process_are_the_ones_worked_out_here(tmp_path):
    """parallel.share_digests: each writing process works out every n-th
    article's addresses and takes the others' from the other process."""
    from pelican import contents
    from pelican.settings import DEFAULT_CONFIG

    from xcfl_speed import urls

    urls.install()
    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path), ARTICLE_URL="news/{slug}/",
                    ARTICLE_SAVE_AS="news/{slug}/index.html")
    articles = [contents.Article("正文", metadata={"title": f"标题{n}", "slug": f"a-{n}"},
                                 settings=settings, source_path=str(tmp_path / f"{n}.md"))
                for n in range(5)]
    urls.start()
    try:
        mine, theirs = urls.share(articles, 0, 2), urls.share(articles, 1, 2)
        assert set(mine) | set(theirs) == {(id(a), n) for a in articles for n in ("url", "save_as")}
        assert theirs[(id(articles[3]), "url")] == "news/a-3/"
        urls.stop()
        urls.start()  # a fresh memory, as in a forked process
        urls.adopt({(id(articles[1]), "url"): "taken/as/given/"}, articles)
        urls.adopt({(id(object()), "url"): "a stranger's"}, articles)
        assert articles[1].url == "taken/as/given/"  # taken, not worked out again
        assert [a.url for a in articles[2:]] == ["news/a-2/", "news/a-3/", "news/a-4/"]
    finally:
        urls.stop()
    assert articles[1].url == "news/a-1/"
