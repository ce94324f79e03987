"""Loading and decoding (load.py) and the error wrapper of `parse`: one case per way bytes go wrong."""

from __future__ import annotations

import os
import pickle
import threading
import time
from pathlib import Path

import pytest

import zhengwu_extract as zx
from zhengwu_extract import api, errors
from zhengwu_extract.load import Limits, decode, load, read_path

TEXT = "江津区义务教育坚持以科学发展观为指导，大力实施人才强区战略。\n一、基本情况\n辖区面积3219平方公里。\n"


def page(charset: str | None, body: str = TEXT) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>标题</title></head><body><p>{body}</p></body></html>"


# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("data", "want_text", "want_warning"),
    [
        (TEXT.encode("utf-8"), TEXT, None),
        (TEXT.encode("gbk"), TEXT, None),
        (TEXT.encode("gb18030"), TEXT, None),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT, None),
        (TEXT.encode("utf-16"), TEXT, None),
        (TEXT.encode("utf-16-le"), TEXT, "UTF-16-LE"),
        (TEXT.encode("utf-16-be"), TEXT, "UTF-16-BE"),
        (("abc " + TEXT).encode("utf-16-le"), "abc " + TEXT, "UTF-16-LE"),
        ((TEXT + "报").encode("utf-8")[:-1], TEXT, "1 invalid UTF-8"),
        (TEXT.encode("gbk").decode("latin-1").encode("utf-8"), TEXT, "mojibake repaired: gb18030"),
        (TEXT.encode("utf-8").decode("latin-1").encode("utf-8"), TEXT, "mojibake repaired: utf-8"),
    ],
    ids=[
        "utf8",
        "gbk",
        "gb18030",
        "utf8-bom",
        "utf16-bom",
        "utf16le",
        "utf16be",
        "utf16le-ascii",
        "cut",
        "moji-gbk",
        "moji-u8",
    ],
)
def test_decode(data: bytes, want_text: str, want_warning: str | None) -> None:
    text, _enc, warnings = decode(data)
    assert want_text in text
    if want_warning is None:
        assert warnings == []
    else:
        assert any(want_warning in w for w in warnings), warnings


@pytest.mark.parametrize(
    ("label", "encoding", "want_warning"),
    [
        ("utf-8", "gbk", "labelled utf-8 but is GB18030"),
        ("gbk", "utf-8", "labelled gbk but is UTF-8"),
        ("gb2312", "gbk", None),
        ("GB2312", "gb18030", None),
        ("iso-8859-1", "gbk", "labelled iso-8859-1 but is GB18030"),
        ("koi8-r", "gbk", "labelled koi8-r but is GB18030"),
        ("windows-1251", "gbk", "labelled windows-1251 but is GB18030"),
        ("windows-1252", "utf-8", "labelled windows-1252 but is UTF-8"),
        ("utf-16", "utf-8", "no byte-order mark"),
        ("big5", "utf-8", "labelled big5 but is UTF-8"),
        ("no-such-thing", "utf-8", "unknown charset"),
        # codecs that transform bytes are not charsets: a page must not pick them
        ("zlib", "utf-8", "unknown charset"),
        ("rot13", "utf-8", "unknown charset"),
        ("unicode-escape", "utf-8", "unknown charset"),
        ("idna", "utf-8", "unknown charset"),
        ("base64", "utf-8", "unknown charset"),
    ],
)
def test_declared_charset(label: str, encoding: str, want_warning: str | None) -> None:
    text, _enc, warnings = decode(page(label).encode(encoding))
    assert TEXT in text
    if want_warning is None:
        assert warnings == []
    else:
        assert any(want_warning in w for w in warnings), warnings


def test_gbk_only_characters_under_gb2312_label() -> None:
    text, _enc, _warnings = decode(page("gb2312", "朱镕基、王喆、李堃").encode("gbk"))
    assert "朱镕基、王喆、李堃" in text


def test_unicode_escape_label_does_not_interpret_backslashes() -> None:
    text, _enc, _warnings = decode(page("unicode-escape", r"\u4e00\x41").encode("utf-8"))
    assert r"\u4e00\x41" in text


def test_binary_is_a_decode_error() -> None:
    import random

    with pytest.raises(errors.DecodeError, match=r"^junk: .*binary"):
        load(random.Random(1).randbytes(10000), "junk")


def test_mixed_utf8_and_gbk_lines() -> None:
    """A UTF-8 template around a paragraph pasted in GBK: each line is read in its own encoding."""
    data = page("utf-8", "模板导航：首页\n").encode() + (TEXT + "\n").encode("gbk") + "版权所有\n".encode()
    text, _enc, warnings = decode(data)
    assert "模板导航：首页" in text and TEXT in text and "版权所有" in text
    assert any("mixed encodings" in w for w in warnings), warnings


def test_gbk_line_alone_is_not_mixed() -> None:
    """A GBK page is GBK even when a line of it happens to be valid UTF-8 (一 = D2 BB)."""
    data = ("一\n" + TEXT).encode("gbk")
    text, _enc, warnings = decode(data)
    assert text == "一\n" + TEXT and warnings == []


def test_bare_cr_line_ends_become_newlines() -> None:
    assert load("一、基本情况\r二、主要做法\r\n三、问题").text == "一、基本情况\n二、主要做法\n三、问题"


def test_nul_and_surrogates_are_dropped_with_warnings() -> None:
    loaded = load("正文\x00内容\ud800结束")
    assert loaded.text == "正文内容\ufffd结束"
    assert any("NUL" in w for w in loaded.warnings)
    assert any("surrogate" in w for w in loaded.warnings)
    doc = zx.parse("正文\ud800内容，增长5%。")
    zx.Document.model_validate_json(doc.model_dump_json())


@pytest.mark.parametrize(
    ("data", "cls", "words"),
    [
        (b"", errors.EmptyInputError, "empty"),
        (b"  \n\t ", errors.EmptyInputError, "white space"),
        ("\u3000\n".encode(), errors.EmptyInputError, "no text"),
        (b"PK\x03\x04rest", errors.UnsupportedFormatError, "zip"),
        (b"\x1f\x8b\x08\x00rest", errors.UnsupportedFormatError, "gzip"),
        (b"\x89PNG\r\n\x1a\n", errors.UnsupportedFormatError, "PNG"),
        (b"{\\rtf1\\ansi \\f0 text}", errors.UnsupportedFormatError, "RTF"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", errors.UnsupportedFormatError, "WebP"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00", errors.UnsupportedFormatError, "MP4"),
        (b"\x7fELF\x02\x01\x01", errors.UnsupportedFormatError, "executable"),
    ],
)
def test_load_errors(data: bytes, cls: type[errors.ExtractError], words: str) -> None:
    with pytest.raises(cls, match=words) as info:
        load(data, "in.html")
    assert str(info.value).startswith("in.html: ")


def test_pdf_is_told_by_content() -> None:
    assert load(b"%PDF-1.4\n...", "x.html").format == "pdf"


# ---------------------------------------------------------------- reading files


def test_read_path_errors(tmp_path: Path) -> None:
    with pytest.raises(errors.ReadError, match="directory"):
        read_path(tmp_path)
    with pytest.raises(errors.ReadError, match="no such file"):
        read_path(tmp_path / "missing.html")
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(errors.ReadError, match="link loop"):
        read_path(tmp_path / "a")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(errors.ReadError, match="not a regular file"):
        read_path(fifo)
    assert time.monotonic() - start < 1


def test_device_is_refused() -> None:
    with pytest.raises(errors.ReadError, match="not a regular file"):
        read_path("/dev/zero")


def test_read_path_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(errors.InputTooLargeError, match="1001 bytes is over the limit of 1000"):
        read_path(big, Limits(max_bytes=1000))
    assert read_path(big, Limits(max_bytes=1001)) == b"x" * 1001


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.html"
    locked.write_text("x")
    locked.chmod(0)
    with pytest.raises(errors.ReadError, match="permission"):
        read_path(locked)


# ---------------------------------------------------------------- the parse wrapper


def test_unexpected_exception_becomes_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from zhengwu_extract import load as load_module
    from zhengwu_extract import structure

    def broken(body: str) -> object:
        return load_module._codec_for_label(None)  # type: ignore[arg-type]  # TypeError inside load.py

    monkeypatch.setattr(structure, "build_sections", broken)
    with pytest.raises(errors.InternalError) as info:
        zx.parse("一、基本情况\n正文。", "page-7.txt")
    exc = info.value
    assert exc.kind == "internal"
    assert exc.stage == "load"  # the deepest module of the package on the traceback
    assert str(exc).startswith("page-7.txt: internal error in the load stage: TypeError")
    assert isinstance(exc.__cause__, TypeError)


def test_recursion_error_is_an_extract_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def deep(*args: object, **kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(api, "_parse", deep)
    with pytest.raises(errors.InternalError, match="nested too deeply"):
        zx.parse("x", "deep.html")


def test_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(5)
        raise AssertionError("not interrupted")

    monkeypatch.setattr(api, "_parse", slow)
    start = time.monotonic()
    with pytest.raises(errors.ExtractTimeoutError, match=r"^slow\.txt: .*limit of 0\.2 s"):
        zx.parse("x", "slow.txt", limits=Limits(timeout=0.2))
    assert time.monotonic() - start < 2


def test_timeout_in_a_worker_thread() -> None:
    # dask and thread pools run parse outside the main thread, where no alarm can be set: the quantity
    # stage checks the deadline at every paragraph (before, such a parse ran to its end)
    body = "\n".join(f"第{i}段:全区新增就业{i}人,同比增长{i % 9}.5%,投入资金{i}万元。" for i in range(1, 60_000))
    outcome: list[object] = []

    def run() -> None:
        start = time.monotonic()
        try:
            zx.parse(body, "long.txt", limits=Limits(timeout=0.3))
            outcome.append("finished")
        except errors.ExtractTimeoutError as exc:
            outcome.append((str(exc), time.monotonic() - start))

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(60)
    ((message, seconds),) = outcome
    assert message.startswith("long.txt: processing took longer than the limit of 0.3 s")
    assert seconds < 5
    errors.check_deadline()  # the worker's deadline does not leak into this thread


def test_errors_pickle_for_worker_processes() -> None:
    for exc in (errors.PdfError("bad", "a.pdf"), errors.InternalError("oops", "b.html", "html")):
        back = pickle.loads(pickle.dumps(exc))
        assert type(back) is type(exc)
        assert str(back) == str(exc)
        assert back.kind == exc.kind
    assert pickle.loads(pickle.dumps(errors.InternalError("oops", "b", "html"))).stage == "html"


def test_every_error_class_has_its_own_kind() -> None:
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.ExtractError)]
    kinds = [c.kind for c in classes]
    assert len(kinds) == len(set(kinds)), kinds
    assert all(c.__doc__ for c in classes)


# ---------------------------------------------------------------- mojibake

LONG = TEXT * 4


@pytest.mark.parametrize(
    ("garbled", "want"),
    [
        (LONG.encode("gbk").decode("latin-1"), "gb18030 text had been decoded as latin-1"),
        (LONG.encode("gbk").decode("cp1252", errors="replace"), "gb18030"),
        (LONG.encode("gbk").decode("cp1252", errors="replace").replace("\ufffd", "?"), "gb18030"),
        (LONG.encode("utf-8").decode("latin-1"), "utf-8 text had been decoded as latin-1"),
    ],
    ids=["gbk-latin1", "gbk-cp1252", "gbk-cp1252-question-marks", "utf8-latin1"],
)
def test_mojibake_repaired(garbled: str, want: str) -> None:
    loaded = load(garbled.encode("utf-8"), "m.txt")
    assert TEXT in loaded.text
    assert any(want in w for w in loaded.warnings), loaded.warnings


def test_lossy_mojibake_is_repaired_and_counted() -> None:
    """UTF-8 through cp1252 loses the bytes cp1252 lacks: most characters come back, the loss is counted."""
    garbled = LONG.encode("utf-8").decode("cp1252", errors="replace")
    loaded = load(garbled.encode("utf-8"), "m.txt")
    assert "江津区义务教育" in loaded.text
    assert any("utf-8" in w and "character(s) lost" in w for w in loaded.warnings), loaded.warnings


def test_accented_latin_text_is_not_mojibake() -> None:
    french = "Le ministère de l'Éducation a publié à Paris un rapport détaillé très intéressant sur les élèves. " * 5
    loaded = load(french.encode("utf-8"), "fr.txt")
    assert loaded.text == french and loaded.warnings == []


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/tmp/a\x00b.html", "null byte"),
        ("/nonexistent/dir/x.html", "no such file"),
    ],
)
def test_odd_paths(path: str, words: str) -> None:
    with pytest.raises(errors.ReadError, match=words):
        zx.parse_file(path)


def test_file_used_as_a_folder(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("x")
    with pytest.raises(errors.ReadError, match="not a directory"):
        zx.parse_file(tmp_path / "page.html" / "child.html")


def test_unicode_line_separators_become_newlines() -> None:
    """U+2028, U+2029 and NEL are line breaks; left in, a JSON line would split under str.splitlines()."""
    doc = zx.parse("一、基本情况\u2028正文\u2029二、做法\x85结束。", "seps.txt")
    assert "\u2028" not in doc.body and "\u2029" not in doc.body and "\x85" not in doc.body
    assert len(doc.model_dump_json().splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('!doctype html>\n<html lang="zh">\n<head>\n<meta charset="UTF-8">\n<script>var a = 1;</script>', "html"),
        ("\n\n  tml>\n<head><title>标题</title></head><body><p>正文</p></body>", "html"),
        ("一、基本情况\n正文里提到 html 和 body 两个词，但没有标签。\n", "text"),
    ],
    ids=["doctype-cut", "html-tag-cut", "plain"],
)
def test_html_told_by_its_document_tags_when_its_start_is_lost(text: str, fmt: str) -> None:
    """A page whose first bytes were cut (found by fuzzing) is still HTML, not text full of markup."""
    assert load(text, "cut.html").format == fmt


TRADITIONAL = "臺灣省政府教育廳公告：本年度國民教育經費預算為新臺幣三百億元，比上年增加百分之五。" * 4


@pytest.mark.parametrize("prefix", ["", '<meta charset="gbk">'], ids=["unlabelled", "labelled-gbk"])
def test_big5_is_not_read_as_gbk_gibberish(prefix: str) -> None:
    text, enc, warnings = decode((prefix + TRADITIONAL).encode("big5"))
    assert TRADITIONAL in text and enc == "big5"
    assert any("Big5" in w for w in warnings)


def test_latin1_label_on_real_latin1_text_is_kept() -> None:
    text, enc, warnings = decode('<meta charset="iso-8859-1">Le ministère a publié à Paris.'.encode("latin-1"))
    assert "ministère a publié à Paris" in text and enc == "iso8859-1" and warnings == []


def test_text_that_starts_like_a_magic_number_is_text() -> None:
    import bz2

    assert load(b"BZh is how this note starts; ID3 too.", "note.txt").format == "text"
    assert load(b"ID3 report", "note.txt").format == "text"
    with pytest.raises(errors.UnsupportedFormatError, match="bzip2"):
        load(bz2.compress(b"page " * 100), "page.html")
