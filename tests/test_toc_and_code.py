"""Tables of contents read from rendered headings; the check that the loaded code is still on disk."""

from duidu.loaded_code import changed_files, code_state
from duidu.toc import headings, toc_tokens

PART = """
<h1 id="part-1" class="dd-heading"><span lang="zh-Hans">一</span></h1>
<section><h2 id="s1-1" class="dd-heading"><span class="dd-zh" lang="zh-Hans">甲&lt;乙</span><span class="dd-sep"> · </span><span class="dd-en" lang="en">A</span>
  <a class="headerlink" href="#s1-1" title="Copy">¶</a></h2>
<h3 id="unrecovered">Damage <a href="../about/">left</a></h3>
<h2 id="s1-2" class="dd-heading"><span lang="zh-Hans">丙</span>
  <span class="dd-flag dd-en" lang="en">Translation pending</span>
  <a class="headerlink" href="#s1-2">¶</a></h2>
<h2>no id, no entry</h2></section>
"""


def test_every_h2_and_h3_with_an_id_is_an_entry_and_h3_sits_under_its_h2():
    tokens = toc_tokens(headings(PART))
    assert [(t["id"], [c["id"] for c in t["children"]]) for t in tokens] == [("s1-1", ["unrecovered"]), ("s1-2", [])]


def test_a_label_keeps_the_languages_and_drops_permalink_flag_and_link():
    first, nested, second = headings(PART)
    assert first.label == (
        '<span class="dd-zh" lang="zh-Hans">甲&lt;乙</span><span class="dd-sep"> · </span><span class="dd-en" lang="en">A</span>'
    )
    assert nested.label == "Damage left"
    assert second.label == '<span lang="zh-Hans">丙</span>'


def test_code_changes_are_by_content(tmp_path):
    (tmp_path / "pkg").mkdir()
    module = tmp_path / "pkg" / "a.py"
    module.write_text("x = 1\n")
    loaded = code_state(tmp_path)
    module.write_text("x = 1\n")  # saved unchanged
    assert changed_files(loaded, code_state(tmp_path)) == []
    module.write_text("x = 2\n")
    (tmp_path / "b.py").write_text("")
    assert changed_files(loaded, code_state(tmp_path)) == ["b.py", "pkg/a.py"]
