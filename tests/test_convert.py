"""convert: real OpenCC with tw2s, on the 着/著 cases the mirror's Taiwan forms produce."""

import pytest
from duidu.convert import to_simplified


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("影響著基層治理", "影响着基层治理"),
        ("著力打通", "着力打通"),
        ("正經歷著", "正经历着"),
        ("隨著政府購買項目", "随着政府购买项目"),
        ("取得了顯著成效", "取得了显著成效"),
        ("提升治理效能", "提升治理效能"),
        ("程序主義", "程序主义"),
    ],
)
def test_taiwan_forms_convert_and_vocabulary_is_kept(traditional, simplified):
    assert to_simplified(traditional) == simplified
