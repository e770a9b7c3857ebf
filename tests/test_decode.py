"""decode: every encoding a seed may come in, CRLF, and the errors for what is not text."""

import codecs

import pytest
from duidu.decode import decode_seed
from duidu.models import SeedError

TRADITIONAL = "以高水平治理提升基層“免疫力”\n【摘要】當前我國基層治理已取得一系列顯著成果，同時也應看到不足。\n"
SIMPLIFIED = "以高水平治理提升基层“免疫力”\n【摘要】当前我国基层治理已取得一系列显著成果，同时也应看到不足。\n"


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig", SIMPLIFIED),
        (SIMPLIFIED.encode("utf-16"), "utf-16", SIMPLIFIED),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16", SIMPLIFIED),
        (SIMPLIFIED.encode("gbk"), "gb18030", SIMPLIFIED),
        (TRADITIONAL.encode("gb18030"), "gb18030", TRADITIONAL),
        (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
    ],
    ids=["utf-8", "utf-8 BOM", "utf-16 LE BOM", "utf-16 BE BOM", "gbk", "gb18030 traditional", "big5"],
)
def test_each_encoding_is_detected_and_named(data, encoding, text):
    decoded = decode_seed(data)
    assert decoded.encoding == encoding
    assert decoded.text == text


def test_crlf_and_cr_become_lf():
    assert decode_seed("一\r\n二\r三\n".encode("gb18030")).text == "一\n二\n三\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes([0xFF, 0x81, 0x30, 0xFF, 0xFE, 0x20, 0xA1]), "undecodable"),
    ],
    ids=["empty", "blank", "binary", "undecodable"],
)
def test_what_is_not_text_is_refused_with_the_reason(data, reason):
    with pytest.raises(SeedError, match=reason):
        decode_seed(data)


def test_a_utf8_paragraph_in_a_gb18030_seed_is_read_as_utf8_and_recorded():
    data = "标题\n基层治理。\n".encode("gb18030") + "居民参与意识不强，需要建立议事平台。\n".encode("utf-8")
    decoded = decode_seed(data)
    assert decoded.encoding == "gb18030"
    assert decoded.text == "标题\n基层治理。\n居民参与意识不强，需要建立议事平台。\n"
    (change,) = decoded.changes
    assert (change.rule, change.line, change.after) == ("read-mixed-encoding", 3, "居民参与意识不强，需要建立议事平台。")
    assert "灞呮皯" in change.before  # what the edition printed before: mojibake, with no warning


def test_a_gbk_line_in_a_utf8_seed_is_read_as_gbk():
    data = "标题\n居民参与意识不强。\n".encode("utf-8") + "基层治理的问题。\n".encode("gb18030")
    decoded = decode_seed(data)
    assert decoded.text == "标题\n居民参与意识不强。\n基层治理的问题。\n"
    assert {c.line for c in decoded.changes} == {1, 2}  # read otherwise than the legacy encoding, recorded


def test_bytes_no_encoding_reads_are_replaced_and_recorded():
    decoded = decode_seed("标题\n".encode("gb18030") + b"\x81\x20\xff")
    assert "\ufffd" in decoded.text and decoded.changes[0].rule == "replace-undecodable-bytes"


def test_a_byte_order_mark_that_lies_is_an_error():
    with pytest.raises(SeedError, match="byte-order mark"):
        decode_seed(b"\xff\xfe\xfd\x80\x80")
