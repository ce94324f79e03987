"""PDF pages through pdfplumber: text in reading order, running headers and page numbers dropped, paragraphs re-joined.

Pages are read one at a time and closed at once so memory stays bounded on long files. Tables are
found page by page (tables.py) and their rows put into the body in place of the scattered cell text.
A file with more pages than `Limits.max_pdf_pages` is read up to that page with a warning (not an
error): the first pages of a long report still hold its title, header and most of its figures.
"""

from __future__ import annotations

import contextlib
import io
import re
import statistics
import time
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import (
    DamagedPdfError,
    EncryptedPdfError,
    ExtractError,
    ExtractTimeoutError,
    NoTextLayerError,
    PdfError,
    PdfTooLargeError,
)
from .load import Limits
from .page import PageParts, build_page, clean_title, metadata_from_pairs, text_header_pairs

if TYPE_CHECKING:
    from .tables import PdfTable

# --- page furniture ---------------------------------------------------------------------------

# Page-number lines: 第 3 页 / 第3页 共85页 / 共85页 第3页 / - 3 - / — 3 — / 3/85 / Page 3 of 85.
_PAGE_NUMBER = re.compile(
    r"""^(?:第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,3}[,，/]?\s{0,3}共\s{0,2}\d{1,4}\s{0,2}页)?
        |共\s{0,2}\d{1,4}\s{0,2}页\s{0,3}[,，/]?\s{0,3}第\s{0,2}\d{1,4}\s{0,2}页
        |[-—–－─]{1,2}\s{0,2}\d{1,4}\s{0,2}[-—–－─]{1,2}
        |\d{1,4}\s{0,2}/\s{0,2}\d{1,4}
        |[Pp]age\s{1,2}\d{1,4}(?:\s{1,2}of\s{1,2}\d{1,4})?)$""",
    re.VERBOSE,
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
# A footnote marker left on a line of its own: 1, 12, [3], ①.
_FOOTNOTE_LINE = re.compile(r"^(?:\d{1,2}|\[\d{1,2}\]|[①-⑳])$")
_SENTENCE_END = "。！？；：…”’」』!?;:"
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十百]{1,4}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]\D"
    r"|第[一二三四五六七八九十百零〇\d]{1,5}[章节条编部分]|[①-⑳]|附件|附表|注[:：])"
)
# Titles that PDF writers put into the metadata by default, not the document's own title.
_GENERIC_TITLE = re.compile(
    r"^(?:untitled|无标题|document\d*|文档\d*|microsoft word\s*-.*|.*\.(?:docx?|xlsx?|wps|pdf|txt|html?)"
    r"|[\w\- ]{0,3}|\d[\d\-_ ]*)$",
    re.IGNORECASE,
)
# The 版头 of an official document (沙洋县人民政府文件) and its 发文字号 line: above the title, never it.
_MASTHEAD = re.compile(
    r"(?:文\s{0,3}件|[〔\[［【(（]\s{0,2}(?:19|20)\d{2}\s{0,2}[〕\]］】)）]\s{0,2}\d{1,5}\s{0,2}号)$"
)
_WORD_PREFIX = re.compile(r"^Microsoft (?:Word|Excel)\s*-\s*", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_HEADER_SCAN = 40  # lines of page 1 searched for 索引号-type header labels
_BLANK = "\u200b"  # what a dropped footnote marker's character becomes (removed from the line text)


@dataclass
class _Line:
    """One text line of a page (or one table row), with the geometry paragraph joining needs."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    table_row: bool = False
    key: tuple[int, int] | None = None  # (index of the page table, row) for a table row


@dataclass
class _PageText:
    """The lines of one page and its text-block extent."""

    number: int
    width: float
    height: float
    body_size: float = 10.0
    lines: list[_Line] = field(default_factory=list)


# --- entry point ------------------------------------------------------------------------------


def read_pdf_page(data: bytes, source: str | None, limits: Limits) -> PageParts:
    """A PDF into its parts: title, header metadata, body, signature, attachments, tables, warnings.

    Raises DamagedPdfError, EncryptedPdfError, NoTextLayerError or PdfTooLargeError (all PdfError).
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    warnings: list[str] = []
    check_stream_sizes(data, source, limits)
    if b"%%EOF" not in data[-2048:]:
        warnings.append("PDF has no %%EOF marker at its end: the file may be truncated")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPdfError("the PDF is encrypted (password-protected); cannot read it", source) from exc
    except ExtractError:
        raise  # the time limit
    except Exception as exc:
        raise _damaged(exc, source) from exc
    try:
        return _read(pdf, source, limits, warnings)
    finally:
        # closing walks the page tree again: on a damaged one that raises, and must not hide the real error
        with contextlib.suppress(Exception):
            pdf.close()


def _damaged(exc: BaseException, source: str | None) -> PdfError:
    """A clear error for a PDF the parser chokes on (a password error deep inside is still 'encrypted')."""
    inner: BaseException = exc
    while inner.args and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]  # pdfplumber wraps pdfminer's errors: PdfminerException(PDFPasswordIncorrect())
    name = type(inner).__name__
    exc = inner
    if "Password" in name or "Encrypt" in name:
        return EncryptedPdfError("the PDF is encrypted (password-protected); cannot read it", source)
    detail = str(exc).splitlines()[0][:120] if str(exc) else name
    return DamagedPdfError(f"the PDF is damaged or truncated; cannot read its structure ({detail})", source)


def _read(pdf: Any, source: str | None, limits: Limits, warnings: list[str]) -> PageParts:
    """The open PDF page by page (each closed at once), then furniture, title, paragraphs, header, body."""
    from .table_records import locate_tables
    from .tables import join_pdf_tables, pdf_page_tables

    try:
        pages = pdf.pages
        total = len(pages)
    except ExtractError:
        raise
    except Exception as exc:
        raise _damaged(exc, source) from exc
    if total == 0:
        raise DamagedPdfError("the PDF has no pages (damaged or truncated file)", source)
    if total > limits.max_pdf_pages:
        warnings.append(f"PDF has {total} pages; only the first {limits.max_pdf_pages} were read (max_pdf_pages)")
    texts: list[_PageText] = []
    found: list[PdfTable] = []
    failed: list[int] = []
    empty: list[int] = []
    started = time.monotonic()
    for index in range(min(total, limits.max_pdf_pages)):
        if limits.timeout is not None and time.monotonic() - started > limits.timeout:
            # checked here too: pdfminer swallows exceptions in places, the alarm's among them
            raise ExtractTimeoutError(f"processing took longer than the limit of {limits.timeout:g} s", source)
        page = pages[index]
        try:
            # bold faked by printing each character twice reads once (deduped only where it happens)
            view = page.dedupe_chars() if _overprinted(page.chars) else page
            on_page = pdf_page_tables(view, index + 1)
            text = _page_text(view, index + 1, on_page, len(found))
        except ExtractError:
            raise  # a PdfError, or the time limit: not a damaged page
        except Exception:
            failed.append(index + 1)
            continue
        finally:
            page.close()  # drop the page's parsed layout: memory stays bounded
        if not text.lines:
            empty.append(index + 1)
        texts.append(text)
        found.extend(on_page)
    if failed and not texts:
        raise DamagedPdfError("the PDF is damaged: no page could be read", source)
    if failed:
        warnings.append(f"page(s) {_ranges(failed)} could not be read (damaged content) and were skipped")
    if all(not t.lines for t in texts):
        raise NoTextLayerError("the PDF has no text layer: OCR would be needed to read it (scanned pages?)", source)
    if empty:
        warnings.append(f"page(s) {_ranges(empty)} have no text layer (scanned?): OCR would be needed")
    tables, repeats = join_pdf_tables(found)
    for text in texts:
        text.lines = [line for line in text.lines if line.key is None or line.key not in repeats]
    lines, dropped = _drop_furniture(texts)
    if dropped:
        warnings.append(f"{dropped} running header/footer or page-number line(s) dropped")
    lines, footnotes = _drop_footnote_lines(lines)
    if footnotes:
        warnings.append(f"{footnotes} footnote marker(s) on their own lines dropped")
    title, lines = _title(pdf, texts, lines)
    paragraphs = _unmapped_glyphs(_paragraphs(lines, texts), source, warnings)
    pairs = text_header_pairs(paragraphs[:_HEADER_SCAN])
    header_lines = {i for i, _, _ in pairs}
    metadata, label_title, more = metadata_from_pairs((label, value) for _, label, value in pairs)
    warnings += more
    title = title or clean_title(label_title)
    body_lines = [p for i, p in enumerate(paragraphs) if i not in header_lines]
    parts = build_page(body_lines, title=title, metadata=metadata, warnings=warnings)
    parts.tables = locate_tables(tables, parts.body)
    return parts


_CID = re.compile(r"\(cid:\d{1,6}\)")


def _unmapped_glyphs(paragraphs: list[str], source: str | None, warnings: list[str]) -> list[str]:
    """Glyphs of fonts without a Unicode map come out as (cid:4567): mostly such codes means no readable
    text (an error: OCR would be needed); a few are dropped with a warning."""
    text = "".join(paragraphs)
    codes = _CID.findall(text)
    if not codes:
        return paragraphs
    readable = len(_CID.sub("", text).strip())
    if readable < len(codes):
        raise NoTextLayerError(
            f"the PDF's fonts have no Unicode mapping ({len(codes)} glyphs read as (cid:…) codes): "
            "OCR would be needed to read it",
            source,
        )
    warnings.append(f"{len(codes)} glyph(s) of fonts without a Unicode mapping dropped")
    return [line for line in (_CID.sub("", p).strip() for p in paragraphs) if line]


def _ranges(numbers: Sequence[int]) -> str:
    """Page numbers as short ranges: 1-3, 7."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], -1]:
        if n == prev + 1:
            prev = n
            continue
        parts.append(f"{start}-{prev}" if prev > start else str(start))
        start = prev = n
    return ", ".join(parts)


# --- decompression bound ----------------------------------------------------------------------

_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 16


def check_stream_sizes(data: bytes, source: str | None, limits: Limits) -> None:
    """Raise PdfTooLargeError when the Flate streams of a PDF inflate past `limits.max_pdf_stream_bytes`.

    Every `stream` keyword of the file is tried as zlib data and inflated in small chunks that are
    counted and thrown away, so a compression bomb is stopped before the PDF parser inflates it whole.
    Image streams are skipped: text extraction never decodes them.
    """
    budget = limits.max_pdf_stream_bytes
    total = 0
    pos = 0
    while True:
        match = _STREAM.search(data, pos)
        if match is None:
            return
        start = match.end()
        head = data[max(0, match.start() - 600) : match.start()]
        head = head[head.rfind(b"obj") + 1 :]
        if b"/Image" in head or b"/FlateDecode" not in head:
            pos = start
            continue
        inflated, used = _inflated_size(data, start, budget - total + 1)
        total += inflated
        if total > budget:
            raise PdfTooLargeError(
                f"the PDF's compressed streams inflate to more than the limit of {budget} bytes"
                " (max_pdf_stream_bytes; a decompression bomb?)",
                source,
            )
        pos = start + max(used, 1)


def _inflated_size(data: bytes, start: int, cap: int) -> tuple[int, int]:
    """Inflated size of the zlib stream at `start` (stopping past `cap`) and the compressed bytes used."""
    inflater = zlib.decompressobj()
    size = 0
    pos = start
    pending = b""
    try:
        while size <= cap:
            if not pending:
                if pos >= len(data):
                    break
                pending = data[pos : pos + _CHUNK]
                pos += len(pending)
            before = len(pending)
            size += len(inflater.decompress(pending, _CHUNK))
            if inflater.eof:
                return size, pos - start - len(inflater.unused_data)
            pending = inflater.unconsumed_tail
            if len(pending) == before and before:
                break  # no progress: not a stream we can read
    except zlib.error:
        pass
    return size, pos - start


# --- lines of a page --------------------------------------------------------------------------


def _page_text(page: Any, number: int, tables: Sequence[PdfTable], first: int) -> _PageText:
    """The text lines of a page outside its tables, plus one line per table row at the table's place.

    `first` is the index the page's first table has among all the document's tables.
    """
    from .tables import row_cells

    boxes = [t.bbox for t in tables]
    chars = [c for c in page.chars if c.get("upright", True)]
    body_size = _body_size(chars)
    for char, beside in _superscripts(chars, body_size):
        # blanked and moved onto its neighbour's baseline, not removed: no gap (so no space) is left
        char["text"] = _BLANK
        for key in ("top", "bottom", "doctop", "y0", "y1"):
            if key in beside:
                char[key] = beside[key]

    def keep(obj: dict[str, Any]) -> bool:
        """Everything but the characters inside a table (its rows are added as lines of their own)."""
        if obj.get("object_type") != "char":
            return True
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)

    filtered = page.filter(keep) if boxes else page
    result = _PageText(number, float(page.width), float(page.height), body_size)
    for raw in filtered.extract_text_lines(strip=True, return_chars=True):
        text = raw["text"].replace(_BLANK, "").strip()
        if not text:
            continue
        sizes = [c["size"] for c in raw["chars"] if c["text"].strip()]
        size = statistics.median(sizes) if sizes else body_size
        result.lines.append(_Line(text, raw["x0"], raw["x1"], raw["top"], raw["bottom"], size, number))
    for t, found in enumerate(tables):
        box = found.bbox
        rows = found.own_rows
        step = (box[3] - box[1]) / max(1, len(rows))
        for k, row in enumerate(rows):
            text = " ".join(row_cells(row))
            if text:
                top = box[1] + k * step
                line = _Line(text, box[0], box[2], top, top + step, body_size, number, True, (first + t, k))
                result.lines.append(line)
    result.lines.sort(key=lambda line: (round(line.top, 1), line.x0))
    return result


def _overprinted(chars: Sequence[dict[str, Any]]) -> bool:
    """True when some character is printed again (almost) on top of itself: a linear check."""
    seen: set[tuple[str, int, int]] = set()
    for char in chars:
        text = char.get("text", "")
        if not text.strip():
            continue
        x, y = round(float(char["x0"])), round(float(char["top"]))
        if any((text, x + dx, y + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            return True
        seen.add((text, x, y))
    return False


def _body_size(chars: Sequence[dict[str, Any]]) -> float:
    """The most common font size on the page (the body text's)."""
    counts = Counter(round(float(c.get("size", 0.0)), 1) for c in chars if c.get("text", "").strip())
    return counts.most_common(1)[0][0] if counts else 10.0


def _superscripts(chars: Sequence[dict[str, Any]], body_size: float) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Footnote markers, each with the normal-size character beside it: one or two small raised digits."""
    drop: list[tuple[dict[str, Any], dict[str, Any]]] = []
    i = 0
    n = len(chars)
    while i < n:
        if not _small_digit(chars[i], body_size):
            i += 1
            continue
        j = i
        while j < n and _small_digit(chars[j], body_size):
            j += 1
        if j - i <= 2:
            before = chars[i - 1] if i > 0 else None
            after = chars[j] if j < n else None
            beside = [c for c in (before, after) if c is not None and float(c["size"]) >= 0.9 * body_size]
            if beside and any(chars[i]["bottom"] < c["bottom"] - 0.2 * body_size for c in beside):
                drop.extend((chars[k], beside[0]) for k in range(i, j))
        i = j
    return drop


def _small_digit(char: dict[str, Any], body_size: float) -> bool:
    """A digit in a font well below the page's body size."""
    return bool(char["text"].isdigit()) and float(char["size"]) < 0.8 * body_size


# --- headers, footers, page numbers -----------------------------------------------------------

_ZONE = 2  # lines at the top and at the bottom of a page that may be running headers or footers


def _drop_furniture(pages: Sequence[_PageText]) -> tuple[list[_Line], int]:
    """All lines in order without running headers/footers (repeated on most pages) and page numbers."""
    keys: Counter[str] = Counter()
    for page in pages:
        zone = {_furniture_key(line.text) for line in _zone(page)}
        keys.update(zone)
    need = max(2, (len(pages) + 1) // 2)
    out: list[_Line] = []
    dropped = 0
    for page in pages:
        zone_ids = {id(line) for line in _zone(page)}
        for line in page.lines:
            if id(line) in zone_ids and not line.table_row and _is_furniture(line, page, keys, need, len(pages)):
                dropped += 1
                continue
            out.append(line)
    return out, dropped


def _zone(page: _PageText) -> list[_Line]:
    """The text lines where running headers and footers sit: the first and last two of the page."""
    text_lines = [line for line in page.lines if not line.table_row]
    return text_lines[:_ZONE] + text_lines[-_ZONE:] if len(text_lines) > 2 * _ZONE else text_lines


def _furniture_key(text: str) -> str:
    """A line with its digits and spaces folded, so `第 3 页` on every page is one key."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _is_furniture(line: _Line, page: _PageText, keys: Counter[str], need: int, pages: int) -> bool:
    """A page number, a small line at the page's very edge, or a line repeated at the edge of most pages."""
    text = line.text.strip()
    if _PAGE_NUMBER.match(text):
        return True
    margin = line.top < 0.1 * page.height or line.bottom > 0.9 * page.height
    if _BARE_NUMBER.match(text) and margin:
        return True
    edge = line.top < 0.06 * page.height or line.bottom > 0.94 * page.height
    if edge and line.size < 0.9 * page.body_size and len(text) <= 30:
        return True  # a small running header or footer, even on a one-page file
    return pages >= 2 and keys[_furniture_key(text)] >= need and len(text) <= 60


def _drop_footnote_lines(lines: list[_Line]) -> tuple[list[_Line], int]:
    """Drop a footnote marker left on its own line inside a sentence: `常住人口\\n1\\n1761.48 万人`."""
    out: list[_Line] = []
    dropped = 0
    for i, line in enumerate(lines):
        if (
            not line.table_row
            and _FOOTNOTE_LINE.match(line.text)
            and out
            and i + 1 < len(lines)
            and out[-1].text[-1] not in _SENTENCE_END
            and (line.size < 0.9 * out[-1].size or lines[i + 1].text[:1].isdigit() or lines[i + 1].text[:1].isalpha())
        ):
            dropped += 1
            continue
        out.append(line)
    return out, dropped


# --- title ------------------------------------------------------------------------------------


def _title(pdf: Any, pages: Sequence[_PageText], lines: list[_Line]) -> tuple[str | None, list[_Line]]:
    """The PDF's metadata Title when meaningful, else the large-font or centred first line(s) of page 1.

    The title lines found on page 1 are taken out of the body lines.
    """
    meta_title = _meta_title(pdf)
    first = [line for line in lines if line.page == pages[0].number and not line.table_row][:10]
    first = [line for line in first if not _MASTHEAD.search(line.text)]
    if not first:
        return meta_title, lines
    body_size = statistics.median(line.size for line in lines if not line.table_row) if lines else first[0].size
    width = pages[0].width
    pick: list[_Line] = []
    if any(line.size >= 1.15 * body_size for line in first):
        first = first[next(i for i, line in enumerate(first) if line.size >= 1.15 * body_size) :]
    for line in first:
        big = line.size >= 1.15 * body_size
        centred = abs((line.x0 + line.x1) / 2 - width / 2) < 0.06 * width and (line.x1 - line.x0) < 0.8 * width
        if pick:
            if big and abs(line.size - pick[-1].size) < 0.5 and line.top - pick[-1].bottom < 2 * line.size:
                pick.append(line)
                continue
            break
        if (big or (centred and not _HEADING_START.match(line.text))) and len(_CJK.findall(line.text)) >= 4:
            pick.append(line)
            if not big:
                break
    if meta_title:
        if pick and re.sub(r"\s+", "", "".join(p.text for p in pick)) == re.sub(r"\s+", "", meta_title):
            return meta_title, [line for line in lines if line not in pick]
        return meta_title, lines
    if not pick:
        return None, lines
    title = clean_title("".join(p.text for p in pick))
    chosen = {id(p) for p in pick}
    return title, [line for line in lines if id(line) not in chosen]


def _meta_title(pdf: Any) -> str | None:
    """The Info dictionary's Title, unless it is a default (file name, 'Microsoft Word - x.doc', untitled)."""
    try:
        raw = pdf.metadata.get("Title")
    except ExtractError:
        raise
    except Exception:
        return None
    if isinstance(raw, bytes):
        raw = raw.decode("utf-16" if raw[:2] in (b"\xfe\xff", b"\xff\xfe") else "latin-1", errors="replace")
    if not isinstance(raw, str):
        return None
    title = _WORD_PREFIX.sub("", raw.strip())
    title = re.sub(r"\.(?:docx?|xlsx?|wps|pdf)$", "", title, flags=re.IGNORECASE).strip()
    if not title or _GENERIC_TITLE.match(title) or "\ufffd" in title:
        return None
    if not _CJK.search(title) and len(title) < 8:
        return None
    return clean_title(title)


# --- paragraphs -------------------------------------------------------------------------------


def _paragraphs(lines: Sequence[_Line], pages: Sequence[_PageText]) -> list[str]:
    """Lines joined back into paragraphs: a line reaching the right margin continues on the next line.

    A line that ends a sentence at the margin continues only when the document indents its paragraphs
    (then an unindented next line is the same paragraph); a heading or indented line starts anew.
    """
    extents = {page.number: _extent([line for line in page.lines if not line.table_row]) for page in pages}
    indents = _uses_indent(lines, extents)
    out: list[str] = []
    prev: _Line | None = None
    for line in lines:
        if prev is not None and out and _joins(prev, line, extents, indents):
            sep = " " if _latin_letter(out[-1][-1:]) and _latin_letter(line.text[:1]) else ""
            out[-1] += sep + line.text
        else:
            out.append(line.text)
        prev = line
    return out


def _latin_letter(ch: str) -> bool:
    """Only Latin words get a space when a line is joined; Chinese text and split numbers do not."""
    return ch.isascii() and ch.isalpha()


def _extent(lines: Sequence[_Line]) -> tuple[float, float]:
    """Left and right edges of a page's text block (robust to a few short or odd lines)."""
    if not lines:
        return 0.0, 0.0
    lefts = sorted(line.x0 for line in lines)
    rights = sorted(line.x1 for line in lines)
    return lefts[len(lefts) // 10], rights[-1 - len(rights) // 10]


def _uses_indent(lines: Sequence[_Line], extents: dict[int, tuple[float, float]]) -> bool:
    """Whether the document indents its paragraphs (then an unindented line continues the one above)."""
    indented = sum(1 for line in lines if not line.table_row and line.x0 - extents[line.page][0] > 1.5 * line.size)
    return indented >= max(2, len(lines) // 20)


def _joins(prev: _Line, line: _Line, extents: dict[int, tuple[float, float]], indents: bool) -> bool:
    """`line` continues the paragraph of `prev`: `prev` reaches the right margin, `line` is not indented."""
    if prev.table_row or line.table_row or _HEADING_START.match(line.text):
        return False
    left, _ = extents[line.page]
    _, right = extents[prev.page]
    if prev.x1 < right - 1.5 * prev.size or line.x0 - left > 1.0 * line.size:
        return False
    if abs(prev.size - line.size) > 1.0:
        return False
    if prev.page == line.page and line.top - prev.bottom > 2.5 * line.size:
        return False
    return prev.text[-1] not in _SENTENCE_END or indents
