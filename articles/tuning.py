"""Typed thresholds from config/: one dataclass per YAML file, checked when loaded.

Thresholds are data (issue 12: rules as data), but a typo in a YAML file must fail loudly with the
file and key named, not turn a float into a string somewhere deep in a comparison.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar, get_type_hints

import yaml

from .rules import config_dir

T = TypeVar("T")


class ConfigError(ValueError):
    """A config file holds a key or a value its dataclass does not accept."""


def _coerce(value: Any, kind: type, where: str) -> Any:
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    origin = getattr(kind, "__origin__", None) or kind
    if origin is tuple and isinstance(value, list):
        return tuple(str(v) for v in value)
    if isinstance(value, origin):
        return value
    raise ConfigError(f"{where}: expected {getattr(kind, '__name__', kind)}, got {value!r}")


def load_typed(cls: type[T], filename: str, directory: Path | None = None) -> T:
    """An instance of dataclass `cls` from config/<filename>: defaults for absent keys, errors for unknown ones."""
    return _load(cls, filename, str(directory or config_dir()))


@lru_cache(maxsize=16)
def _load(cls: type[T], filename: str, directory: str) -> T:
    path = Path(directory) / filename
    raw: dict[str, Any] = {}
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            raw = yaml.safe_load(fh) or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(raw) - names)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(names))}")
    values = {k: _coerce(v, hints[k], f"{path}: {k}") for k, v in raw.items()}
    return cls(**values)
