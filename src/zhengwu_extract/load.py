"""Loading: read bytes, tell the format by content, decode text the way Chinese portals encode it.

Order of trust for the encoding: a byte-order mark, then a charset declared in the page's <head>,
then strict UTF-8, then GB18030 (a superset of gb2312/GBK that portals mislabel), then charset
detection as a last resort. Every doubt is a warning on the Document: a wrong label, UTF-16 without
a BOM, a truncated last character, UTF-8 and GBK lines mixed, Big5 passing as GBK, and GBK or UTF-8
text that went through latin-1 (mojibake), which is repaired. Files that are not pages (zip, OFD,
images, archives …) are refused by their magic number, and only regular files are read (a named
pipe would block a batch forever).
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field

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
    *((b"BZh%d1AY&SY" % level, "bzip2-compressed data") for level in range(1, 10)),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript file"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an audio or video file"),
    *((b"ID3" + bytes([version]), "an MP3 audio file") for version in (2, 3, 4)),
    (b"\x1aE\xdf\xa3", "a video file"),
)
# Zip-based formats, told by a member name: OFD (the Chinese fixed-layout format of official documents), Office.
_ZIP_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"OFD.xml", "an OFD document (convert it to PDF first)"),
    (b"word/", "a Word (.docx) document"),
    (b"xl/", "an Excel (.xlsx) workbook"),
    (b"ppt/", "a PowerPoint (.pptx) file"),
    (b"content.xml", "an OpenDocument (or WPS) file"),
)
# Magic numbers that sit after a few bytes: RIFF containers (WebP, WAV, AVI) and ISO media (MP4, HEIC).
_MAGIC_AT: tuple[tuple[int, bytes, str], ...] = (
    (8, b"WEBP", "a WebP image"),
    (8, b"AVI ", "a video file"),
    (8, b"WAVE", "an audio file"),
    (4, b"ftyp", "an MP4/HEIC media file"),
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

# Labels that valid UTF-8 overrides: GBK and latin-1 bytes of real text are almost never valid UTF-8.
_TRUSTS_UTF8_OVER = {"gb18030", "iso8859-1", "cp1252", "ascii", "gb2312", "gbk"}
# Codecs that are text encodings to Python but no page's real charset: they transform or escape.
_UNSAFE_CODECS = {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "undefined", "palmos"}

_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]{0,100}encoding=["']([A-Za-z0-9_\-]{2,20})""")
_HTML_START = re.compile(
    r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<table|<p[\s>]|<span|<ucap|<title|<\?xml)",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?(?:div|p|td|tr|table|span|br|a|li|ul|h[1-6]|font|strong|b)\b[^<>]{0,200}>", re.IGNORECASE)
_DOC_TAG = re.compile(r"<(?:html|head|body)\b[^<>]{0,300}>|</(?:html|head|body)\s*>", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Mojibake of GBK or UTF-8 is runs of latin-1/cp1252 letters (æ±Ÿæ´¥, ½­½ò); French or German accents stand alone.
_LATIN1 = "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122\ufffd]"
# Written as one class then `+` (the same runs as `{2,}`): the regex engine then scans for the class fast, 4× quicker.
_LATIN1_RUN = re.compile(_LATIN1 + _LATIN1 + "+")
# Characters the scrape garbles into near-lookalikes, fixed before any parsing; Unicode line and paragraph
# separators and NEL become \n (they are line breaks, and str.splitlines() would cut a JSON line at them).
_CHAR_FIXES = str.maketrans(
    {"\u2015": "—", "\ufeff": None, "\u200b": None, "\u00a0": " ", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
)
# str.translate with a dict is slow on Chinese text (a dict lookup a character): it runs only when one is there.
_CHAR_FIX_CHARS = tuple(chr(code) for code in _CHAR_FIXES)


def read_path(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read a file's bytes, turning every OS failure into a ReadError that names the file.

    The file is opened without blocking and must be a regular file, so a named pipe or a device
    in a batch folder is refused instead of hanging or streaming forever.
    """
    source = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError as exc:
        raise ReadError("is a directory, not a file", source) from exc
    except OSError as exc:
        raise ReadError(f"cannot read the file: {_os_reason(exc)}", source) from exc
    except (RuntimeError, ValueError) as exc:  # e.g. a NUL character in the path
        raise ReadError(f"cannot read the file: {exc}", source) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError("is a directory, not a file", source)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("is not a regular file (a pipe, socket or device)", source)
        if info.st_size > limits.max_bytes:
            raise InputTooLargeError(f"{info.st_size} bytes is over the limit of {limits.max_bytes} bytes", source)
        chunks: list[bytes] = []
        size = 0
        while size <= limits.max_bytes:
            chunk = os.read(fd, min(1 << 20, limits.max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ReadError(f"cannot read the file: {_os_reason(exc)}", source) from exc
    finally:
        os.close(fd)
    if size > limits.max_bytes:
        raise InputTooLargeError(f"over the limit of {limits.max_bytes} bytes", source)
    return b"".join(chunks)


def _os_reason(exc: OSError) -> str:
    """An OS error's reason in words, with a plainer phrase for a symbolic-link loop."""
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links (a link loop)"
    return (exc.strerror or str(exc)).lower()


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
            if magic == b"PK\x03\x04":
                what = next((kind for name, kind in _ZIP_KINDS if name in data[:1_000_000]), what)
            raise UnsupportedFormatError(f"the file is {what}, not a page (HTML, text or PDF)", source)
    for offset, magic, what in _MAGIC_AT:
        if data[offset : offset + len(magic)] == magic:
            raise UnsupportedFormatError(f"the file is {what}, not a page (HTML, text or PDF)", source)
    text, encoding, warnings = decode(data, source)
    text, more = _clean_text(text)
    warnings += more
    if len(text) > limits.max_chars:
        raise InputTooLargeError(f"{len(text)} characters is over the limit of {limits.max_chars}", source)
    if not text.strip():
        raise EmptyInputError("the input holds no text", source)
    if head[:1] in (b"{", b"[") and _is_json(text):
        warnings.append("the input is JSON data (an API response?), not a page; read as plain text")
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
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16, [f"{utf16.upper()} text without a byte-order mark"]
    declared = _declared_charset(data)
    label_failed = False
    if declared:
        label_enc = _codec_for_label(declared)
        if label_enc is None:
            warnings.append(f"unknown charset {declared!r} declared; ignored")
        elif label_enc.startswith(("utf-16", "utf-32")):
            # HTML's rule: a page without a byte-order mark that says it is UTF-16 is not.
            warnings.append(f"page is labelled {declared} but has no byte-order mark; label ignored")
        else:
            if label_enc in _TRUSTS_UTF8_OVER and not data.isascii() and _strict(data, "utf-8") is not None:
                # GBK or latin-1 bytes are almost never valid UTF-8: valid UTF-8 means the label is wrong.
                warnings.append(f"page is labelled {declared} but is UTF-8; read as UTF-8")
                return _repair_mojibake(data.decode("utf-8"), "utf-8", warnings)
            text = _strict(data, label_enc)
            if text is not None and label_enc == "gb18030":
                text, label_enc = _gb_or_big5(data, text, warnings)
            elif text is not None and _single_byte(label_enc) and not data.isascii():
                # Any byte is valid in an 8-bit charset (koi8-r, windows-1251 …): a GBK page so labelled
                # decodes without error, as gibberish. Everyday Chinese characters in GB18030 tell.
                chinese = _strict(data, "gb18030")
                if chinese is not None and _common_share(chinese[:20_000]) >= 0.3:
                    warnings.append(f"page is labelled {declared} but is GB18030; read as GB18030")
                    return _repair_mojibake(chinese, "gb18030", warnings)
            if text is not None:
                return _repair_mojibake(text, label_enc, warnings)
            label_failed = True
    text = _strict(data, "utf-8")
    enc = "utf-8"
    if text is None and any(_strict(data[:-cut], "utf-8") is not None for cut in (1, 2, 3)):
        warnings.append("1 invalid UTF-8 byte sequence(s) replaced (truncated text: the last character is cut)")
        text = data.decode("utf-8", errors="replace")
    if text is None:
        mixed = _decode_lines(data)
        if mixed is not None:
            text, gb_lines, bad_lines = mixed
            warnings.append(
                f"mixed encodings: {gb_lines} line(s) read as GB18030, the rest as UTF-8"
                + (f"; {bad_lines} damaged line(s) decoded with replacement characters" if bad_lines else "")
            )
            return text, "utf-8", warnings
    if text is None and _mostly_utf8(data):
        bad = data.decode("utf-8", errors="replace").count("\ufffd")
        warnings.append(f"{bad} invalid UTF-8 byte sequence(s) replaced (truncated or damaged text)")
        text = data.decode("utf-8", errors="replace")
    if text is None:
        text, enc = _strict(data, "gb18030"), "gb18030"
        if text is not None:
            text, enc = _gb_or_big5(data, text, warnings)
    if text is None:
        return _detect(data, source, warnings)
    if label_failed:
        warnings.append(f"page is labelled {declared} but is {enc.upper()}; read as {enc.upper()}")
    return _repair_mojibake(text, enc, warnings)


def _gb_or_big5(data: bytes, gb_text: str, warnings: list[str]) -> tuple[str, str]:
    """Big5 (Traditional Chinese) bytes also pass as GB18030, as gibberish of rare characters: tell them apart."""
    if _common_share(gb_text[:20_000]) >= 0.1:
        return gb_text, "gb18030"
    big5 = _strict(data, "big5")
    if big5 is None or _common_share(big5[:20_000]) < 0.3:
        return gb_text, "gb18030"
    warnings.append("read as Big5 (Traditional Chinese): as GB18030 the bytes make no sense")
    return big5, "big5"


def _single_byte(enc: str) -> bool:
    """An 8-bit charset (one character per byte), where any byte string decodes."""
    return enc != "utf-8" and len(b"\xb0\xa1".decode(enc, errors="replace")) == 2


def _is_json(text: str) -> bool:
    """Whether the text is one JSON value (an API response scraped instead of its page)."""
    import json

    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _strict(data: bytes, enc: str) -> str | None:
    """The bytes decoded strictly, or None when they are not valid in that encoding."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def _codec_for_label(label: str) -> str | None:
    """The Python codec for a declared charset, or None for an unknown or non-text one.

    Only text encodings are accepted: a page declaring `charset=zlib`, `rot13`, `unicode-escape` or
    `idna` must not choose how its bytes are transformed.
    """
    if label in _GB_LABELS:
        return "gb18030"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _UNSAFE_CODECS:
        return None
    return info.name


def _mostly_utf8(data: bytes) -> bool:
    """Invalid UTF-8, but only in a few places among many good multi-byte characters (truncated, damaged)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return bad <= 3 + len(data) // 5000 and good >= 20 * bad


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

    try:
        best = from_bytes(sample).best()
    except Exception:  # a detector failure is not the caller's problem: the bytes stay undecodable
        best = None
    if best is not None and best.encoding:
        enc = "gb18030" if best.encoding.replace("_", "") in _GB_LABELS else best.encoding
        text = data.decode(enc, errors="replace")
        if _printable_share(text) > 0.9:
            warnings.append(f"encoding guessed as {enc}")
            return text, enc, warnings
    raise DecodeError("not text in UTF-8, GB18030 or any detectable encoding (binary data?)", source)


def _decode_lines(data: bytes) -> tuple[str, int, int] | None:
    """A page pasted together from UTF-8 and GBK parts, decoded line by line; None unless nearly every line reads.

    Returns (text, lines read as GB18030, lines that read as neither).
    """
    lines = data.split(b"\n")
    out: list[str] = []
    gb_lines = bad_lines = utf8_lines = 0
    for line in lines:
        text = _strict(line, "utf-8")
        if text is not None:
            utf8_lines += _CJK.search(text) is not None
        else:
            text = _strict(line, "gb18030")
            if text is not None:
                gb_lines += _CJK.search(text) is not None
            else:
                text = line.decode("utf-8", errors="replace")
                bad_lines += 1
        out.append(text)
    if not gb_lines or not utf8_lines or bad_lines > len(lines) // 50:
        return None
    return "\n".join(out), gb_lines, bad_lines


def _printable_share(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\t ")
    return good / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 without a byte-order mark, else None.

    UTF-16 with some ASCII has NULs at every other byte. Chinese-only UTF-16 has none, but its bytes
    hold C0 control codes (U+4E00–9FFF code units with a low byte under 0x20, and 。 = 0x3002),
    which real UTF-8 or GBK text never does; decoded, it is then nearly all CJK.
    """
    sample = data[:4000]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if max(even.count(0), odd.count(0)) > 0.05 * len(even):
        enc = "utf-16-le" if odd.count(0) >= even.count(0) else "utf-16-be"
        return enc if _share_cjk_or_ascii(sample.decode(enc, errors="replace")) > 0.9 else None
    controls = len(sample.translate(None, _NOT_CONTROL))
    if controls < len(sample) // 100 + 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        if _share_cjk_or_ascii(sample.decode(enc, errors="replace"), cjk_only=True) > 0.8:
            return enc
    return None


# Every byte but the C0 control codes other than tab, line feed and carriage return (deleted to count those).
_NOT_CONTROL = bytes(byte for byte in range(256) if byte >= 0x20 or byte in (9, 10, 13))


def _share_cjk_or_ascii(text: str, cjk_only: bool = False) -> float:
    """Share of characters that are Chinese, CJK punctuation or (unless cjk_only) printable ASCII and white space."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        code = ord(ch)
        cjk = 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
        if cjk or ch in "\n\r\t " or (not cjk_only and 0x20 <= code < 0x7F):
            good += 1
    return good / len(text)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its <head> (or an XML declaration), lower-cased."""
    match = _XML_ENCODING.match(data[:200])
    if match is None:
        end = data.find(b"</head>", 0, 65536)
        end = end if end > 0 else 65536
        # a plain-text page has no tag: the case-insensitive scan for <meta is not run over it
        match = _META_CHARSET.search(data, 0, end) if data.find(b"<", 0, end) >= 0 else None
    return match.group(1).decode("ascii").lower().replace("_", "-") if match else None


def _repair_mojibake(text: str, enc: str, warnings: list[str]) -> tuple[str, str, list[str]]:
    """GBK or UTF-8 bytes once decoded as latin-1 or cp1252 and saved again show as runs of Ã, Õ, Î …: undo that.

    Both readings of the recovered bytes are scored by the share of everyday Chinese characters
    (UTF-8 read as GBK also gives Chinese characters, but rare ones). When the round trip lost bytes
    (cp1252 has five undefined bytes, often saved as '?'), the repair keeps replacement characters
    and the warning counts them.
    """
    sample = text[:50_000]
    high = sum(len(run) for run in _LATIN1_RUN.findall(sample))
    if high < 20 or high < 3 * len(_CJK.findall(sample)):
        return text, enc, warnings
    raw = _single_bytes(text)
    scored = []
    for target in ("utf-8", "gb18030"):
        fixed = _strict(raw, target)
        lost = 0
        if fixed is None:
            fixed = raw.decode(target, errors="replace")
            lost = fixed.count("\ufffd")
        scored.append((_common_share(fixed[:50_000]), -lost, target, fixed))
    share, minus_lost, target, fixed = max(scored)
    if share >= 0.25 and -minus_lost <= len(_CJK.findall(fixed)) // 2:
        damage = f"; {-minus_lost} character(s) lost" if minus_lost else ""
        warnings.append(f"mojibake repaired: {target} text had been decoded as latin-1{damage}")
        return fixed, target, warnings
    warnings.append("text looks like mojibake (runs of latin-1 letters, few Chinese characters); not repaired")
    return text, enc, warnings


def _common_share(text: str) -> float:
    """Share of the Chinese characters of `text` that are among the most frequent few hundred."""
    cjk = _CJK.findall(text)
    return sum(1 for ch in cjk if ch in _COMMON_HANZI) / len(cjk) if cjk else 0.0


# The most frequent Chinese characters (in general and in government text): real text is half of them.
_COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
    "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
    "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向"
    "道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特"
    "件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府"
    "教育市县镇村乡省务局委办单位项目工作报告规划方案通知意见管理服务保障建设发展改革财政经济社会人口面积增长"
    "万元亿元比上年同期全年完成实施推进加强落实提高支持情况基本主要其中共有达到分别标准合格学校学生教师城乡"
)


def _single_bytes(text: str) -> bytes:
    """Each character back to the byte latin-1 or cp1252 made it from ('?' for anything else)."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 256:
            out.append(code)
        else:
            out += _CP1252_BYTE.get(ch, b"?")
    return bytes(out)


_CP1252_BYTE = {
    bytes([b]).decode("cp1252"): bytes([b]) for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _clean_text(text: str) -> tuple[str, list[str]]:
    """Normalise characters that the scrape garbles; NUL bytes and lone surrogates are dropped with a warning.

    Line ends become \\n (old Mac files end lines with a bare \\r, which must not glue lines together).
    """
    warnings: list[str] = []
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        warnings.append(f"{count} NUL character(s) removed")
    if not text.isascii() and _has_surrogate(text):
        count = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append(f"{count} lone surrogate character(s) replaced")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<U+00A0>" in text:  # a no-break space written out as text by some scrapers
        text = text.replace("<U+00A0>", " ")
    if any(ch in text for ch in _CHAR_FIX_CHARS):
        text = text.translate(_CHAR_FIXES)
    return text, warnings


def _has_surrogate(text: str) -> bool:
    """Whether the text holds a lone surrogate (code points U+D800–DFFF), which only UTF-16 encoding refuses.

    Encoding is a fast C loop; a regex scan for the range costs five times as much on Chinese text.
    """
    try:
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return True
    return False


def _sniff_text(text: str) -> Format:
    """HTML or plain text, by content: a page that starts like markup or is dense with block tags."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if _DOC_TAG.search(text, 0, 65536):  # a page whose first bytes were lost: "!doctype html>\n<html …"
        return "html"
    tags = len(_TAG.findall(head))
    return "html" if tags >= 5 else "text"
