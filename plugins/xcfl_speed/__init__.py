from .speed import register  # noqa: F401
