"""The page: metadata header, title, clean body, signature and attachments, shared by every format.

HTML and PDF readers find label/value pairs and body lines in their own way, then hand them to
`metadata_from_pairs` and `finish_body`; plain-text copies are read here by `read_text_page`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ._labels import (
    BOILERPLATE_LINE_PATTERNS,
    COLON_ONLY_LABELS,
    EXTRA_LABELS,
    FOOTER_LINE_PATTERNS,
    FOOTER_START_PATTERNS,
    LABELS,
    META_TAGS,
    NULL_VALUES,
    TITLE_ENDINGS,
    WEAK_LABELS,
)
from .dates import parse_date
from .models import DocNumber, Metadata, Signature, Table


@dataclass
class PageParts:
    """What the page stage hands on: everything but the sections and quantities."""

    title: str | None = None
    metadata: Metadata = field(default_factory=Metadata)
    body: str = ""
    signature: Signature | None = None
    attachments: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # A date the text gives itself outside the header (an occasion line, a bracketed date under the
    # title): metadata holds header fields only, so this serves to resolve 今年/去年.
    text_date: str | None = None


# --- labels -----------------------------------------------------------------------------------

_LABEL_JUNK = re.compile(r"[\s\u3000\[\]［］【】〔〕:：•·●◆■□▪*#]+")
_ALL_LABELS = sorted({*LABELS, *EXTRA_LABELS}, key=len, reverse=True)


# Spaces allowed between a label's characters: a header aligns a two-character label with longer ones
# by padding it (文       号: under 发布机构:).
_LABEL_PAD = 8


def _spaced(label: str) -> str:
    """A label pattern that allows spaces and U+3000 between its characters (索 引 号, 文　　号)."""
    return rf"[ \u3000]{{0,{_LABEL_PAD}}}".join(re.escape(ch) for ch in label)


_LABEL_ALT = "|".join(_spaced(label) for label in _ALL_LABELS)
# A label in a text header: `[ 索引号 ]` or `索 引 号:`; at a line start or after white space.
_TEXT_LABEL = re.compile(
    rf"""(?:^|(?<=[\s\u3000•·]))
        (?:[\[［【]\s{{0,3}}(?P<b>{_LABEL_ALT})\s{{0,3}}[\]］】]
          |(?P<c>{_LABEL_ALT})[ \u3000]{{0,3}}[:：])""",
    re.VERBOSE,
)
# Labels read also without a colon (索引号 1134…/… 组配分类 其他文件; 有效性 | 有效 | 公开日期: | …), in a line
# that opens with one: there a label stands between gaps (white space or a table-cell pipe).
_BARE_LABELS = frozenset(label for label in _ALL_LABELS if label not in COLON_ONLY_LABELS)
_BARE_FIRST = frozenset(label[0] for label in _BARE_LABELS)
_BARE_LENGTHS = sorted({len(label) for label in _BARE_LABELS}, reverse=True)
_GAP = " \t\u3000|｜"
_BARE_ALT = "|".join(re.escape(label) for label in sorted(_BARE_LABELS, key=len, reverse=True))
_GAP_LABEL = re.compile(
    rf"""(?:^|(?<=[\s\u3000|｜]))
        (?:[\[［【]\s{{0,3}}(?P<b>{_LABEL_ALT})\s{{0,3}}[\]］】]
          |(?P<c>{_LABEL_ALT})[ \u3000]{{0,3}}[:：]
          |(?P<n>{_BARE_ALT})(?=[\s\u3000|｜]|$))""",
    re.VERBOSE,
)
# A cell of a flattened table that is a label the lists do not know (公开目录: | 工作报告): it starts a pair;
# so does a cell that is a label and its value (发文字号: | 发文时间:2020-12-31 |).
_LABEL_CELL = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,10})[:：]\s{0,3}(?P<value>.*)$")
# An amount: a number before a money unit or a percent sign (27.6万, 2000元, 60%). A header value holding
# one is a line of text under a label word (来源:中央财政60%(27.6万),…), not a header field.
_AMOUNT = re.compile(r"\d(?:[.．]?\d){0,12}\s{0,2}(?:[%％‰]|[万亿千百]?元|[万亿])")
_CELL_SPLIT = re.compile(r"[|｜]")
# A line that is only a label (Shaanxi bullet lists put the value on the next line).
_LONE_LABEL = re.compile(rf"^[\s•·●\-*]{{0,4}}(?P<l>{_LABEL_ALT})[ \u3000]{{0,3}}[:：]?\s{{0,3}}$")
# The longest label of L characters with up to _LABEL_PAD spaces between them.
_SPACED_MAX = (_LABEL_PAD + 1) * max(len(label) for label in _ALL_LABELS) - _LABEL_PAD
# The longest line _LONE_LABEL can match: 4 bullets, a spaced label, 3 spaces, a colon, 3 spaces
# and a line feed (its `$` also matches before a final \n).
_LONE_LABEL_MAX = _SPACED_MAX + 12
# The longest text _TEXT_LABEL can match: a spaced label in brackets with 3 spaces each side or
# followed by 3 spaces and a colon (+ 8).
_LABEL_MATCH_MAX = _SPACED_MAX + 8
# A header pair starts at most this far into its line.
_LABEL_START_MAX = 4


_HEADER_LINE_MAX = 200


def normalize_label(label: str) -> str:
    """A header label without spaces, brackets, bullets or colon: `[ 索 引 号 ]：` → `索引号`."""
    return _LABEL_JUNK.sub("", unicodedata.normalize("NFKC", label))


def label_key(label: str) -> str | None:
    """The metadata key a label maps to, "extra" for a known minor label, None for anything else."""
    norm = normalize_label(label)
    if norm in LABELS:
        return LABELS[norm]
    return "extra" if norm in EXTRA_LABELS else None


# Cell separators of a metadata table flattened to text (`索引号: | 002590358/2022-77135 | 公开方式: |`):
# trimmed off a value; a value made of nothing else is empty.
_VALUE_TRIM = " \n•·:：|｜"
# Brackets alone are furniture: a counter the page script did not fill (点击:[]), a font switch (字号:【).
_SEPARATORS_ONLY = re.compile(r"[\s|｜/／\\\-－—–_·•:：,，;；\[\]［］【】()（）]*")


def clean_value(value: str) -> str | None:
    """A header value trimmed (also of table-cell pipes) and with its inner runs of white space folded;
    None for empty, 无, or separators only."""
    value = re.sub(r"[ \t\u3000\u00a0]+", " ", value).strip(_VALUE_TRIM)
    return None if value in NULL_VALUES or _SEPARATORS_ONLY.fullmatch(value) else value


# --- document numbers ------------------------------------------------------------------------

_DOC_NO = re.compile(
    r"""(?P<code>[\u4e00-\u9fffA-Za-z]{1,20}?)\s{0,2}
        (?:[〔\[［【﹝(（]\s{0,2}(?P<year>(?:19|20)\d{2})\s{0,2}[〕\]］】﹞)）]|(?P<year2>(?:19|20)\d{2})年?)
        \s{0,2}第?\s{0,2}(?P<serial>\d{1,6})\s{0,2}号""",
    re.VERBOSE,
)
_DOC_NO_ORDER = re.compile(r"(?P<code>[\u4e00-\u9fff]{1,12}?)令\s{0,2}第\s{0,2}(?P<serial>\d{1,6})\s{0,2}号")


def parse_doc_no(raw: str) -> DocNumber:
    """Split a 发文字号 into issuer code, year and serial: 渝北府发 〔2017〕 7号, 国令第707号, 穗府办规〔2024〕13号."""
    match = _DOC_NO.search(raw)
    if match:
        year = match["year"] or match["year2"]
        return DocNumber(raw=raw, issuer_code=match["code"], year=int(year), serial=int(match["serial"]))
    match = _DOC_NO_ORDER.search(raw)
    if match:
        return DocNumber(raw=raw, issuer_code=match["code"] + "令", serial=int(match["serial"]))
    return DocNumber(raw=raw)


_TITLE_DOC_NO = re.compile(
    r"[（(]\s{0,2}(?P<no>[\u4e00-\u9fff]{1,12}\s{0,2}[〔\[［【﹝]\s{0,2}(?:19|20)\d{2}\s{0,2}[〕\]］】﹞]\s{0,2}\d{1,6}\s{0,2}号)\s{0,2}[)）]$"
)


# A whole date, 2024-03-27 or 2024年3月27日 (a month or a quarter alone is no date of a page).
_YMD = (
    r"(?:19|20)\d{2}\s{0,2}(?:[-/.]\s{0,2}\d{1,2}\s{0,2}[-/.]\s{0,2}\d{1,2}"
    r"|年\s{0,2}\d{1,2}\s{0,2}月\s{0,2}\d{1,2}\s{0,2}日)"
)
_TITLE_DATE = re.compile(rf"\s{{0,3}}[（(]\s{{0,2}}(?P<d>{_YMD})\s{{0,2}}[)）]$")


def date_from_title(metadata: Metadata, title: str | None) -> tuple[Metadata, str | None]:
    """A title line ending in a bracketed date, 市属殡仪馆主要收费项目和标准一览表 (2024-03-27 ): the title
    without it, and the date as the publish_date the header lacks (a header's own date is kept)."""
    match = _TITLE_DATE.search(title) if title else None
    if title is None or match is None or match.start() == 0:
        return metadata, title
    if metadata.publish_date is None:
        date, time = parse_date(match["d"])
        metadata = metadata.model_copy(update={"publish_date": date, "publish_time": time})
    return metadata, title[: match.start()]


def doc_no_from_title(metadata: Metadata, title: str | None) -> Metadata:
    """A title ending in its document number, …的通知(岳办发〔2017〕2号), gives the 发文字号 the header lacks."""
    if metadata.doc_no or not title:
        return metadata
    match = _TITLE_DOC_NO.search(title)
    if not match:
        return metadata
    return metadata.model_copy(update={"doc_no": match["no"], "doc_no_parts": parse_doc_no(match["no"])})


# --- metadata -------------------------------------------------------------------------------


def metadata_from_pairs(
    pairs: Iterable[tuple[str, str]], meta_tags: Mapping[str, str] | None = None
) -> tuple[Metadata, str | None, list[str]]:
    """Metadata from label/value pairs (any markup), with the page's <meta> tags as a fallback.

    Returns the metadata, the title when a 名称/标题 label gave one, and warnings.
    """
    fields: dict[str, str] = {}
    weak: dict[str, str] = {}
    extra: dict[str, str] = {}
    warnings: list[str] = []
    title: str | None = None
    for label, raw_value in _split_values(pairs):
        norm = normalize_label(label)
        key = label_key(norm)
        value = clean_value(raw_value)
        if key is None:
            if value and 1 < len(norm) <= 10:
                extra.setdefault(norm, value)
            continue
        if value is None:
            continue
        if key == "extra":
            extra.setdefault(norm, value)
        elif key == "title":
            title = title or value
        elif norm in WEAK_LABELS:
            weak.setdefault(key, value)
        else:
            fields.setdefault(key, value)
    for key, value in weak.items():
        fields.setdefault(key, value)
    for name, content in (meta_tags or {}).items():
        key = META_TAGS.get(name.lower())
        value = clean_value(content)
        if key is None or value is None:
            continue
        if key == "title":
            title = title or value
        else:
            fields.setdefault(key, value)
    return _build_metadata(fields, extra, warnings), title, warnings


# A later field in a value: a short word and a colon after white space, a label the lists do not know
# (来源:牟定县融媒体中心    点击:[], 来源:区教体局   2018-02-06 10:44   浏览量:1): it starts a pair of its own.
_LATER_FIELD = re.compile(r"(?<=[ \t\u3000|｜])(?P<label>[\u4e00-\u9fff]{2,6})[ \u3000]{0,3}[:：]")
# A date (and time of day) closing a 来源 value after white space: the portal's dateline run into the
# source field (来源:区教体局   2018-02-06 10:44) gives the date of publication.
# (after one white-space character: a leading run would be tried again from each of its spaces)
_TRAILING_DATE = re.compile(rf"(?<=[ \t\u3000])(?P<d>{_YMD}(?:\s{{0,3}}\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?)$")


def _split_values(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs with the fields run into a value split off: a later `word:` field (a counter: 点击:[],
    浏览量:1) and a date closing a 来源 value, which becomes an unlabelled 日期. A 标题 value stays whole."""
    out: list[tuple[str, str]] = []
    for label, value in pairs:
        key = label_key(label)
        fields = list(_LATER_FIELD.finditer(value)) if key != "title" else []
        parts = [(label, value[: fields[0].start()] if fields else value)]
        for k, later in enumerate(fields):
            end = fields[k + 1].start() if k + 1 < len(fields) else len(value)
            parts.append((later["label"], value[later.end() : end]))
        if key == "publisher":
            head = parts[0][1].rstrip(_VALUE_TRIM)
            dated = _TRAILING_DATE.search(head)
            if dated:
                parts[0] = (label, head[: dated.start()].rstrip())
                parts.append(("日期", dated["d"]))
        out.extend(parts)
    return out


def _build_metadata(fields: dict[str, str], extra: dict[str, str], warnings: list[str]) -> Metadata:
    dates: dict[str, str | None] = {}
    for key in ("written_date", "publish_date"):
        raw = fields.get(key)
        if raw is None:
            continue
        date, time = parse_date(raw)
        if date is None:
            warnings.append(f"{key}: cannot read a date in {raw!r}")
        dates[key] = date
        dates[key.replace("date", "time")] = time
    doc_no = fields.get("doc_no")
    return Metadata(
        index_no=fields.get("index_no"),
        doc_no=doc_no,
        subject=fields.get("subject"),
        genre=fields.get("genre"),
        publisher=fields.get("publisher"),
        validity=fields.get("validity"),
        written_date=dates.get("written_date"),
        publish_date=dates.get("publish_date"),
        written_time=dates.get("written_time"),
        publish_time=dates.get("publish_time"),
        doc_no_parts=parse_doc_no(doc_no) if doc_no else None,
        extra=extra,
    )


def text_header_pairs(lines: Sequence[str], *, bare: bool = False) -> list[tuple[int, str, str]]:
    """Label/value pairs of a text header as (line index, label, value); a line may hold several pairs.

    `bare=True` (plain-text pages) reads also a line that opens with a known label without a colon
    (`索引号 1134…/… 组配分类 其他文件`); an HTML search form (有效性 不限 现行有效 已失效) is no header.
    """
    pairs: list[tuple[int, str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(line) > _HEADER_LINE_MAX:  # a paragraph, not a header row
            i += 1
            continue
        lone = _LONE_LABEL.match(line) if len(line) <= _LONE_LABEL_MAX else None
        if lone:
            j = i + 1
            while j < len(lines) and not lines[j].strip() and j - i < 3:
                j += 1
            value_line = j < len(lines) and bool(lines[j].strip()) and not _line_has_label(lines[j])
            if value_line and not _states_amount(lone["l"], lines[j]):
                pairs.append((i, lone["l"], lines[j]))
                pairs.append((j, lone["l"], ""))  # the value line belongs to the header too
                i = j + 1
                continue
            pairs.append((i, lone["l"], ""))
            i += 1
            continue
        # The first label must start near the line start: look for it there only (a match that starts
        # by _LABEL_START_MAX ends by _LABEL_START_MAX + _LABEL_MATCH_MAX), and scan on only if found.
        first = _near_start_label(line)
        found = list(_TEXT_LABEL.finditer(line)) if first is not None and first.start() <= _LABEL_START_MAX else []
        if not (found and found[0].start() <= _LABEL_START_MAX) and bare and _bare_label_start(line):
            found = list(_GAP_LABEL.finditer(line))
        if found and found[0].start() <= _LABEL_START_MAX:
            for k, match in enumerate(found):
                end = found[k + 1].start() if k + 1 < len(found) else len(line)
                label = match["b"] or match["c"] or match["n"]
                cells = _cell_pairs(label, line[match.end() : end])
                pairs.extend((i, *pair) for pair in cells if not _states_amount(*pair))
        i += 1
    return pairs


def _states_amount(label: str, value: str) -> bool:
    """A value that states an amount (来源:中央财政60%(27.6万)): body text under a label word, no header
    field. A 标题 value may hold one (标题:上半年农林牧渔业总产值增长8%)."""
    return _AMOUNT.search(value) is not None and label_key(label) != "title"


def _bare_label_start(line: str) -> bool:
    """The line opens with a known label without a colon, then a gap and more text: a header row
    (`索引号 1134…`, `有效性 | 有效 | …`), not a sentence (发布机构应当…, or any line with a 。)."""
    if not line or (line[0] not in _BARE_FIRST and line[0] not in _GAP):  # most lines: one look
        return False
    text = line.lstrip(_GAP)
    if not text or text[0] not in _BARE_FIRST or len(line) - len(text) > _LABEL_START_MAX or "。" in text:
        return False
    # a label, a gap after it (text[n:n+1] is not empty: the rest holds a value), then the value
    return any(text[:n] in _BARE_LABELS and text[n : n + 1] in _GAP and text[n:].strip(_GAP) for n in _BARE_LENGTHS)


def _cell_pairs(label: str, value: str) -> list[tuple[str, str]]:
    """A value of table cells split at a cell that is a label of its own (`索引号 | /2025-0000 |
    公开目录: | 工作报告 |`: 公开目录 is a label the lists do not know)."""
    if "|" not in value and "｜" not in value:
        return [(label, value)]
    pairs: list[tuple[str, str]] = []
    cells: list[str] = []
    for cell in _CELL_SPLIT.split(value):
        labelled = _LABEL_CELL.match(cell.strip())
        if labelled:
            pairs.append((label, " | ".join(cells)))
            label, cells = labelled["label"], [labelled["value"]] if labelled["value"] else []
        elif cell.strip():
            cells.append(cell.strip())
    pairs.append((label, " | ".join(cells)))
    return pairs


def _near_start_label(line: str) -> re.Match[str] | None:
    """The first _TEXT_LABEL match that could start by _LABEL_START_MAX (it ends by the bound), or None.

    Every match ends in a colon or a closing bracket: a line without one there is not searched for
    the many labels.
    """
    bound = _LABEL_START_MAX + _LABEL_MATCH_MAX
    if _LABEL_CLOSE.search(line, 0, bound) is None:
        return None
    return _TEXT_LABEL.search(line, 0, bound)


_LABEL_CLOSE = re.compile(r"[:：\]］】]")


def _opens_with_label(line: str) -> bool:
    """The line opens with a header label (a header row, or a line of text under a label word)."""
    match = _near_start_label(line)
    return (
        bool(match and match.start() <= _LABEL_START_MAX)
        or bool(len(line) <= _LONE_LABEL_MAX and _LONE_LABEL.match(line))
        or _bare_label_start(line)
    )


def _line_has_label(line: str) -> bool:
    """The line is a header row: it opens with a label, and not only to state amounts (来源:中央财政60%)."""
    if not _opens_with_label(line):
        return False
    return not _AMOUNT.search(line) or bool(text_header_pairs([line], bare=True))


# --- titles ---------------------------------------------------------------------------------

_TITLE_SUFFIX = re.compile(r"\s{0,3}(?P<sep>[_|｜]|\s-\s|-|－)\s{0,3}(?P<tail>[^_|｜]{2,40})$")
_REPRINT = re.compile(r"^[（(]\s{0,2}转载\s{0,2}[)）]\s{0,2}|\s{0,2}[（(]\s{0,2}转载\s{0,2}[)）]$")
_OCCASION = re.compile(r"(?<=.{4})\s{0,2}——\s{0,2}(?:19|20)\d{2}年\d{1,2}月\d{1,2}日.{0,80}$")
_CELL_TRIM = " |｜"  # a title cell of a flattened table row: `2013年…统计公报 | |||||`
_SITE_WORDS = re.compile(r"(?:网|网站|门户|人民政府|政府|委员会|局|办公室|厅|中心|统计局)$")


def clean_title(title: str | None) -> str | None:
    """A page title without the `_站名`/`-站名` suffix, `（转载）`, a `——2018年3月5日在…` occasion line
    and surrounding white space."""
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip(_CELL_TRIM)
    title = _REPRINT.sub("", title).strip()
    title = _OCCASION.sub("", title).strip()
    title = _drop_year_tag(title)
    while True:
        match = _TITLE_SUFFIX.search(title)
        if not match or match.start() < 6:
            break
        # `_站名` and `|站名` are always a site suffix; `-站名` only when the tail names a site
        if match["sep"].strip() not in "_|｜" and not _SITE_WORDS.search(match["tail"]) and "网" not in match["tail"]:
            break
        title = title[: match.start()].rstrip()
    return title or None


def _drop_year_tag(title: str) -> str:
    """A title without a bare year after a space that repeats a year it already names: an aggregator's
    tag (2022年云和县国民经济和社会发展统计公报 2022)."""
    head, space, tail = title.rpartition(" ")
    if space and len(tail) == 4 and tail.isascii() and tail.isdigit() and tail[:2] in ("19", "20") and tail in head:
        return head.rstrip()
    return title


# --- body -----------------------------------------------------------------------------------


_LinePatterns = tuple[re.Pattern[str] | None, re.Pattern[str] | None]


def _line_patterns(patterns: Sequence[str]) -> _LinePatterns:
    """Patterns tried on a compacted line, as (those anchored with ^, the others): the anchored ones are
    tried at the line start only (a search would try every position of the line and fail there)."""
    anchored = [p for p in patterns if p.startswith("^")]
    loose = [p for p in patterns if not p.startswith("^")]
    return (
        re.compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None,
        re.compile("|".join(f"(?:{p})" for p in loose)) if loose else None,
    )


def _line_matches(patterns: _LinePatterns, line: str) -> bool:
    anchored, loose = patterns
    return bool((anchored is not None and anchored.match(line)) or (loose is not None and loose.search(line)))


_BOILERPLATE = _line_patterns(BOILERPLATE_LINE_PATTERNS)
_FOOTER_START = _line_patterns(FOOTER_START_PATTERNS)
_FOOTER_LINE = _line_patterns(FOOTER_LINE_PATTERNS)
_SENTENCE_END = "。！？；：…”’」』）)!?;:"
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十百]{1,4}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]|第[一二三四五六七八九十百零〇\d]{1,5}[章节条编部分]"
    r"|[一二三四五六七八九十]{1,2}(?:是|要|抓|来|为|则)|[①-⑳]|附件|附：)"
)
_ATTACHMENT_HEAD = re.compile(r"^附\s{0,2}件\s{0,2}(?:[:：]\s{0,2})?(?P<rest>.{0,200})$")
_ATTACHMENT_ITEM = re.compile(r"^\s{0,4}(?:\d{1,2}\s{0,2}[.．、:：]|[（(]\d{1,2}[)）])\s{0,2}(?P<name>.{2,200})$")
_DATE_LINE = re.compile(
    r"^\s{0,4}(?:(?:19|20)\d{2}\s{0,2}年\s{0,2}\d{1,2}\s{0,2}月\s{0,2}\d{1,2}\s{0,2}日"
    r"|[〇○Ｏ零一二三四五六七八九]{4}年[〇○一二三四五六七八九十]{1,3}月[〇○一二三四五六七八九十]{1,3}日"
    r"|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}|(?:19|20)\d{4,6})\s{0,4}$"
)
_MONTH_LINE = re.compile(r"^[（(]?\s{0,2}(?:19|20)\d{2}\s{0,2}年\s{0,2}\d{1,2}\s{0,2}月\s{0,2}[)）]?$")
_COVER_END = re.compile(r"^(?:附\s{0,2}件|附[:：]|[（(]此件|抄送|主送)")
_ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff（）()、\s\u3000]{2,40}$")


_SPACES = re.compile(r"[\s\u3000]+")
_INNER_SPACES = re.compile(r"[ \t\u3000]+")
_FURNITURE_MAX = 120  # furniture lines are short; longer lines are paragraphs and are not checked


def _compact(line: str) -> str:
    """The line without any white space. Most lines have none: a space is the only printable white
    space character, so a printable line without one is returned as it is, without a regex pass."""
    if " " not in line and line.isprintable():
        return line
    return _SPACES.sub("", line)


def is_boilerplate(line: str) -> bool:
    """A line of portal furniture: breadcrumb, font-size switch, print/close, share box …."""
    if len(line) > _FURNITURE_MAX:
        return False
    compact = _compact(line)
    return _line_matches(_BOILERPLATE, compact) or _line_matches(_FOOTER_LINE, compact)


def footer_start(lines: Sequence[str], begin: int = 0) -> int:
    """Index of the first footer line at or after `begin` (len(lines) when there is none)."""
    for i in range(begin, len(lines)):
        if len(lines[i]) <= _FURNITURE_MAX and _line_matches(_FOOTER_START, _compact(lines[i])):
            return i
    return len(lines)


def finish_body(
    lines: Sequence[str],
    *,
    title: str | None = None,
    doc_no: str | None = None,
    hint_date: str | None = None,
    rejoin: bool = True,
) -> tuple[str, Signature | None, list[str], list[str]]:
    """Clean body lines into the body text; also the signature block, attachments and warnings.

    Drops portal furniture and the footer, a leading repeat of the title or document number,
    re-joins paragraphs the scrape broke mid-sentence, and takes the closing 落款 off the end.
    `rejoin=False` keeps every line: HTML lines end at real block elements (a table row is no
    broken paragraph).
    """
    warnings: list[str] = []
    kept = [_fold(line) for line in lines[: footer_start(lines)]]
    kept = [line for line in kept if line and not is_boilerplate(line)]
    kept = _drop_leading_repeats(kept, title, doc_no)
    kept, copies = _drop_repeated_body(kept)
    if copies:
        warnings.append(f"the body was repeated {copies} more time(s) by the scrape; kept the first copy")
    kept, joined = _rejoin(kept) if rejoin else (kept, 0)
    if joined:
        warnings.append(f"{joined} paragraph(s) broken mid-sentence re-joined")
    signature, kept = _take_signature(kept, hint_date)
    attachments = _attachments(kept)
    return "\n".join(kept), signature, attachments, warnings


def _fold(line: str) -> str:
    """The line stripped, with inner runs of spaces, tabs and U+3000 folded to one space (a regex
    pass only when the line holds one: scanning Chinese text for them costs more than looking)."""
    if " " in line or "\t" in line or "\u3000" in line:
        return _INNER_SPACES.sub(" ", line).strip()
    return line.strip()


def build_page(
    lines: Sequence[str],
    *,
    title: str | None,
    metadata: Metadata,
    warnings: Sequence[str] = (),
    tables: Sequence[Table] = (),
    rejoin: bool = True,
    text_date: str | None = None,
) -> PageParts:
    """The page's parts once a reader has found its title, metadata and body lines: the body is
    cleaned (finish_body) and the signature and attachments taken from it."""
    body, signature, attachments, more = finish_body(
        lines, title=title, doc_no=metadata.doc_no, hint_date=metadata.written_date, rejoin=rejoin
    )
    return PageParts(
        title=title,
        metadata=metadata,
        body=body,
        signature=signature,
        attachments=attachments,
        tables=list(tables),
        warnings=[*warnings, *more],
        text_date=text_date,
    )


def _drop_leading_repeats(lines: list[str], title: str | None, doc_no: str | None) -> list[str]:
    """Drop a repeat of the title (also when split over two or three lines) or of the 文号 at the top."""
    while lines:
        if _same(lines[0], doc_no):
            lines = lines[1:]
            continue
        for k in (1, 2, 3):
            if _same("".join(lines[:k]), title):
                lines = lines[k:]
                break
        else:
            return lines
    return lines


def _drop_repeated_body(lines: list[str]) -> tuple[list[str], int]:
    """A scrape that printed the article several times: keep the text up to the second copy."""
    firsts = [i for i, line in enumerate(lines[:50]) if len(line) >= 30][:3]
    if len(firsts) < 2:
        return lines, 0
    anchor = lines[firsts[0]]
    repeats = [j for j in range(firsts[-1] + 1, len(lines)) if lines[j] == anchor]
    confirmed = [
        j
        for j in repeats
        if all(j + (k - firsts[0]) < len(lines) and lines[j + (k - firsts[0])] == lines[k] for k in firsts)
    ]
    if not confirmed:
        return lines, 0
    cut = confirmed[0]
    back = 1  # the copy's own title and dateline lines, above its first paragraph
    while back <= firsts[0] and lines[cut - back] == lines[firsts[0] - back]:
        back += 1
    return lines[: cut - back + 1], len(confirmed)


def _same(line: str, other: str | None) -> bool:
    if not other:
        return False
    return _compact(line) == _compact(other)


def _rejoin(lines: list[str]) -> tuple[list[str], int]:
    """Join a long line that stops mid-sentence (ends on a Chinese character) with the next one."""
    out: list[str] = []
    joined = 0
    for line in lines:
        if out and _continues(out[-1], line):
            out[-1] += line
            joined += 1
        else:
            out.append(line)
    return out, joined


def _continues(prev: str, line: str) -> bool:
    if len(prev) < 40 or prev[-1] in _SENTENCE_END or _HEADING_START.match(line) or "——" in prev:
        return False
    if len(line) < 20 and line[-1] in "：:":
        return False  # a salutation such as 各位代表：
    return "\u4e00" <= prev[-1] <= "\u9fff" and "\u4e00" <= line[0] <= "\u9fff" and "。" not in prev[-40:]


def _take_signature(lines: list[str], hint_date: str | None) -> tuple[Signature | None, list[str]]:
    """The 落款: one to three issuer lines over a date line.

    At the end of the body it is taken off the body. Otherwise it is looked for where portals put
    it and left in place: under the title of a communiqué (江西省统计局 / 2023年3月28日), or
    closing the cover notice of a 印发 document, followed by the attached text or its 附件 list.
    """
    for d in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
        found = _signature_at(lines, d, hint_date)
        if found and (found[0].issuer or d == len(lines) - 1):
            signature, first = found
            return signature, lines[:first] + lines[d + 1 :]
    for d in range(min(len(lines) - 1, max(8, len(lines) * 2 // 5))):
        found = _signature_at(lines, d, hint_date)
        if found is None or not found[0].issuer:
            continue
        following = lines[d + 1] if d + 1 < len(lines) else ""
        if found[1] == 0 or _COVER_END.match(following) or _title_like(following):
            return found[0], lines
    return None, lines


def _signature_at(lines: Sequence[str], d: int, hint_date: str | None) -> tuple[Signature, int] | None:
    """The signature whose date line is lines[d], with the index of its first line; None if lines[d] is no date."""
    line = lines[d].strip()
    if not (_DATE_LINE.match(line) or _MONTH_LINE.match(line)):
        return None
    date = parse_date(line, hint=hint_date)[0] if _DATE_LINE.match(line) else None
    start = d
    while start > 0 and d - start < 3 and _ISSUER_LINE.match(lines[start - 1]) and len(lines[start - 1]) <= 40:
        start -= 1
    issuer = " ".join(lines[start:d]) or None
    return Signature(issuer=issuer, date=date, text="\n".join(lines[start : d + 1])), start


def _attachments(lines: Sequence[str]) -> list[str]:
    """Names listed under 附件：, one per item; a single attachment may follow the colon."""
    names: list[str] = []
    for i, line in enumerate(lines):
        head = _ATTACHMENT_HEAD.match(line)
        if not head:
            continue
        rest = head["rest"].strip()
        item = _ATTACHMENT_ITEM.match(rest)
        if rest:
            names.append(item["name"].strip() if item else rest)
        for follow in lines[i + 1 : i + 30]:
            item = _ATTACHMENT_ITEM.match(follow)
            if not item or len(follow) > 80:
                break
            names.append(item["name"].strip())
        break
    return names


# --- plain-text pages -------------------------------------------------------------------------

_HEADER_SCAN = 60
_DATELINE = re.compile(r"^(?:新华社|人民日报|本报|人民网|新华网).{0,20}电$")
# Lines that are never a title: figure/table captions, a date in brackets under a title.
# A document number alone on its line (常城管〔2013〕15号): the 文号 above a title, never the title.
_DOC_NO_LINE = re.compile(
    r"[\u4e00-\u9fff]{1,10}\s{0,2}[〔［\[(（]\s{0,2}(?:19|20)\d{2}\s{0,2}[〕］\])）]\s{0,2}\d{1,5}\s{0,2}号$"
)
_NOT_TITLE = re.compile(
    r"^(?:[图表]\s{0,2}\d{1,3}|[（(]\s{0,2}(?:19|20)\d{2}年|——|<!--|-->)"
    # the speaker's line under a report's title: 六盘水市水城区人民政府区长 赵庆强, □六盘水市人民政府市长 李 刚
    # (an office, then a name of two to four characters, spaced out or not; tried from the line start)
    r"|[□■◆●]?\s{0,2}[\u4e00-\u9fff（）()]{0,30}?(?:省长|州长|市长|县长|区长|旗长|镇长|乡长|总理|主任|书记|局长|主席)"
    r"\s{1,3}[\u4e00-\u9fff](?:[ \u3000]{0,2}[\u4e00-\u9fff]){1,3}$"
    r"|会议上$"  # the second half of a wrapped occasion line: ——2019年9月2日在…人民代表 / 大会…会议上
    r"|[\u4e00-\u9fff]{1,20}\s{1,3}[\u4e00-\u9fff]{2,4}\s{0,2}[摄攝]影?$"  # a photo caption: 大会现场 张宝杉 摄
    # the print line (安化县财政局办公室 2022年8月25日 印发), a document number alone
    r"|.{0,40}\d{1,2}日\s{0,3}印发$"
    f"|{_DOC_NO_LINE.pattern}"
)
# A line stating an amount after a colon (中职学校国家助学金标准:2000元/生·年) is a line of text; a title
# may hold an amount, but not after a colon (上半年我县农林牧渔业总产值增长8%).
_STATED_AMOUNT = re.compile(rf"[:：]\s{{0,3}}(?:约|共|为|计|合计)?\s{{0,2}}{_AMOUNT.pattern}")
_BRACKET_DATE = re.compile(
    r"^[（(]\s{0,2}(?P<d>(?:19|20)\d{2}\s{0,2}年\s{0,2}\d{1,2}\s{0,2}月\s{0,2}\d{1,2}\s{0,2}日)\s{0,2}[)）]$"
)
# A portal's dateline under the title: site, date, then 来源 (not a label at the line start).
_SOURCE_LINE = re.compile(
    r"^.{0,40}?(?P<d>(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)(?:\s{0,3}\d{1,2}:\d{2})?"
    r"\s{0,6}来源[:：]\s{0,2}(?P<src>[^\s:：]{2,20})$"
)
_PART_HEADING = re.compile(r"^第[一二三四五六七八九十]{1,3}(?:部分|编|篇)")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_HTML_COMMENT_LINE = re.compile(r"^\s*<!--.{0,200}-->\s*$")


def read_text_page(text: str) -> PageParts:
    """A plain-text copy of a page: header label lines, the title line, the body, the signature."""
    lines = _plain_lines(text)
    found = text_header_pairs(lines[:_HEADER_SCAN], bare=True)
    header = _header_block(lines, sorted({i for i, _, _ in found}))
    pairs = [(label, value) for i, label, value in found if i in header]
    after = _skip_contents(lines, max(header) + 1 if header else 0)
    metadata, label_title, warnings = metadata_from_pairs(pairs)
    title = clean_title(label_title)
    start = after
    above: list[str] = []
    text_date: str | None = None  # a date the text gives itself, outside the header
    caption = _caption_title(lines, after) if title is None else None
    if caption is not None:
        title = caption  # stays in the body too, over the table it names
    if title is None:
        before = _previous_line(lines, min(header)) if len(header) == 1 else None
        title_line: int | None
        if before is not None and _title_like(lines[before]):
            title, title_line = clean_title(lines[before]), before  # a title above a lone 来源 line
        else:
            title, title_line = _text_title(lines, after, min(header) if header else 0)
        if title is None:  # a cover notice (各…： / 《…》现印发给你们 / 落款) over the attached text's title
            title, title_line = _notice_title(lines, after)
            if title_line is not None:
                title_line = None  # the notice and the title stay in the body: the notice's 落款 is the signature
        elif title_line is not None:
            title, title_line = _title_continued(lines, title, title_line)
            if title_line + 1 < len(lines) and _TITLE_QUALIFIER.match(lines[title_line + 1]):
                title += lines[title_line + 1].strip()  # …实施意见 / (试行): the qualifier on the next line
                title_line += 1
        if title_line is not None:
            # 政府工作报告——2018年3月5日在…会议上: the occasion's date is the date of the text
            occasion = _OCCASION.search(lines[title_line].strip())
            if occasion:
                text_date = parse_date(occasion.group(0))[0]
        if title_line is not None and metadata.doc_no is None:
            # a document number alone above the title (常城管〔2013〕15号 / 《…实施基准》) is its 文号
            numbers = [_DOC_NO_LINE.match(lines[i].strip()) for i in range(after, title_line)]
            found_no = next((n.group() for n in numbers if n), None)
            if found_no:
                metadata = metadata.model_copy(update={"doc_no": found_no, "doc_no_parts": parse_doc_no(found_no)})
        if title_line is not None and title_line >= after:
            # a part heading above the title (第一部分 报告) stays in the body
            above = [line for line in lines[after:title_line] if _PART_HEADING.match(line.strip())]
            start = title_line + 1
    # a 发布日期 line under the title belongs to the header too: take its time of day
    more: list[tuple[str, str]] = []
    while start < len(lines):
        line = lines[start]
        source = _SOURCE_LINE.match(line.strip()) if not more and title is not None else None
        if source:  # 中央政府门户网站 www.gov.cn 2006年02月16日 来源：新华社
            more += [("发布日期", source["d"]), ("来源", source["src"])]
        elif line.strip() and not _line_has_label(line):
            break
        else:
            more += [(label, value) for _, label, value in text_header_pairs([line], bare=True)]
        start += 1
    if more:
        later, _, _ = metadata_from_pairs(more)
        metadata = _merge_later(metadata, later)
    if start < len(lines):
        # a bracketed date under the title is the date of writing: （2018年1月2日）
        dated = _BRACKET_DATE.match(lines[start].strip())
        if dated:
            text_date = text_date or parse_date(dated["d"])[0]
            start += 1
    if text_date is None:  # ——2019年9月2日在…人民代表 / 大会…会议上 opening the body, also wrapped
        text_date = _occasion_date(lines, start)
    if metadata.doc_no is None:  # 办发〔2015〕6号 alone over a notice's title opening the body
        found_no = _opening_doc_no(lines, start)
        if found_no:
            metadata = metadata.model_copy(update={"doc_no": found_no, "doc_no_parts": parse_doc_no(found_no)})
    metadata, title = date_from_title(metadata, title)
    metadata = doc_no_from_title(metadata, title)
    kept_title = None if caption else title  # a caption is not dropped from the body as a repeat of the title
    page = build_page(
        above + lines[start:], title=kept_title, metadata=metadata, warnings=warnings, text_date=text_date
    )
    page.title = title
    return page


# A yearbook table page opens with its numbered caption: 表14—16 各类医院基本情况(2020年).
_CAPTION_TITLE = re.compile(
    r"^表\s?\d{1,3}\s?[—\-－–]{1,2}\s?\d{1,3}\s{0,2}[^\s。；;，,][^。；;，,]{1,50}[（(](?:19|20)\d{2}\s?年[)）]$"
)


def _caption_title(lines: Sequence[str], after: int) -> str | None:
    """The first line from `after` when it is a numbered table caption with its year (`_CAPTION_TITLE`):
    the page is that table, and the caption its title."""
    first = next((line.strip() for line in lines[after : after + 20] if line.strip()), "")
    return clean_title(first) if _CAPTION_TITLE.match(first) else None


_OCCASION_LINE = re.compile(
    r"^(?:——|[（(])?\s{0,2}(?P<d>(?:19|20)\d{2}\s{0,2}年\s{0,2}\d{1,2}\s{0,2}月\s{0,2}\d{1,2}\s{0,2}日)\s{0,2}在"
)
_OCCASION_END = re.compile(r"会议上\s{0,2}[)）]?$")


def _occasion_date(lines: Sequence[str], start: int) -> str | None:
    """The date of an occasion line opening the body (——2019年9月2日在…会议上, (2023年3月1日在…会议上),
    2003年政府工作报告——2003年3月5日在…会议上), also when the scrape wrapped it over two lines; None for
    any other first line."""
    filled = [i for i in range(start, min(len(lines), start + 10)) if lines[i].strip() and not is_boilerplate(lines[i])]
    filled = filled[:2]  # page furniture (【字体：大 中 小】) is passed over, as finish_body drops it
    if not filled:
        return None
    first = lines[filled[0]].strip()
    match = _OCCASION_LINE.match(first) if len(first) <= 120 else None
    if match is None:  # the title repeated before it: 2003年政府工作报告——2003年3月5日在…会议上
        titled = _OCCASION.search(first) if len(first) <= 120 else None
        return parse_date(titled.group(0))[0] if titled and _OCCASION_END.search(first) else None
    ends = _OCCASION_END.search(first) or (
        len(filled) > 1 and len(lines[filled[1]]) <= 80 and _OCCASION_END.search(lines[filled[1]].strip())
    )
    return parse_date(match["d"])[0] if ends else None


_OPENING_LINES = 3  # lines at the top of a body where a document number alone on its line is the 文号


def _opening_doc_no(lines: Sequence[str], start: int) -> str | None:
    """A document number alone on one of the first lines of the body (办发〔2015〕6号 over the title of
    the notice it numbers), before any line of text; None when there is none."""
    filled = [i for i in range(start, min(len(lines), start + 10)) if lines[i].strip() and not is_boilerplate(lines[i])]
    for i in filled[:_OPENING_LINES]:
        line = lines[i].strip()
        found = _DOC_NO_LINE.match(line) if len(line) <= 40 else None
        if found:
            return found.group()
        if _opens_body(line):
            break
    return None


def _plain_lines(text: str) -> list[str]:
    """Lines of a text copy with Markdown heading marks and HTML comment lines (LawRefBook copies) removed."""
    lines = text.split("\n")
    if sum(1 for line in lines[:400] if _MARKDOWN_HEADING.match(line)) >= 2:
        lines = [_MARKDOWN_HEADING.sub("", line) for line in lines]
    return ["" if _HTML_COMMENT_LINE.match(line) or line.strip() in ("<!--", "-->") else line for line in lines]


def _skip_contents(lines: Sequence[str], start: int) -> int:
    """Past a 目录 at the top of the page: to where its first entry is repeated as the body's heading."""
    filled = [i for i in range(start, min(len(lines), start + 200)) if lines[i].strip()]
    if len(filled) < 3 or _compact(lines[filled[0]]) != "目录":
        return start
    entry = _compact(lines[filled[1]])
    for i in range(filled[1] + 1, min(len(lines), filled[1] + 400)):
        if _compact(lines[i]) == entry:
            return i
    return start


def _header_block(lines: Sequence[str], used: Sequence[int]) -> set[int]:
    """The first run of header lines: label lines separated by nothing but blank lines."""
    if not used:
        return set()
    block = {used[0]}
    last = used[0]
    for i in used[1:]:
        if any(lines[k].strip() for k in range(last + 1, i)):
            break
        block.add(i)
        last = i
    return block


def _merge_later(metadata: Metadata, later: Metadata) -> Metadata:
    """Fill missing fields, and the time of day of the same date, from header lines under the title."""
    update: dict[str, object] = {}
    for key, value in later:
        if key in ("extra", "written_time", "publish_time") or value is None:
            continue
        if getattr(metadata, key) is None:
            update[key] = value
    for kind in ("written", "publish"):
        date = update.get(f"{kind}_date", getattr(metadata, f"{kind}_date"))
        if getattr(metadata, f"{kind}_time") is None and getattr(later, f"{kind}_date") == date:
            update[f"{kind}_time"] = getattr(later, f"{kind}_time")
    if later.extra:
        update["extra"] = {**later.extra, **metadata.extra}
    return metadata.model_copy(update=update) if update else metadata


def _previous_line(lines: Sequence[str], index: int) -> int | None:
    """Index of the last non-empty line before `index`."""
    for i in range(index - 1, -1, -1):
        if lines[i].strip():
            return i
    return None


def _text_title(lines: Sequence[str], after: int, before: int) -> tuple[str | None, int | None]:
    """The title line of a text copy and its index: right after the header block, else before it.

    Without a header block (after == 0) the first title-like line of the page is taken.
    """
    window = [i for i in range(after, min(len(lines), after + 200)) if lines[i].strip()][: 4 if after else 12]
    for i in window:
        if _title_like(lines[i]):
            return clean_title(lines[i]), i
        if _opens_body(lines[i]):
            break  # a line below body text heads nothing: the lines above it would be lost
    for i in range(before - 1, -1, -1):
        if _title_like(lines[i]):
            return clean_title(lines[i]), i
    return None, None


_SALUTATION = re.compile(r"^[^。；;]{2,78}[:：]$")
_TITLE_QUALIFIER = re.compile(
    r"^\s{0,4}[（(]\s{0,2}(?:试行|暂行|草案|征求意见稿|送审稿|讨论稿|修订稿|修订)\s{0,2}[)）]\s{0,4}$"
)


_TITLE_END = re.compile("(?:" + "|".join(TITLE_ENDINGS) + r")\s{0,2}$")


def _title_continued(lines: Sequence[str], title: str, title_line: int) -> tuple[str, int]:
    """A title broken over two lines, with the index of its last line: 杨凌示范区进一步激发消费活力 /
    促进一季度消费增长若干措施. The first line ends neither in punctuation nor like a title, and the
    second is a title line that does (…措施, …的通知); a body, date or issuer line is not joined."""
    nxt = title_line + 1
    if nxt >= len(lines) or title[-1] in _SENTENCE_END or _TITLE_END.search(title):
        return title, title_line
    line = lines[nxt].strip()
    if not _TITLE_END.search(line) or not _title_like(line) or _opens_body(line):
        return title, title_line
    return title + line, nxt


def _notice_title(lines: Sequence[str], after: int) -> tuple[str | None, int | None]:
    """The title of a document attached to a cover notice at the top of the page: a salutation line
    (各县市区人民政府，…：), the notice, its 落款 (issuer lines over a date line), then the title and
    a qualifier line under it ((试行)). None when the page does not open with such a notice."""
    filled = [i for i in range(after, min(len(lines), after + 200)) if lines[i].strip()][:12]
    if len(filled) < 5 or not _SALUTATION.match(lines[filled[0]].strip()):
        return None, None
    for k in range(3, len(filled) - 1):  # salutation, a line of notice at least, issuer, date
        date, issuer = lines[filled[k]].strip(), lines[filled[k - 1]].strip()
        if not (_DATE_LINE.match(date) and _ISSUER_LINE.match(issuer) and len(issuer) <= 40):
            continue
        candidate = lines[filled[k + 1]]
        if not _title_like(candidate) or _COVER_END.match(candidate.strip()):
            return None, None
        title = clean_title(candidate)
        if title and k + 2 < len(filled) and _TITLE_QUALIFIER.match(lines[filled[k + 2]]):
            title += lines[filled[k + 2]].strip()
        return title, filled[k + 1]
    return None, None


def _opens_body(line: str) -> bool:
    """A line of body text: a paragraph, a numbered heading (not 附件 or a part heading 第一部分, which a
    title may follow) or an occasion line ——2019年9月2日在…, which stands under its title."""
    line = line.strip()
    if is_boilerplate(line):
        return False
    if "。" in line or line.startswith("——") or (len(line) > 80 and ("，" in line or "," in line)):
        return True
    return bool(_HEADING_START.match(line)) and not (_PART_HEADING.match(line) or line.startswith("附"))


def _menu_line(line: str) -> bool:
    """A site menu or a table's header row: four or more short words between spaces
    (首页 新闻中心 信息公开 政务服务 …), where a title has at most a few long parts."""
    words = line.split()
    return len(words) >= 4 and all(2 <= len(word) <= 6 for word in words)


def _title_like(line: str) -> bool:
    line = line.strip().strip(_CELL_TRIM)
    if not line or len(line) > 80 or is_boilerplate(line) or _opens_with_label(line) or _DATELINE.match(line):
        return False
    if _menu_line(line):
        return False
    if _HEADING_START.match(line) or _NOT_TITLE.match(line) or line[-1] in "。；：:;，,":
        return False
    if _STATED_AMOUNT.search(line):
        return False
    if "。" in line or line.count("，") + line.count(",") >= 2:
        return False
    return sum("\u4e00" <= ch <= "\u9fff" for ch in line) >= 4
