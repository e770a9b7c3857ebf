"""The examples in the pipeline's docstrings run as tests."""

import doctest
import importlib
import pkgutil

import duidu
import pytest

MODULES = sorted(info.name for info in pkgutil.iter_modules(duidu.__path__, "duidu."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0


def test_every_cleaning_rule_carries_an_example():
    from duidu.clean import RULES

    assert all(">>>" in (rule.fix.__doc__ or "") for rule in RULES)
