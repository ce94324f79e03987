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
