from .share import register  # noqa: F401
