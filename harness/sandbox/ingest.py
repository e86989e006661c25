"""Streaming parsers for files uploaded to a batch (JSON, JSON lines, CSV, Parquet).

Files are read in chunks, so a large upload is never held whole in memory. A JSON batch
created with ``isMultiLineJson: true`` holds a JSON array (or one or more JSON objects that may
span lines); with ``isMultiLineJson: false`` (Adobe's default) every line is one JSON object.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from harness.sandbox.state import JsonDict, Outcome

CHUNK = 1 << 20
MAX_VALUE_BUFFER = 64 << 20
MAX_ERROR_ROWS = 100
Row = tuple[int, JsonDict | None, str | None]


class ParseError(ValueError):
    """The file is not well-formed for its declared input format."""


class _JsonStream:
    """Yields the top-level JSON values of a file, unpacking one top-level array."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.decoder = json.JSONDecoder()
        self.utf8 = codecs.getincrementaldecoder("utf-8-sig")()
        self.buf = ""
        self.pos = 0
        self.eof = False

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.fh.read(CHUNK)
        if not chunk:
            self.eof = True
            self.buf = self.buf[self.pos :] + self.utf8.decode(b"", final=True)
        else:
            self.buf = self.buf[self.pos :] + self.utf8.decode(chunk)
        self.pos = 0
        return True

    def _peek(self) -> str:
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def _value(self) -> Any:
        self._peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if len(self.buf) - self.pos > MAX_VALUE_BUFFER or not self._fill():
                    raise ParseError(f"invalid JSON: {exc.msg}") from exc
                continue
            if end == len(self.buf) and not self.eof:
                self._fill()
                continue
            self.pos = end
            return value

    def values(self) -> Iterator[Any]:
        first = self._peek()
        if first == "":
            raise ParseError("the file is empty")
        while first:
            if first == "[":
                self.pos += 1
                yield from self._array()
            else:
                yield self._value()
            first = self._peek()

    def _array(self) -> Iterator[Any]:
        if self._peek() == "]":
            self.pos += 1
            return
        while True:
            yield self._value()
            sep = self._peek()
            self.pos += 1
            if sep == "]":
                return
            if sep != ",":
                raise ParseError("invalid JSON: expected ',' or ']' in array")


def _json_rows(fh: BinaryIO) -> Iterator[Row]:
    for row, value in enumerate(_JsonStream(fh).values(), start=1):
        if isinstance(value, dict):
            yield row, value, None
        else:
            yield row, None, f"row {row} is not a JSON object"


def _json_line_rows(fh: BinaryIO) -> Iterator[Row]:
    row = 0
    for raw in fh:
        line = raw.strip()
        if not line:
            continue
        row += 1
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield row, None, f"row {row} is not valid JSON: {exc}"
            continue
        if isinstance(value, dict):
            yield row, value, None
        else:
            yield row, None, f"row {row} is not a JSON object"
    if row == 0:
        raise ParseError("the file is empty")


def _nest(header: list[str], values: list[str]) -> JsonDict:
    record: JsonDict = {}
    for key, value in zip(header, values, strict=True):
        node = record
        parts = key.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return record


def _csv_rows(fh: BinaryIO) -> Iterator[Row]:
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        header = next(reader)
    except StopIteration:
        raise ParseError("the file is empty: a CSV file needs a header row") from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise ParseError(f"invalid CSV header: {exc}") from exc
    if not any(h.strip() for h in header):
        raise ParseError("the CSV header row is empty")
    for row, values in enumerate(reader, start=1):
        if len(values) != len(header):
            yield row, None, f"row {row} has {len(values)} columns, the header has {len(header)}"
        else:
            yield row, _nest(header, values), None


def _parquet_rows(fh: BinaryIO) -> Iterator[Row]:
    head = fh.read(4)
    size = fh.seek(0, io.SEEK_END)
    tail = b""
    if size >= 8:
        fh.seek(size - 4)
        tail = fh.read(4)
    if head != b"PAR1" or tail != b"PAR1":
        raise ParseError("not a Parquet file (missing PAR1 magic)")
    return iter(())


def iter_rows(path: Path, input_format: JsonDict) -> Iterator[Row]:
    """Rows of one file as (row number, record or None, error or None)."""
    fmt = str(input_format.get("format", "json")).lower()
    with path.open("rb") as fh:
        if fmt == "csv":
            yield from _csv_rows(fh)
        elif fmt == "parquet":
            yield from _parquet_rows(fh)
        elif input_format.get("isMultiLineJson", False):
            yield from _json_rows(fh)
        else:
            yield from _json_line_rows(fh)


def parse_batch(files: list[tuple[str, Path]], input_format: JsonDict, keep: bool) -> Outcome:
    """Parse every file of a batch; ``keep`` retains the records (for profile ingestion)."""
    records: list[JsonDict] = []
    errors: list[JsonDict] = []
    count = failed = 0
    for name, path in files:
        bad_rows: list[int] = []
        try:
            for row, record, _msg in iter_rows(path, input_format):
                if record is None:
                    failed += 1
                    if len(bad_rows) < MAX_ERROR_ROWS:
                        bad_rows.append(row)
                    continue
                count += 1
                if keep:
                    records.append(record)
        except (ParseError, UnicodeDecodeError, csv.Error) as exc:
            errors.append(_error("INGEST-PARSE-400", f"{name}: {exc}", bad_rows))
            continue
        if bad_rows:
            errors.append(_error("INGEST-ROWS-400", f"{name}: malformed rows", bad_rows))
    return Outcome(records=records, errors=errors, record_count=count, failed_count=failed)


def _error(code: str, description: str, rows: list[int]) -> JsonDict:
    return {"code": code, "description": description, "rows": [str(r) for r in rows]}


def preview_rows(files: list[tuple[str, Path]], input_format: JsonDict, limit: int) -> list[Any]:
    """The first ``limit`` well-formed records of a batch (for the preview endpoint)."""
    out: list[Any] = []
    for _name, path in files:
        try:
            for _row, record, _msg in iter_rows(path, input_format):
                if record is not None:
                    out.append(record)
                if len(out) >= limit:
                    return out
        except (ParseError, UnicodeDecodeError, csv.Error):
            continue
    return out
