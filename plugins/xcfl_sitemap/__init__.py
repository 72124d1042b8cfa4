from .sitemap import register  # noqa: F401
