"""The package imports and parses the seed page end to end."""

from __future__ import annotations

from pathlib import Path

import zhengwu_extract as zx


def test_parse_seed(fixtures: Path) -> None:
    doc = zx.parse_file(fixtures / "jiangjin.txt")
    assert doc.format == "text"
    assert "江津区义务教育坚持以科学发展观为指导" in doc.body
