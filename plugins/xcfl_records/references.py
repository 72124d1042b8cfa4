"""Articles name records (Street, Families, Studios, Teams headers): check and link.

Every name must resolve, in drafts too (a draft is published one day); only
published articles are linked from record and street pages. A name of a
record left out for a problem of its own (a file that cannot be read, a
record with a mistake) is not reported: that problem is, once.
"""

from xcfl_problems import Problem, message, report, source_line

from .kinds import COLLECTIONS


def split_ids(value):
    return list(dict.fromkeys(part.strip() for part in (value or "").split(",") if part.strip()))


def named_records(article, records_by_id, left_out):
    """The records an article names, reporting every name that does not resolve."""
    found = []
    for collection in COLLECTIONS:
        header = collection.header
        for record_id in split_ids(article.metadata.get(header.lower())):
            record = records_by_id[collection.name].get(record_id)
            if record is None and record_id in left_out[collection.name]:
                continue
            if record is None:
                report(Problem(article.source_path, source_line(article.source_path, header),
                               header, message("unknown-record", value=record_id,
                                               collection=collection.title,
                                               folder=collection.name)))
            else:
                found.append(record)
    return found


def named_street(article, streets_by_name, left_out):
    name = (article.metadata.get("street") or "").strip()
    if not name:
        return None
    street = streets_by_name.get(name)
    if street is None and name not in left_out["streets"]:
        report(Problem(article.source_path, source_line(article.source_path, "Street"),
                       "Street", message("unknown-street", value=name)))
    return street


def link(articles, drafts, records_by_id, streets_by_name, left_out):
    """Give each published article its records and street, and each record and
    street its articles (newest first). ``left_out``: {collection name or
    "streets": reading.LeftOut}."""
    for article in drafts:
        named_records(article, records_by_id, left_out)
        named_street(article, streets_by_name, left_out)
    for article in sorted(articles, key=lambda a: a.date, reverse=True):
        article.xcfl_records = named_records(article, records_by_id, left_out)
        article.xcfl_street = named_street(article, streets_by_name, left_out)
        for record in article.xcfl_records:
            record.articles.append(article)
        if article.xcfl_street:
            article.xcfl_street.articles.append(article)
