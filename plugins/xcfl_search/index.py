"""The index files search.js reads (docs/search.md, "Index files").

    meta.json      version, number of pages and of buckets, the filter values, and
                   every page's type and street (for filtering and counts)
    b/<n>.json     a bucket: {key: [pages holding it, pages whose title holds it]}
                   for the keys whose hash falls in it (keys.py)
    p/<n>.json     PAGES_PER_FILE pages, from page n * PAGES_PER_FILE on: each
                   one's URL, title, type, street, date and text (for the result
                   list, its excerpts and checking a long term is in the text);
                   "f": 1 when title or text hold traditional characters
    f/<n>.json     traditional → simplified characters (fold.py), by code point
                   in FOLD_FILES files, which search.js loads only for the
                   characters of a query or page that needs them

Pages are numbered by date, oldest first (pages without a date, records and
standing pages, come before every dated one), then URL: the search ranks newer
pages first by the number alone, and a new article leaves the other pages'
numbers and files as they were. Page lists are ascending numbers written as
differences (3, 1, 1, 7 = pages 3, 4, 5, 12), which gzip packs tightly.

A reader may hold meta.json of one build and fetch a bucket of the next: every
file carries the version of the numbering (numbering_version), and search.js
reloads meta.json when they differ.

Pages share files two at a time. A first query shows ten results, most often
of ten different files (newest first, among the pages that hold the query):
with eight pages a file that was ~3.5 KB of gzip per result, about half of a
first query's bytes at 10,000 articles; two pages are ~1.6 KB (one, ~1.1 KB).
One file per page would be 13,000 files at 10,000 articles, each a new file in
every cold build and a hard link in every rebuild (and near some static hosts'
limits on files per site); two are 6,500.

A rebuild with the same numbering takes what did not change from the last
index's files (build with a Previous): a pages file when its pages' texts are
the same (else it is made anew, its unchanged pages taken from the last file), a
bucket when no changed page's keys fall in it, the other buckets read back and
updated. So it needs the text and keys (IndexedPage) of the changed pages only;
of the others, a PageInfo.
"""

import bisect
import hashlib
import itertools
import json
import operator
import os
import struct
from collections import defaultdict
from typing import NamedTuple

from xcfl_cache import file_state

from .fold import FOLD_FILES, TRADITIONAL, fold_files
from .keys import SEPARATOR as KEY_SEPARATOR, bucket_of, text_keys

FORMAT = 3  # 2: triples as keys, folded characters, synonyms, fold.json; 3: two pages a
# page file, smaller buckets, the folding table in f/<n>.json
# Page numbers per bucket, on average: about 4 KB of gzip for a first query's
# bucket (12,000 was ~8 KB, a third of a first query at 10,000 articles with its
# three or four buckets); the bucket count grows with the site (a power of two).
BUCKET_ENTRIES = 6_000
PAGES_PER_FILE = 2  # p/<n>.json (search.js reads it from meta.json)


class IndexedPage(NamedTuple):
    """Everything the index needs of one page (search.py caches it per page)."""
    url: str
    date: str
    type: str
    street: str
    fragment: str  # its entry in a p/<n>.json file
    keys: str  # of title and text, parted by KEY_SEPARATOR (compact in memory and cache)
    title_keys: str


def indexed_page(page):
    """The IndexedPage of an extract.PageText."""
    fragment = {"url": page.url, "title": page.title, "type": page.type, "date": page.date,
                "street": page.street, "text": page.text}
    if TRADITIONAL.search(page.title) or TRADITIONAL.search(page.text):
        fragment["f"] = 1  # search.js folds it before checking a term is in it
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


class PageInfo(NamedTuple):
    """What every build needs of every page: the small part of an IndexedPage
    (store.py keeps it for all pages in one small file, the IndexedPage itself in
    shards, read only for the pages whose files are written anew)."""
    url: str
    date: str
    type: str
    street: str
    key_count: int  # for the bucket count
    digest: bytes  # SHA-1 of the fragment (title and text): same digest, same IndexedPage


def info_of(page):
    return PageInfo(page.url, page.date, page.type, page.street,
                    page.keys.count(KEY_SEPARATOR) + 1,
                    hashlib.sha1(page.fragment.encode("utf-8", "surrogatepass")).digest())


class Previous(NamedTuple):
    """The last build's index, as far as this build may take files from it."""
    version: str  # its numbering_version
    digests: dict  # url -> PageInfo.digest of its pages
    folder: str  # where its files are now
    files: dict  # name -> record (SHA-1, file) of its files still there untouched (still_there)


REUSE = None  # build(): this file's bytes are the previous build's file of that name


class StaleIndex(Exception):
    """A file of the previous index to be reused changed while this one was made."""


# A rebuild updates the buckets when at most this many pages changed their text
# and no page came or went (numbers unchanged); else it makes them anew.
MAX_UPDATED = 200


def build(infos, pages, previous=None, synonyms=()):
    """The index of the pages (PageInfos): ({relative path: bytes, or REUSE}, version).

    `pages` gives IndexedPages: pages.current(urls) this build's, pages.previous(urls)
    the last build's it still has. They are asked only for what is made anew: the
    files of pages that changed and, with `previous` (a Previous) of the same
    numbering, the changed pages' keys, whose buckets are updated from the previous
    files; else (pages came or went) every page, for all the buckets. Same files as
    a build without `previous`, in a fraction of the time. `synonyms`: the
    groups of synonyms.read, for meta.json."""
    infos = sorted(infos, key=lambda info: (info.date, info.url))
    count = bucket_count(sum(info.key_count for info in infos))
    version = numbering_version(infos, count)
    same = previous if previous and previous.version == version else None
    texts = updated_buckets(same, infos, count, pages) if same else None
    unchanged = {number for number, info in enumerate(infos)
                 if same and same.digests.get(info.url) == info.digest}
    groups = range((len(infos) + PAGES_PER_FILE - 1) // PAGES_PER_FILE)
    kept = {group for group in groups if same and pages_name(group) in same.files
            and all(number in unchanged for number in numbers_of(group, len(infos)))}
    # the unchanged pages of a file made anew come from the last file, if it is there
    before = {} if texts is None else {
        number: fragment for group in groups if group not in kept
        for number, fragment in previous_fragments(same, group).items() if number in unchanged}
    wanted = infos if texts is None else [info for number, info in enumerate(infos)
                                          if number not in before and
                                          number // PAGES_PER_FILE not in kept]
    current = pages.current([info.url for info in wanted])
    if texts is None:
        texts = dict(enumerate(new_buckets([current[info.url] for info in infos], count)))
    files = {}
    for group in groups:
        files[pages_name(group)] = REUSE if group in kept else pages_file(version, [
            before[number] if number in before else current[infos[number].url].fragment
            for number in numbers_of(group, len(infos))])
    for number in range(count):
        text = texts.get(number)
        files[bucket_name(number)] = REUSE if text is None else bucket_file(version, text)
    files["meta.json"] = meta(infos, count, version, synonyms)
    files.update(fold_files())
    return files, version


def numbers_of(group, total):
    return range(group * PAGES_PER_FILE, min(total, (group + 1) * PAGES_PER_FILE))


def pages_name(group):
    return f"p/{group}.json"


def pages_file(version, fragments):
    return f'{{"v":"{version}","p":[{",".join(fragments)}]}}'.encode()


def previous_fragments(previous, group):
    """{page number: fragment} of the previous build's file of `group`, if it is
    still the file it wrote (same numbering: same pages); else {}."""
    text = previous_text(previous, pages_name(group), "p")
    if text is None:
        return {}
    return dict(zip(itertools.count(group * PAGES_PER_FILE), map(dumps, json.loads(text))))


def bucket_name(number):
    return f"b/{number}.json"


def bucket_file(version, text):
    return f'{{"v":"{version}","k":{text}}}'.encode()


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
    # A bucket at a time, each list dropped once its entry is made: never every
    # list twice in memory (at 10,000 articles 12 million numbers, ~100 MB a copy).
    keys_of = [[] for _ in range(count)]
    for key in holding:
        keys_of[bucket_of(key, count)].append(key)
    return [dumps({key: lists_entry(holding.pop(key), in_titles.get(key))
                   for key in sorted(keys)}) for keys in keys_of]


def updated_buckets(previous, infos, count, pages):
    """{bucket number: text} of the buckets the changed pages' keys fall in, the
    previous build's files with those pages' numbers moved in and out; None when
    they must all be made anew (too many changed, or a previous file or page is
    missing). The numbering is the previous build's (same version)."""
    changed = [(number, info.url) for number, info in enumerate(infos)
               if previous.digests.get(info.url) != info.digest]
    if len(changed) > MAX_UPDATED or \
            any(bucket_name(number) not in previous.files for number in range(count)):
        return None
    urls = [url for _, url in changed]
    old, new = pages.previous(urls), pages.current(urls)
    if len(old) < len(urls):
        return None
    moves = []  # (key, 0: holding / 1: title, page number, added)
    for number, url in changed:
        for field, which in (("keys", 0), ("title_keys", 1)):
            before, after = split_keys(getattr(old[url], field)), split_keys(getattr(new[url], field))
            moves += [(key, which, number, False) for key in before - after]
            moves += [(key, which, number, True) for key in after - before]
    opened = {}  # bucket number -> {key: [holding, titles]} as absolute numbers
    for bucket in {bucket_of(key, count) for key, *_ in moves}:
        text = previous_bucket(previous, bucket)
        if text is None:
            return None
        opened[bucket] = {key: [numbers(lists[0]), numbers(lists[1]) if len(lists) > 1 else []]
                          for key, lists in json.loads(text).items()}
    for key, which, number, added in moves:
        lists = opened[bucket_of(key, count)].setdefault(key, [[], []])[which]
        if added:
            bisect.insort(lists, number)
        else:
            lists.remove(number)
    return {bucket: dumps({key: lists_entry(*content[key]) for key in sorted(content) if content[key][0]})
            for bucket, content in opened.items()}


def previous_bucket(previous, number):
    """The keys' text of the previous build's bucket file, if it is still the one it wrote."""
    return previous_text(previous, bucket_name(number), "k")


def previous_text(previous, name, field):
    """The JSON text of `field` in the previous build's file `name` (its only
    field after the version), if it is still the file it wrote; else None."""
    if name not in previous.files:
        return None
    data = _bytes_of(os.path.join(previous.folder, name), previous.files[name][:20])
    head = f'{{"v":"{previous.version}","{field}":'.encode()
    if data is REUSE or not data.startswith(head):
        return None
    return data[len(head):-1].decode()


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


def meta(pages, count, version, synonyms=()):
    types = sorted({page.type for page in pages})
    streets = sorted({page.street for page in pages if page.street})
    type_number = {name: number for number, name in enumerate(types)}
    street_number = {name: number + 1 for number, name in enumerate(streets)}
    street_number[""] = 0
    return dumps({
        "v": version, "pages": len(pages), "buckets": count, "perFile": PAGES_PER_FILE,
        "undated": sum(1 for page in pages if not page.date),  # numbered first
        "foldFiles": FOLD_FILES,
        "types": types, "streets": streets,
        # per page: the number of its type; of its street plus one (0: none)
        "type": [type_number[page.type] for page in pages],
        "street": [street_number[page.street] for page in pages],
        "synonyms": list(synonyms),  # groups of words that find each other
    }).encode()


# An index file's record, kept for the next build: SHA-1 of its bytes (20 bytes),
# then its size, mtime and inode (xcfl_cache.file_state). Bytes: 14,000 of them
# load and save several times faster than tuples.
FILE = struct.Struct("<qqQ")


def record(digest, file):
    return digest + FILE.pack(*file)


def still_there(folder, records):
    """The records of the files in `folder` that are still the files they describe."""
    found = {}
    for name, entry in records.items():
        try:
            if record(entry[:20], file_state(os.path.join(folder, name))) == entry:
                found[name] = entry
        except OSError:
            pass
    return found


def write(files, folder, previous=None):
    """Write `files` into `folder`; returns {name: record} for the next build.

    A file whose bytes equal the one of the same name in `previous` (REUSE, or
    the same SHA-1) is hard-linked to it instead: a rebuild after one edit
    changes a few dozen of ~14,000 files at 10,000 articles, and every file
    written anew is also one to delete later. Where no link can be made, a
    REUSE file's bytes are copied; StaleIndex when they are gone."""
    known = previous.files if previous else {}
    written = {}
    folders = set()
    for relative, data in files.items():
        path = os.path.join(folder, relative)
        parent = os.path.dirname(path)
        if parent not in folders:
            os.makedirs(parent, exist_ok=True)
            folders.add(parent)
        entry = known.get(relative)
        digest = None if data is REUSE else hashlib.sha1(data).digest()
        if entry and digest in (None, entry[:20]):
            old = os.path.join(previous.folder, relative)
            if _linked(old, path):
                written[relative] = entry
                continue
            if data is REUSE:
                data = _bytes_of(old, entry[:20])
                digest = entry[:20]
        if data is REUSE:
            raise StaleIndex(relative)
        with open(path, "wb") as handle:
            handle.write(data)
        written[relative] = record(digest, file_state(path))
    return written


def _linked(old, path):
    try:
        os.link(old, path)
        return True
    except OSError:  # no links on this file system
        return False


def _bytes_of(path, digest):
    """The bytes of a previous file, if they are still those of the SHA-1; else REUSE."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return REUSE
    return data if hashlib.sha1(data).digest() == digest else REUSE
