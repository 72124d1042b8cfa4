"""Every picture the site publishes: checked, made responsive and stripped.

- static_generator_finalized (every generator has read its content, nothing
  is written yet): the pictures to publish are the static folders' pictures,
  the articles' covers and the records' photos. An SVG that could run code or
  load from another host is reported with its line (svg.py); a raster picture
  that cannot be published (probe.py) is reported where it is used (the
  Cover line, the body's line, the record's photos line: rules.py, links.py,
  xcfl_records/schema.py), or at the file when nothing uses it. The others
  are made (variants.py) into the cache (store.py), by both cores when more
  than one is missing.
  A warm build reads no photo: an unchanged file's key and Info come from
  store.Sources. `make check` (XCFL_CHECK_ONLY) validates and makes nothing.
- all_generators_finalized: the raster originals leave the static
  generator's list (with their EXIF, they never reach the output); the
  MadePictures generator hard-links their made files into the output.
"""

import os
import re
import shutil
import tempfile
import weakref
from urllib.parse import unquote

from pelican import signals

from xcfl_cache import file_state, workers
from xcfl_problems import Problem, message, report

from . import attachments, store
from .probe import probe, start as start_probes
from .svg import unsafe_parts
from .variants import plan

RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif", ".tif",
          ".tiff", ".bmp")
KEY = "图片"
PLACEHOLDER = re.compile(r"^\{(?:static|attach|filename)\}")


class MadeFile:
    """A made picture file (in the cache) and where the output has it."""

    def __init__(self, source_path, save_as):
        self.source_path = self.relative_source_path = source_path
        self.save_as = save_as


def is_raster(path):
    return path.lower().endswith(RASTER)


def covers_and_photos(context):
    """Content-relative paths of the articles' covers and the records' photos
    (published where they are under content/)."""
    for article in list(context.get("articles", ())) + list(context.get("hidden_articles", ())):
        cover = getattr(article, "cover", None)
        if cover:
            yield cover.lstrip("/")
    for listing in context.get("xcfl_collections", ()):
        for record in listing.records:
            for image in record.images:
                yield image["src"]


def pictures(context):
    """{output path: content-relative source path} of every picture to publish."""
    found = {}
    for static in context.get("staticfiles", ()):
        if static.save_as.lower().endswith(RASTER + (".svg",)):
            found[static.save_as] = static.relative_source_path.replace(os.sep, "/")
    for path in covers_and_photos(context):
        found.setdefault(path, path)
    return found


def used_in_bodies(context, settings):
    """Content-relative paths of the pictures the bodies show (their problems are
    reported at the body's line by links.py)."""
    from xcfl_articles.links import own_prefixes, tags  # noqa: PLC0415 - plugins import order

    prefixes = own_prefixes(settings)
    found = set()
    for key in ("articles", "hidden_articles", "pages", "hidden_pages"):
        for content in context.get(key, ()):
            for tag, attributes in tags(content._content or ""):
                src = attributes.get("src", "") if tag == "img" else ""
                for prefix in prefixes:
                    src = src[len(prefix):] if src.startswith(prefix + "/") else src
                found.add(unquote(PLACEHOLDER.sub("", src).split("?")[0]).lstrip("/"))
    return found


def check_and_make(generator):
    """static_generator_finalized: report unsafe SVGs and pictures nothing else
    reports; make the files of every good raster picture into the cache (not
    for `make check`, which only validates: it writes nothing)."""
    context, settings = generator.context, generator.settings
    root = settings["PATH"]
    max_mb = settings.get("XCFL_IMAGE_MAX_MB", 30)
    check_only = settings.get("XCFL_CHECK_ONLY")
    found = pictures(context)
    used = None
    code = store.stamp()
    sources = store.Sources(settings, max_mb)
    cache_root = None if check_only else settings.get("XCFL_CACHE_PATH") or scratch(generator)
    jobs, made = [], []
    # every output file and the source it comes from: two pictures may never publish
    # a file under the same name (a.jpg and a.png both make a-480w.webp)
    claimed = {static.save_as: static.relative_source_path.replace(os.sep, "/")
               for static in context.get("staticfiles", ()) if not is_raster(static.save_as)}
    for save_as, relative in sorted(found.items()):
        path = os.path.join(root, relative)
        if relative.lower().endswith(".svg"):
            check_svg(relative, path)
            continue
        try:
            state = file_state(path)
        except OSError:
            continue  # a missing file is reported where it is named
        info = probe(path, max_mb)  # warm: the answer Sources kept (start_run)
        if info is None:
            continue
        if info.problem:
            if used is None:
                used = used_in_bodies(context, settings) | set(covers_and_photos(context))
            if relative not in used:
                report(Problem(relative, None, KEY,
                               message(info.problem, value=relative, **info.values)))
            continue
        variants = plan(save_as, info)
        clash = next((v.path for v in variants if claimed.get(v.path, relative) != relative),
                     None)
        if clash:
            report(Problem(relative, None, KEY, message(
                "image-name-clash", value=relative, file=clash, other=claimed[clash])))
            continue
        claimed.update((v.path, relative) for v in variants)
        if cache_root is None:
            continue  # make check: validated, nothing made
        key = sources.key(relative, state) or store.key_of(code, path)
        sources.remember(relative, state, key, info)
        folder = store.folder_of(cache_root, key)
        if not store.intact(folder, variants):
            jobs.append((relative, (path, info, variants, folder)))
        made.append((relative, folder, variants))
    if cache_root is None:
        return
    # default: one process per core, as the Markdown and QR workers
    processes = settings.get("XCFL_IMAGE_PROCESSES") or workers.count()
    failed = set()
    for (relative, _), error in zip(jobs, store.make_all([job for _, job in jobs], processes)):
        if error:
            failed.add(relative)
            report(Problem(relative, None, KEY, message("image-corrupt", value=relative)))
    sources.save()
    context["xcfl_made_pictures"] = [
        MadeFile(os.path.join(folder, variant.cache_name), variant.path)
        for relative, folder, variants in made if relative not in failed
        for variant in variants]


def scratch(generator):
    """A folder for the made files of a build without a cache folder, removed
    once the build is over (never the output folder: it would be published)."""
    folder = tempfile.mkdtemp(prefix="xcfl-images-")
    weakref.finalize(generator, shutil.rmtree, folder, True)
    return folder


def check_svg(relative, path):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return
    for line, what in unsafe_parts(text):
        name = "svg-other-host" if what.startswith(("href", "url", "@import", "<!")) or \
            "//" in what else "svg-unsafe"
        report(Problem(relative, line, KEY, message(name, value=what)))


def publish_made(generators):
    """all_generators_finalized: the raster originals (with their EXIF) leave
    Pelican's static copy; MadePictures publishes their made files instead
    (links.py has seen the originals' addresses)."""
    context = generators[0].context
    if "staticfiles" in context:
        context["staticfiles"] = [static for static in context["staticfiles"]
                                  if not is_raster(static.save_as)]


class MadePictures:
    """A generator that writes the made files into the output, each a hard link
    to its cached file (store.publish): a warm build copies no picture byte
    (Pelican's static copy would copy each, every build: 2,000 covers are
    12,000 files)."""

    def __init__(self, context, output_path, **_):
        self.context, self.output_path = context, output_path

    def generate_output(self, writer):
        for made in self.context.get("xcfl_made_pictures", ()):
            store.publish(made.source_path, os.path.join(self.output_path, made.save_as))


def start_run(pelican):
    """get_generators: sent first by every Pelican.run(). Every picture unchanged
    since the last build is known without reading it (probe.start)."""
    settings = pelican.settings
    max_mb = settings.get("XCFL_IMAGE_MAX_MB", 30)
    known = store.Sources(settings, max_mb).old
    start_probes((os.path.join(settings["PATH"], relative), max_mb, state, info)
                 for relative, (state, _, info) in known.items())
    return MadePictures


def register():
    signals.get_generators.connect(start_run)
    signals.static_generator_finalized.connect(attachments.refuse_other_types)
    signals.static_generator_finalized.connect(check_and_make)
    signals.all_generators_finalized.connect(publish_made)
