"""Pydantic models of the public JSON shape (see CONTRACT.md): Document, Metadata, Section, Quantity."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal[
    "money", "percent", "percentage_point", "count", "area", "length", "weight", "volume", "duration", "other"
]
Format = Literal["text", "html", "pdf"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocNumber(_Model):
    """A 发文字号 split into its parts: 渝府发〔2016〕12号 → issuer_code 渝府发, year 2016, serial 12."""

    raw: str
    issuer_code: str | None = None
    year: int | None = None
    serial: int | None = None


class Metadata(_Model):
    """The portal's labelled header fields; absent fields are None, unknown labels go to `extra`."""

    index_no: str | None = None
    doc_no: str | None = None
    subject: str | None = None
    genre: str | None = None
    publisher: str | None = None
    validity: str | None = None
    written_date: str | None = None
    publish_date: str | None = None
    written_time: str | None = None
    publish_time: str | None = None
    doc_no_parts: DocNumber | None = None
    extra: dict[str, str] = Field(default_factory=dict)


class Signature(_Model):
    """The closing 落款 block: who signed and when."""

    issuer: str | None = None
    date: str | None = None
    text: str = ""


class Section(_Model):
    """A numbered section: marker 一、/（一）/1./（1）/①/第X章…, heading, text, offsets into the body."""

    level: int
    marker: str
    number: int | None = None
    heading: str
    text: str = ""
    start: int = 0
    end: int = 0
    items: list[str] = Field(default_factory=list)
    children: list[Section] = Field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """This section and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


class Quantity(_Model):
    """One stated amount: what was measured, how much, in what unit, for which year."""

    indicator: str | None = None
    value: float | int
    unit: str | None = None
    normalized_value: float | int | None = None
    base_unit: str | None = None
    kind: Kind = "other"
    year: int | None = None
    approx: bool = False
    qualifier: str | None = None
    category: str | None = None
    change: str | None = None
    low: float | int | None = None
    high: float | int | None = None
    implied_unit: bool = False
    origin: Literal["text", "table"] = "text"
    raw: str = ""
    text: str = ""
    start: int = 0
    end: int = 0
    section: str | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    total: bool = False
    warnings: list[str] = Field(default_factory=list)


class Table(_Model):
    """A data table of the body: caption, unit, header rows and a grid of cell texts."""

    caption: str | None = None
    unit: str | None = None
    header_rows: int = 0
    rows: list[list[str]] = Field(default_factory=list)
    source: str = "html"
    page: int | None = None
    start: int | None = None


class Document(_Model):
    """A parsed portal page. `model_dump(mode="json")` is the batch output line."""

    source: str | None = None
    format: Format
    title: str | None = None
    metadata: Metadata = Field(default_factory=Metadata)
    body: str = ""
    signature: Signature | None = None
    attachments: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def outline(self) -> list[Section]:
        """Every section, flattened in document order."""
        return [s for top in self.sections for s in top.walk()]

    def quantities_frame(self) -> Any:
        """The quantities as a pandas DataFrame, one row per quantity (needs pandas)."""
        from .frame import to_frame

        return to_frame([self])

    def _repr_html_(self) -> str:
        """Jupyter: metadata, outline and quantity table."""
        from .display import to_html

        return to_html(self)

    def _repr_markdown_(self) -> str:
        """Jupyter (Markdown front ends): metadata, outline and quantity table."""
        from .display import to_markdown

        return to_markdown(self)

    def extra_info(self) -> dict[str, Any]:
        """Small summary used by the command line and notebooks."""
        return {
            "source": self.source,
            "title": self.title,
            "sections": len(self.outline()),
            "quantities": len(self.quantities),
            "warnings": len(self.warnings),
        }
