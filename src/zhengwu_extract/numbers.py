"""Numerals: Arabic (separators, full-width), Chinese (三千, 两百, 十余) and mixed (1.3亿) into exact values.

Values stay exact as written: parsing goes through Decimal, so 8328.1 stays 8328.1 and a figure
written without a decimal point is an int.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

Number = int | float

# Full-width digits, point, comma and minus folded to ASCII (same length, so offsets hold).
# 1·8%: a middle dot for a point. Traditional forms of the scale, measure and list words a figure is
# read with (379.95億元, 3個, 分別為, 以內) are folded too: pages copied from traditional-script sources.
_FOLD = str.maketrans(
    "０１２３４５６７８９．，－＋−·∶億萬兩個畝噸戶項輛張間臺場歲內別為與",
    "0123456789.,-+-.:亿万两个亩吨户项辆张间台场岁内别为与",
)
# The folded characters but the full-width comma, which every Chinese sentence has: most texts
# hold none of these, and a search plus one replace is ten times faster than translate.
_RARE_FOLDED = re.compile("[０-９．－＋−·∶億萬兩個畝噸戶項輛張間臺場歲內別為與]")

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10**4, "亿": 10**8}
# Scale words written after a number (1.3亿, 3万, 2.5万亿), longest first.
SCALES: dict[str, int] = {
    "万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8,
    "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3,
}  # fmt: skip

_ARABIC = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3}){1,6}(?!\d)|\d{1,20})(?:\.\d{1,12})?")
_SCALE_SUFFIX = re.compile("(?:" + "|".join(sorted(SCALES, key=len, reverse=True)) + ")$")


def fold_digits(text: str) -> str:
    """The text with full-width digits and signs made ASCII; every character keeps its position."""
    if _RARE_FOLDED.search(text) is None:
        return text.replace("，", ",")
    return text.translate(_FOLD)


def to_number(value: Decimal) -> Number:
    """An int when the value is integral and written without a fraction, else a float (shortest repr)."""
    written = str(value)  # a fraction or a negative exponent is written out; as_tuple() is 5× slower
    if "." in written or "E-" in written:
        return float(value)
    return int(value)


def exact(value: Decimal) -> Number:
    """An int when the value is integral (12105.81 × 10000 → 121058100), else a float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def arabic_decimal(text: str) -> Decimal | None:
    """The Decimal of an Arabic numeral as written (`3,219.5`, `３３．５`, `-0.46`, `99. 2`), or None."""
    folded = fold_digits(text).replace(" ", "")
    if not _ARABIC.fullmatch(folded):
        return None
    try:
        return Decimal(folded.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only admits valid numerals
        return None


def chinese_integer(text: str) -> int | None:
    """The value of a Chinese numeral (三千 → 3000, 两百 → 200, 十 → 10, 一万二千 → 12000), or None.

    Strict: a digit must be followed by a unit character or end the numeral, so names such as
    十二五 or 一二三 are not numbers.
    """
    if not text or any(ch not in CN_DIGITS and ch not in CN_SMALL_UNITS and ch not in CN_BIG_UNITS for ch in text):
        return None
    total = 0  # finished 亿/万 groups
    group = 0  # the current group below 万
    digit: int | None = None
    last_small = 10**4  # the last small unit seen in this group, to reject 三百五百
    zero = False  # a 零 was written: 一百零五
    for ch in text:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0 and CN_DIGITS[ch] != 0:
                return None  # two digits in a row: 二五
            digit = CN_DIGITS[ch]
            zero = zero or digit == 0
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_small:
                return None
            group += (1 if digit is None else digit) * unit
            digit, last_small = None, unit
        else:
            big = CN_BIG_UNITS[ch]
            group += digit or 0
            if group == 0 and total == 0:
                return None
            total = (total + group) * big if big > 10**4 or total < big else total + group * big
            group, digit, last_small = 0, None, 10**4
    if digit is not None:
        if last_small == 10 or zero or (total == 0 and group == 0):
            group += digit
        else:
            return None  # 三百五 is colloquial for 350; too ambiguous to guess
    return total + group


def parse_number(text: str) -> Number | None:
    """The value of a numeral as written, or None when the text is not one number.

    Accepts Arabic numerals with thousands separators and decimals (`3,219.5`), full-width digits
    and point (`３３．５`), a sign (`-0.46`), Chinese numerals (`三千`, `两百`, `十`), a trailing
    余/多/几 (`十余` → 10) and a number with a scale word (`1.3亿` → 130000000, `3万` → 30000).
    Exact: goes through Decimal, and an integral value without a written fraction is an int.
    """
    text = text.strip()
    if len(text) > 1 and text[-1] in "余多几":
        text = text[:-1]  # 十余, 4100多: the figure written, its qualifier dropped
    if not text:
        return None
    integer = chinese_integer(text)
    if integer is not None:
        return integer
    scale = 1
    m = _SCALE_SUFFIX.search(text)
    if m and m.start() > 0:
        head = text[: m.start()]
        if arabic_decimal(head) is not None or chinese_integer(head) is not None:
            scale, text = SCALES[m.group()], head
    dec = arabic_decimal(text)
    if dec is not None:
        return to_number(dec) if scale == 1 else exact(dec * scale)
    integer = chinese_integer(text) if scale > 1 else None
    return None if integer is None else integer * scale
