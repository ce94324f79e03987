"""The errors the library raises: one base class, a subclass per cause, each naming its input."""

from __future__ import annotations


class ExtractError(Exception):
    """An input could not be turned into a Document; the message names the input and the reason."""

    kind = "error"

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)


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


class ReadError(ExtractError):
    """The file could not be read from disk (missing, a directory, no permission, a link loop)."""

    kind = "read"


class ExtractTimeoutError(ExtractError):
    """Processing the input ran past its time limit."""

    kind = "timeout"
