"""Tables of quantities: one row per quantity with its document's source, title, publisher and dates.

The same rows feed `to_frame` (pandas), the CSV and the Parquet output of the batch, so a figure reads
the same everywhere. pandas and pyarrow are optional and imported only when asked for.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .errors import ExtractError
from .models import Document

DOCUMENT_COLUMNS = ("source", "title", "publisher", "doc_no", "written_date", "publish_date")
QUANTITY_COLUMNS = (
    "indicator",
    "value",
    "unit",
    "normalized_value",
    "base_unit",
    "kind",
    "year",
    "approx",
    "qualifier",
    "category",
    "change",
    "origin",
    "section",
    "text",
    "start",
    "end",
)
COLUMNS = DOCUMENT_COLUMNS + QUANTITY_COLUMNS

# Column types for Parquet, so that every batch of rows has the same schema.
_ARROW_TYPES = {
    "value": "float64",
    "normalized_value": "float64",
    "year": "int64",
    "approx": "bool",
    "start": "int64",
    "end": "int64",
}
_BATCH_ROWS = 5000


def quantity_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The rows of one output record (a Document's JSON); an error record has none."""
    if "error" in record:
        return
    metadata = record.get("metadata") or {}
    head = {
        "source": record.get("source"),
        "title": record.get("title"),
        "publisher": metadata.get("publisher"),
        "doc_no": metadata.get("doc_no"),
        "written_date": metadata.get("written_date"),
        "publish_date": metadata.get("publish_date"),
    }
    for quantity in record.get("quantities") or ():
        yield head | {name: quantity.get(name) for name in QUANTITY_COLUMNS}


def _as_record(item: Document | ExtractError | Mapping[str, Any]) -> Mapping[str, Any] | None:
    if isinstance(item, ExtractError):
        return None
    if isinstance(item, Document):
        return item.model_dump(mode="json", include={"source", "title", "metadata", "quantities"})
    return item


def to_frame(docs: Iterable[Document | ExtractError | Mapping[str, Any]]) -> Any:
    """A pandas DataFrame of the quantities of `docs`, one row per quantity (errors are skipped).

    Takes Documents, what `parse_many` yields, or records read back from a JSON-lines output.
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_frame needs pandas: pip install 'zhengwu-extract[pandas]'") from exc
    rows = [row for item in docs if (record := _as_record(item)) is not None for row in quantity_rows(record)]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for name in ("written_date", "publish_date"):
        frame[name] = pd.to_datetime(frame[name], errors="coerce", format="ISO8601")
    frame["year"] = frame["year"].astype("Int64")
    return frame


def write_records(records: Iterable[Mapping[str, Any]], path: Path, fmt: str) -> None:
    """Write output records as a JSON array (`json`), or their quantity rows as `csv` or `parquet`."""
    if fmt == "json":
        _write_json(records, path)
    elif fmt == "csv":
        _write_csv(records, path)
    elif fmt == "parquet":
        _write_parquet(records, path)
    else:
        raise ValueError(f"unknown format {fmt!r}")


def _write_json(records: Iterable[Mapping[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8", errors="surrogateescape") as fh:  # file names as their bytes
        fh.write("[")
        for i, record in enumerate(records):
            fh.write(",\n" if i else "\n")
            fh.write(json.dumps(record, ensure_ascii=False))
        fh.write("\n]\n")


def _write_csv(records: Iterable[Mapping[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8", errors="surrogateescape", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for record in records:
            writer.writerows(quantity_rows(record))


def _write_parquet(records: Iterable[Mapping[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.type_for_alias(_ARROW_TYPES.get(name, "string"))) for name in COLUMNS])
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.extend(quantity_rows(record))
            if len(batch) >= _BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist(_typed(batch), schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(_typed(batch), schema=schema))


def _typed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Values as the Parquet schema wants them: numbers as floats, file names as valid UTF-8."""
    for row in rows:
        if isinstance(row["source"], str):
            row["source"] = row["source"].encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        for name in ("value", "normalized_value"):
            if row[name] is not None:
                row[name] = float(row[name])
    return rows
