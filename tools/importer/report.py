"""What an import did, in Chinese, for the person who runs it: each page
imported, skipped or failed with its reason, the links that could not be
kept, and the counts last."""

from xcfl_problems import message

LINK_MESSAGES = {"page": "import-missing-page", "absent": "import-missing-file",
                 "picture": "import-missing-picture"}


class Report:
    def __init__(self):
        self.imported, self.skipped, self.failed, self.links = [], [], [], []

    def missing(self, page_url, link, why):
        self.links.append((page_url, message(LINK_MESSAGES[why], value=link)))

    def lines(self):
        out = [f"导入 {old} -> content/{new}" for old, new in self.imported]
        out += [f"跳过 {old}：{why}" for old, why in self.skipped]
        out += [f"失败 {old}：{why}" for old, why in self.failed]
        out += [f"链接 {old}：{why}" for old, why in self.links]
        out.append(message("import-summary", imported=len(self.imported),
                           skipped=len(self.skipped), failed=len(self.failed),
                           links=len(self.links)))
        return out
