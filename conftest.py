"""Doctests of modules behind an extra run only where the extra is installed."""

import importlib.util

collect_ignore = [] if importlib.util.find_spec("starlette") else ["glossary/web"]
