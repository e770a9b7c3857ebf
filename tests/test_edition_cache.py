"""Editions kept on disk between builds (edition_cache.py), and the seeds left to make made in parallel
processes (pipeline.build_editions): a cached edition is the edition, any change to what it is made from is a
miss, a damaged cache file is only a miss, and parallel making gives what making one by one gives."""

import pickle
import shutil

import pytest
from duidu import pipeline
from duidu.edition_cache import EditionCache, code_version, edition_key
from duidu.pipeline import build_editions

from conftest import SEED, SYNTHETIC, SYNTHETIC_CATALOG

CODE = code_version({"duidu/pipeline.py": "a"})


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SYNTHETIC, folder / "100_synthetic.txt")
    shutil.copy(SYNTHETIC_CATALOG, folder / "100_synthetic.en.po")
    shutil.copy(SYNTHETIC, folder / "200_other.txt")
    (folder / "200_other.meta.yml").write_text("title: 另一篇文章\n", encoding="utf-8")
    (folder / "300_empty.txt").write_bytes(b"")
    return folder


@pytest.fixture
def fresh_process():
    """Each build as a new process starts it: nothing remembered in memory from the build before."""
    pipeline._built.clear()
    yield
    pipeline._built.clear()


def refuse_to_make(seed):
    raise AssertionError(f"{seed.name} was made again")


def test_a_second_build_takes_every_edition_from_the_cache(seeds, tmp_path, fresh_process, monkeypatch):
    cache = EditionCache(tmp_path / "cache")
    first, failures = build_editions(list(seeds.glob("*.txt")), cache, CODE)
    assert [e.seed_name for e in first] == ["100_synthetic.txt", "200_other.txt"]
    assert [f.seed_name for f in failures] == ["300_empty.txt"]
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 2
    pipeline._built.clear()
    # only the empty seed, which fails and so is never cached, may be made again
    make = pipeline._made
    monkeypatch.setattr(pipeline, "_made", lambda seed: make(seed) if not seed.stat().st_size else refuse_to_make(seed))
    second, _ = build_editions(list(seeds.glob("*.txt")), cache, CODE)
    assert second == first


@pytest.mark.parametrize("edit", ["seed", "catalog", "sidecar", "code"])
def test_any_change_to_what_an_edition_is_made_from_is_a_miss(seeds, edit):
    seed = seeds / "100_synthetic.txt"
    before = edition_key(seed, CODE)
    code = CODE
    if edit == "seed":
        seed.write_bytes(seed.read_bytes() + "\n补一段。\n".encode())
    elif edit == "catalog":
        (seeds / "100_synthetic.en.po").write_text("", encoding="utf-8")
    elif edit == "sidecar":
        (seeds / "100_synthetic.meta.yml").write_text("title: 新标题\n", encoding="utf-8")
    else:
        code = code_version({"duidu/pipeline.py": "b"})
    assert edition_key(seed, code) != before


def test_a_damaged_cache_file_is_a_miss_and_is_replaced(seeds, tmp_path, fresh_process):
    cache = EditionCache(tmp_path / "cache")
    seed = seeds / "100_synthetic.txt"
    (made,), _ = build_editions([seed], cache, CODE)
    path = tmp_path / "cache" / f"{edition_key(seed, CODE)}.pickle"
    for damage in (path.read_bytes()[:100], b"not a pickle", pickle.dumps({"an": "other object"})):
        path.write_bytes(damage)
        pipeline._built.clear()
        assert cache.get(edition_key(seed, CODE)) is None
        (again,), _ = build_editions([seed], cache, CODE)
        assert again == made
        assert cache.get(edition_key(seed, CODE)) == made


def test_editions_of_seeds_as_they_no_longer_are_are_removed(seeds, tmp_path, fresh_process):
    cache = EditionCache(tmp_path / "cache")
    build_editions(list(seeds.glob("*.txt")), cache, CODE)
    (seeds / "200_other.txt").unlink()
    seed = seeds / "100_synthetic.txt"
    seed.write_bytes(seed.read_bytes() + "\n补一段。\n".encode())
    build_editions(list(seeds.glob("*.txt")), cache, CODE)
    assert [p.stem for p in (tmp_path / "cache").glob("*.pickle")] == [edition_key(seed, CODE)]


def test_editions_made_in_parallel_are_those_made_one_by_one(seeds, fresh_process):
    shutil.copy(SEED, seeds / "000_seed.txt")
    parallel, parallel_failures = build_editions(list(seeds.glob("*.txt")))
    one_by_one = [pipeline._made(seed) for seed in sorted(seeds.glob("*.txt"))]
    assert parallel == [e for e in one_by_one if isinstance(e, pipeline.Edition)]
    assert [(f.seed_name, f.reason) for f in parallel_failures] == [
        (f.seed_name, f.reason) for f in one_by_one if isinstance(f, pipeline.SeedFailure)
    ]
