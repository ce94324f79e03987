"""examples/explore.ipynb runs top to bottom and shows what it promises."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")

EXAMPLES = Path(__file__).parent.parent / "examples"


def test_explore_notebook_runs(fixtures: Path) -> None:
    notebook = nbformat.read(EXAMPLES / "explore.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("zx-document" in h and "Outline" in h for h in html)  # the Document's own view
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "7 pages," in text
    plotted = any("image/png" in o.get("data", {}) for o in outputs)
    assert plotted or "states no figure with a year" in text


def test_markdown_and_html_views_show_metadata_outline_and_quantities(fixtures: Path) -> None:
    import zhengwu_extract as zx

    doc = zx.parse_file(fixtures / "jiangjin.txt")
    markdown, html = doc._repr_markdown_(), doc._repr_html_()
    for view in (markdown, html):
        assert f"Outline ({len(doc.outline())} sections)" in view.replace("**", "")
        assert f"Quantities ({len(doc.quantities)})" in view.replace("**", "")
        assert doc.metadata.written_date is None or doc.metadata.written_date in view
    for section in doc.outline()[:3]:
        assert section.marker in markdown
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert len(rows) >= 1 + min(len(doc.quantities), 50)
    assert "<script" not in zx.parse("<p>&lt;script&gt;alert(1)</p>" * 3, "x.html")._repr_html_()
