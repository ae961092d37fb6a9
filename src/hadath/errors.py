"""Typed errors and warnings with stable codes.

Library code raises these; only the CLI prints them (one line, no traceback) and picks
the exit code. Codes are stable: scripts may match on them.
"""

from __future__ import annotations


class HadathError(Exception):
    """Base class. ``code`` is stable; ``source`` names the input when there is one."""

    code = "HADATH"

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def one_line(self) -> str:
        where = f"{self.source}: " if self.source else ""
        text = " ".join(self.message.split())
        return f"hadath: {where}{text} [{self.code}]"


class UsageError(HadathError):
    """A bad argument or option (exit code 2)."""

    code = "E_USAGE"


class InputError(HadathError):
    """An input that cannot be read as a document."""

    code = "E_INPUT"


class InputNotFound(InputError):
    code = "E_NOT_FOUND"


class EmptyInput(InputError):
    code = "E_EMPTY"


class BinaryInput(InputError):
    code = "E_BINARY"


class EncodingError(InputError):
    code = "E_ENCODING"


class TooLarge(InputError):
    code = "E_TOO_LARGE"


class BadRecord(InputError):
    """A JSON/JSONL record that is not a document (bad JSON, no text field)."""

    code = "E_BAD_RECORD"


class BadHtml(InputError):
    code = "E_BAD_HTML"


class BadArchive(InputError):
    """A WARC file that is truncated or corrupt."""

    code = "E_BAD_WARC"


class UnsupportedInput(InputError):
    code = "E_UNSUPPORTED"


class DataError(HadathError):
    """A knowledge file under hadath/data is missing or invalid (a packaging bug)."""

    code = "E_DATA"


class StoreError(HadathError):
    code = "E_STORE"


class PipelineError(HadathError):
    code = "E_PIPELINE"


# Warning codes: attached to Document.warnings as "CODE: message".
W_ENCODING_GUESS = "W_ENCODING_GUESS"
W_WEEKDAY_MISMATCH = "W_WEEKDAY_MISMATCH"
W_NO_PUB_DATE = "W_NO_PUB_DATE"
W_TRUNCATED = "W_TRUNCATED"
W_NUL_BYTES = "W_NUL_BYTES"


def warning(code: str, message: str) -> str:
    return f"{code}: {message}"
