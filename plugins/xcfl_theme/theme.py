"""Theme support: asset URLs, inline scripts (with their CSP hashes) and the
UI strings, given to every template.

UI strings live in one file (theme/strings.yaml), not scattered through
templates, so wording is changed in one place.
"""

import os

import yaml
from pelican import signals

from . import assets, csp, govmeta, headers, inline


def load_strings(theme_path):
    with open(os.path.join(theme_path, "strings.yaml"), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def configure(pelican):
    settings = pelican.settings
    found = assets.collect(settings["THEME"])
    settings["ASSETS"] = {name: target for name, (target, _) in found.items()}
    settings["INLINE_SCRIPTS"], settings["ASSET_SCRIPT_HASHES"] = inline.collect(settings["THEME"])
    settings["CSP_POLICY"] = csp.policy(settings["ASSET_SCRIPT_HASHES"].values())
    settings["UI"] = load_strings(settings["THEME"])


def write_assets(pelican):
    found = assets.collect(pelican.settings["THEME"])
    assets.write(found, pelican.output_path)
    header_policy = csp.policy(pelican.settings["ASSET_SCRIPT_HASHES"].values(), header=True)
    headers.write([target for target, _ in found.values()], pelican.output_path, header_policy,
                  pelican.settings)


def register():
    signals.initialized.connect(configure)
    signals.finalized.connect(write_assets)
    govmeta.register()
