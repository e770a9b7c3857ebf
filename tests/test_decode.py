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
