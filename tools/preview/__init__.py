"""The development server behind `make serve` (tools/serve.py): watch, build, serve, reload."""
