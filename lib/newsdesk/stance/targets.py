"""Stance targets: what a holder can be for or against, as the user defines it.

A `Target` has a ``name`` (shown in the tables), ``aliases`` (other ways the article may put it) and an
optional ``description``; relevance is read from all three (`newsdesk.stance.relevance`). Targets come from
code or from a YAML or JSON file (`load_targets`): a list of entries, or a mapping with a ``targets`` list;
an entry is a name, or a mapping with ``name``, ``aliases`` and ``description``.

>>> Target("a four-day week", aliases=["four-day working week", "shorter week"])
Target('a four-day week', aliases=('four-day working week', 'shorter week'))
>>> Target("")
Traceback (most recent call last):
...
newsdesk.errors.TargetsError: target: the name must be a non-empty string, not ''
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsdesk.errors import TargetsError

__all__ = ["Target", "check_targets", "load_targets", "target_from_config"]

_KEYS = ("name", "aliases", "description")


def _text(value: object, what: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TargetsError(f"{where}: {what} must be a non-empty string, not {value!r}")
    return value.strip()


@dataclass(frozen=True, repr=False)
class Target:
    """Something holders take sides on: its ``name``, ``aliases`` and an optional ``description``."""

    name: str
    aliases: Sequence[str] = field(default=())  # kept as a tuple
    description: str | None = None

    def __post_init__(self) -> None:
        where = f"target {self.name!r}" if isinstance(self.name, str) and self.name.strip() else "target"
        object.__setattr__(self, "name", _text(self.name, "the name", where))
        aliases = self.aliases
        if isinstance(aliases, str) or not isinstance(aliases, Iterable):
            raise TargetsError(f"{where}: aliases must be a list of strings, not {aliases!r}")
        object.__setattr__(self, "aliases", tuple(_text(a, "an alias", where) for a in aliases))
        if self.description is not None:
            object.__setattr__(self, "description", _text(self.description, "the description", where))

    def __repr__(self) -> str:
        shown = [repr(self.name)]
        if self.aliases:
            shown.append(f"aliases={self.aliases!r}")
        if self.description:
            shown.append(f"description={self.description!r}")
        return f"Target({', '.join(shown)})"

    @property
    def phrases(self) -> tuple[str, ...]:
        """The name and the aliases: the phrases whose words, all present, make a statement about the target."""
        return (self.name, *self.aliases)

    @property
    def text(self) -> str:
        """Everything the user said about the target, as one text (what a learned similarity reads)."""
        return ". ".join((*self.phrases, *([self.description] if self.description else [])))

    def to_config(self) -> dict[str, Any]:
        """A plain mapping (for a spaCy config or a file); `target_from_config` reads it back."""
        return {"name": self.name, "aliases": list(self.aliases), "description": self.description}


def target_from_config(entry: object, where: str = "target") -> Target:
    """A `Target` from a name or a mapping with ``name``, ``aliases`` and ``description`` (a Target is kept)."""
    if isinstance(entry, Target):
        return entry
    if isinstance(entry, str):
        return Target(_text(entry, "a target", where))
    if not isinstance(entry, Mapping):
        raise TargetsError(f"{where}: expected a name or a mapping with {', '.join(_KEYS)}, not {entry!r}")
    unknown = sorted(str(k) for k in entry if k not in _KEYS)
    if unknown:
        raise TargetsError(f"{where}: unknown key(s) {', '.join(unknown)}; a target has {', '.join(_KEYS)}")
    if "name" not in entry:
        raise TargetsError(f"{where}: the target has no 'name'")
    name = _text(entry["name"], "'name'", where)
    aliases = entry.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = (aliases,)
    if not isinstance(aliases, Sequence):
        raise TargetsError(f"{where} ({name!r}): 'aliases' must be a list of strings, not {aliases!r}")
    description = entry.get("description")
    try:
        return Target(name, aliases=tuple(aliases), description=description)
    except TargetsError as error:
        raise TargetsError(f"{where}: {str(error).split(': ', 1)[1]}") from None


def check_targets(targets: Iterable[object], source: str = "targets") -> tuple[Target, ...]:
    """The targets, each checked (`target_from_config`); TargetsError on a bad entry or a repeated name."""
    if isinstance(targets, (str, Mapping, Target)):
        raise TargetsError(f"{source}: expected a list of targets, not {targets!r}")
    checked: list[Target] = []
    for number, entry in enumerate(targets, start=1):
        target = target_from_config(entry, f"{source}: entry {number}")
        if any(t.name.lower() == target.name.lower() for t in checked):
            raise TargetsError(f"{source}: entry {number}: the name {target.name!r} is given twice")
        checked.append(target)
    return tuple(checked)


def load_targets(path: str | Path) -> tuple[Target, ...]:
    """The targets in a YAML (``.yaml``/``.yml``) or JSON (``.json``) file; TargetsError naming the file and
    the problem (missing, not parsable, no targets, a bad entry)."""
    path = Path(path)
    if not path.is_file():
        raise TargetsError(f"{path}: no such targets file")
    text = path.read_text(encoding="utf-8")
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        elif path.suffix.lower() in (".yaml", ".yml"):
            data = yaml.safe_load(text)
        else:
            raise TargetsError(f"{path}: a targets file is .yaml, .yml or .json, not {path.suffix or 'no suffix'!r}")
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise TargetsError(f"{path}: not valid {path.suffix.lstrip('.').upper()}: {error}") from None
    if isinstance(data, Mapping):
        if "targets" not in data:
            raise TargetsError(f"{path}: expected a list of targets or a mapping with a 'targets' list")
        data = data["targets"]
    if not data:
        raise TargetsError(f"{path}: the file lists no targets")
    if not isinstance(data, list):
        raise TargetsError(f"{path}: expected a list of targets, not {type(data).__name__}")
    return check_targets(data, str(path))
