"""Bytes to text: BOMs, UTF-8, UTF-16, and Windows-1256 (Arabic) when UTF-8 fails.

charset-normalizer is used only as a second opinion: on short Arabic texts it often
picks a wrong single-byte code page, so the Arabic code pages are tried first and judged
by how much of the result is Arabic letters.
"""

from __future__ import annotations

import codecs

from hadath.errors import W_ENCODING_GUESS, W_NUL_BYTES, BinaryInput, EmptyInput, EncodingError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GUESSES = ("cp1256", "iso-8859-6")


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.10


def _plausible(text: str) -> bool:
    """Mostly Arabic, Latin, digits, punctuation and spaces: not a mis-decoding."""
    sample = text[:4000]
    if not sample:
        return False
    good = sum(1 for c in sample if c.isspace() or " " <= c <= "~" or "\u0600" <= c <= "\u06ff")
    return good / len(sample) >= 0.9 and any(c.isalpha() for c in sample)


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    # Arabic in UTF-16 has 0x06 high bytes and ASCII 0x00: NULs on one side only
    even_nuls, odd_nuls = data[0:4096:2].count(0), data[1:4096:2].count(0)
    for encoding, zeros, other in (
        ("utf-16-le", odd_nuls, even_nuls),
        ("utf-16-be", even_nuls, odd_nuls),
    ):
        if other or not zeros:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    return None


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode ``data``; return the text and the warnings to attach to the document."""
    warnings: list[str] = []
    if not data.strip():
        raise EmptyInput("empty input (no text)", source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), warnings
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"invalid {encoding} after its byte-order mark: {exc.reason}", source
                ) from exc
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM is also valid UTF-8 when every byte is below 0x80
        text16 = _utf16_without_bom(data)
        if text16 is not None:
            warnings.append(f"{W_ENCODING_GUESS}: no byte-order mark; read as UTF-16")
            return text16, warnings
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if _looks_binary(data):
            raise BinaryInput("binary data, not text", source) from None
        for encoding in _GUESSES:
            try:
                guess = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _arabic_share(guess) >= 0.5:
                warnings.append(
                    f"{W_ENCODING_GUESS}: not UTF-8; read as {encoding} (Arabic Windows)"
                )
                return guess, warnings
        raise EncodingError("not UTF-8, UTF-16 or an Arabic code page", source) from None
    if "\x00" in text:
        if _looks_binary(data):
            raise BinaryInput("binary data, not text", source)
        text = text.replace("\x00", " ")
        warnings.append(f"{W_NUL_BYTES}: NUL bytes in the input were read as spaces")
    elif _looks_binary(data):
        raise BinaryInput("binary data, not text", source)
    if not text.strip():
        raise EmptyInput("empty input (whitespace only)", source)
    return text, warnings
