"""The index files search.js reads (docs/search.md, "Index files").

    meta.json      version, number of pages and of buckets, the filter values, and
                   every page's type and street (for filtering and counts)
    b/<n>.json     a bucket: {key: [pages holding it, pages whose title holds it]}
                   for the keys whose hash falls in it (keys.py)
    p/<id>.json    one page: URL, title, type, street, date and text (for the
                   result list and its excerpt)

Pages are numbered by date, oldest first (pages without a date, records and
standing pages, come before every dated one), then URL: the search ranks newer
pages first by the number alone, and a new article leaves the other pages'
numbers and files as they were. Page lists are ascending numbers written as
differences (3, 1, 1, 7 = pages 3, 4, 5, 12), which gzip packs tightly.

A reader may hold meta.json of one build and fetch a bucket of the next: every
file carries the version of the numbering (numbering_version), and search.js
reloads meta.json when they differ.
"""

import bisect
import hashlib
import itertools
import json
import operator
import os
from collections import defaultdict
from typing import NamedTuple

from xcfl_cache import file_of

from .keys import SEPARATOR as KEY_SEPARATOR, bucket_of, text_keys

FORMAT = 1
# Page numbers per bucket, on average: about 10 KB of gzip for a first query's
# bucket; the bucket count grows with the site (a power of two).
BUCKET_ENTRIES = 12_000


class IndexedPage(NamedTuple):
    """Everything the index needs of one page (search.py caches it per page)."""
    url: str
    date: str
    type: str
    street: str
    fragment: str  # p/<id>.json without the version
    keys: str  # of title and text, parted by KEY_SEPARATOR (compact in memory and cache)
    title_keys: str


def indexed_page(page):
    """The IndexedPage of an extract.PageText."""
    fragment = {"url": page.url, "title": page.title, "type": page.type, "date": page.date,
                "street": page.street, "text": page.text}
    title_keys = text_keys(page.title)
    keys = text_keys(page.text) | title_keys
    return IndexedPage(page.url, page.date, page.type, page.street, dumps(fragment),
                       KEY_SEPARATOR.join(keys), KEY_SEPARATOR.join(title_keys))


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def differences(numbers):
    return list(map(operator.sub, numbers, [0] + numbers[:-1]))


def bucket_count(entries):
    count = 1
    while count * BUCKET_ENTRIES < entries:
        count *= 2
    return count


class Buckets(NamedTuple):
    """What a later build needs to update the buckets instead of making them again."""
    pages: list  # the IndexedPages by number
    count: int
    texts: list  # each bucket's {key: lists} as JSON text


# A rebuild updates the buckets when at most this many pages changed their text
# and no page came or went (numbers unchanged); else it makes them anew.
MAX_UPDATED = 200


def build(pages, previous=None):
    """The whole index of IndexedPages: ({relative path: bytes}, Buckets for the next
    build). With `previous` (the Buckets of the last build), the buckets of the keys
    of changed pages are updated: same files as a full build, in a fraction of the time."""
    pages = sorted(pages, key=lambda page: (page.date, page.url))
    count = bucket_count(sum(page.keys.count(KEY_SEPARATOR) + 1 for page in pages))
    texts = updated_buckets(previous, pages, count) if previous else None
    if texts is None:
        texts = new_buckets(pages, count)
    version = numbering_version(pages, count)
    files = {}
    for number, page in enumerate(pages):
        files[f"p/{number}.json"] = f'{{"v":"{version}",{page.fragment[1:]}'.encode()
    for number, text in enumerate(texts):
        files[f"b/{number}.json"] = f'{{"v":"{version}","k":{text}}}'.encode()
    files["meta.json"] = meta(pages, count, version)
    return files, Buckets(pages, count, texts)


def lists_entry(holding, titles):
    return [differences(holding), differences(titles)] if titles else [differences(holding)]


def new_buckets(pages, count):
    holding, in_titles = defaultdict(list), defaultdict(list)
    for number, page in enumerate(pages):
        for key in page.keys.split(KEY_SEPARATOR):
            holding[key].append(number)
        if page.title_keys:
            for key in page.title_keys.split(KEY_SEPARATOR):
                in_titles[key].append(number)
    buckets = [{} for _ in range(count)]
    for key in sorted(holding):
        buckets[bucket_of(key, count)][key] = lists_entry(holding[key], in_titles.get(key))
    return [dumps(content) for content in buckets]


def updated_buckets(previous, pages, count):
    """The previous build's bucket texts with the changed pages' keys updated, or
    None when a full build is due (pages came or went, too many changed)."""
    if previous.count != count or [p.url for p in previous.pages] != [p.url for p in pages]:
        return None
    # a page's keys follow from its fragment (title and text); the joined keys' order
    # does not (sets), so fragments are compared
    changed = [n for n, (old, new) in enumerate(zip(previous.pages, pages)) if old.fragment != new.fragment]
    if len(changed) > MAX_UPDATED:
        return None
    texts = list(previous.texts)
    opened = {}  # bucket number -> {key: [holding, titles]} as absolute numbers

    def lists(key):
        number = bucket_of(key, count)
        if number not in opened:
            opened[number] = {k: [numbers(v[0]), numbers(v[1]) if len(v) > 1 else []]
                              for k, v in json.loads(texts[number]).items()}
        return opened[number].setdefault(key, [[], []])

    for n in changed:
        old, new = previous.pages[n], pages[n]
        for field, which in (("keys", 0), ("title_keys", 1)):
            before, after = split_keys(getattr(old, field)), split_keys(getattr(new, field))
            for key in before - after:
                lists(key)[which].remove(n)
            for key in after - before:
                bisect.insort(lists(key)[which], n)
    for number, content in opened.items():
        texts[number] = dumps({key: lists_entry(*content[key]) for key in sorted(content)
                               if content[key][0]})
    return texts


def split_keys(joined):
    return set(joined.split(KEY_SEPARATOR)) if joined else set()


def numbers(differences_):
    return list(itertools.accumulate(differences_))


def numbering_version(pages, count):
    """What every file's numbers mean: which page each number is, and how keys
    fall into buckets. Files of two builds with the same version can be mixed;
    a file changes only when its own content does (an edit rewrites its page's
    file and a few buckets, not all ~14,000 files)."""
    numbering = f"{FORMAT}\n{count}\n" + "\n".join(page.url for page in pages)
    return hashlib.sha256(numbering.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def meta(pages, count, version):
    types = sorted({page.type for page in pages})
    streets = sorted({page.street for page in pages if page.street})
    type_number = {name: number for number, name in enumerate(types)}
    street_number = {name: number + 1 for number, name in enumerate(streets)}
    street_number[""] = 0
    return dumps({
        "v": version, "pages": len(pages), "buckets": count,
        "undated": sum(1 for page in pages if not page.date),  # numbered first
        "types": types, "streets": streets,
        # per page: the number of its type; of its street plus one (0: none)
        "type": [type_number[page.type] for page in pages],
        "street": [street_number[page.street] for page in pages],
    }).encode()


def write(files, folder, previous=None, known=None):
    """Write `files` into `folder`; returns {name: (SHA-1 of its bytes, file)}
    for the next build.

    A file whose bytes equal the one of the same name in `previous` (the last
    build's index, whose files `known` describes this way) is hard-linked to it
    instead: a rebuild after one edit changes a few dozen of ~14,000 files at
    10,000 articles, and every file written anew is also one to delete later."""
    known = known or {}
    written = {}
    folders = set()
    for relative, data in files.items():
        path = os.path.join(folder, relative)
        parent = os.path.dirname(path)
        if parent not in folders:
            os.makedirs(parent, exist_ok=True)
            folders.add(parent)
        digest = hashlib.sha1(data).digest()
        file = None
        if previous and known.get(relative, (None,))[0] == digest:
            file = _link_if_unchanged(os.path.join(previous, relative), known[relative][1], path)
        if file is None:
            with open(path, "wb") as handle:
                handle.write(data)
            file = file_of(path)
        written[relative] = (digest, file)
    return written


def _link_if_unchanged(old, file, path):
    """Link `path` to `old` if it is still the file described; its description."""
    try:
        if file_of(old) != file:
            return None
        os.link(old, path)
        return file
    except OSError:  # no previous file, or no links on this file system
        return None
