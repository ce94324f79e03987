"""Make the broken and hostile inputs of issue 5 into a folder, each with what parsing it must give.

Run `python tests/make_bad_inputs.py [DEST]` (default tests/fixtures/bad, git-ignored) to look at
them; the tests call `make_all(tmp_path)`. Nothing here is committed as a big file: the 12 MB page,
the 2 MB line and the PDF bomb are written afresh each time.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import sys
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from zhengwu_extract.errors import (
    DamagedPdfError,
    DecodeError,
    EmptyInputError,
    EncryptedPdfError,
    ExtractError,
    NoTextLayerError,
    PdfError,
    ReadError,
    UnsupportedFormatError,
)

HERE = Path(__file__).parent
SEED = (HERE / "fixtures" / "jiangjin.txt").read_text(encoding="utf-8")
# A short page of real text: header lines, a title, numbered sections, figures.
SEED_HEAD = SEED[:3000]
# A sentence every good variant of the seed must keep in its body.
SEED_SENTENCE = "江津区义务教育坚持以科学发展观为指导"
# Text only in the secret file that an external entity points at: must never reach the output.
SECRET = "ZX-SECRET-7f3a9c-must-never-appear"


@dataclass(frozen=True)
class Expect:
    """What parsing one input must give: an error of a class, or a Document (with warnings/body text)."""

    error: type[ExtractError] | None = None  # this ExtractError subclass must be raised
    message: str | None = None  # a regex the error's reason must match, whenever an error is raised
    warning: str | None = None  # a regex one of the Document's warnings must match
    either: bool = False  # an ExtractError (not internal) or a Document with a matching warning
    body: tuple[str, ...] = ()  # strings the Document's body must contain
    absent: tuple[str, ...] = ()  # strings that must appear nowhere in the JSON output
    seconds: float = 10.0  # wall-time bound for parsing this input
    note: str = ""


@dataclass(frozen=True)
class Case:
    """One generated input: where it is and what must come of it."""

    path: Path
    expect: Expect
    tags: tuple[str, ...] = field(default_factory=tuple)


def _html(body: str, head: str = "", charset: str | None = "utf-8", title: str = "测试页面") -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    return f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title>{head}</head>\n<body>{body}</body></html>\n"


def _seed_html(charset: str | None = "utf-8") -> str:
    """The seed page as simple HTML: one paragraph per line."""
    paras = "\n".join(f"<p>{line}</p>" for line in SEED_HEAD.splitlines() if line.strip())
    return _html(
        f'<div class="content">{paras}</div>', charset=charset, title="义务教育发展基本均衡区督导评估自查自评报告"
    )


# ---------------------------------------------------------------- PDFs


def _pdf(lines: list[str], *, encrypt: object = None, draw_only: bool = False) -> bytes:
    """A small PDF with Chinese text (reportlab's built-in STSong-Light CID font), or only a drawing."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    if draw_only:
        for page in range(2):
            c.setFillGray(0.3 + 0.2 * page)
            c.rect(72, 400, 300, 200, fill=1)
            c.line(72, 380, 500, 380)
            c.showPage()
    else:
        y = 800.0
        c.setFont("STSong-Light", 11)
        for line in lines:
            c.drawString(50, y, line[:45])
            y -= 16
            if y < 60:
                c.showPage()
                c.setFont("STSong-Light", 11)
                y = 800.0
        c.showPage()
    c.save()
    return buf.getvalue()


def _pdf_bomb(inflated: int) -> bytes:
    """A valid one-page PDF whose content stream inflates from ~1/1000 of `inflated` to `inflated` bytes."""
    chunk = zlib.compressobj(9)
    parts: list[bytes] = []
    block = b" " * (1 << 20)
    for _ in range(inflated // len(block)):
        parts.append(chunk.compress(block))
    parts.append(chunk.compress(b"BT /F1 12 Tf 72 712 Td (bomb) Tj ET\n"))
    parts.append(chunk.flush())
    stream = b"".join(parts)
    return _raw_pdf(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    )


def _raw_pdf(
    *objects: bytes, pages: bytes = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", catalog: bytes = b""
) -> bytes:
    """A PDF written by hand: catalog (object 1), page tree (2), then `objects` (3, 4 …), xref and trailer."""
    everything = [b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>", pages, *objects]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(everything, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(everything) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(everything) + 1, xref)
    return bytes(out)


# ---------------------------------------------------------------- the cases


def _text_cases() -> dict[str, tuple[str, bytes, Expect]]:
    """Name → (file name, bytes, expectation) for inputs that are plain bytes in a file."""
    utf8_html = _seed_html("utf-8")
    gbk_bytes = _seed_html("gbk").encode("gbk")
    rng = random.Random(5)
    big_para = "<p>" + SEED[1200:2400].replace("\n", "") + "</p>\n"
    cases: dict[str, tuple[str, bytes, Expect]] = {
        # -- empty and binary
        "empty": ("empty.html", b"", Expect(EmptyInputError, message="empty")),
        "whitespace_only": (
            "whitespace.txt",
            b" \t\r\n  \n" + "\u3000\u3000\n".encode() + b"   \n",
            Expect(EmptyInputError, message="empty|no text|white"),
        ),
        "nul_only": ("nul_only.txt", b"\x00" * 4096, Expect(EmptyInputError)),
        "binary_junk": ("junk.html", rng.randbytes(65536), Expect(DecodeError, message="binary|encoding")),
        "binary_junk_small": ("junk_small.txt", bytes(range(256)) * 4, Expect(DecodeError, message="binary|encoding")),
        "nul_bytes_in_page": (
            "nul_bytes.html",
            utf8_html.encode().replace("。".encode(), "。".encode() + b"\x00\x00"),
            Expect(warning="NUL", body=(SEED_SENTENCE,)),
        ),
        "truncated_utf8": (
            "truncated_utf8.txt",
            (SEED_HEAD.rstrip() + "报告").encode("utf-8")[:-1],  # cut in the middle of the last character
            Expect(warning="invalid UTF-8|truncated", body=(SEED_SENTENCE,)),
        ),
        "truncated_utf8_middle": (
            "damaged_utf8.txt",
            (lambda b: b[:1501] + b[1502:])(SEED_HEAD.encode("utf-8")),  # one byte lost mid-file
            Expect(warning="invalid UTF-8|damaged", body=(SEED_SENTENCE,)),
        ),
        # -- encodings and labels
        "gbk_labelled_utf8": (
            "gbk_labelled_utf8.html",
            _seed_html("utf-8").encode("gbk"),
            Expect(warning="labelled utf-8", body=(SEED_SENTENCE,)),
        ),
        "utf8_labelled_gbk": (
            "utf8_labelled_gbk.html",
            _seed_html("gbk").encode("utf-8"),
            Expect(warning="labelled gbk but is UTF-8", body=(SEED_SENTENCE,)),
        ),
        "gb2312_with_gbk_chars": (
            "gb2312_gbk_chars.html",
            _html("<p>朱镕基、王喆、李堃同志出席会议。</p><p>" + SEED_SENTENCE + "。</p>", charset="gb2312").encode(
                "gbk"
            ),
            Expect(body=("朱镕基", "王喆", "李堃", SEED_SENTENCE)),
        ),
        "gbk_no_label_text": ("gbk_plain.txt", SEED_HEAD.encode("gbk"), Expect(body=(SEED_SENTENCE,))),
        "gb18030_four_byte": (
            "gb18030_4byte.txt",
            (SEED_HEAD + "\n生僻字：𠀀𪚥。\n").encode("gb18030"),
            Expect(body=(SEED_SENTENCE, "𪚥")),
        ),
        "utf16_le_bom": ("utf16le_bom.txt", SEED_HEAD.encode("utf-16"), Expect(body=(SEED_SENTENCE,))),
        "utf16_be_bom": (
            "utf16be_bom.html",
            b"\xfe\xff" + utf8_html.encode("utf-16-be"),
            Expect(body=(SEED_SENTENCE,)),
        ),
        "utf16_le_no_bom_html": (
            "utf16le_nobom.html",
            _seed_html(None).encode("utf-16-le"),
            Expect(warning="UTF-16", body=(SEED_SENTENCE,)),
        ),
        "utf16_le_no_bom_chinese_text": (
            "utf16le_nobom_cn.txt",
            SEED[SEED.index(SEED_SENTENCE) :][:1000].encode("utf-16-le"),
            Expect(warning="UTF-16", body=("江津区义务教育",)),
            # CJK-only UTF-16 has no NUL bytes to spot: the even/odd byte test must still find it.
        ),
        "utf8_bom_gbk_label": (
            "utf8_bom_gbk_label.html",
            b"\xef\xbb\xbf" + _seed_html("gbk").encode("utf-8"),
            Expect(body=(SEED_SENTENCE,)),
        ),
        "mojibake_gbk_latin1": (
            "mojibake_gbk.html",
            gbk_bytes.decode("latin-1").encode("utf-8"),
            Expect(warning="mojibake", body=(SEED_SENTENCE,)),
        ),
        "mojibake_gbk_cp1252": (
            "mojibake_gbk_cp1252.txt",
            SEED_HEAD.encode("gbk").decode("cp1252", errors="replace").encode("utf-8"),
            Expect(warning="mojibake", either=True),
        ),
        "mojibake_utf8_latin1": (
            "mojibake_utf8.txt",
            SEED_HEAD.encode("utf-8").decode("latin-1").encode("utf-8"),
            Expect(warning="mojibake", body=(SEED_SENTENCE,)),
        ),
        "gbk_labelled_latin1": (
            "gbk_labelled_latin1.html",
            _seed_html("iso-8859-1").encode("gbk"),
            Expect(warning="mojibake|labelled", body=(SEED_SENTENCE,)),
        ),
        "utf8_labelled_utf16": (
            "utf8_labelled_utf16.html",
            _seed_html("utf-16").encode("utf-8"),
            Expect(body=(SEED_SENTENCE,)),
            # HTML5: a meta charset of utf-16 on a page without a BOM means UTF-8.
        ),
        "unknown_charset_label": (
            "unknown_charset.html",
            _seed_html("x-no-such-charset").encode("utf-8"),
            Expect(warning="unknown charset", body=(SEED_SENTENCE,)),
        ),
        "mixed_utf8_gbk_lines": (
            "mixed_encodings.html",
            '<html><head><meta charset="utf-8"><title>自查自评报告</title></head>\n<body>\n'
            "<p>网站导航：首页 > 政务公开</p>\n".encode()
            + "\n".join(f"<p>{line}</p>" for line in SEED_HEAD.splitlines()).encode("gbk")
            + "\n<p>版权所有：重庆市江津区教育委员会</p>\n</body></html>".encode(),
            Expect(warning="mixed encodings", body=(SEED_SENTENCE,)),
        ),
        "cr_only_line_ends": (
            "cr_only.txt",
            SEED_HEAD.replace("\n", "\r").encode("utf-8"),
            Expect(body=(SEED_SENTENCE, "一、基本情况\n")),
        ),
        # -- HTML shapes
        "html_no_body": (
            "no_body.html",
            b"<html><head><title>\xe6\xb2\xa1\xe6\x9c\x89\xe6\xad\xa3\xe6\x96\x87</title></head></html>",
            Expect(either=True, warning="no body|empty|no text|title only"),
        ),
        "html_only_tags": (
            "only_tags.html",
            b"<html><head></head><body><div><span></span></div></body></html>",
            Expect(either=True, warning="no body|empty|no text"),
        ),
        "nested_20000_tags": (
            "nested.html",
            (
                "<html><body>"
                + "<div>" * 20000
                + "<p>深层嵌套的正文。"
                + SEED_SENTENCE
                + "</p>"
                + "</div>" * 20000
                + "</body></html>"
            ).encode(),
            Expect(either=True, body=(SEED_SENTENCE,), message="nest|deep|depth", seconds=20),
        ),
        "nested_20000_unclosed": (
            "nested_unclosed.html",
            ("<html><body>" + "<div><span>" * 10000 + "<p>" + SEED_SENTENCE + "</p>").encode(),
            Expect(either=True, body=(SEED_SENTENCE,), message="nest|deep|depth", seconds=20),
        ),
        "unclosed_tables": (
            "unclosed_tables.html",
            _html(
                "<p>"
                + SEED_SENTENCE
                + "。</p>"
                + "<table><tr><td>项目<td>2015年<td>2016年<tr><td>学校数<td>120<td>118" * 200
                + "<p>结尾段落。</p>"
            ).encode(),
            Expect(body=(SEED_SENTENCE,), seconds=20),
        ),
        "huge_spans": (
            "huge_spans.html",
            _html(
                "<p>"
                + SEED_SENTENCE
                + "。</p><table>"
                + "".join(
                    f'<tr><td colspan="{span}" rowspan="{span}">项目{i}</td><td>{i}万元</td></tr>'
                    for i, span in enumerate(["99999999", "1e9", "-5", "abc", "0", "1000"] * 300)
                )
                + "</table>"
            ).encode(),
            Expect(body=(SEED_SENTENCE,), seconds=30),
        ),
        "script_only": (
            "script_only.html",
            _html("<script>var 正文='政府信息公开';document.write(正文);</script><style>p{color:red}</style>").encode(),
            Expect(either=True, warning="no body|empty|no text|script", absent=("document.write", "color:red")),
        ),
        "doctype_external_entity": (
            "xxe.html",
            b"",  # written by make_all: the entity points at a file in DEST
            Expect(absent=(SECRET,), either=True),
        ),
        "xml_external_entity": ("xxe.xhtml.html", b"", Expect(absent=(SECRET,), either=True)),
        "external_dtd_and_resources": ("external_dtd.html", b"", Expect(absent=(SECRET,), body=(SEED_SENTENCE,))),
        "billion_laughs": (
            "laughs.html",
            (
                '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                + "".join(
                    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                    for i in range(1, 10)
                )
                + "]>\n<html><body><p>&lol9;</p><p>"
                + SEED_SENTENCE
                + "</p></body></html>"
            ).encode(),
            Expect(either=True, warning=".", absent=("lollollollollollollollollollollollollol",), seconds=10),
        ),
        "surrogate_char_refs": (
            "surrogates.html",
            _html("<p>" + SEED_SENTENCE + "&#xD800;&#xDFFF;&#0;&#x110000;&#65535;&#x1F600;。</p>").encode(),
            Expect(body=(SEED_SENTENCE,)),
        ),
        "unclosed_comment": (
            "unclosed_comment.html",
            _html("<p>" + SEED_SENTENCE + "。</p><!-- 注释没有结束 <p>隐藏</p>" + "x" * 10000).encode(),
            Expect(body=(SEED_SENTENCE,)),
        ),
        "angle_bracket_flood": (
            "angles.html",
            b"<html><body>" + b"<" * 200000 + b"</body></html>",
            Expect(either=True, warning=".", seconds=20),
        ),
        "entity_flood": (
            "entities.html",
            _html("<p>" + "&#x4e00;&amp;&nbsp;&lt;" * 50000 + "</p>").encode(),
            Expect(seconds=30),
        ),
        "huge_attribute": (
            "huge_attr.html",
            _html(f'<div class="{"a" * 3_000_000}"><p>{SEED_SENTENCE}</p></div>').encode(),
            Expect(body=(SEED_SENTENCE,), seconds=30),
        ),
        # -- big and pathological text
        "page_12mb": (
            "big_12mb.html",
            _html(big_para * (12 * 1024 * 1024 // len(big_para.encode()) + 1)).encode(),
            Expect(seconds=240, note="time and memory must grow linearly"),
        ),
        "page_12mb_varied": (
            "big_12mb_varied.html",
            _html(
                "".join(
                    f"<p>{2000 + i % 25}年全区有学校{i * 7 % 997}所，比上年增长{i % 97}.{i % 10}%，"
                    f"投入资金{i * 13 % 100_000}万元，第{i}号文件（{i % 31}）。</p>\n"
                    for i in range(105_000)
                )
            ).encode(),
            Expect(seconds=240, note="no two paragraphs alike: nothing to deduplicate"),
        ),
        "one_2mb_line": (
            "one_line_2mb.txt",
            (SEED[400:2400].replace("\n", "") * 400)[: 2 * 1024 * 1024 // 3].encode(),
            Expect(seconds=120),
        ),
        "million_digits": ("digits.txt", ("增长" + "1" * 1_000_000 + "万元。\n").encode(), Expect(seconds=30)),
        "million_digits_html": ("digits.html", _html("<p>" + "9" * 1_000_000 + "%</p>").encode(), Expect(seconds=30)),
        "comma_ones": ("comma_ones.txt", ("金额" + "1," * 500_000 + "1元。\n").encode(), Expect(seconds=10)),
        "dot_ones": ("dot_ones.txt", ("1." * 300_000 + "\n").encode(), Expect(seconds=30)),
        "percent_signs": ("percents.txt", ("增长" + "%" * 100_000 + "\n").encode(), Expect(seconds=30)),
        "percent_digits": ("percent_digits.txt", ("增长1%" * 100_000 + "\n").encode(), Expect(seconds=30)),
        "section_markers": (
            "markers.txt",
            ("一、" * 20000 + "\n" + "（一）" * 20000 + "\n").encode(),
            Expect(seconds=30),
        ),
        "section_marker_lines": (
            "marker_lines.txt",
            "".join(
                f"{m}标题\n" for _ in range(5000) for m in ("一、", "（一）", "1.", "（1）", "①", "第一章", "第一条")
            ).encode(),
            Expect(seconds=30),
        ),
        "deep_decimal_sections": (
            "deep_sections.txt",
            "\n".join(".".join(["1"] * k) + " 标题" for k in range(1, 2000)).encode(),
            Expect(seconds=30),
        ),
        "unicode_digit_markers": (
            "unicode_digits.txt",
            "⑴ 基本情况\n⒈ 学校\n𝟏. 标题\n١. 标题\n（⑵）标题\n¹ 注\n".encode() + SEED_HEAD.encode(),
            Expect(body=(SEED_SENTENCE,)),
            # characters that str.isdigit() accepts but int() does not (⑴ ⒈ ¹) or that \d matches (١ 𝟏)
        ),
        "chinese_numerals": (
            "numerals.txt",
            ("一二三四五六七八九十百千万亿零两" * 30000 + "元\n").encode(),
            Expect(seconds=30),
        ),
        "open_parens": ("parens.txt", ("（" * 50000 + "\n" + "(" * 50000 + "\n").encode(), Expect(seconds=30)),
        "year_runs": ("years.txt", ("2015年" * 50000 + "\n").encode(), Expect(seconds=30)),
        "metadata_label_runs": (
            "labels.txt",
            ("索引号：" * 30000 + "\n" + "发布日期：" * 30000).encode(),
            Expect(either=True, seconds=30),
        ),
        "many_short_lines": ("short_lines.txt", ("一\n" * 300_000).encode(), Expect(seconds=30)),
        "control_chars": (
            "control.txt",
            (SEED_HEAD + "\x1b[31m\x07\x0c\x0b\x7f\u2028\u2029\ufffe").encode("utf-8"),
            Expect(body=(SEED_SENTENCE,)),
        ),
        # -- other formats in disguise
        "zip_as_html": ("archive.html", b"", Expect(UnsupportedFormatError, message="zip")),
        "ofd_as_html": ("ofd_document.html", b"", Expect(UnsupportedFormatError, message="OFD")),
        "docx_as_html": ("word_document.html", b"", Expect(UnsupportedFormatError, message="Word")),
        "json_api_response": (
            "api_response.html",
            ('{"code": 200, "data": {"title": "报告", "content": "<p>' + SEED_SENTENCE + '</p>"}}').encode(),
            Expect(warning="JSON"),
        ),
        "gzip_as_html": (
            "compressed.html",
            gzip.compress(utf8_html.encode()),
            Expect(UnsupportedFormatError, message="gzip"),
        ),
        "png_as_html": (
            "image.html",
            b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000),
            Expect(UnsupportedFormatError, message="PNG"),
        ),
        "gzip_as_txt": ("compressed.txt", gzip.compress(SEED.encode()), Expect(UnsupportedFormatError, message="gzip")),
    }
    for case, members in (
        ("zip_as_html", ["page.html"]),
        ("ofd_as_html", ["OFD.xml", "Doc_0/Document.xml"]),
        ("docx_as_html", ["[Content_Types].xml", "word/document.xml"]),
    ):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for member in members:
                zf.writestr(member, utf8_html)
        name, _, expect = cases[case]
        cases[case] = (name, buf.getvalue(), expect)
    return cases


def _pdf_cases() -> dict[str, tuple[str, bytes, Expect]]:
    """Name → (file name, bytes, expectation) for the PDFs, good and bad."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    lines = [line for line in SEED_HEAD.splitlines() if line.strip()]
    good = _pdf(lines)
    cases = _pdf_expectations()
    data = {
        "pdf_good": good,
        "pdf_as_html": good,
        "pdf_truncated_half": good[: len(good) // 2],
        "pdf_truncated_header": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<",
        "pdf_no_eof": good[: good.rfind(b"startxref")],
        "pdf_encrypted": _pdf(lines, encrypt="secret"),
        "pdf_encrypted_aes": _pdf(lines, encrypt=StandardEncryption("u", ownerPassword="o", strength=128)),
        "pdf_owner_password_only": _pdf(lines, encrypt=StandardEncryption("", ownerPassword="o", canCopy=0)),
        "pdf_twice_concatenated": good + good,
        "pdf_image_only": _pdf([], draw_only=True),
        "pdf_bomb": _pdf_bomb(400 * 1024 * 1024),
        "pdf_junk_after_header": b"%PDF-1.7\n" + random.Random(7).randbytes(20000),
        "pdf_page_tree_loop": _raw_pdf(pages=b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),
        "pdf_name_in_media_box": good.replace(b"/MediaBox [ 0 0 ", b"/MediaBox [ /x 0 ", 1),
        "pdf_deep_nesting": _raw_pdf(pages=b"<< /Type /Pages /Kids [] /Count 0 >>", catalog=b"/X " + b"[" * 100_000),
        "pdf_length_self_reference": _raw_pdf(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length 4 0 R >>\nstream\nBT ET\nendstream",
        ),
    }
    return {name: (filename, data[name], expect) for name, (filename, expect) in cases.items()}


def _pdf_expectations() -> dict[str, tuple[str, Expect]]:
    """Name → (file name, expectation) of the PDFs, cheap to list (making the PDFs takes a second)."""
    return {
        "pdf_good": ("good.pdf", Expect(body=("江津区义务教育",), seconds=30)),
        "pdf_as_html": ("pdf_saved_as.html", Expect(body=("江津区义务教育",), seconds=30)),
        "pdf_truncated_half": ("truncated.pdf", Expect(DamagedPdfError, message="truncated|damaged|broken")),
        "pdf_truncated_header": ("header_only.pdf", Expect(DamagedPdfError)),
        "pdf_no_eof": ("no_eof.pdf", Expect(either=True, seconds=30)),
        "pdf_encrypted": ("encrypted.pdf", Expect(EncryptedPdfError, message="encrypt|password")),
        "pdf_encrypted_aes": ("encrypted_aes.pdf", Expect(EncryptedPdfError, message="encrypt|password")),
        "pdf_owner_password_only": (
            "owner_password.pdf",
            Expect(
                either=True, body=("江津区义务教育",), absent=("(cid:",), message="font|unicode|cid|OCR", seconds=30
            ),
        ),
        "pdf_twice_concatenated": ("twice.pdf", Expect(body=("江津区义务教育",), seconds=30)),
        "pdf_image_only": ("scanned.pdf", Expect(NoTextLayerError, message="OCR")),
        "pdf_bomb": ("bomb.pdf", Expect(PdfError, message="limit|large|bomb|decompress", seconds=30)),
        "pdf_junk_after_header": ("junk.pdf", Expect(DamagedPdfError)),
        "pdf_page_tree_loop": ("page_tree_loop.pdf", Expect(DamagedPdfError)),
        "pdf_name_in_media_box": ("media_box.pdf", Expect(either=True, body=("江津区",), message="damaged|broken")),
        "pdf_deep_nesting": ("deep_nesting.pdf", Expect(DamagedPdfError)),
        "pdf_length_self_reference": ("length_loop.pdf", Expect(DamagedPdfError)),
    }


FILE_SYSTEM_CASES = (
    "directory",
    "missing_file",
    "unreadable",
    "symlink_loop",
    "dangling_symlink",
    "name_with_spaces_and_chinese",
    "symlink_to_good",
    "name_with_shell_characters",
    "fifo",
)


def case_names() -> list[str]:
    """Every case name, sorted, without writing anything."""
    names = [*_text_cases(), *_pdf_expectations(), *FILE_SYSTEM_CASES]
    if not hasattr(os, "mkfifo"):
        names.remove("fifo")
    return sorted(names)


def make_all(dest: Path) -> dict[str, Case]:
    """Write every bad input into `dest` and return name → Case (path and expectation)."""
    dest.mkdir(parents=True, exist_ok=True)
    out: dict[str, Case] = {}
    for name, (filename, data, expect) in {**_text_cases(), **_pdf_cases()}.items():
        path = dest / filename
        path.write_bytes(data)
        out[name] = Case(path, expect, tags=("big",) if len(data) > 1_500_000 else ())
    secret = dest / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    uri = secret.resolve().as_uri()
    xxe_html = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{uri}"><!ENTITY % p SYSTEM "{uri}"> %p;]>\n'
        f"<html><head><title>实体</title></head><body><p>&xxe;</p><p>{SEED_SENTENCE}</p></body></html>"
    )
    out["doctype_external_entity"].path.write_text(xxe_html, encoding="utf-8")
    xxe_xml = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "{uri}">]>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&xxe;</p>'
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{uri}" parse="text"/>'
        f"<p>{SEED_SENTENCE}</p></body></html>"
    )
    out["xml_external_entity"].path.write_text(xxe_xml, encoding="utf-8")
    resources = _html(
        f'<p>{SEED_SENTENCE}。</p><iframe src="{uri}"></iframe><img src="{uri}"><object data="{uri}"></object>',
        head=f'<link rel="stylesheet" href="{uri}"><base href="{uri}">',
    ).replace("<!DOCTYPE html>", f'<!DOCTYPE html SYSTEM "{uri}">')
    out["external_dtd_and_resources"].path.write_text(resources, encoding="utf-8")
    out.update(_file_system_cases(dest))
    return out


def _file_system_cases(dest: Path) -> dict[str, Case]:
    """Inputs that are odd as files: a directory, unreadable, link loops, a FIFO, odd names."""
    cases: dict[str, Case] = {}
    folder = dest / "a_directory.html"
    folder.mkdir(exist_ok=True)
    cases["directory"] = Case(folder, Expect(ReadError, message="directory"))
    missing = dest / "missing.html"
    cases["missing_file"] = Case(missing, Expect(ReadError, message="no such file|not found|does not exist"))
    unreadable = dest / "unreadable.html"
    unreadable.write_text(_seed_html(), encoding="utf-8")
    unreadable.chmod(0)
    # root reads anything: then the file is simply good.
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    cases["unreadable"] = Case(
        unreadable, Expect(body=(SEED_SENTENCE,)) if as_root else Expect(ReadError, message="permission")
    )
    loop_a, loop_b = dest / "loop_a.html", dest / "loop_b.html"
    for link, target in ((loop_a, loop_b), (loop_b, loop_a)):
        if not link.is_symlink():
            link.symlink_to(target.name)
    cases["symlink_loop"] = Case(loop_a, Expect(ReadError, message="link|loop|levels"))
    dangling = dest / "dangling.html"
    if not dangling.is_symlink():
        dangling.symlink_to("nowhere.html")
    cases["dangling_symlink"] = Case(dangling, Expect(ReadError))
    good_link = dest / "link_to_good.html"
    if not good_link.is_symlink():
        good_link.symlink_to("spaces and 中文 名字 (副本).html")
    named = dest / "spaces and 中文 名字 (副本).html"
    named.write_text(_seed_html(), encoding="utf-8")
    cases["name_with_spaces_and_chinese"] = Case(named, Expect(body=(SEED_SENTENCE,)))
    cases["symlink_to_good"] = Case(good_link, Expect(body=(SEED_SENTENCE,)))
    odd = dest / "引号'\"与$符号;rm -rf.txt"
    odd.write_text(SEED_HEAD, encoding="utf-8")
    cases["name_with_shell_characters"] = Case(odd, Expect(body=(SEED_SENTENCE,)))
    if hasattr(os, "mkfifo"):
        fifo = dest / "named_pipe.html"
        if not fifo.exists():
            os.mkfifo(fifo)
        cases["fifo"] = Case(fifo, Expect(ReadError, message="not a regular file"), tags=("hang",))
    return cases


def main(argv: list[str]) -> int:
    """Write the inputs into argv[0] (default tests/fixtures/bad) and list them."""
    dest = Path(argv[0]) if argv else HERE / "fixtures" / "bad"
    cases = make_all(dest)
    for name, case in sorted(cases.items()):
        e = case.expect
        want = e.error.__name__ if e.error else ("error or warning" if e.either else "Document")
        print(f"{name:32} {case.path.name:40} {want}")
    print(f"{len(cases)} inputs in {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
