"""Markdown body -> (html, raw metadata, safety problems): a pure function of the text.

Pure so it can run in a forked worker (prerender.py) and be cached by the
text's hash. Header checks are not here: they look at the file system
(Cover images) and run on every build in the reader.
"""

from markdown import Markdown

from xcfl_guard import find_personal_data, find_unsafe_html
from xcfl_problems import Problem, message

from .markup_mistakes import find_markup_mistakes

META_PRIORITY = 27  # markdown.extensions.meta registers its preprocessor at 27

_converters = {}  # one per process and settings: building one costs as much as a conversion


def converter(markdown_settings):
    """This process's converter for these settings, reset, with its meta extension."""
    key = id(markdown_settings)  # never reused: the entry keeps the settings alive
    if key not in _converters:
        md = Markdown(**markdown_settings)
        _converters[key] = (md, md.preprocessors["meta"], markdown_settings)
    md, meta, _ = _converters[key]
    if "meta" not in md.preprocessors:  # Pelican's _parse_metadata unregisters it
        md.preprocessors.register(meta, "meta", META_PRIORITY)
    return md.reset()


def render(relative, text, markdown_settings, personal_data_allow):
    """(html, Meta as Markdown's meta extension gives it, [Problem])."""
    md = converter(markdown_settings)
    html = md.convert(text)
    meta = {key: list(values) for key, values in getattr(md, "Meta", {}).items()}
    problems = [
        Problem(relative, line, "正文", message("unsafe-html", value=what))
        for line, what in find_unsafe_html(html, text)
    ]
    problems += [Problem(relative, line, "正文", message(name, line=line, **values))
                 for line, name, values in find_markup_mistakes(text)]
    status = (meta.get("status") or [""])[0].strip().lower()
    if status != "draft":
        for line, kind, masked in find_personal_data(text, personal_data_allow):
            problems.append(Problem(relative, line, "正文",
                                    message(f"personal-{kind}", value=masked)))
    return html, meta, problems
