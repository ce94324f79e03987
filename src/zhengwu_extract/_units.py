"""Units and measure words written after a number: what each measures, its base unit, the factor.

Data, not code: to teach the extractor a unit, add a row here. Rows come from GB 3100 (SI and
the legal Chinese units 亩, 斤), the measure words of Chinese statistical communiqués and budget
reports, and the units met on the seed and corpus pages. A scale word in front of a base unit
(万元, 亿立方米, 万人次) multiplies its factor; see `SCALES` in numbers.py.
"""

from __future__ import annotations

from typing import Final

# unit as written → (kind, base unit, factor to the base unit as a decimal string)
BASE_UNITS: Final[dict[str, tuple[str, str, str]]] = {
    # money
    "元": ("money", "元", "1"),
    "块钱": ("money", "元", "1"),
    "角": ("money", "元", "0.1"),
    "美元": ("money", "美元", "1"),
    "欧元": ("money", "欧元", "1"),
    "港元": ("money", "港元", "1"),
    # shares
    "%": ("percent", "%", "1"),
    "％": ("percent", "%", "1"),
    "‰": ("percent", "%", "0.1"),
    "个百分点": ("percentage_point", "个百分点", "1"),
    "百分点": ("percentage_point", "个百分点", "1"),
    "个千分点": ("percentage_point", "个千分点", "1"),
    "千分点": ("percentage_point", "个千分点", "1"),
    "成": ("other", "成", "1"),  # tenths: 偏少1.2成
    # areas
    "平方米": ("area", "平方米", "1"),
    "平米": ("area", "平方米", "1"),
    "㎡": ("area", "平方米", "1"),
    "平方千米": ("area", "平方米", "1000000"),
    "平方公里": ("area", "平方米", "1000000"),
    "km²": ("area", "平方米", "1000000"),
    "m²": ("area", "平方米", "1"),
    "m2": ("area", "平方米", "1"),  # 使用面积100m2以下
    "公顷": ("area", "平方米", "10000"),
    "亩": ("area", "亩", "1"),  # 666.67 平方米, not exact: kept in its own base
    # lengths
    "米": ("length", "米", "1"),
    "千米": ("length", "米", "1000"),
    "公里": ("length", "米", "1000"),
    "厘米": ("length", "米", "0.01"),
    "毫米": ("length", "米", "0.001"),
    "延米": ("length", "米", "1"),
    "km": ("length", "米", "1000"),
    "m": ("length", "米", "1"),  # 层高约4.3m
    "cm": ("length", "米", "0.01"),
    "mm": ("length", "米", "0.001"),
    # weights
    "吨": ("weight", "千克", "1000"),
    "千克": ("weight", "千克", "1"),
    "公斤": ("weight", "千克", "1"),
    "克": ("weight", "千克", "0.001"),
    "斤": ("weight", "千克", "0.5"),
    "kg": ("weight", "千克", "1"),
    # volumes
    "立方米": ("volume", "立方米", "1"),
    "升": ("volume", "立方米", "0.001"),
    "毫升": ("volume", "立方米", "0.000001"),
    "标准立方米": ("volume", "立方米", "1"),
    # durations
    "年": ("duration", "年", "1"),
    "个月": ("duration", "月", "1"),
    "周": ("duration", "天", "7"),
    "天": ("duration", "天", "1"),
    "日": ("duration", "天", "1"),  # 30日内; a date's 日 (5月30日) is turned away where it is read
    "吨标准煤": ("other", "吨标准煤", "1"),  # energy use: 540.8万吨标准煤
    "个工作日": ("duration", "工作日", "1"),
    "工作日": ("duration", "工作日", "1"),
    "小时": ("duration", "小时", "1"),
    "个小时": ("duration", "小时", "1"),
    "个星期": ("duration", "天", "7"),
    "星期": ("duration", "天", "7"),
    "个季度": ("duration", "月", "3"),
    "分钟": ("duration", "分钟", "1"),
    "秒": ("duration", "秒", "1"),
    # other measures
    "分": ("other", "分", "1"),  # a score
    "倍": ("other", "倍", "1"),
    "岁": ("other", "岁", "1"),
    "周岁": ("other", "周岁", "1"),
    "微克/立方米": ("other", "微克/立方米", "1"),
    "μg/m³": ("other", "微克/立方米", "1"),
    "μg/m3": ("other", "微克/立方米", "1"),  # PM2.5 浓度为 58μg/m3: the cube written as a plain 3
    "ug/m3": ("other", "微克/立方米", "1"),
    "毫克/立方米": ("other", "微克/立方米", "1000"),
    "mg/m³": ("other", "微克/立方米", "1000"),
    "千瓦时": ("other", "千瓦时", "1"),
    "千瓦": ("other", "千瓦", "1"),
    "兆瓦": ("other", "千瓦", "1000"),
    "瓦": ("other", "千瓦", "0.001"),
    "摄氏度": ("other", "摄氏度", "1"),
    "℃": ("other", "摄氏度", "1"),
    "标箱": ("other", "标箱", "1"),
    "标准箱": ("other", "标箱", "1"),
    "吨公里": ("other", "吨公里", "1"),
    "人公里": ("other", "人公里", "1"),
    "TEU": ("other", "标箱", "1"),
    "千伏": ("other", "千伏", "1"),
    "千伏安": ("other", "千伏安", "1"),
    "兆伏安": ("other", "千伏安", "1000"),
    "kWh": ("other", "千瓦时", "1"),
    "MWh": ("other", "千瓦时", "1000"),
    "GWh": ("other", "千瓦时", "1000000"),
    "kW": ("other", "千瓦", "1"),
    "MW": ("other", "千瓦", "1000"),
    "GW": ("other", "千瓦", "1000000"),
    "Eflops": ("other", "Eflops", "1"),
    "EFLOPS": ("other", "Eflops", "1"),
    "PFlops": ("other", "Eflops", "0.001"),
    # rates per so many people, written after the figure (孕产妇死亡率为3.85/10万)
    "/10万": ("other", "/10万", "1"),
    "/万": ("other", "/万", "1"),
    "/千": ("other", "/千", "1"),
}

# Measure words of counts: the unit is its own base (万人 → 人 × 10000).
COUNT_WORDS: Final[tuple[str, ...]] = (
    "人次", "人", "名", "位", "户", "家", "所", "个", "台", "套", "部", "间", "项", "座", "条",
    "辆", "张", "本", "册", "件", "头", "只", "匹", "棵", "株", "场", "次", "批", "例", "床",
    "支", "架", "艘", "处", "栋", "幢", "宗", "起", "篇", "门", "种", "家次", "户次", "册次",
    "枚", "份", "片", "盏", "根", "辆次", "架次", "趟", "班次", "首", "部门", "羽", "尾", "吨次", "床位", "列",
    "块", "轮", "场次", "部次", "篇次", "批次", "剂次", "剂", "档", "封", "对", "项次", "单",
)  # fmt: skip


# What a rate's denominator may be (240元/人/日, 400元/月, 15元/平方米).
PER_UNITS: Final[tuple[str, ...]] = (
    "人次", "人", "日", "天", "月", "年", "次", "户", "亩", "吨", "平方米", "立方米", "件", "台", "辆", "公斤",
    "千克", "床日", "床", "周", "小时", "个", "头", "只", "张", "套", "间", "公里", "km", "kWh", "千瓦时", "份",
    "例", "学期", "学年", "课时", "批次", "箱", "生",
)  # fmt: skip


# Measure words of things the library does not count or normalize (3孔桥涵, 2眼机井, 5顶帐篷):
# still a record, of kind `other`, in the measure word as written.
OTHER_MEASURE_WORDS: Final[tuple[str, ...]] = (
    "孔", "眼", "樘", "幅", "顶", "尊", "扇", "把", "袋", "桶", "瓶", "盒", "双", "副", "组",
    "粒", "颗", "丛", "栏", "罐", "缸", "卷", "课时", "学时", "节", "堂",
)  # fmt: skip


def all_units() -> dict[str, tuple[str, str, str]]:
    """Every base unit and measure word, keyed by its written form."""
    table = dict(BASE_UNITS)
    for word in COUNT_WORDS:
        table.setdefault(word, ("count", word, "1"))
    for word in OTHER_MEASURE_WORDS:
        table.setdefault(word, ("other", word, "1"))
    return table
