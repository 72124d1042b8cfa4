from .articles import register  # noqa: F401
