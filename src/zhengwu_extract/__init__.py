"""zhengwu_extract: Chinese government portal pages (HTML, text, PDF) into metadata, outlines and quantities."""

from .api import parse, parse_file
from .batch import parse_many
from .errors import ExtractError
from .frame import to_frame
from .load import Limits
from .models import Document, Metadata, Quantity, Section, Signature, Table
from .quantities import extract_quantities

__version__ = "0.1.0"

__all__ = [
    "Document",
    "ExtractError",
    "Limits",
    "Metadata",
    "Quantity",
    "Section",
    "Signature",
    "Table",
    "__version__",
    "extract_quantities",
    "parse",
    "parse_file",
    "parse_many",
    "to_frame",
]


def __getattr__(name: str) -> object:
    """`zx.dask` is imported on first use: Dask is an optional extra."""
    if name == "dask":
        from importlib import import_module

        return import_module(".dask", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
