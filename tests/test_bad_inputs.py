"""Every broken or hostile input gives an ExtractError naming it and its cause, or a Document saying what was repaired.

The inputs come from tests/make_bad_inputs.py, written into a temporary folder once per session.
"""

from __future__ import annotations

import re
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

import zhengwu_extract as zx
from make_bad_inputs import SECRET, SEED_HEAD, SEED_SENTENCE, Case, case_names, make_all
from zhengwu_extract.errors import ExtractError, InternalError

CASES: dict[str, Case] = {}

# Defects in modules owned by others, kept as strict xfails until their owners fix them:
# name → "<module>: <what>". An XPASS fails the run so that a fixed case is moved out of here.
KNOWN_FAILURES: dict[str, str] = {}


@pytest.fixture(scope="session")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """All generated inputs, written once per session."""
    if not CASES:
        CASES.update(make_all(tmp_path_factory.mktemp("bad")))
    return CASES


@contextmanager
def hard_limit(seconds: float) -> Iterator[None]:
    """Fail (rather than hang the suite) when a call blocks longer than `seconds`."""

    def on_alarm(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_case(name: str, case: Case) -> None:
    """Parse one input and hold the outcome to its expectation.

    The time bound is on this process's CPU time (the machine is shared); a wall-clock alarm at a
    few times the bound stops a case that hangs (sooner for known failures, to keep the suite short).
    """
    expect = case.expect
    start = time.process_time()
    wall = 1.2 * expect.seconds + 2 if name in KNOWN_FAILURES else 3 * expect.seconds + 10
    with hard_limit(wall):
        try:
            doc = zx.parse_file(case.path)
        except ExtractError as exc:
            elapsed = time.process_time() - start
            message = str(exc)
            assert not isinstance(exc, InternalError), f"{name}: internal error {message!r} from {exc.__cause__!r}"
            assert str(case.path) in message, f"{name}: message does not name the input: {message!r}"
            assert exc.reason.strip(), f"{name}: empty reason"
            if expect.error is not None:
                assert isinstance(exc, expect.error), f"{name}: {type(exc).__name__} ({message}), want {expect.error}"
            else:
                assert expect.either, f"{name}: want a Document, got {type(exc).__name__}: {message}"
            if expect.message:
                assert re.search(expect.message, exc.reason, re.IGNORECASE), f"{name}: reason {exc.reason!r}"
        else:
            elapsed = time.process_time() - start
            assert expect.error is None, f"{name}: want {expect.error.__name__}, got a Document"
            if expect.warning:
                assert any(re.search(expect.warning, w, re.IGNORECASE) for w in doc.warnings), (
                    f"{name}: no warning matching {expect.warning!r} in {doc.warnings}"
                )
            for text in expect.body:
                assert text in doc.body, f"{name}: body lacks {text!r}: {doc.body[:200]!r}"
            dumped = doc.model_dump_json()
            for text in expect.absent:
                assert text not in dumped, f"{name}: output contains {text!r}"
            if "big" not in case.tags:  # the big pages' round trip would double a GB of memory
                assert zx.Document.model_validate_json(dumped) == doc
    assert elapsed <= expect.seconds, f"{name}: took {elapsed:.1f} s of CPU, bound {expect.seconds} s"


def _params() -> list[object]:
    """Case names as parameters; known failures of other modules carry a strict xfail."""
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[name]))
        if name in KNOWN_FAILURES
        else name
        for name in case_names()
    ]


@pytest.mark.parametrize("name", _params())
def test_bad_input(name: str, cases: dict[str, Case]) -> None:
    check_case(name, cases[name])


def test_every_case_is_listed(cases: dict[str, Case]) -> None:
    assert sorted(cases) == case_names()


def test_secret_never_read_anywhere(cases: dict[str, Case]) -> None:
    """No input, whatever it says, makes the library read the secret file next to it."""
    for name in ("doctype_external_entity", "xml_external_entity", "external_dtd_and_resources"):
        try:
            doc = zx.parse_file(cases[name].path)
        except ExtractError as exc:
            assert SECRET not in str(exc)
        else:
            assert SECRET not in doc.model_dump_json()


def test_size_limit_is_a_setting(cases: dict[str, Case]) -> None:
    small = zx.Limits(max_bytes=10_000)
    with pytest.raises(zx.ExtractError) as info:
        zx.parse_file(cases["page_12mb"].path, limits=small)
    assert info.value.kind == "too_large"
    assert "10000" in str(info.value)
    with pytest.raises(zx.ExtractError, match="over the limit"):
        zx.parse(b"x" * 10_001, "mem", limits=small)
    with pytest.raises(zx.ExtractError, match="over the limit"):
        zx.parse("字" * 10_001, "mem", limits=zx.Limits(max_chars=10_000))


def test_good_page_after_bad_ones(cases: dict[str, Case], fixtures: Path) -> None:
    """A bad input leaves nothing behind that spoils the next good one (no global state)."""
    for name in ("binary_junk", "nested_20000_tags", "pdf_encrypted", "zip_as_html"):
        with suppress(ExtractError):
            zx.parse_file(cases[name].path)
    doc = zx.parse_file(fixtures / "jiangjin.txt")
    assert "江津区义务教育坚持以科学发展观为指导" in doc.body


# Families of input that grow by repeating a unit: CPU time at 4n must stay near 4x the time at n.
GROWTH: dict[str, tuple[str, int]] = {
    "seed_text": (SEED_HEAD + "\n", 4),
    "seed_html": ("<p>" + SEED_SENTENCE + "，学校120所，增长5.3%。</p>\n", 400),
    "percent_digits": ("增长1%", 300),
    "comma_ones": ("1,", 2000),
    "year_runs": ("2015年", 4000),
    "section_markers": ("一、", 2000),
    "marker_lines": ("（一）标题\n", 1000),
    "numerals": ("一二三四五六七八九十百千万亿", 500),
    "open_parens": ("（", 5000),
    "money_list": ("分别为1万元、", 200),
}
SLOW_GROWTH: dict[str, str] = {}  # family → '<module>: <what>' for known superlinear cases


def _cpu(data: str) -> float:
    """Least CPU time of two parses (less noise from a shared machine)."""
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        with suppress(ExtractError):
            zx.parse(data, "growth")
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(
    "family",
    [
        pytest.param(f, marks=pytest.mark.xfail(strict=True, reason=SLOW_GROWTH[f])) if f in SLOW_GROWTH else f
        for f in GROWTH
    ],
)
def test_time_is_linear(family: str) -> None:
    unit, n = GROWTH[family]
    small, large = _cpu(unit * n), _cpu(unit * (4 * n))
    assert large <= 8 * small + 0.05, f"{family}: n={n} {small:.3f} s, 4n {large:.3f} s of CPU"


# ---------------------------------------------------------------- every regex of the package, pushed hard

ADVERSARIAL: dict[str, str] = {
    "digits": "1" * 100_000,
    "fullwidth_digits": "１" * 100_000,
    "comma_ones": "1," * 50_000,
    "dot_ones": "1." * 50_000,
    "dash_ones": "1-" * 50_000,
    "space_ones": "1 " * 50_000,
    "decimal_runs": "0.5" * 30_000 + "x",
    "percent": "%" * 100_000,
    "fullwidth_percent": "％" * 100_000,
    "markers": "一、" * 20_000,
    "paren_markers": "（一）" * 20_000,
    "open_parens": "（" * 50_000,
    "ascii_parens": "(" * 50_000,
    "chapter": "第一" * 50_000,
    "numerals": "一二三四五六七八九十百千万亿" * 7_000,
    "wan": "万" * 100_000,
    "years": "2015年" * 20_000,
    "dates": "2021-03-" * 12_000,
    "labels": "索引号：" * 20_000,
    "cjk": "教" * 100_000,
    "spaces": " " * 100_000,
    "ideographic_spaces": "\u3000" * 100_000,
    "newlines": "\n" * 100_000,
    "space_newlines": " \n" * 50_000,
    "angles": "<" * 100_000,
    "open_tags": "<div " * 20_000,
    "char_refs": "&#" * 50_000,
    "brackets": "〔" * 50_000,
    "book_quotes": "《" * 50_000,
    "letters": "a" * 100_000,
    "doc_numbers": "渝府发〔2016" * 10_000,
    "number_then_unit": "1" * 100_000 + "万元",
    "mixed": "比上年增长1.5个百分点，" * 10_000,
}
REGEX_CPU_BOUND = 2.0  # seconds of CPU for one pattern over one 100,000-character string


def _package_patterns() -> list[tuple[str, object]]:
    """(module.NAME[index], pattern) for every compiled regex held by a module of the package."""
    import importlib
    import pkgutil
    import re as re_module

    def walk(value: object, depth: int = 0) -> Iterator[tuple[str, object]]:
        if isinstance(value, re_module.Pattern):  # the package uses the standard re module only
            yield "", value
        elif depth < 3 and isinstance(value, dict):
            for key, item in value.items():
                for suffix, pattern in walk(item, depth + 1):
                    yield f"[{key!r}]{suffix}", pattern
        elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
            for i, item in enumerate(value):
                for suffix, pattern in walk(item, depth + 1):
                    yield f"[{i}]{suffix}", pattern

    found: list[tuple[str, object]] = []
    seen: set[int] = set()  # a pattern imported into a second module is timed once, under its first name
    for info in sorted(pkgutil.iter_modules(zx.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"zhengwu_extract.{info.name}")
        for name, value in sorted(vars(module).items()):
            if isinstance(value, type) and value.__module__ == module.__name__:
                members = [(f"{name}.{k}", v) for k, v in sorted(vars(value).items())]
            else:
                members = [(name, value)]
            for label, member in members:
                for suffix, pattern in walk(member):
                    if id(pattern) not in seen:
                        seen.add(id(pattern))
                        found.append((f"{info.name}.{label}{suffix}", pattern))
    return found


def regex_child(start: int) -> None:
    """Child process: time every pattern from `start` on every adversarial string; one line per result."""
    patterns = _package_patterns()
    for index in range(start, len(patterns)):
        label, pattern = patterns[index]
        print(f"START\t{index}\t{label}", flush=True)
        for key, text in ADVERSARIAL.items():
            subject: str | bytes = text
            if isinstance(pattern.pattern, bytes):  # type: ignore[attr-defined]
                subject = text.encode("utf-8")
            begin = time.process_time()
            for _ in pattern.finditer(subject):  # type: ignore[attr-defined]
                pass
            print(f"TIME\t{index}\t{key}\t{time.process_time() - begin:.4f}", flush=True)
    print("DONE", flush=True)


def _run_regex_children() -> dict[str, dict[str, float]]:
    """label → {string: CPU seconds}; a pattern that runs past the wall limit on a string gets inf for it."""
    import os
    import selectors
    import subprocess
    import sys

    labels = [label for label, _ in _package_patterns()]
    results: dict[str, dict[str, float]] = {label: {} for label in labels}
    start = 0
    here = str(Path(__file__).parent)
    while start < len(labels):
        code = f"import sys; sys.path.insert(0, {here!r}); import test_bad_inputs as t; t.regex_child({start})"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([here, os.environ.get("PYTHONPATH", "")])}
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
        assert proc.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(proc.stdout, selectors.EVENT_READ)
        current = start
        last_key = ""
        while True:
            if not selector.select(timeout=30 * REGEX_CPU_BOUND + 30):  # wall time: only to stop a hang
                proc.kill()
                proc.wait()
                keys = list(ADVERSARIAL)
                after = keys.index(last_key) + 1 if last_key else 0
                hung = keys[after] if after < len(keys) else "(between strings)"
                results[labels[current]][hung] = float("inf")
                start = current + 1
                break
            line = proc.stdout.readline()
            if not line or line.startswith("DONE"):
                proc.wait()
                start = len(labels)
                break
            kind, index, rest = line.rstrip("\n").split("\t", 2)
            current = int(index)
            if kind == "START":
                last_key = ""
            else:
                last_key, seconds = rest.split("\t")
                results[labels[current]][last_key] = float(seconds)
        selector.close()
    return results


REGEX_RESULTS: dict[str, dict[str, float]] = {}


@pytest.fixture(scope="module")
def regex_results() -> dict[str, dict[str, float]]:
    """Timings of every package regex on every adversarial string (computed once)."""
    if not REGEX_RESULTS:
        REGEX_RESULTS.update(_run_regex_children())
    return REGEX_RESULTS


def test_every_regex_is_fast_on_adversarial_strings(regex_results: dict[str, dict[str, float]]) -> None:
    assert len(regex_results) > 50, "the package's patterns were not found"
    slow = {
        label: {key: seconds for key, seconds in timings.items() if seconds > REGEX_CPU_BOUND}
        for label, timings in regex_results.items()
    }
    slow = {label: keys for label, keys in slow.items() if keys}
    assert not slow, f"patterns slow on long adversarial strings (CPU s; inf = killed): {slow}"


# ---------------------------------------------------------------- nothing is fetched, run or unpickled

AUDIT: list[tuple[str, str]] = []
AUDITING: list[bool] = [False]
WATCHED_EVENTS = ("socket.", "urllib.", "http.", "ftplib.", "pickle.find_class", "subprocess.", "os.system", "os.exec")


def _audit(event: str, args: tuple[object, ...]) -> None:
    """Record the events that parsing must never cause (an audit hook cannot be removed: it is gated)."""
    if AUDITING[0] and (event == "open" or event.startswith(WATCHED_EVENTS)):
        AUDIT.append((event, repr(args[:1])))


sys.addaudithook(_audit)


def test_hostile_pages_open_no_file_and_no_connection(cases: dict[str, Case]) -> None:
    """Entities, DTDs, XIncludes, iframes and stylesheets that name the secret file or a URL are not followed."""
    hostile = ("doctype_external_entity", "xml_external_entity", "external_dtd_and_resources", "billion_laughs")
    remote = (
        '<!DOCTYPE html SYSTEM "http://198.51.100.7/x.dtd"><html><head>'
        '<link rel="stylesheet" href="http://198.51.100.7/a.css"><script src="http://198.51.100.7/a.js"></script>'
        '</head><body><img src="http://198.51.100.7/a.png"><p>' + SEED_SENTENCE + "</p></body></html>"
    )
    AUDIT.clear()
    AUDITING[0] = True
    try:
        for name in hostile:
            with suppress(ExtractError):
                zx.parse_file(cases[name].path)
        zx.parse(remote, "remote.html")
        zx.parse(remote.encode("gbk"), "remote-gbk.html")
    finally:
        AUDITING[0] = False
    opened = [args for event, args in AUDIT if event == "open"]
    inputs = [str(cases[name].path) for name in hostile]
    assert any(inputs[0] in a for a in opened), "the audit hook saw no file opened: it is not working"
    folder = str(cases[hostile[0]].path.parent)
    assert not [a for a in opened if "passwd" in a or (folder in a and not any(i in a for i in inputs))], opened
    assert not [(e, a) for e, a in AUDIT if e != "open"], AUDIT


def test_no_input_is_unpickled_or_run(cases: dict[str, Case]) -> None:
    """Parsing every bad input neither unpickles, starts a process, nor connects anywhere."""
    AUDIT.clear()
    AUDITING[0] = True
    try:
        for name, case in cases.items():
            if "big" in case.tags or name in KNOWN_FAILURES or name == "fifo":
                continue
            with suppress(ExtractError):
                zx.parse_file(case.path)
    finally:
        AUDITING[0] = False
    assert not [(e, a) for e, a in AUDIT if e != "open"], AUDIT


def test_pdf_page_limit_is_a_setting(cases: dict[str, Case]) -> None:
    """A PDF longer than max_pdf_pages is read up to the limit, and the Document says so."""
    from make_bad_inputs import _pdf

    data = _pdf([f"第{i}行：江津区义务教育学校{i}所。" for i in range(200)])  # about four pages
    doc = zx.parse(data, "long.pdf", limits=zx.Limits(max_pdf_pages=1))
    assert any("max_pdf_pages" in w for w in doc.warnings), doc.warnings
    assert "第0行" in doc.body and "第199行" not in doc.body


@pytest.mark.parametrize(
    "text", ["⑴", "⑴\n正文。", "⒈ 学校\n正文。", "（⑵）标题\n正文。", "¹ 注\n正文。", "١. 标题\n正文。"]
)
def test_digits_that_int_cannot_read(text: str) -> None:
    """⑴ and ⒈ pass str.isdigit() but not int(): found by the fuzz run (b'\\xa2\\xc5' is ⑴ in GB18030)."""
    doc = zx.parse(text, "digits.txt")
    check_document_offsets(doc)


def check_document_offsets(doc: zx.Document) -> None:
    """Sections point at their text in the body."""
    for section in doc.outline():
        assert doc.body[section.start : section.end] == section.text


def test_table_numbered_with_parenthesized_digits() -> None:
    """A table whose rows are numbered ⑴ ⑵ … keeps its figures (the api catches the crash as 'tables skipped')."""
    rows = "".join(
        f"<tr><td>{m}</td><td>学校{i}</td><td>{i * 100}</td><td>{i * 7}</td></tr>" for i, m in enumerate("⑴⑵⑶⑷", 1)
    )
    page = (
        f"<html><body><p>{SEED_SENTENCE}。</p><p>表1 2016年各校经费情况</p><p>单位：万元</p><table>"
        f"<tr><th>序号</th><th>学校</th><th>2015年</th><th>2016年</th></tr>{rows}</table></body></html>"
    )
    doc = zx.parse(page, "numbered.html")
    assert not [w for w in doc.warnings if "skipped" in w], doc.warnings
    assert len([q for q in doc.quantities if q.origin == "table"]) == 8


# ---------------------------------------------------------------- the command line over a mixed batch


def test_convert_batch_of_bad_and_good_pages(cases: dict[str, Case], fixtures: Path, tmp_path: Path) -> None:
    """One line per input, an error or a warning for each broken one, good pages whole, no traceback, exit 1."""
    import json
    import shutil
    import subprocess

    batch = tmp_path / "batch"
    batch.mkdir()
    chosen = {name: case for name, case in cases.items() if "big" not in case.tags and name != "directory"}
    links = {}
    for name, case in chosen.items():
        target = batch / f"{name}{case.path.suffix or '.html'}"
        if case.path.is_symlink() or not case.path.exists() or name == "fifo":
            links[name] = case.path  # given as they are: the generated folder has them
        else:
            shutil.copyfile(case.path, target)
    good = [fixtures / "jiangjin.txt", *sorted((fixtures / "html").glob("*.html"))[:6]]
    for page in good:
        shutil.copyfile(page, batch / f"good_{page.name}")
    out = tmp_path / "out.jsonl"
    inputs = [str(batch), *(str(p) for p in links.values())]
    code = "import sys; from zhengwu_extract.cli import main; sys.exit(main(sys.argv[1:]))"
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", code, "convert", *inputs, "-o", str(out), "--workers", "2", "-q"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - start
    assert proc.returncode != 0, "a batch with failed inputs must say so in its exit status"
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-2000:]
    text = out.read_text(encoding="utf-8", errors="surrogateescape")
    lines = [json.loads(line) for line in text.split("\n") if line]  # not splitlines(): U+2028 is in strings
    expected_inputs = len(chosen) - len([n for n in links if n == "missing_file"]) + len(good)
    by_name = {Path(rec["source"]).name: rec for rec in lines}
    assert len(lines) == len(by_name), "an input has more than one line"
    assert len(lines) in (expected_inputs, expected_inputs + 1), (len(lines), expected_inputs)
    for name, case in chosen.items():
        rec = by_name.get(f"{name}{case.path.suffix or '.html'}") or by_name.get(case.path.name)
        if rec is None:
            assert name == "missing_file", f"{name}: no output line"
            continue
        if case.expect.error is not None:
            assert rec.get("error"), f"{name}: want an error line, got {str(rec)[:200]}"
        elif case.expect.warning and not case.expect.either:
            assert "error" not in rec, f"{name}: {rec.get('error')}"
            assert any(re.search(case.expect.warning, w, re.IGNORECASE) for w in rec["warnings"]), (
                name,
                rec["warnings"],
            )
    for page in good:
        rec = by_name[f"good_{page.name}"]
        assert "error" not in rec and rec["body"], f"{page.name}: {rec.get('error')}"
    assert elapsed < 240, f"the batch took {elapsed:.0f} s"


def test_figure_across_the_cut_of_a_long_sentence() -> None:
    text = "数" * 591 + "宽度19.9553%。"
    for quantity in zx.parse(text, "long.txt").quantities:
        assert quantity.raw in quantity.text, (quantity.raw, quantity.text[-20:])


def _unbounded_repeats(items: object) -> Iterator[object]:
    """The bodies of the unbounded repeats (*, +, {n,}) directly inside a parsed pattern (not inside another repeat)."""
    from re import _constants as c  # type: ignore[attr-defined]

    for op, av in items:  # type: ignore[attr-defined]
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            _lo, hi, sub = av
            if hi == c.MAXREPEAT:
                yield sub
            else:
                yield from _unbounded_repeats(sub)
        elif op == c.SUBPATTERN:
            yield from _unbounded_repeats(av[-1])
        elif op == c.BRANCH:
            for branch in av[1]:
                yield from _unbounded_repeats(branch)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            yield from _unbounded_repeats(av[1])


def test_no_regex_nests_unbounded_quantifiers() -> None:
    """The shape behind catastrophic backtracking, (a+)* or (?:x\\s*)+, appears in no pattern of the package."""
    import re as re_module
    from re import _parser  # type: ignore[attr-defined]

    nested = []
    for label, pattern in _package_patterns():
        source = pattern.pattern  # type: ignore[attr-defined]
        flags = pattern.flags  # type: ignore[attr-defined]
        if isinstance(source, bytes):
            source, flags = source.decode("latin-1"), flags & ~re_module.UNICODE
        tree = _parser.parse(source, flags)
        if any(any(True for _ in _unbounded_repeats(body)) for body in _unbounded_repeats(tree)):
            nested.append(label)
    assert not nested, nested


# ---------------------------------------------------------------- the worker pool under a slow input


def sleepy_job(path: str) -> str:
    """A job for the pool: the input named 'slow' takes two seconds, the others none."""
    if path == "slow":
        time.sleep(2)
    return path.upper()


def test_pool_does_not_hang_behind_a_slow_first_input() -> None:
    """A slow input followed by more quick ones than the result window holds (found with a 12 MB page first)."""
    from zhengwu_extract.pool import ordered_map

    paths = ["slow", *(f"quick{i}" for i in range(60))]
    with hard_limit(60):
        results = list(ordered_map(sleepy_job, paths, workers=2, timeout=30))
    assert [path for path, _ in results] == paths
    assert [outcome for _, outcome in results] == [p.upper() for p in paths]
