"""Numeral parsing, the unit table and table cells: the helpers the table reader builds on."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zhengwu_extract.numbers import chinese_integer, parse_number
from zhengwu_extract.quantities import quantity_from_cell, unit_info


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("185692", 185692),
        ("8328.1", 8328.1),
        ("3,219.5", 3219.5),
        ("-0.46", -0.46),
        ("３３．５", 33.5),  # full-width digits and point (GBK national GWR 2003)
        ("８．７", 8.7),
        ("1.3亿", 130000000),
        ("3万", 30000),
        ("2.5万亿", 2500000000000),
        ("12105.81万", 121058100),
        ("三千", 3000),
        ("两百", 200),
        ("十", 10),
        ("十二", 12),
        ("二十五", 25),
        ("一百零五", 105),
        ("一万二千", 12000),
        ("三亿五千万", 350000000),
        ("十万", 100000),
        ("十余", 10),
        ("4100多", 4100),
        ("余", None),
        ("100", 100),
        ("", None),
        ("十二五", None),  # a plan's name, not a number
        ("一二三", None),
        ("abc", None),
        ("1.2.3", None),
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    got = parse_number(text)
    assert got == expected
    if expected is not None:
        assert type(got) is type(expected)


def test_chinese_integer_rejects_run_together_digits() -> None:
    assert chinese_integer("二五") is None
    assert chinese_integer("三百五百") is None


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("元", ("money", "元", Decimal(1))),
        ("万元", ("money", "元", Decimal(10000))),
        ("亿元", ("money", "元", Decimal(100000000))),
        ("万亿元", ("money", "元", Decimal(10**12))),
        ("%", ("percent", "%", Decimal(1))),
        ("％", ("percent", "%", Decimal(1))),
        ("个百分点", ("percentage_point", "个百分点", Decimal(1))),
        ("百分点", ("percentage_point", "个百分点", Decimal(1))),
        ("人", ("count", "人", Decimal(1))),
        ("万人", ("count", "人", Decimal(10000))),
        ("万人次", ("count", "人次", Decimal(10000))),
        ("所", ("count", "所", Decimal(1))),
        ("平方公里", ("area", "平方米", Decimal(1000000))),
        ("万亩", ("area", "亩", Decimal(10000))),
        ("公顷", ("area", "平方米", Decimal(10000))),
        ("万吨", ("weight", "千克", Decimal(10000000))),
        ("公里", ("length", "米", Decimal(1000))),
        ("亿立方米", ("volume", "立方米", Decimal(100000000))),
        ("个工作日", ("duration", "工作日", Decimal(1))),
        ("分", ("other", "分", Decimal(1))),
        ("万%", None),
        ("斤斤", None),
        ("", None),
    ],
)
def test_unit_info(unit: str, expected: tuple[str, str, Decimal] | None) -> None:
    assert unit_info(unit) == expected


@pytest.mark.parametrize(
    ("cell", "hint", "value", "unit", "normalized", "kind", "implied"),
    [
        ("185692", "万元", 185692, "万元", 1856920000, "money", True),
        ("12.5%", None, 12.5, "%", 12.5, "percent", False),
        ("3,219.5", None, 3219.5, None, None, "other", False),
        (" 3,219.5 ", "平方公里", 3219.5, "平方公里", 3219500000, "area", True),
        ("-0.46", "%", -0.46, "%", -0.46, "percent", True),
        ("1.3亿元", "万元", 1.3, "亿元", 130000000, "money", False),
        ("８．７％", None, 8.7, "％", 8.7, "percent", False),
        ("12105.81", "万元", 12105.81, "万元", 121058100, "money", True),
        ("99.2 %", None, 99.2, "%", 99.2, "percent", False),
        ("三千", "人", 3000, "人", 3000, "count", True),
    ],
)
def test_quantity_from_cell(
    cell: str, hint: str | None, value: float, unit: str | None, normalized: float | None, kind: str, implied: bool
) -> None:
    q = quantity_from_cell(cell, hint)
    assert q is not None
    assert (q.value, q.unit, q.normalized_value, q.kind, q.implied_unit) == (value, unit, normalized, kind, implied)
    assert q.origin == "table"
    assert type(q.value) is type(value)


@pytest.mark.parametrize("cell", ["", "—", "-", "合计", "2015年", "1、2", "abc"])
def test_quantity_from_cell_rejects(cell: str) -> None:
    assert quantity_from_cell(cell, "万元") is None
