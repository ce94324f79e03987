"""Loading: read bytes, tell the format by content, decode text the way Chinese portals encode it.

Order of trust for the encoding: a byte-order mark, then a charset declared in the page's <head>,
then strict UTF-8, then GB18030 (a superset of gb2312/GBK that portals mislabel), then charset
detection as a last resort. GBK text that went through latin-1 (mojibake) is detected and repaired.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DecodeError, EmptyInputError, InputTooLargeError, ReadError, UnsupportedFormatError
from .models import Format


@dataclass(frozen=True)
class Limits:
    """Bounds on the work done for one input; every bound is a setting, not a constant."""

    max_bytes: int = 32 * 1024 * 1024
    max_pdf_pages: int = 500
    max_chars: int = 8 * 1024 * 1024
    # Bytes a PDF's streams may inflate to in total: a compression bomb stops here, not in swap.
    max_pdf_stream_bytes: int = 256 * 1024 * 1024
    # Seconds one input may take in `parse` (None: no limit); batches also bound each worker.
    timeout: float | None = None


DEFAULT_LIMITS = Limits()


@dataclass
class Loaded:
    """An input after loading: its format and either decoded text or (for PDF) raw bytes."""

    format: Format
    text: str = ""
    data: bytes = b""
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


# Magic numbers of formats that are not pages, so a .html that is really a zip says so.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office (OLE) document"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Charset labels that mean "some GB encoding": read them all as GB18030, their superset.
_GB_LABELS = {"gb2312", "gbk", "cp936", "gb18030", "x-gbk", "gb_2312-80", "euc-cn", "936", "ms936", "csgb2312"}

_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]{0,100}encoding=["']([A-Za-z0-9_\-]{2,20})""")
_HTML_START = re.compile(
    r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<table|<p[\s>]|<span|<ucap|<title|<\?xml)",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?(?:div|p|td|tr|table|span|br|a|li|ul|h[1-6]|font|strong|b)\b[^<>]{0,200}>", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN1_HIGH = re.compile(r"[\u00a1-\u00ff]")
# Characters the scrape garbles into near-lookalikes; fixed everywhere before any parsing.
_CHAR_FIXES = str.maketrans({"\u2015": "—", "\r": None, "\ufeff": None, "\u200b": None, "\u00a0": " "})


def read_path(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read a file's bytes, turning every OS failure into a ReadError that names the file."""
    p = Path(path)
    source = str(path)
    try:
        if p.is_dir():
            raise ReadError("is a directory, not a file", source)
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise InputTooLargeError(f"{size} bytes is over the limit of {limits.max_bytes} bytes", source)
        with p.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except ReadError:
        raise
    except InputTooLargeError:
        raise
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc.strerror or exc}", source) from exc
    except (RuntimeError, ValueError) as exc:  # symlink loops surface as RuntimeError on some Pythons
        raise ReadError(f"cannot read the file: {exc}", source) from exc
    if len(data) > limits.max_bytes:
        raise InputTooLargeError(f"over the limit of {limits.max_bytes} bytes", source)
    return data


def load(data: bytes | str, source: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Loaded:
    """Tell the format of an input by its content and decode it to text (PDF bytes are kept as they are)."""
    if isinstance(data, str):
        if len(data) > limits.max_chars:
            raise InputTooLargeError(f"{len(data)} characters is over the limit of {limits.max_chars}", source)
        text, warnings = _clean_text(data)
        if not text.strip():
            raise EmptyInputError("the input is empty (no text)", source)
        return Loaded(_sniff_text(text), text=text, encoding=None, warnings=warnings)
    if len(data) > limits.max_bytes:
        raise InputTooLargeError(f"{len(data)} bytes is over the limit of {limits.max_bytes} bytes", source)
    if not data.strip():
        raise EmptyInputError("the input is empty" if not data else "the input holds only white space", source)
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return Loaded("pdf", data=data)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise UnsupportedFormatError(f"the file is {what}, not a page (HTML, text or PDF)", source)
    text, encoding, warnings = decode(data, source)
    text, more = _clean_text(text)
    warnings += more
    if len(text) > limits.max_chars:
        raise InputTooLargeError(f"{len(text)} characters is over the limit of {limits.max_chars}", source)
    if not text.strip():
        raise EmptyInputError("the input holds no text", source)
    return Loaded(_sniff_text(text), text=text, encoding=encoding, warnings=warnings)


def decode(data: bytes, source: str | None = None) -> tuple[str, str, list[str]]:
    """Decode page bytes; returns (text, encoding used, warnings about mislabelled or repaired text)."""
    warnings: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc, warnings
            except UnicodeDecodeError:
                warnings.append(f"byte-order mark says {enc} but the bytes are not; decoded leniently")
                return data[len(bom) :].decode(enc, errors="replace"), enc, warnings
    if _looks_utf16(data):
        enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(enc), enc, ["UTF-16 without a byte-order mark"]
        except UnicodeDecodeError:
            pass
    declared = _declared_charset(data)
    tried: list[str] = []
    if declared:
        enc = "gb18030" if declared in _GB_LABELS else declared
        try:
            codecs.lookup(enc)
        except LookupError:
            warnings.append(f"unknown charset {declared!r} declared; ignored")
        else:
            tried.append(enc)
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                warnings.append(f"page is labelled {declared} but is not valid {declared}")
            else:
                if enc == "gb18030" and _valid_utf8_with_cjk(data):
                    warnings.append(f"page is labelled {declared} but is UTF-8; read as UTF-8")
                    return data.decode("utf-8"), "utf-8", warnings
                return _repair_mojibake(text, enc, warnings)
    for enc in ("utf-8", "gb18030"):
        if enc in tried:
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if declared and enc != declared:
            warnings.append(f"read as {enc}")
        return _repair_mojibake(text, enc, warnings)
    return _detect(data, source, warnings)


def _detect(data: bytes, source: str | None, warnings: list[str]) -> tuple[str, str, list[str]]:
    """Last resort: charset detection, then UTF-8 with replacement when the damage is small."""
    sample = data[:200_000]
    bad_utf8 = data.decode("utf-8", errors="replace").count("\ufffd")
    if bad_utf8 <= max(3, len(data) // 2000):
        warnings.append(f"{bad_utf8} invalid UTF-8 byte sequence(s) replaced (truncated or damaged text)")
        return data.decode("utf-8", errors="replace"), "utf-8", warnings
    bad_gb = data.decode("gb18030", errors="replace").count("\ufffd")
    if bad_gb <= max(3, len(data) // 2000):
        warnings.append(f"{bad_gb} invalid GB18030 byte sequence(s) replaced (truncated or damaged text)")
        return data.decode("gb18030", errors="replace"), "gb18030", warnings
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is not None and best.encoding:
        enc = "gb18030" if best.encoding.replace("_", "") in _GB_LABELS else best.encoding
        text = data.decode(enc, errors="replace")
        if _printable_share(text) > 0.9:
            warnings.append(f"encoding guessed as {enc}")
            return text, enc, warnings
    raise DecodeError("not text in UTF-8, GB18030 or any detectable encoding (binary data?)", source)


def _printable_share(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\t ")
    return good / len(sample)


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII-heavy text is NUL."""
    sample = data[:400]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its <head> (or an XML declaration), lower-cased."""
    match = _XML_ENCODING.match(data[:200])
    if match is None:
        end = data.find(b"</head>", 0, 65536)
        match = _META_CHARSET.search(data, 0, end if end > 0 else 65536)
    return match.group(1).decode("ascii").lower().replace("_", "-") if match else None


def _valid_utf8_with_cjk(data: bytes) -> bool:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return _CJK.search(text) is not None


def _repair_mojibake(text: str, enc: str, warnings: list[str]) -> tuple[str, str, list[str]]:
    """GBK or UTF-8 bytes once decoded as latin-1 and saved again show as runs of Ã, Õ, Î …: undo that."""
    sample = text[:50_000]
    high = len(_LATIN1_HIGH.findall(sample))
    if high < 20 or high < 3 * len(_CJK.findall(sample)):
        return text, enc, warnings
    for target in ("gb18030", "utf-8"):
        try:
            fixed = text.encode("latin-1").decode(target)
        except (UnicodeEncodeError, UnicodeDecodeError):
            try:
                fixed = text.encode("cp1252").decode(target)
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        if len(_CJK.findall(fixed[:50_000])) > high // 3:
            warnings.append(f"mojibake repaired: {target} text had been decoded as latin-1")
            return fixed, target, warnings
    warnings.append("text looks like mojibake (many latin-1 letters, few Chinese characters); not repaired")
    return text, enc, warnings


def _clean_text(text: str) -> tuple[str, list[str]]:
    """Normalise characters that the scrape garbles; NUL bytes are dropped with a warning."""
    warnings: list[str] = []
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        warnings.append(f"{count} NUL character(s) removed")
    if "<U+00A0>" in text:  # a no-break space written out as text by some scrapers
        text = text.replace("<U+00A0>", " ")
    return text.translate(_CHAR_FIXES), warnings


def _sniff_text(text: str) -> Format:
    """HTML or plain text, by content: a page that starts like markup or is dense with block tags."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    tags = len(_TAG.findall(head))
    return "html" if tags >= 5 else "text"
