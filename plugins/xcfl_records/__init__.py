from .records import register  # noqa: F401
