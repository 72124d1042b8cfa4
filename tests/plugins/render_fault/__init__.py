"""Test plugin: makes rendering itself log or fail, as a template or a filter may.

RENDER_FAULT = "warn": every article page logs a warning naming its address
while it is rendered (in xcfl_render's processes, not before). RENDER_FAULT =
"raise": the article whose slug is RENDER_FAULT_SLUG raises an error there.
Installed at all_generators_finalized, after every generator added its filters.
"""

import logging

from pelican import signals

logger = logging.getLogger(__name__)


class RenderFault(Exception):
    pass


def wrapped(original, settings):
    def qr_svg(url, label_format):
        if settings["RENDER_FAULT"] == "warn":
            logger.warning("render_fault: rendering %s", url)
        elif url.rstrip("/").endswith("/" + settings["RENDER_FAULT_SLUG"]):
            raise RenderFault(f"render_fault: {url} cannot be rendered")
        return original(url, label_format)
    return qr_svg


def install(generators):
    for generator in generators:
        env = getattr(generator, "env", None)
        if env is not None and "qr_svg" in env.filters:
            env.filters["qr_svg"] = wrapped(env.filters["qr_svg"], generator.settings)


def register():
    signals.all_generators_finalized.connect(install)
