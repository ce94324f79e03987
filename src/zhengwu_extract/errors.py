"""The errors the library raises: one base class, a subclass per cause, each naming its input.

Every error has a short machine-readable `kind` (for the batch output and for counting failures)
and a message `"<source>: <reason>"` so that a line of a 100,000-page batch says which page and why.
"""

from __future__ import annotations

import time
from contextvars import ContextVar


class ExtractError(Exception):
    """An input could not be turned into a Document; the message names the input and the reason."""

    kind = "error"

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)

    def __reduce__(self) -> tuple[type[ExtractError], tuple[str, str | None]]:
        """Pickle by (reason, source) so errors cross process boundaries in a parallel batch."""
        return (type(self), (self.reason, self.source))


class EmptyInputError(ExtractError):
    """The input has no content (empty or whitespace only)."""

    kind = "empty"


class InputTooLargeError(ExtractError):
    """The input is larger than the configured limit."""

    kind = "too_large"


class DecodeError(ExtractError):
    """The bytes are not text in any encoding we can read (binary junk, mojibake)."""

    kind = "decode"


class UnsupportedFormatError(ExtractError):
    """The input is a format the library does not read (zip, gzip, image …)."""

    kind = "unsupported_format"


class PdfError(ExtractError):
    """A PDF that cannot be read: truncated, encrypted, or without a text layer."""

    kind = "pdf"


class DamagedPdfError(PdfError):
    """The PDF is truncated or its structure is broken beyond what the reader can recover."""

    kind = "pdf_damaged"


class EncryptedPdfError(PdfError):
    """The PDF is encrypted (password-protected) and cannot be read without the password."""

    kind = "pdf_encrypted"


class NoTextLayerError(PdfError):
    """The PDF has pages but no text layer (scanned images): OCR would be needed to read it."""

    kind = "pdf_no_text"


class PdfTooLargeError(PdfError, InputTooLargeError):
    """The PDF has more pages, or decompresses to more bytes, than the configured limits allow."""

    kind = "pdf_too_large"


class ReadError(ExtractError):
    """The file could not be read from disk (missing, a directory, no permission, a link loop)."""

    kind = "read"


class ExtractTimeoutError(ExtractError):
    """Processing the input ran past its time limit."""

    kind = "timeout"


# The wall-clock time (time.monotonic) by which the parse of this thread's input must end, its
# limit and its source: checked at the stages' loops where the POSIX alarm cannot be used (a worker
# thread of a dask or thread-pool batch).
_DEADLINE: ContextVar[tuple[float, float, str | None] | None] = ContextVar("zhengwu_extract_deadline", default=None)


def check_deadline() -> None:
    """Raise ExtractTimeoutError when the input being parsed in this thread has run past its limit."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise ExtractTimeoutError(f"processing took longer than the limit of {deadline[1]:g} s", deadline[2])


class InternalError(ExtractError):
    """A stage of the pipeline failed in an unexpected way (a bug); the original is the __cause__."""

    kind = "internal"

    def __init__(self, reason: str, source: str | None = None, stage: str | None = None) -> None:
        self.stage = stage
        super().__init__(reason, source)

    def __reduce__(self) -> tuple[type[ExtractError], tuple[str, str | None, str | None]]:  # type: ignore[override]
        """Pickle with the stage as well."""
        return (type(self), (self.reason, self.source, self.stage))
