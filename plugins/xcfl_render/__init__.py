from .render import register  # noqa: F401
