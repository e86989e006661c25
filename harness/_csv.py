"""CSV iteration data, read as Newman reads it.

Newman parses data files with csv-parse 4 (``columns: true, trim: true, relax: true,
relax_column_count: true, bom: true``) and casts each unquoted value: ``/^[+-]?[1-9][0-9]*$/``
gives ``parseInt``, else anything for which ``Number(v) - parseFloat(v) + 1 >= 0`` holds gives
``parseFloat`` (so ``007`` → 7, ``0x10`` → 0, ``1e3`` → 1000, ``Infinity`` and ``1.5abc`` stay
text). Quoted values always stay text. The record delimiter is the first of ``\\r\\n``,
``\\n``, ``\\r`` met outside quotes; a row with fewer fields than the header has fewer keys,
extra fields are dropped, a blank line is a row with one empty field.
"""

from __future__ import annotations

import math
import re
from typing import Any, NoReturn

from harness.errors import InputError

_TRIM = " \t\r\n\f"
_JS_SPACE = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_INT = re.compile(r"[-+]?[1-9]+[0-9]*")
_DECIMAL = re.compile(r"[-+]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")
_RADIX = re.compile(r"0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)")
_BASES = {"x": 16, "o": 8, "b": 2}

Field = tuple[str, bool]  # value, was quoted


def js_number(text: str) -> float:
    """JavaScript's ``Number(text)`` for a string."""
    text = text.strip(_JS_SPACE)
    if not text:
        return 0.0
    if match := _RADIX.fullmatch(text):
        return float(int(match.group(1)[1:], _BASES[match.group(1)[0].lower()]))
    if _DECIMAL.fullmatch(text):
        return _float(text)
    return math.nan


def js_parse_float(text: str) -> float:
    """JavaScript's ``parseFloat(text)``: the longest decimal prefix, else NaN."""
    match = _DECIMAL.match(text.lstrip(_JS_SPACE))
    return _float(match.group(0)) if match else math.nan


def _float(text: str) -> float:
    return float(text.replace("Infinity", "inf"))


def cast(value: str) -> Any:
    """Newman's cast of an unquoted CSV value."""
    if _INT.fullmatch(value):
        return int(value)
    diff = js_number(value) - js_parse_float(value) + 1
    if not (diff >= 0):  # NaN compares false, as in JavaScript
        return value
    number = js_parse_float(value)
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def parse_csv(text: str, path: str = "") -> list[dict[str, Any]]:
    """Rows of ``text`` (BOM already stripped) as objects keyed by the header row."""
    rows = _Reader(text, path).rows()
    if not rows:
        return []
    columns = []
    for value, quoted in rows[0]:
        if not quoted and not isinstance(cast(value), str):
            raise InputError(f"CSV: a column name must not be a number, got {value!r}", path)
        columns.append(value)
    out = []
    for row in rows[1:]:
        record: dict[str, Any] = {}
        for column, (value, quoted) in zip(columns, row, strict=False):
            record[column] = value if quoted else cast(value)
        out.append(record)
    return out


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.delimiter: str | None = None

    def at_delimiter(self, i: int) -> int:
        """Length of the record delimiter at ``i`` (0 if none), detecting it on first use."""
        text = self.text
        if self.delimiter is None:
            if text[i] == "\n":
                self.delimiter = "\n"
            elif text[i] == "\r":
                self.delimiter = "\r\n" if text.startswith("\r\n", i) else "\r"
            else:
                return 0
        return len(self.delimiter) if text.startswith(self.delimiter, i) else 0

    def skip_blanks(self, i: int) -> int:
        while i < len(self.text) and self.text[i] in _TRIM and not self.at_delimiter(i):
            i += 1
        return i

    def rows(self) -> list[list[Field]]:
        text, n = self.text, len(self.text)
        rows: list[list[Field]] = []
        row: list[Field] = []
        i = 0
        while True:
            i = self.skip_blanks(i)
            if i < n and text[i] == '"':
                value, i = self.quoted(i)
                i = self.skip_blanks(i)
                if i < n and text[i] != "," and not self.at_delimiter(i):
                    self.fail("invalid closing quote: found a character after a quote", i)
                row.append((value, True))
            else:
                start = i
                while i < n and text[i] != "," and not self.at_delimiter(i):
                    i += 1
                row.append((text[start:i].rstrip(_TRIM), False))
            if i >= n:
                if row != [("", False)]:
                    rows.append(row)
                return rows
            if text[i] == ",":
                i += 1
                continue
            i += self.at_delimiter(i)
            rows.append(row)
            row = []

    def quoted(self, i: int) -> tuple[str, int]:
        parts, j = [], i + 1
        while True:
            k = self.text.find('"', j)
            if k == -1:
                self.fail("quote not closed", i)
            parts.append(self.text[j:k])
            if not self.text.startswith('""', k):
                return "".join(parts), k + 1
            parts.append('"')
            j = k + 2

    def fail(self, message: str, i: int) -> NoReturn:
        line = self.text.count("\n", 0, i) + 1
        raise InputError(f"CSV: {message} (line {line})", self.path)
