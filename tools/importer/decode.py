"""Bytes of a saved page -> text, whatever the old CMS wrote it in.

Old government sites are in UTF-8 or in one of the Chinese national
encodings (GB2312, GBK, GB18030). Each is a subset of the next, so a page that
declares GB2312 or GBK is read as GB18030: old pages often contain characters
(生僻字 in names, ·) that their declared encoding lacks, which browsers show anyway.
Bytes that are valid UTF-8 are read as UTF-8 whatever the page declares
(Chinese text in GBK is practically never valid UTF-8, and copied templates
often keep a stale declaration); otherwise the declaration (<meta charset>,
http-equiv, XML prolog) decides, then GB18030.
"""

import codecs
import re

DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_-]+)""",
                      re.I)
CHINESE = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}


def declared_encoding(data):
    """The encoding the page names in its first 4 KB, normalised, or None."""
    match = DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    if name in CHINESE:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data):
    """(text, encoding used). Never fails: undecodable bytes become U+FFFD."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    declared = declared_encoding(data)
    candidates = ["utf-8"] + [name for name in (declared, "gb18030") if name and name != "utf-8"]
    for name in candidates:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return data.decode(declared or "gb18030", errors="replace"), declared or "gb18030"
