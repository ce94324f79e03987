"""Showing a Document to a person: a rich terminal view, and HTML / Markdown for Jupyter.

All three show the same three parts — the metadata header, the outline as a tree, the quantity
table — built from the same rows, so the terminal and the notebook never disagree.
"""

from __future__ import annotations

import html
from typing import Any

from .models import Document, Quantity, Section
from .models import Table as DataTable

_QUANTITY_HEADERS = ("indicator", "value", "unit", "year", "kind", "category", "approx")
_HEADING_CHARS = 60


def metadata_items(doc: Document) -> list[tuple[str, str]]:
    """The header fields that are present, as (label, value), then the unknown labels and the signature."""
    items: list[tuple[str, str]] = [("format", doc.format)]
    fields = doc.metadata.model_dump(exclude={"extra", "doc_no_parts"})
    items += [(name, str(value)) for name, value in fields.items() if value not in (None, "")]
    items += list(doc.metadata.extra.items())
    if doc.signature is not None and (doc.signature.issuer or doc.signature.date):
        items.append(("signed", " ".join(part for part in (doc.signature.issuer, doc.signature.date) if part)))
    if doc.warnings:
        items.append(("warnings", str(len(doc.warnings))))
    return items


def quantity_cells(quantity: Quantity) -> tuple[str, ...]:
    """One row of the quantity table, as text."""
    value = quantity.value
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    return (
        quantity.indicator or "",
        ("~" if quantity.approx else "") + shown,
        quantity.unit or "",
        "" if quantity.year is None else str(quantity.year),
        quantity.kind,
        quantity.category or "",
        quantity.qualifier or ("yes" if quantity.approx else ""),
    )


def section_label(section: Section) -> str:
    """A section's marker and heading, cut to a readable length."""
    heading = section.heading if len(section.heading) <= _HEADING_CHARS else section.heading[:_HEADING_CHARS] + "…"
    return f"{section.marker} {heading}".strip()


def _shown(doc: Document, limit: int | None) -> tuple[list[Quantity], int]:
    quantities = doc.quantities if limit is None else doc.quantities[:limit]
    return quantities, len(doc.quantities) - len(quantities)


# --- terminal -------------------------------------------------------------------------------


def show(doc: Document, console: Any = None, *, max_quantities: int | None = 50) -> None:
    """Print the document to the terminal with rich: metadata, outline tree, quantity table, data tables."""
    from rich.console import Console
    from rich.table import Table
    from rich.tree import Tree

    console = console if console is not None else Console()
    console.rule(f"[bold]{doc.title or doc.source or '(untitled)'}")
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="cyan", no_wrap=True)
    meta.add_column(overflow="fold")
    if doc.source:
        meta.add_row("source", doc.source)
    for label, value in metadata_items(doc):
        meta.add_row(label, value)
    console.print(meta)

    tree = Tree(f"[bold]Outline[/] ({len(doc.outline())} sections)")

    def grow(branch: Any, sections: list[Section]) -> None:
        for section in sections:
            grow(branch.add(section_label(section), highlight=False), section.children)

    grow(tree, doc.sections)
    console.print(tree)

    quantities, hidden = _shown(doc, max_quantities)
    table = Table(title=f"Quantities ({len(doc.quantities)})", title_justify="left")
    for header in _QUANTITY_HEADERS:
        table.add_column(header, justify="right" if header in ("value", "year") else "left")
    for quantity in quantities:
        table.add_row(*quantity_cells(quantity))
    console.print(table)
    if hidden:
        console.print(f"… and {hidden} more (--max-quantities 0 shows all)")
    for number, data in enumerate(doc.tables, 1):
        console.print(_rich_grid(Table, number, data))


_TABLE_ROWS = 20  # rows of a data table shown in the terminal


def _rich_grid(table_class: Any, number: int, data: DataTable) -> Any:
    """A data table of the page as a rich table: caption and unit in the title, its first rows."""
    title = " ".join(part for part in (f"Table {number}", data.caption, data.unit and f"({data.unit})") if part)
    grid = table_class(title=title, title_justify="left", show_header=data.header_rows > 0)
    width = max((len(row) for row in data.rows), default=0)
    header = data.rows[0] if data.header_rows else [""] * width
    for c in range(width):
        grid.add_column(header[c] if c < len(header) else "", overflow="fold")
    body = data.rows[data.header_rows :]
    for row in body[:_TABLE_ROWS]:
        grid.add_row(*(row[c] if c < len(row) else "" for c in range(width)))
    if len(body) > _TABLE_ROWS:
        grid.caption = f"… {len(body) - _TABLE_ROWS} more rows"
    return grid


# --- notebook -------------------------------------------------------------------------------


def to_html(doc: Document, max_quantities: int | None = 50) -> str:
    """HTML for Jupyter: title, metadata table, collapsible outline, quantity table."""
    esc = html.escape
    parts = [f"<div class='zx-document'><h4>{esc(doc.title or doc.source or '(untitled)')}</h4>"]
    rows = [("source", doc.source or ""), *metadata_items(doc)]
    parts.append("<table>" + "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows) + "</table>")

    def tree(sections: list[Section]) -> str:
        if not sections:
            return ""
        items = "".join(f"<li>{esc(section_label(s))}{tree(s.children)}</li>" for s in sections)
        return f"<ul>{items}</ul>"

    parts.append(
        f"<details open><summary>Outline ({len(doc.outline())} sections)</summary>{tree(doc.sections)}</details>"
    )
    quantities, hidden = _shown(doc, max_quantities)
    head = "".join(f"<th>{h}</th>" for h in _QUANTITY_HEADERS)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in quantity_cells(q)) + "</tr>" for q in quantities)
    parts.append(f"<p><b>Quantities ({len(doc.quantities)})</b></p><table><tr>{head}</tr>{body}</table>")
    if hidden:
        parts.append(f"<p>… and {hidden} more</p>")
    parts.append("</div>")
    return "".join(parts)


def to_markdown(doc: Document, max_quantities: int | None = 50) -> str:
    """Markdown for Jupyter and for pasting into notes: the same three parts as the HTML."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = [f"#### {cell(doc.title or doc.source or '(untitled)')}", "", "| field | value |", "|---|---|"]
    lines += [f"| {cell(k)} | {cell(v)} |" for k, v in [("source", doc.source or ""), *metadata_items(doc)]]
    lines += ["", f"**Outline** ({len(doc.outline())} sections)", ""]

    def tree(sections: list[Section], depth: int) -> None:
        for section in sections:
            lines.append(f"{'  ' * depth}- {cell(section_label(section))}")
            tree(section.children, depth + 1)

    tree(doc.sections, 0)
    quantities, hidden = _shown(doc, max_quantities)
    lines += ["", f"**Quantities** ({len(doc.quantities)})", ""]
    lines += ["| " + " | ".join(_QUANTITY_HEADERS) + " |", "|" + "---|" * len(_QUANTITY_HEADERS)]
    lines += ["| " + " | ".join(cell(c) for c in quantity_cells(q)) + " |" for q in quantities]
    if hidden:
        lines.append(f"\n… and {hidden} more")
    return "\n".join(lines) + "\n"
