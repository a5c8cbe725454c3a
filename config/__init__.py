"""Installed as the package `newsindex_config` (see pyproject.toml): rules and index settings as data.

Found through `common.config.config_dir()`; this file only makes the folder a package for
`importlib.resources`.
"""
