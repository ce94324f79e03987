"""zhengwu_extract: Chinese government portal pages (HTML, text, PDF) into metadata, outlines and quantities."""

from .api import parse, parse_file
from .errors import ExtractError
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
]
