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
file carries the version, and search.js reloads meta.json when they differ.
"""

import hashlib
import json
import operator
import os
from collections import defaultdict
from typing import NamedTuple

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


def build(pages):
    """The whole index of IndexedPages: {relative path: bytes}."""
    pages = sorted(pages, key=lambda page: (page.date, page.url))
    holding, in_titles = defaultdict(list), defaultdict(list)
    for number, page in enumerate(pages):
        for key in page.keys.split(KEY_SEPARATOR):
            holding[key].append(number)
        if page.title_keys:
            for key in page.title_keys.split(KEY_SEPARATOR):
                in_titles[key].append(number)
    version = hashlib.sha256(f"{FORMAT}\n".encode()
                             + "\n".join(page.fragment for page in pages).encode()).hexdigest()[:12]
    files = {}
    for number, page in enumerate(pages):
        files[f"p/{number}.json"] = f'{{"v":"{version}",{page.fragment[1:]}'.encode()

    count = bucket_count(sum(map(len, holding.values())))
    buckets = [[] for _ in range(count)]
    for key in sorted(holding):
        buckets[bucket_of(key, count)].append(key)
    for number, keys in enumerate(buckets):
        content = {}
        for key in keys:
            titles = in_titles.get(key)
            content[key] = [differences(holding[key]), differences(titles)] if titles \
                else [differences(holding[key])]
        files[f"b/{number}.json"] = dumps({"v": version, "k": content}).encode()

    types = sorted({page.type for page in pages})
    streets = sorted({page.street for page in pages if page.street})
    type_number = {name: number for number, name in enumerate(types)}
    street_number = {name: number + 1 for number, name in enumerate(streets)}
    street_number[""] = 0
    files["meta.json"] = dumps({
        "v": version, "pages": len(pages), "buckets": count,
        "undated": sum(1 for page in pages if not page.date),  # numbered first
        "types": types, "streets": streets,
        # per page: the number of its type; of its street plus one (0: none)
        "type": [type_number[page.type] for page in pages],
        "street": [street_number[page.street] for page in pages],
    }).encode()
    return files


def write(files, folder):
    for relative, data in files.items():
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
