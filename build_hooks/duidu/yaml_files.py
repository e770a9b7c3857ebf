"""Reading the maintainer's YAML files (corrections, glossary, sidecars) safely, with PyYAML's errors as one
line: a log line naming the file must not run on over the next lines of the log."""

from __future__ import annotations

from pathlib import Path

import yaml

from .models import SeedError

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it (the wheels are), else the pure-Python one."""


MAX_DEPTH = 64
"""Deepest nesting of lists and mappings a maintainer's file may have (the deepest Duidu writes is 3): libyaml's
loader crashes the process on some 50,000 levels, and Python's recursion gives out long before."""


def read_yaml(path: Path, loader: type = SAFE_LOADER) -> object:
    """The data of a YAML file, or a SeedError naming the file and the one-line reason it cannot be read.

    The file's events are read first, which costs little and builds nothing: a file nested deeper than
    :data:`MAX_DEPTH`, or using aliases (``*name``: a few lines of them can stand for billions of values), is
    refused before it is loaded."""
    try:
        text = path.read_text(encoding="utf-8")
        depth = 0
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                raise SeedError(f"{path.name}: line {event.start_mark.line + 1}: uses a YAML alias (*{event.anchor}), which Duidu's files do not allow")
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise SeedError(f"{path.name}: line {event.start_mark.line + 1}: nested more than {MAX_DEPTH} levels deep")
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
        return yaml.load(text, Loader=loader)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise SeedError(f"{path.name}: {yaml_error_reason(error)}") from None


def yaml_error_reason(error: yaml.YAMLError | UnicodeDecodeError) -> str:
    """``line 3: not valid YAML: expected ',' or ']', but got '<stream end>'`` (PyYAML's own text spans lines).

    >>> try:
    ...     yaml.safe_load("a: [1, 2\\n")
    ... except yaml.YAMLError as error:
    ...     yaml_error_reason(error)
    "line 2: not valid YAML: expected ',' or ']', but got '<stream end>'"
    """
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8"
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    where = f"line {mark.line + 1}: " if mark is not None else ""
    return f"{where}not valid YAML: {' '.join(problem.split())}"
