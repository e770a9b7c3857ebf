"""glossary: term matching, pinyin, validation of the glossary file."""

import pytest
from duidu.glossary import Term, english_has_rendering, find_terms, generated_pinyin, load_glossary, term_id
from duidu.models import SeedError


def term(id, form, *variants, english="x"):
    return Term(id=id, term=form, variants=tuple(variants), pinyin="", english=english, english_variants=(), explanation="")


TERMS = [
    term("rongcuo-jiucuo", "容错纠错机制"),
    term("rongcuo", "容错"),
    term("liangwei", "两委", "社区“两委”"),
    term("jiceng-zhili", "基层治理"),
    term("zhili-xiaoneng", "治理效能"),
]


def spans(text):
    return [(text[m.start : m.end], m.term.id) for m in find_terms(text, TERMS)]


def test_longest_match_wins_and_no_term_is_matched_inside_a_longer_one():
    assert spans("完善基层干部容错纠错机制，健全容错制度") == [("容错纠错机制", "rongcuo-jiucuo"), ("容错", "rongcuo")]


def test_overlapping_terms_do_not_both_match():
    # 基层治理 and 治理效能 overlap in 基层治理效能: the longer (equal length: the earlier) wins, once.
    assert spans("提升基层治理效能") == [("基层治理", "jiceng-zhili")]


def test_variants_match_as_their_term():
    assert spans("社区“两委”引导，两委成员") == [("社区“两委”", "liangwei"), ("两委", "liangwei")]


@pytest.mark.parametrize(
    "text",
    ["基层治理", "基层治理。", "“基层治理”", "（基层治理）", "，基层治理，"],
    ids=["alone", "before 。", "in quotes", "in brackets", "between commas"],
)
def test_a_term_at_the_edge_or_beside_fullwidth_punctuation(text):
    (match,) = find_terms(text, TERMS)
    assert text[match.start : match.end] == "基层治理"
    assert text[: match.start] + text[match.end :] == text.replace("基层治理", "")


def test_generated_pinyin_uses_phrase_readings():
    assert generated_pinyin("一票否决") == "yī piào fǒu jué"
    assert generated_pinyin("分税制") == "fēn shuì zhì"


def test_ids_are_readable_toneless_pinyin():
    assert term_id("分税制") == "fen-shui-zhi"
    assert term_id("社区“两委”") == "she-qu-liang-wei"


def test_english_check_accepts_the_rendering_or_a_variant_in_any_case_and_quotes():
    tax = Term("t", "分税制", (), "", "tax-sharing system", ("tax-sharing reform",), "")
    assert english_has_rendering("After the Tax-Sharing System was introduced", tax)
    assert english_has_rendering("the tax-sharing reform of 1994", tax)
    assert not english_has_rendering("after fiscal reform", tax)
    quoted = Term("q", "一刀切", (), "", "“one-size-fits-all”", (), "")
    assert english_has_rendering('a "one-size-fits-all" approach', quoted)


def write(tmp_path, text):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads_sorted_by_pinyin_with_pinyin_generated_or_overridden(tmp_path):
    path = write(
        tmp_path,
        """terms:
  - {term: 一票否决, english: one-vote veto, explanation: A veto., source: official}
  - {term: 分税制, english: tax-sharing system, explanation: The 1994 reform.}
  - {term: 两委, variants: [社区“两委”], english: two committees, explanation: Two., pinyin: liǎng wěi}
""",
    )
    glossary = load_glossary(path)
    assert glossary.errors == ()
    assert [t.term for t in glossary.terms] == ["分税制", "两委", "一票否决"]
    assert [t.pinyin for t in glossary.terms] == ["fēn shuì zhì", "liǎng wěi", "yī piào fǒu jué"]
    assert [t.initial for t in glossary.terms] == ["F", "L", "Y"]
    assert glossary.terms[1].forms == ("两委", "社区“两委”")


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("{term: 分税制, explanation: x}", "'english' must be non-empty text"),
        ("{term: 分税制, english: x, explanation: x, variants: 分税}", "'variants' must be a list"),
        ("{term: 分税制, english: x, explanation: x, source: wiki}", "'source' must be one of"),
        ("{term: tax, english: x, explanation: x}", "'term' must be Chinese"),
        ("{term: 分税制, english: x, explanation: x, colour: red}", "unknown field(s): colour"),
        ("just text", "not a mapping"),
    ],
)
def test_a_malformed_entry_is_an_error_naming_the_file_and_the_entry_and_the_rest_load(tmp_path, entry, problem):
    path = write(tmp_path, f"terms:\n  - {{term: 一票否决, english: one-vote veto, explanation: A veto.}}\n  - {entry}\n")
    glossary = load_glossary(path)
    assert [t.term for t in glossary.terms] == ["一票否决"]
    (error,) = glossary.errors
    assert error.startswith("glossary.yml: entry 2") and problem in error


def test_a_file_that_is_not_yaml_is_one_line_naming_the_file_and_the_line(tmp_path):
    path = write(tmp_path, "terms:\n  - {term: 两委, english: [a\n")
    with pytest.raises(SeedError) as raised:
        load_glossary(path)
    message = str(raised.value)
    assert message.startswith("glossary.yml: line ") and "not valid YAML" in message and "\n" not in message


def test_a_form_claimed_by_two_entries_is_an_error(tmp_path):
    path = write(tmp_path, "terms:\n  - {term: 两委, english: a, explanation: a}\n  - {term: 村两委, variants: [两委], english: b, explanation: b}\n")
    assert "the form 两委 is already an entry of 两委" in load_glossary(path).errors[0]


def test_terms_that_read_alike_keep_distinct_ids(tmp_path):
    # 权力 and 权利 are both quan-li: the build crashed on the second before.
    path = write(tmp_path, "terms:\n  - {term: 权利, english: rights, explanation: a}\n  - {term: 权力, english: power, explanation: b}\n")
    glossary = load_glossary(path)
    assert glossary.errors == ()
    assert [(t.id, t.term) for t in glossary.terms] == [("quan-li", "权利"), ("quan-li-2", "权力")]  # 利 < 力
    assert load_glossary(path).terms == glossary.terms  # the same file, the same ids


def test_forms_are_compared_without_the_spaces_yaml_can_slip_in(tmp_path):
    path = write(tmp_path, "terms:\n  - {term: 两委, english: a, explanation: a}\n  - {term: 村两委, variants: ['两 委 '], english: b, explanation: b}\n")
    assert "the form 两委 is already an entry of 两委" in load_glossary(path).errors[0]
    path = write(tmp_path, "terms:\n  - {term: ' 条 块', variants: ['条块 '], english: a, explanation: a}\n")
    (term,) = load_glossary(path).terms
    assert (term.term, term.variants) == ("条块", ())


def test_a_one_character_term_is_kept_with_a_warning(tmp_path):
    path = write(tmp_path, "terms:\n  - {term: 块, english: block, explanation: a}\n")
    glossary = load_glossary(path)
    assert [t.term for t in glossary.terms] == ["块"]
    assert "one-character term" in glossary.warnings[0] and "entry 1 (块)" in glossary.warnings[0]
