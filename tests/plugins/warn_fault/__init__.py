"""Test plugin: logs two warnings through Pelican's logging while the site is read,
as a plugin or Pelican itself may (no content problem). A publish build must
print both and fail; a development build must not."""

import logging

from pelican import signals

logger = logging.getLogger(__name__)


def warn_twice(generators):
    for name in ("first-warning", "second-warning"):
        logger.warning("warn_fault: %s", name)


def register():
    signals.all_generators_finalized.connect(warn_twice)
