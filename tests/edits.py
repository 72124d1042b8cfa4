"""Seeded random edits to a copy of the project (content, theme, settings), as
editors and maintainers make them, for the test that a rebuild with the caches
equals a clean build (tests/test_rebuild_equals_clean.py, bench/rebuild_fuzz.py).

A `Project` is a folder with `content/`, `theme/`, `pelicanconf.py`,
`publishconf.py` (copies) and `plugins/` (a link to the repository's, so the
code under test is the repository's own). pelicanconf.py finds the theme and
plugins beside itself, so editing the copies never touches the repository.

`Editor.step()` makes one random edit and returns a line describing it; the
same seed always makes the same edits (given the same build results, which
decide when a failing state is repaired), so a failure can be replayed.

Some edits keep the file's size and put its old modification time back, or
give it a time in the same second as before: a cache that trusts the file's
size and time instead of its bytes would miss them.
"""

import os
import random
import re
import shutil

from helpers import CONTENT, PELICANCONF, PUBLISHCONF, ROOT, article, write
from pages import MEDIA_BODY, png

CATEGORIES = ["工作动态", "通知公告", "组织建设", "权益维护", "家庭文明", "巾帼风采"]
STREETS = ["西长安街街道", "新街口街道", "月坛街道", "展览路街道", "德胜街道", "金融街街道",
           "什刹海街道", "大栅栏街道", "天桥街道", "椿树街道", "陶然亭街道", "广安门内街道",
           "牛街街道", "白纸坊街道", "广安门外街道"]
NEW_TAGS = ["新标签甲", "新标签乙", "社区服务", "家风家教", "巾帼志愿服务"]
SLUGS = ["alpha", "beta-news", "gamma-2024", "family-day", "anti-domestic-violence-campaign-2020"]
# CJK characters to swap one for another: 3 bytes each in UTF-8, so the file
# keeps its size.
SWAPS = "妇女家庭社区工作服务活动巧娘"
LEVELS = ["全国文明家庭", "全国最美家庭", "首都最美家庭", "西城最美家庭"]
# Settings an administrator may change, with values that build.
SETTINGS = {
    "DEFAULT_PAGINATION": ["3", "5", "15"],
    "SITESUBTITLE": ['"西城女性 · 服务妇女儿童和家庭"', '"西城女性之家"'],
    "DEFAULT_DATE_FORMAT": ['"%Y年%-m月%-d日"', '"%Y-%m-%d"'],
    "XCFL_HOME_LEAD_CATEGORIES": ['["news", "notices"]', '["family", "women"]'],
    "XCFL_ORGANIZATION": [
        '{**XCFL_ORGANIZATION, "phone": "010-83976220"}',
        '{**XCFL_ORGANIZATION, "phone": "010-83976221"}',
    ],
}
MEDIA_ARTICLE = "articles/sample/2015-02-01-media-sample.md"


class Project:
    """A copy of the project that edits may change."""

    def __init__(self, root):
        self.root = root
        self.content = os.path.join(root, "content")
        self.pelicanconf = os.path.join(root, "pelicanconf.py")
        self.publishconf = os.path.join(root, "publishconf.py")
        self.theme = os.path.join(root, "theme")

    @classmethod
    def create(cls, root):
        """The repository's content and theme, plus a picture article (tests/pages.py)."""
        project = cls(root)
        shutil.copytree(CONTENT, project.content)
        shutil.copytree(os.path.join(ROOT, "theme"), project.theme)
        shutil.copy(PELICANCONF, project.pelicanconf)
        shutil.copy(PUBLISHCONF, project.publishconf)
        os.symlink(os.path.join(ROOT, "plugins"), os.path.join(root, "plugins"))
        images = os.path.join(project.content, "images", "sample")
        os.makedirs(images)
        with open(os.path.join(images, "photo.png"), "wb") as handle:
            handle.write(png(64, 48))
        with open(os.path.join(images, "plain.png"), "wb") as handle:
            handle.write(png(30, 20))
        write(os.path.join(images, "icon.svg"),
              '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 16" width="24" height="16">'
              '<rect width="24" height="16" fill="#b0002a"/></svg>\n')
        # with alt text on every picture: an empty one is a warning, which fails a publish
        body = MEDIA_BODY.replace("![](", "![示意图](")
        write(os.path.join(project.content, MEDIA_ARTICLE),
              article("图片与表格示例", "2015-02-01", body=body, Tags="示例"))
        return project

    def snapshot(self):
        """{relative path: bytes} of every file edits may change."""
        found = {}
        for top in (self.content, self.theme):
            for folder, _, names in os.walk(top):
                for name in names:
                    path = os.path.join(folder, name)
                    with open(path, "rb") as handle:
                        found[os.path.relpath(path, self.root)] = handle.read()
        for path in (self.pelicanconf, self.publishconf):
            with open(path, "rb") as handle:
                found[os.path.relpath(path, self.root)] = handle.read()
        return found

    def restore(self, snapshot):
        """Make the files exactly those of `snapshot` (only changed ones are written)."""
        now = self.snapshot()
        for relative in sorted(set(now) - set(snapshot)):
            os.remove(os.path.join(self.root, relative))
        for relative, data in sorted(snapshot.items()):
            if now.get(relative) != data:
                path = os.path.join(self.root, relative)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as handle:
                    handle.write(data)

    def files(self, under, suffixes):
        """Relative paths (to the project) of the files under `under`, sorted."""
        found = []
        for folder, _, names in os.walk(os.path.join(self.root, under)):
            for name in names:
                if name.endswith(suffixes):
                    found.append(os.path.relpath(os.path.join(folder, name), self.root))
        return sorted(found)

    def read(self, relative):
        with open(os.path.join(self.root, relative), encoding="utf-8") as handle:
            return handle.read()

    def write(self, relative, text):
        write(os.path.join(self.root, relative), text)


def split_header(text):
    """([(key, value)], body) of an article or page file."""
    head, _, body = text.partition("\n\n")
    pairs = []
    for line in head.splitlines():
        key, _, value = line.partition(":")
        pairs.append((key.strip(), value.strip()))
    return pairs, body


def join_header(pairs, body):
    return "\n".join(f"{key}: {value}" for key, value in pairs) + "\n\n" + body


def set_header(text, key, value):
    """The file with header `key` set to `value` (None: removed)."""
    pairs, body = split_header(text)
    kept = [(k, v) for k, v in pairs if k != key]
    if value is not None:
        position = next((i for i, (k, _) in enumerate(pairs) if k == key), len(kept))
        kept.insert(min(position, len(kept)), (key, value))
    return join_header(kept, body)


def header(text, key):
    return dict(split_header(text)[0]).get(key)


def swap_one_character(rng, text, start=0):
    """`text` with one CJK character after `start` replaced by another of
    the same UTF-8 length; None if there is none."""
    places = [i for i in range(start, len(text)) if text[i] in SWAPS]
    if not places:
        return None
    place = rng.choice(places)
    other = rng.choice([c for c in SWAPS if c != text[place]])
    return text[:place] + other + text[place + 1:]


def record_ids(project, collection):
    """Ids of the records of a collection: file names, and the `- id:` entries of lists."""
    ids = []
    for relative in project.files(f"content/data/{collection}", (".yaml",)):
        text = project.read(relative)
        listed = re.findall(r"^- id: *([a-z0-9-]+)", text, re.M)
        ids += listed or [os.path.splitext(os.path.basename(relative))[0]]
    return ids


class Editor:
    """Makes seeded random edits to a project, one per step."""

    def __init__(self, project, seed):
        self.project = project
        self.rng = random.Random(seed)
        self.counter = 0  # numbers the names of new files and texts
        self.good = project.snapshot()  # the files of the last step whose clean builds passed
        self.failing = 0  # steps in a row whose clean build failed
        self.edits = [
            (6, self.body), (3, self.title), (4, self.slug), (3, self.rename), (2, self.delete),
            (4, self.add_linking_article), (3, self.add_link), (3, self.tags), (3, self.category),
            (2, self.date), (1, self.draft), (2, self.record_references), (1, self.street),
            (1, self.cover), (2, self.standing_page), (4, self.record_edit),
            (2, self.record_remove), (1, self.record_add), (2, self.picture), (3, self.template),
            (2, self.css), (2, self.strings), (3, self.setting), (1, self.mistake),
        ]

    def step(self, previous_failed=False):
        """Make one edit; returns its description. After a step whose clean build
        failed the files are sometimes put back as they were at the last passing
        step (always after three failing steps), so a sequence does not stay broken."""
        if previous_failed:
            self.failing += 1
        else:
            self.failing = 0
            self.good = self.project.snapshot()
        if self.failing and (self.failing >= 3 or self.rng.random() < 0.5):
            self.project.restore(self.good)
            return "repair: every file back as at the last step whose clean builds passed"
        before = self.project.snapshot()
        stats = self.stats(before)
        weights, edits = zip(*self.edits)
        while True:
            edit = self.rng.choices(edits, weights)[0]
            described = edit()
            if described:
                break
        return described + self.retime(before, stats)

    def stats(self, files):
        return {relative: os.stat(os.path.join(self.project.root, relative)) for relative in files}

    def retime(self, before, stats):
        """Sometimes give the changed files back their old times, so only their
        bytes tell the change: the old time exactly when the size is unchanged,
        else another time in the same second."""
        after = self.project.snapshot()
        changed = [r for r in sorted(after) if r in before and before[r] != after[r]]
        if not changed:
            return ""
        mode = self.rng.choice(["now", "now", "old time", "same second"])
        if mode == "now":
            return ""
        for relative in changed:
            old = stats[relative]
            path = os.path.join(self.project.root, relative)
            if mode == "old time" and len(after[relative]) == len(before[relative]):
                os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
            else:
                second = old.st_mtime_ns - old.st_mtime_ns % 1_000_000_000
                moved = second + self.rng.randrange(1_000_000_000)
                os.utime(path, ns=(old.st_atime_ns, moved))
        return f" [mtime: {mode}]"

    # Helpers ------------------------------------------------------------------

    def articles(self):
        return self.project.files("content/articles", (".md",))

    def pick_article(self):
        found = self.articles()
        return self.rng.choice(found) if found else None

    def pick_linked_article(self):
        """Half the time an article another one links to with {filename}, if any:
        its address changing is the stale-link case."""
        linked = sorted(set(self.linked()) & set(self.articles()))
        if linked and self.rng.random() < 0.5:
            return self.rng.choice(linked)
        return self.pick_article()

    def linked(self):
        """The articles other files link to with {filename}."""
        found = []
        for relative in self.articles():
            for target in re.findall(r"\{filename\}/([^)\s]+)", self.project.read(relative)):
                found.append(os.path.join("content", target))
        return found

    def edit_header(self, relative, key, value):
        self.project.write(relative, set_header(self.project.read(relative), key, value))

    def fresh(self):
        self.counter += 1
        return self.counter

    # Edits: each returns a description, or None when it cannot be made -------

    def body(self):
        relative = self.pick_article()
        if not relative:
            return None
        text = self.project.read(relative)
        how = self.rng.choice(["append", "same size", "heading"])
        if how == "same size":
            changed = swap_one_character(self.rng, text, text.find("\n\n"))
            if changed is None:
                return None
            self.project.write(relative, changed)
        elif how == "heading":
            self.project.write(relative, text + f"\n## 补充说明{self.fresh()}\n\n补充内容。\n")
        else:
            self.project.write(relative, text + f"\n补充一段新的正文{self.fresh()}。\n")
        return f"body ({how}): {relative}"

    def title(self):
        relative = self.pick_article()
        if not relative:
            return None
        text = self.project.read(relative)
        if self.rng.random() < 0.5:
            changed = swap_one_character(self.rng, text.split("\n", 1)[0])
            if changed is None:
                return None
            self.project.write(relative, changed + "\n" + text.split("\n", 1)[1])
            return f"title (same size): {relative}"
        self.edit_header(relative, "Title", f"{header(text, 'Title')}（修订{self.fresh()}）")
        return f"title: {relative}"

    def slug(self):
        relative = self.pick_linked_article()
        if not relative:
            return None
        value = self.rng.choice(SLUGS + [None, f"slug-{self.fresh()}"])
        self.edit_header(relative, "Slug", value)
        return f"slug: {relative} -> {value}"

    def rename(self):
        relative = self.pick_linked_article()
        if not relative:
            return None
        name = os.path.basename(relative)
        if self.rng.random() < 0.5:  # a new file name: the default slug changes
            date = re.match(r"\d{4}-\d{2}-\d{2}-", name)
            name = (date.group(0) if date else "") + f"renamed-{self.fresh()}.md"
            target = os.path.join(os.path.dirname(relative), name)
        else:  # another folder, same name
            target = os.path.join("content/articles", self.rng.choice(["", "moved", "sample"]), name)
        if os.path.exists(os.path.join(self.project.root, target)):
            return None
        os.makedirs(os.path.dirname(os.path.join(self.project.root, target)), exist_ok=True)
        os.rename(os.path.join(self.project.root, relative), os.path.join(self.project.root, target))
        return f"rename: {relative} -> {target}"

    def delete(self):
        found = self.articles()
        if len(found) < 6:
            return None
        relative = self.pick_linked_article()
        os.remove(os.path.join(self.project.root, relative))
        return f"delete: {relative}"

    def link_to(self, source):
        """Markdown linking another article (or a standing page) with {filename}."""
        targets = [a for a in self.articles() if a != source]
        targets += self.project.files("content/pages", (".md",))
        target = self.rng.choice(targets)
        return target, f"[相关阅读]({{filename}}/{os.path.relpath(target, 'content')})"

    def add_linking_article(self):
        number = self.fresh()
        relative = f"content/articles/2024-0{self.rng.randint(1, 9)}-1{self.rng.randint(0, 9)}-added-{number}.md"
        target, link = self.link_to(relative)
        extra = {"Tags": self.rng.choice(NEW_TAGS)} if self.rng.random() < 0.5 else {}
        self.project.write(relative, article(
            f"新增文章{number}", os.path.basename(relative)[:10],
            self.rng.choice(CATEGORIES), f"新增的正文。\n\n{link}", **extra))
        return f"add: {relative} linking {target}"

    def add_link(self):
        relative = self.pick_article()
        if not relative:
            return None
        target, link = self.link_to(relative)
        self.project.write(relative, self.project.read(relative) + f"\n{link}\n")
        return f"link: {relative} -> {target}"

    def tags(self):
        relative = self.pick_article()
        if not relative:
            return None
        tags = self.rng.sample(NEW_TAGS, self.rng.randint(0, 3))
        self.edit_header(relative, "Tags", ", ".join(tags) or None)
        return f"tags: {relative} -> {tags}"

    def category(self):
        relative = self.pick_linked_article()
        if not relative:
            return None
        value = self.rng.choice(CATEGORIES)
        self.edit_header(relative, "Category", value)
        return f"category: {relative} -> {value}"

    def date(self):
        relative = self.pick_linked_article()
        if not relative:
            return None
        value = f"{self.rng.randint(2016, 2025)}-0{self.rng.randint(1, 9)}-1{self.rng.randint(0, 9)}"
        self.edit_header(relative, "Date", value)
        return f"date: {relative} -> {value}"

    def draft(self):
        relative = self.pick_linked_article()
        if not relative:
            return None
        value = None if header(self.project.read(relative), "Status") else "draft"
        self.edit_header(relative, "Status", value)
        return f"status: {relative} -> {value}"

    def record_references(self):
        relative = self.pick_article()
        if not relative:
            return None
        key, collection = self.rng.choice([("Families", "families"), ("Studios", "studios"),
                                           ("Teams", "teams")])
        ids = record_ids(self.project, collection)
        chosen = self.rng.sample(ids, min(len(ids), self.rng.randint(0, 3)))
        self.edit_header(relative, key, ", ".join(chosen) or None)
        return f"records: {relative} {key} -> {chosen}"

    def street(self):
        relative = self.pick_article()
        if not relative:
            return None
        value = self.rng.choice(STREETS + [None])
        self.edit_header(relative, "Street", value)
        return f"street: {relative} -> {value}"

    def cover(self):
        relative = self.pick_article()
        if not relative:
            return None
        images = self.project.files("content/images", (".svg", ".png"))
        value = self.rng.choice(images + [None])
        value = value and os.path.relpath(value, "content")
        self.edit_header(relative, "Cover", value)
        return f"cover: {relative} -> {value}"

    def standing_page(self):
        relative = self.rng.choice(self.project.files("content/pages", (".md",)))
        text = self.project.read(relative)
        changed = swap_one_character(self.rng, text, text.find("\n\n"))
        if changed is None or self.rng.random() < 0.5:
            changed = text + f"\n页面补充说明{self.fresh()}。\n"
        self.project.write(relative, changed)
        return f"page: {relative}"

    def record_edit(self):
        relative = self.rng.choice(self.project.files("content/data", (".yaml",)))
        if relative.endswith("streets.yaml"):
            return None
        text = self.project.read(relative)
        field = self.rng.choice(["name", "summary", "year", "street"])
        lines = [i for i, line in enumerate(text.split("\n"))
                 if re.match(rf"^(- |  )?{field}: ", line)]
        if not lines:
            return None
        lines_of = text.split("\n")
        i = self.rng.choice(lines)
        prefix, value = lines_of[i].split(": ", 1)
        if field == "year":
            value = str(self.rng.randint(2014, 2025))
        elif field == "street":
            value = self.rng.choice(STREETS)
        else:
            value = swap_one_character(self.rng, value) or value + "（改）"
        lines_of[i] = f"{prefix}: {value}"
        self.project.write(relative, "\n".join(lines_of))
        return f"record: {relative} line {i + 1} {field}"

    def record_remove(self):
        relative = self.rng.choice(self.project.files("content/data", (".yaml",)))
        if relative.endswith("streets.yaml"):
            return None
        text = self.project.read(relative)
        entries = re.split(r"(?m)^(?=- )", text)
        if len(entries) > 2:  # a list file: drop one entry
            i = self.rng.randrange(1, len(entries))
            self.project.write(relative, "".join(entries[:i] + entries[i + 1:]))
            return f"record removed: {relative} entry {i}"
        os.remove(os.path.join(self.project.root, relative))
        return f"record removed: {relative}"

    def record_add(self):
        number = self.fresh()
        relative = f"content/data/families/added-family-{number}.yaml"
        photos = self.project.files("content/images/families", (".svg",))
        photo = f"photos: [{os.path.relpath(photos[0], 'content')}]\n" if photos else ""
        self.project.write(relative, (
            f"name: 新增家庭{number}\nstreet: {self.rng.choice(STREETS)}\n"
            f"level: {self.rng.choice(LEVELS)}\nyear: {self.rng.randint(2014, 2025)}\n"
            f"summary: 新增的最美家庭。\n{photo}"))
        return f"record added: {relative}"

    def picture(self):
        relative = self.rng.choice(self.project.files("content/images", (".svg", ".png")))
        path = os.path.join(self.project.root, relative)
        if relative.endswith(".png"):
            with open(path, "wb") as handle:
                handle.write(png(self.rng.randint(20, 90), self.rng.randint(20, 90)))
            return f"picture: {relative}"
        text = self.project.read(relative)
        colours = list(re.finditer(r"#[0-9a-fA-F]{6}\b", text))
        if colours and self.rng.random() < 0.6:  # same size
            where = self.rng.choice(colours)
            colour = "#%06x" % self.rng.randrange(1 << 24)
            text = text[:where.start()] + colour + text[where.end():]
        else:
            width = self.rng.randint(100, 999)
            text = re.sub(r'\bwidth="\d+"', f'width="{width}"', text, count=1)
            text = re.sub(r'viewBox="0 0 \d+', f'viewBox="0 0 {width}', text, count=1)
        self.project.write(relative, text)
        return f"picture: {relative}"

    def template(self):
        relative = self.rng.choice(self.project.files("theme/templates", (".html",)))
        text = self.project.read(relative)
        classes = list(re.finditer(r'class="xc-([a-z]+)', text))
        if not classes:
            return None
        where = self.rng.choice(classes)
        name = where.group(1)
        if self.rng.random() < 0.5:  # same size
            name = name[:-1] + self.rng.choice([c for c in "abcdefgh" if c != name[-1]])
        else:
            name += "x"
        self.project.write(relative, text[:where.start(1)] + name + text[where.end(1):])
        return f"template: {relative} class xc-{where.group(1)} -> xc-{name}"

    def css(self):
        relative = self.rng.choice(self.project.files("theme/assets/css", (".css",)))
        text = self.project.read(relative)
        colours = list(re.finditer(r"#[0-9a-fA-F]{6}\b", text))
        if colours and self.rng.random() < 0.6:  # same size
            where = self.rng.choice(colours)
            text = text[:where.start()] + "#%06x" % self.rng.randrange(1 << 24) + text[where.end():]
        else:
            text += f".xc-edit-{self.fresh()} {{ color: #123456; }}\n"
        self.project.write(relative, text)
        return f"css: {relative}"

    def strings(self):
        relative = "theme/strings.yaml"
        lines = self.project.read(relative).split("\n")
        keys = [i for i, line in enumerate(lines) if re.match(r"^[a-z_0-9]+: \S", line)]
        i = self.rng.choice(keys)
        key, value = lines[i].split(": ", 1)
        changed = swap_one_character(self.rng, value)
        lines[i] = f"{key}: {changed if changed and self.rng.random() < 0.5 else value + '·'}"
        self.project.write(relative, "\n".join(lines))
        return f"strings: {key}"

    def setting(self):
        relative = "pelicanconf.py"
        text = self.project.read(relative)
        name = self.rng.choice(sorted(SETTINGS))
        value = self.rng.choice(SETTINGS[name])
        line = re.compile(rf"^# edited\n{name} = .*$", re.M)
        assignment = f"# edited\n{name} = {value}"
        text = line.sub(assignment, text) if line.search(text) else text + f"\n{assignment}\n"
        self.project.write(relative, text)
        return f"setting: {name} = {value}"

    def mistake(self):
        """An editor's mistake the build must refuse (the next steps repair it)."""
        relative = self.pick_article()
        if not relative:
            return None
        key, value = self.rng.choice([("Category", "工作新闻"), ("Date", "2024-13-40"),
                                      ("Families", "no-such-family"), ("Street", "西城街道")])
        self.edit_header(relative, key, value)
        return f"mistake: {relative} {key}: {value}"
