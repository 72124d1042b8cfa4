"""Pictures and attachments of imported pages, copied into content/ under
stable ASCII names: the first 12 hex digits of the SHA-256 of the bytes, and
the original extension. The same file linked from many pages is copied once,
and a second import writes nothing new."""

import hashlib
import os
import re

PICTURES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg")
ATTACHMENTS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et",
               ".dps", ".ofd", ".txt", ".csv", ".zip", ".rar", ".7z", ".mp3", ".mp4")
PICTURE_FOLDER = "images/imported"
ATTACHMENT_FOLDER = "files/imported"
EXTENSION = re.compile(r"^\.[a-z0-9]{1,5}$")


def kind_of(path):
    suffix = os.path.splitext(path)[1].lower()
    if suffix in PICTURES:
        return "picture"
    if suffix in ATTACHMENTS:
        return "attachment"
    return None


class Assets:
    def __init__(self, content):
        self.content = content
        self.copied = set()  # content-relative paths this run wrote

    def place(self, path):
        """Copy the file at ``path``; its path relative to content/."""
        with open(path, "rb") as handle:
            data = handle.read()
        suffix = os.path.splitext(path)[1].lower()
        folder = PICTURE_FOLDER if kind_of(path) == "picture" else ATTACHMENT_FOLDER
        name = hashlib.sha256(data).hexdigest()[:12] + (suffix if EXTENSION.match(suffix) else "")
        relative = f"{folder}/{name}"
        target = os.path.join(self.content, relative)
        if not os.path.exists(target):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)
            self.copied.add(relative)
        return relative
