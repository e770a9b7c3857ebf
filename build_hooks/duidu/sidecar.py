"""The metadata sidecar beside a seed (``seeds/<seed>.meta.yml``): what an editor supplies or corrects.

A page may lack its title (stored pages sometimes start at the byline), name no year, or misprint an author.
The sidecar says it once, by hand, and wins over what the page says; the About page lists every value that
came from it. The file is checked against :data:`SCHEMA`: an unknown key or a value of the wrong type is a
:class:`SeedError` naming the file and the key.

.. code-block:: yaml

    title: 以高水平治理提升基层“免疫力”
    authors: [张三, 李四]
    journal: 人民论坛
    year: 2022
    issue: 10
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path


from .models import Metadata, SeedError
from .yaml_files import SAFE_LOADER, read_yaml

SUFFIX = ".meta.yml"


class _Loader(SAFE_LOADER):
    """A safe loader that leaves dates as text, so that :data:`SCHEMA` checks them (an impossible date
    such as 2021-13-40 would otherwise fail inside PyYAML, with no key named)."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

Value = str | tuple[str, ...]


@dataclass(frozen=True)
class Key:
    """One key of the sidecar: what it must hold, and how a valid value is read (None: wrong type)."""

    expected: str
    """The type in words, for the error message."""
    read: Callable[[object], Value | None]


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _texts(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not value:
        return None
    items = [_text(item) for item in value]
    return None if None in items else tuple(items)  # type: ignore[arg-type]


def _number_or_text(value: object) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(value)


def _year(value: object) -> str | None:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    return text if isinstance(text, str) and re.fullmatch(r"\d{4}", text) else None


def _url(value: object) -> str | None:
    text = _text(value)
    return text if text and re.match(r"https?://\S+$", text) else None


def _iso_date(value: object) -> str | None:
    try:
        return datetime.date.fromisoformat(value).isoformat() if isinstance(value, str) else None
    except ValueError:
        return None


_TEXT = Key("a non-empty string", _text)
SCHEMA: dict[str, Key] = {
    "title": _TEXT,
    "subtitle": _TEXT,
    "authors": Key("a list of names (strings)", _texts),
    "affiliations": Key("a list of strings", _texts),
    "journal": _TEXT,
    "year": Key("a year of 4 digits", _year),
    "issue": Key("a number or a string", _number_or_text),
    "pages": Key("a number or a string such as 113-116", _number_or_text),
    "doi": _TEXT,
    "source_url": Key("an http(s) URL", _url),
    "date": Key("an ISO date such as 2021-11-08", _iso_date),
}
"""Every key the sidecar may hold; all are optional."""


@dataclass(frozen=True)
class Sidecar:
    name: str
    """The file name (``x.meta.yml``), for messages and the About page."""
    values: Mapping[str, Value] = field(default_factory=dict)
    """The valid values by key, in the file's order."""

    @property
    def title(self) -> str:
        title = self.values.get("title", "")
        return title if isinstance(title, str) else ""

    def entries(self) -> tuple[tuple[str, str], ...]:
        """(key, value as printed) for the About page; lists joined with 、."""
        return tuple((key, value if isinstance(value, str) else "、".join(value)) for key, value in self.values.items())


def sidecar_path(seed: Path) -> Path:
    """``seeds/x.txt`` → ``seeds/x.meta.yml``."""
    return seed.with_name(seed.stem + SUFFIX)


def load_sidecar(path: Path) -> Sidecar:
    """Read and check a sidecar; a missing file means no editorial metadata."""
    if not path.exists():
        return Sidecar(path.name)
    data = read_yaml(path, _Loader)
    if data is None:
        return Sidecar(path.name)
    if not isinstance(data, dict):
        raise SeedError(f"{path.name}: expected a mapping of metadata keys ({', '.join(SCHEMA)})")
    values: dict[str, Value] = {}
    for key, raw in data.items():
        if key not in SCHEMA:
            raise SeedError(f"{path.name}: unknown key {key!r} (the keys are {', '.join(SCHEMA)})")
        value = SCHEMA[key].read(raw)
        if value is None:
            raise SeedError(f"{path.name}: key {key!r} must be {SCHEMA[key].expected}, not {raw!r}")
        values[key] = value
    return Sidecar(path.name, values)


def apply_sidecar(metadata: Metadata, sidecar: Sidecar) -> Metadata:
    """The page's metadata with every field the sidecar gives replaced (the title lives on the article)."""
    return replace(metadata, **{key: value for key, value in sidecar.values.items() if key != "title"})
