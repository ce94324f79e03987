"""HTML pages: the metadata header, the title and the body text, read from the markup with lxml.

The page is parsed once (comments, scripts and styles never reach the text). The body container is
looked up in a list of known CMS containers and otherwise chosen by text density; the header block is
the run of label/value rows just above it. Pairs, title candidates and body lines then go through the
format-independent page logic in `page.py`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import cast

import lxml.html
from lxml import etree

from .models import Metadata, Table
from .page import (
    PageParts,
    build_page,
    clean_title,
    doc_no_from_title,
    is_boilerplate,
    label_key,
    metadata_from_pairs,
    normalize_label,
    parse_doc_no,
    read_text_page,
    text_header_pairs,
)

# --- data -------------------------------------------------------------------------------------

# Known body containers of Chinese government CMSs, most specific first: (attribute, value).
# "class^" matches a class token by prefix (article-con, article-content …).
BODY_CONTAINERS: tuple[tuple[str, str], ...] = (
    ("id", "UCAP-CONTENT"),  # gov.cn 政策 pages (Ucap)
    ("tag", "ucapcontent"),  # Jiangxi Ucap / 开普云
    ("class", "TRS_Editor"),  # TRS WCM
    ("class", "TRS_UEDITOR"),
    ("class", "Custom_UnionStyle"),  # TRS WCM pasted Word content
    ("id", "wenzhang-content"),  # NFRA
    ("id", "info_cont"),  # gz.gov.cn gfxwj
    ("id", "zoomcon"),  # gz.gov.cn, Jiangxi
    ("id", "zoom"),  # Hanweb, many others
    ("id", "Zoom"),
    ("id", "fontzoom"),
    ("class", "article-content"),  # gkmlpt
    ("class", "content_article"),
    ("class", "main-txt"),
    ("class", "pages_content"),
    ("class", "TRS_PreAppend"),
    ("class^", "article-con"),
    ("class", "view"),
    ("id", "content"),
)

# Elements whose text is never page text.
_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg", "button", "select"}
    | {"xml", "canvas"}
)
# Class tokens of elements the page hides (Angular's ng-hide, print-only copies …).
_HIDDEN_CLASSES = frozenset({"ng-hide", "hide", "hidden", "ng-cloak"})
# (visibility:hidden is left alone: gkmlpt pages hide <body> until their script has run)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)

_BLOCK_TAGS = frozenset(
    {
        *("p", "div", "br", "hr", "tr", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "aside", "main"),
        *("blockquote", "pre", "form", "center", "figure", "figcaption", "address", "fieldset"),
        *("legend", "caption", "ucapcontent", "ucaptitle", "body", "html"),
    }
)
_CELL_TAGS = frozenset({"td", "th"})
# Header rows: their inner blocks are joined with tabs so that a label and its value share a line.
_ROW_TAGS = frozenset({"tr", "li", "dd", "dt", "p"})
_NESTED_ROWS = ("table", "ul", "ol", "dl")
_HEADING_TAGS = frozenset({"h1", "h2", "h3"})

# Header lines: page furniture that ends a line (… 字体大小：大 中 小, 【打印】 分享到：…).
_FURNITURE_TAIL = re.compile(r"(?<=[ \t\]】])[ \t]{0,3}[【\[]?(?:字体大小|字体|字号|分享到?|打印)[ \t]{0,2}[:：].*$")
# Labels of page furniture, dropped from the header pairs (访问量：2487).
_FURNITURE_LABELS = frozenset(
    {"访问量", "浏览次数", "阅读次数", "阅读量", "点击数", "点击量", "字号", "字体", "字体大小"}
)
# A header cell or row that is only a label: 统一编号： / [ 索引号 ] / 索 引 号：.
_LABEL_CELL = re.compile(
    r"^[\[［【]?[ \u3000]{0,2}(?P<l>[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,10}?)[ \u3000]{0,2}"
    r"(?:[\]］】][ \u3000]{0,2}[:：]?|[:：])$"
)
# A label outside the known list and its value on one row of the header block: 文章类型：原创.
_INLINE_PAIR = re.compile(
    r"^(?P<l>[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{1,9}?)[ \u3000]{0,2}[:：][ \u3000]{0,3}(?P<v>\S.{0,200})$"
)
# A line that is only a 发文字号, as printed under the title of a 红头 document: 穗府办规〔2024〕13号.
_DOC_NO_LINE = re.compile(
    r"[\u4e00-\u9fff]{1,15}[ \u3000]{0,2}[〔\[［【﹝(（][ \u3000]{0,2}(?:19|20)\d{2}[ \u3000]{0,2}[〕\]］】﹞)）]"
    r"[ \u3000]{0,2}第?[ \u3000]{0,2}\d{1,6}[ \u3000]{0,2}号"
)
# Labels too common in running text to mark a header row on their own.
_GENERIC_DATE_LABELS = frozenset({"时间", "日期"})
# Lines of the body that only link to other pages (相关解读：《…》).
_RELATED_LINE = re.compile(r"^(?:相关解读|相关链接|相关文件|关联稿件|图文解读|政策解读)[:：]\s{0,3}《")
# Template placeholders left by client-side rendering (Vue/Angular) and entities escaped twice.
_PLACEHOLDER = re.compile(r"\{\{[^{}\n]{0,200}\}\}")
_LITERAL_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#12288|#xa0);?", re.IGNORECASE)
# The gfxwj template writes 文件状态 from a script variable.
_FILE_STATUS = re.compile(r"""\bvar\s+file_status\s*=\s*['"]([^'"\n]{1,30})['"]""")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ZH_PUNCT = frozenset("，。；：、！？")
# Spaces from source line breaks between two CJK characters are layout, not text.
_BREAK = "\x01"
_SEP = "\x02"  # a space between two blocks of one table cell
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v\x01\x02]+")
_CJK_BREAK = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\x01+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
# No-break and typographic spaces, made plain spaces: one regex pass a line (str.translate with a dict
# of them, a lookup a character, cost a fifth of the HTML stage).
_WIDE_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")
_HEADER_REACH = 30  # lines above the body within which the header block must end
_HEADER_GAP = 8  # lines allowed between two label rows of one header block
_TITLE_REACH = 12  # lines above the body searched for an article heading

# Dropped from the tree after the meta tags and script values were read.
_STRIP_TAGS = ("script", "style", "noscript", "template", "xml", "svg", "object", "iframe", "canvas")


# --- text of a subtree ------------------------------------------------------------------------


@dataclass
class _Line:
    text: str
    element: etree._Element


@dataclass
class _Walker:
    """Text of a subtree as lines: blocks end a line, inline elements do not, cells are joined by tabs.

    In a flat table cell (a row of several cells, no nested table) inner blocks become spaces, so a
    table row stays one line. With `rows=True` (the header) li/dd/dt/p/tr rows are flattened with tabs.
    """

    rows: bool = False
    skip: etree._Element | None = None
    lines: list[_Line] = field(default_factory=list)
    marker: int | None = None
    _buf: list[str] = field(default_factory=list)
    _owner: etree._Element | None = None
    _flat: int = 0

    def flush(self) -> None:
        if not self._buf:
            return
        raw = _WIDE_SPACE.sub(" ", "".join(self._buf))
        self._buf = []
        if "{{" in raw or "&" in raw:  # unrendered placeholders, entities escaped twice
            raw = _LITERAL_ENTITY.sub(" ", _PLACEHOLDER.sub("", raw))
        raw = _SPACE_RUN.sub(_space_of_run, raw)
        if not self.rows:  # in the header a line break separates fields (来源：… 字体大小：…)
            raw = _CJK_BREAK.sub("", raw)
        line = raw.replace(_BREAK, " ").strip(" \t")
        if line and self._owner is not None:
            self.lines.append(_Line(line, self._owner))
        self._owner = None

    def add(self, text: str | None, owner: etree._Element) -> None:
        if not text:
            return
        if self._owner is None:
            if not text.strip():
                return
            self._owner = owner
        self._buf.append(text)  # wide spaces become spaces in flush, once a line

    def walk(self, element: etree._Element, owner: etree._Element) -> None:
        tag = element.tag
        if not isinstance(tag, str):  # comment or processing instruction
            self.add(element.tail, owner)
            return
        tag = tag.lower()
        if tag in _SKIP_TAGS or _hidden(element) or (":" in tag and tag != "o:p"):
            # (w:WordDocument, o:DocumentProperties …: Word settings pasted without their comment)
            self.add(element.tail, owner)
            return
        if element is self.skip:
            self.flush()
            self.marker = len(self.lines)
            self.add(element.tail, owner)
            return
        block = tag in _BLOCK_TAGS
        cell = tag in _CELL_TAGS
        if self._flat:
            sep = "\t" if (self.rows or cell) else _SEP
            if block or cell:
                self._buf.append(sep)
            self._children(element, owner)
            if block or cell:
                self._buf.append(sep)
        elif self._is_flat(tag, element):
            if block:
                self.flush()
            self._flat += 1
            self._children(element, element if block else owner)
            self._flat -= 1
            if block:
                self.flush()
            else:
                self._buf.append("\t")
        elif block or cell:
            self.flush()
            self._children(element, element)
            self.flush()
        else:
            self._children(element, owner)
        self.add(element.tail, owner)

    def _children(self, element: etree._Element, owner: etree._Element) -> None:
        self.add(element.text, owner)
        for child in element:
            self.walk(child, owner)

    def _is_flat(self, tag: str, element: etree._Element) -> bool:
        if self.rows and tag in _ROW_TAGS:
            return next(element.iterdescendants(*_NESTED_ROWS), None) is None
        if tag in _CELL_TAGS:
            row = element.getparent()  # a row of one cell is page layout, not data
            return row is not None and len(row) >= 2 and next(element.iterdescendants("table"), None) is None
        return False


def _space_of_run(match: re.Match[str]) -> str:
    """A run of white space: a tab when it separates cells, a space, or a source line break."""
    run = match.group()
    if "\t" in run:
        return "\t"
    if _SEP in run:
        return " "
    return _BREAK if ("\n" in run or "\r" in run) else " "


def _hidden(element: etree._Element) -> bool:
    """An element the page does not show: style display:none, a hiding class, the hidden attribute.

    <body> and <html> are never taken as hidden: pages hide them until a script has run.
    """
    if element.tag in ("body", "html"):
        return False
    style = element.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = element.get("class")
    if classes and not _HIDDEN_CLASSES.isdisjoint(classes.split()):
        return True
    return element.get("hidden") is not None


def _lines(element: etree._Element, *, rows: bool = False, skip: etree._Element | None = None) -> _Walker:
    walker = _Walker(rows=rows, skip=skip)
    walker.walk(element, element)
    walker.flush()
    return walker


# --- the page -------------------------------------------------------------------------------


def read_html_page(text: str) -> PageParts:
    """An HTML page into its parts: metadata, title, clean body, signature, attachments, tables."""
    root, limit = _parse(text)
    if root is None or limit:
        # libxml2 stops at 256 levels of nesting and drops the rest: read the text between the tags
        parts = read_text_page(_text_between_tags(text))
        reason = limit or "markup lxml cannot parse"
        parts.warnings.insert(0, f"the HTML has {reason}; its text was read without the page structure")
        if not parts.body and parts.title:  # a single line of text is the body, not only a title
            parts.body = parts.title
        return parts
    warnings: list[str] = []
    metas = _meta_tags(root)
    status = _file_status(root)
    etree.strip_elements(root, *_STRIP_TAGS, with_tail=False)
    container = _body_container(root)
    if container is None:
        container = _densest(root)
        warnings.append("no known body container; the body was chosen by text density")
    header = _lines(root, rows=True, skip=container)
    before = header.lines[: header.marker] if header.marker is not None else []
    body_lines = [line.text for line in _lines(container).lines]
    body_lines = _clean_lines(body_lines)

    pairs = _header_pairs(before)
    top, body_lines = _header_in_body(body_lines)
    pairs += top
    if status:
        pairs = [(label, value) for label, value in pairs if normalize_label(label) != "文件状态"]
        pairs.append(("文件状态", status))
    metadata, label_title, more = metadata_from_pairs(pairs, metas)
    warnings += more
    metadata = _with_meta_extras(_with_meta_time(metadata, metas), metas)

    title = _choose_title(label_title, metas, root, before, body_lines)
    metadata = doc_no_from_title(metadata, title)  # …公开表(金罚决字〔2024〕36号) with no 文号 label
    body_lines = _drop_title_lines(body_lines, title)
    metadata = _doc_no_from_body(metadata, body_lines)
    tables = _tables(container, warnings)
    return build_page(body_lines, title=title, metadata=metadata, warnings=warnings, tables=tables, rejoin=False)


def _parse(text: str) -> tuple[etree._Element | None, str | None]:
    """The document tree, and which libxml2 limit the page hit (the text beyond it is lost), if any.

    The text is handed over as UTF-8 so that a charset declared in the page cannot mislead libxml2.
    """
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    except (etree.XMLSyntaxError, etree.ParserError, ValueError):
        root = None
    limit = None
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":
            deep = "depth" in error.message.lower()
            limit = "tags nested deeper than 256 levels" if deep else f"a parser limit ({error.message.strip()})"
    return cast("etree._Element | None", root), limit


class _TagText(HTMLParser):
    """The stdlib tokenizer (no depth limit): text outside scripts and styles, blocks on new lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS or tag in _CELL_TAGS:
            self.parts.append("\n" if tag not in _CELL_TAGS else " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _text_between_tags(text: str) -> str:
    reader = _TagText()
    reader.feed(text)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))  # wide spaces split too
    return "\n".join(line for line in lines if line)


def _meta_tags(root: etree._Element) -> dict[str, str]:
    """<meta name=… content=…> pairs by lower-cased name, the first of duplicated names winning."""
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or "").strip().lower()
        content = meta.get("content")
        if name and content and content.strip() and name not in metas:
            metas[name] = content.strip()
    return metas


def _file_status(root: etree._Element) -> str | None:
    """文件状态 of the gfxwj template, which only a script variable holds."""
    for script in root.iter("script"):
        if script.text and "file_status" in script.text:
            match = _FILE_STATUS.search(script.text)
            if match:
                return match.group(1).strip()
    return None


# --- the body container -----------------------------------------------------------------------


def _body_container(root: etree._Element) -> etree._Element | None:
    """The known CMS container holding the article (the richest one; an inner one holding nearly all of it)."""
    ranks: dict[tuple[str, str], int] = {key: i for i, key in enumerate(BODY_CONTAINERS)}
    ids = {value for kind, value in BODY_CONTAINERS if kind == "id"}
    classes = {value for kind, value in BODY_CONTAINERS if kind == "class"}
    prefixes = tuple(value for kind, value in BODY_CONTAINERS if kind == "class^")
    tags = {value for kind, value in BODY_CONTAINERS if kind == "tag"}
    found: list[tuple[int, etree._Element]] = []
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        rank = None
        if tag.lower() in tags:
            rank = ranks[("tag", tag.lower())]
        elif element.get("id") in ids:
            rank = ranks[("id", element.get("id") or "")]
        else:
            tokens = (element.get("class") or "").split()
            for token in tokens:
                if token in classes:
                    rank = ranks[("class", token)]
                    break
                if token.startswith(prefixes):
                    rank = ranks[("class^", next(p for p in prefixes if token.startswith(p)))]
                    break
        if rank is not None and not _hidden_in_page(element):
            found.append((rank, element))
    sized = [(rank, element, _cjk_count(element)) for rank, element in found]
    sized = [item for item in sized if item[2] >= 20]
    if not sized:
        return None
    best_size = max(size for _, _, size in sized)
    # the most specific container holding a fair share of the text (a wrapper such as #content
    # ranks last), then the innermost container inside it that still holds nearly all of its text
    _, chosen, size = min((item for item in sized if item[2] >= 0.25 * best_size), key=lambda item: item[0])
    inner = [element for _, element, n in sized if n >= 0.8 * size and _inside(element, chosen)]
    return max(inner, key=_depth, default=chosen)


def _inside(element: etree._Element, ancestor: etree._Element) -> bool:
    return any(node is ancestor for node in element.iterancestors())


def _hidden_in_page(element: etree._Element) -> bool:
    node: etree._Element | None = element
    while node is not None:
        if isinstance(node.tag, str) and (node.tag.lower() in _SKIP_TAGS or _hidden(node)):
            return True
        node = node.getparent()
    return False


def _depth(element: etree._Element) -> int:
    return sum(1 for _ in element.iterancestors())


def _cjk_count(element: etree._Element) -> int:
    return sum(len(_CJK.findall(text)) for text in element.itertext() if isinstance(text, str))


def _densest(root: etree._Element) -> etree._Element:
    """Fallback: the element whose paragraphs hold the most Chinese punctuation outside links."""
    scores: dict[etree._Element, int] = {}
    body = root.find("body")
    start = body if body is not None else root
    best, best_score = start, 0
    for element in start.iter():
        if not isinstance(element.tag, str) or element.tag.lower() in _SKIP_TAGS:
            continue
        texts = [element.text or ""] + [child.tail or "" for child in element]
        count = sum(1 for text in texts for ch in text if ch in _ZH_PUNCT)
        if not count or element.tag.lower() == "a" or any(a.tag == "a" for a in element.iterancestors()):
            continue
        block = element
        while block.tag.lower() not in _BLOCK_TAGS and block.tag.lower() not in _CELL_TAGS:
            parent = block.getparent()
            if parent is None:
                break
            block = parent
        parent = block.getparent()
        for holder in (block, parent):
            if holder is None:
                continue
            scores[holder] = scores.get(holder, 0) + count
            if scores[holder] >= best_score:
                best, best_score = holder, scores[holder]
    return best


# --- header ---------------------------------------------------------------------------------


def _header_pairs(lines: Sequence[_Line]) -> list[tuple[str, str]]:
    """Label/value pairs of the header block: the run of label rows that ends just above the body.

    The block is found by its known labels; within it, rows with other labels are read too, and
    those labels are kept in `extra`.
    """
    rows: list[int] = []  # rows with a known label, nearest the body first
    for i in range(len(lines) - 1, max(-1, len(lines) - 200), -1):
        if not any(label_key(label) for label, _ in _row_pairs(lines[i].text)):
            continue
        last = rows[-1] if rows else len(lines)
        if (not rows and last - i > _HEADER_REACH) or (rows and last - i > _HEADER_GAP):
            break
        rows.append(i)
    pairs: list[tuple[str, str]] = []
    i = rows[-1] if rows else len(lines)
    while rows and i <= rows[0]:
        found = _row_pairs(lines[i].text)
        step = 1
        if len(found) == 1 and not found[0][1].strip() and i + 1 < len(lines):
            value = _sibling_value(lines[i], lines[i + 1])
            if value:
                found, step = [(found[0][0], value)], 2
        pairs += found
        i += step
    return pairs


def _known_pairs(text: str) -> list[tuple[str, str]]:
    """Pairs with labels of the known list (LABELS, EXTRA_LABELS), page furniture left out."""
    found = text_header_pairs([_FURNITURE_TAIL.sub("", text)]) if len(text) <= 300 else []
    return [(label, value) for _, label, value in found if not _furniture(label)]


def _row_pairs(text: str) -> list[tuple[str, str]]:
    """Pairs of one header row: label/value cells, `label：value` runs, or a lone label."""
    text = _FURNITURE_TAIL.sub("", text)
    if len(text) > 300 or is_boilerplate(text):
        return []
    if "\t" in text:
        return _cell_pairs(text.split("\t"))
    found = _known_pairs(text)
    if found:
        return found
    match = _INLINE_PAIR.match(text) or _LABEL_CELL.match(text)
    if match is None or _furniture(match["l"]):
        return []
    return [(match["l"], match.groupdict().get("v") or "")]


def _cell_pairs(cells: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs from the cells of a row: a label cell takes the cells up to the next label as its value."""
    pairs: list[tuple[str, str]] = []
    label: str | None = None
    values: list[str] = []
    for cell in (c.strip() for c in cells):
        if not cell:
            continue
        lone = _LABEL_CELL.match(cell)
        inline = [] if lone else _known_pairs(cell)
        if lone or inline:
            if label is not None:
                pairs.append((label, " ".join(values)))
            label, values = (lone["l"], []) if lone else (None, [])
            if inline:
                pairs += inline[:-1]
                label, value = inline[-1]
                values = [value] if value.strip() else []
        elif label is not None:
            values.append(cell)
    if label is not None:
        pairs.append((label, " ".join(values)))
    return [(label, value) for label, value in pairs if not _furniture(label)]


def _furniture(label: str) -> bool:
    return normalize_label(label) in _FURNITURE_LABELS


def _sibling_value(label: _Line, following: _Line) -> str | None:
    """The value of a lone label from the next element when it is the label's sibling (dt/dd, div/div)."""
    if following.element.getprevious() is label.element and not text_header_pairs([following.text]):
        return following.text
    return None


def _header_in_body(lines: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Label rows (来源/发布日期 …) at the very top of the body container belong to the header.

    Only one run of them, after at most two title lines; a lone 时间/日期 is left to the text (a
    meeting notice writes 时间：… in its first lines).
    """
    pairs: list[tuple[str, str]] = []
    drop: set[int] = set()
    for i, line in enumerate(lines[:8]):
        found = _row_pairs(line) if len(line) <= 150 else []
        labels = {normalize_label(label) for label, _ in found if label_key(label)}
        if labels and not labels <= _GENERIC_DATE_LABELS:
            pairs += found
            drop.add(i)
        elif drop or i >= 2:
            break
    return pairs, [line for i, line in enumerate(lines) if i not in drop]


def _doc_no_from_body(metadata: Metadata, lines: Sequence[str]) -> Metadata:
    """The 发文字号 printed alone at the top of the body when the header has none (its 文号 cell is empty)."""
    if metadata.doc_no or not lines or not _DOC_NO_LINE.fullmatch(lines[0].strip()):
        return metadata
    doc_no = lines[0].strip()
    return metadata.model_copy(update={"doc_no": doc_no, "doc_no_parts": parse_doc_no(doc_no)})


def _with_meta_time(metadata: Metadata, metas: dict[str, str]) -> Metadata:
    """The time of day of PubDate when the header gave the same publication date without one."""
    raw = metas.get("pubdate") or metas.get("firstpubdate")
    if not raw or metadata.publish_time or not metadata.publish_date:
        return metadata
    meta_only, _, _ = metadata_from_pairs([], {"pubdate": raw})
    if meta_only.publish_date == metadata.publish_date and meta_only.publish_time:
        return metadata.model_copy(update={"publish_time": meta_only.publish_time})
    return metadata


# Meta tags of the 政府网站 规范 kept in `extra` under their own names.
_META_EXTRAS = ("SiteName", "ColumnName")


def _with_meta_extras(metadata: Metadata, metas: dict[str, str]) -> Metadata:
    extra = dict(metadata.extra)
    for name in _META_EXTRAS:
        value = metas.get(name.lower())
        if value and name not in extra:
            extra[name] = value
    return metadata.model_copy(update={"extra": extra}) if extra != metadata.extra else metadata


# --- title ----------------------------------------------------------------------------------


def _choose_title(
    label_title: str | None,
    metas: dict[str, str],
    root: etree._Element,
    before: Sequence[_Line],
    body: Sequence[str],
) -> str | None:
    """The most specific title: a 标题/名称 label, ArticleTitle, <ucaptitle>, the article heading, <title>."""
    candidates: list[str | None] = [label_title, metas.get("articletitle")]
    ucap = root.find(".//ucaptitle")
    if ucap is not None:
        candidates.append(_text_of(ucap))
    candidates.append(_article_heading(before))
    title_element = root.find(".//title")
    if title_element is not None:  # its text only (never walked: a <title> is no page text)
        candidates.append("".join(text for text in title_element.itertext() if isinstance(text, str)))
    site = clean_title(metas.get("sitename"))
    for candidate in candidates:
        title = clean_title(candidate)
        # not the site's name alone, nor the markup an unclosed <title> swallowed
        if title and _CJK.search(title) and title != site and not ("<" in title and ">" in title):
            return title
    return _first_title_line(body)


def _text_of(element: etree._Element) -> str:
    return " ".join(line.text for line in _lines(element).lines)


def _article_heading(lines: Sequence[_Line]) -> str | None:
    """An h1–h3 (or *title* element) just above the body, the article's own heading."""
    for line in lines[-_TITLE_REACH:]:
        element = line.element
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        classes = (element.get("class") or "").lower()
        if (tag in _HEADING_TAGS or "title" in classes) and "print" not in classes and _title_like(line.text):
            return line.text
    return None


def _first_title_line(lines: Sequence[str]) -> str | None:
    """A body-only fragment: its first title-like line."""
    for line in lines[:3]:
        if _title_like(line):
            return clean_title(line)
    return None


def _title_like(line: str) -> bool:
    line = line.strip()
    if not 4 <= len(line) <= 80 or is_boilerplate(line) or line[-1] in "。；：:;，,":
        return False
    return len(_CJK.findall(line)) >= 4 and not text_header_pairs([line])


def _drop_title_lines(lines: list[str], title: str | None) -> list[str]:
    """The title repeated at the top of the body, also after the 文号 line or with a footnote mark."""
    if not title:
        return lines
    want = re.sub(r"\s+", "", title)
    for start in range(min(2, len(lines))):
        joined = ""
        for end in range(start, min(start + 3, len(lines))):
            joined += re.sub(r"\s+", "", lines[end])
            bare = re.sub(r"\[\d{1,2}\]$", "", joined)
            if bare == want:
                return lines[:start] + lines[end + 1 :]
            if not want.startswith(bare):
                break
    return lines


# --- body -----------------------------------------------------------------------------------


def _clean_lines(lines: Iterable[str]) -> list[str]:
    """Body lines without the links to related pages (相关解读：《…》) some CMSs put inside the article."""
    return [line for line in lines if not _RELATED_LINE.match(line)]


def _tables(container: etree._Element, warnings: list[str]) -> list[Table]:
    """The body's data tables, from the tables module when it offers `tables_from_html`.

    That reader works on lxml.html elements, so the container is handed over re-parsed as one (only
    when it holds a table). Tables are a by-product of the page: a failure there becomes a warning.
    """
    if next(container.iter("table"), None) is None:
        return []
    try:
        module = importlib.import_module(".tables", __package__)
        reader = cast("Callable[[etree._Element], list[Table]] | None", getattr(module, "tables_from_html", None))
        if reader is None:
            return []
        return reader(lxml.html.fromstring(etree.tostring(container, encoding="unicode")))
    except Exception as exc:  # the rest of the page stands without its tables
        warnings.append(f"tables skipped: {type(exc).__name__}: {str(exc)[:200]}")
        return []
