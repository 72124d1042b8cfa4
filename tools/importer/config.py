"""The import settings file (import.yaml): old columns -> our categories, and
per site the CSS selectors of the parts of a page."""

import dataclasses
import os

import yaml

from xcfl_problems import message

SELECTORS = ("title", "date", "source", "author", "body")
KEYS = ("columns", "default_category", "hosts", "selectors", "drop")


class ConfigError(Exception):
    """A mistake in the settings file: printed in Chinese, exit 1."""


@dataclasses.dataclass
class Config:
    columns: dict           # ColumnName or old path prefix -> category name
    default_category: str | None
    hosts: list             # the old site's host names: links to them are internal
    selectors: dict         # part -> CSS selector
    drop: list              # CSS selectors of parts never imported


def load(path, categories):
    """The settings of ``path`` (a missing file means: defaults), checked."""
    data = {}
    if path and os.path.exists(path):
        try:
            with open(path, encoding="utf-8") as handle:
                data = yaml.safe_load(handle) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            line = getattr(getattr(error, "problem_mark", None), "line", None)
            raise ConfigError(f"{path}:{line + 1 if line is not None else 1}: "
                              + message("import-config-unreadable")) from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: " + message("import-config-unreadable"))
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"{path}: {key}: " + message("import-config-unknown-key",
                                                           allowed="、".join(KEYS)))
    columns = {str(old).strip("/"): str(new) for old, new in (data.get("columns") or {}).items()}
    default = data.get("default_category") or None
    for name in [*columns.values(), *([default] if default else [])]:
        if name not in categories:
            raise ConfigError(f"{path}: columns: " + message(
                "unknown-category", value=name, allowed="、".join(categories)))
    selectors = data.get("selectors") or {}
    for key, value in selectors.items():
        if key not in SELECTORS:
            raise ConfigError(f"{path}: selectors: {key}: " + message(
                "import-config-unknown-key", allowed="、".join(SELECTORS)))
        if not value:  # "body: #zoom" is a YAML comment: the selector is lost
            raise ConfigError(f"{path}: selectors: {key}: "
                              + message("import-config-empty-selector"))
    return Config(columns, default, [str(h).lower() for h in data.get("hosts") or []],
                  {k: v for k, v in selectors.items() if v}, list(data.get("drop") or []))


def category_of(config, column, old_url):
    """Our category for a page: its ColumnName first, then the longest
    matching prefix of its old path, then the default (None: not mapped)."""
    if column and column in config.columns:
        return config.columns[column]
    path = old_url.partition("?")[0].strip("/")  # /content.jsp?id=1: "content.jsp"
    for prefix in sorted(config.columns, key=len, reverse=True):
        if path == prefix or path.startswith(prefix + "/"):
            return config.columns[prefix]
    return config.default_category
