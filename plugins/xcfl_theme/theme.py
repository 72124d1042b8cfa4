"""Theme support: asset URLs and the UI strings, given to every template.

UI strings live in one file (theme/strings.yaml), not scattered through
templates, so wording is changed in one place.
"""

import os

import yaml
from pelican import signals

from . import assets


def load_strings(theme_path):
    with open(os.path.join(theme_path, "strings.yaml"), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def configure(pelican):
    settings = pelican.settings
    found = assets.collect(settings["THEME"])
    settings["ASSETS"] = {name: target for name, (target, _) in found.items()}
    settings["UI"] = load_strings(settings["THEME"])


def write_assets(pelican):
    assets.write(assets.collect(pelican.settings["THEME"]), pelican.output_path)


def register():
    signals.initialized.connect(configure)
    signals.finalized.connect(write_assets)
