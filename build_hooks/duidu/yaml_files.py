"""Reading the maintainer's YAML files (corrections, glossary, sidecars) safely, with PyYAML's errors as one
line: a log line naming the file must not run on over the next lines of the log."""

from __future__ import annotations

from pathlib import Path

import yaml

from .models import SeedError

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it (the wheels are), else the pure-Python one."""


def read_yaml(path: Path, loader: type = SAFE_LOADER) -> object:
    """The data of a YAML file, or a SeedError naming the file and the one-line reason it cannot be read."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
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
