"""Uploads are streamed to disk: a 200 MiB body (from a generator) must not grow RSS."""

from __future__ import annotations

import json
import resource
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

MIB = 1 << 20
UPLOAD = 200 * MIB
MAX_GROWTH = 24 * MIB


def _rss() -> int:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class _PeakRss:
    """Samples this process's RSS (the server runs in it too) while a block runs."""

    def __init__(self) -> None:
        self.peak = self.start = _rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, _rss())

    def __enter__(self) -> _PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def growth(self) -> int:
        return self.peak - self.start


def _lines(total: int) -> Iterator[bytes]:
    line = (
        json.dumps(
            {"_techmarketingdemos": {"systemIdentifier": {"loyaltyId": "1"}}, "pad": "x" * 200}
        ).encode()
        + b"\n"
    )
    block = line * (MIB // len(line))
    sent = 0
    while sent + len(block) <= total:
        yield block
        sent += len(block)
    yield line * ((total - sent) // len(line))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc VmRSS")
def test_200_mib_upload_keeps_memory_flat(api: Any) -> None:
    ds = api.dataset_id("Luma Offline Purchase Event Dataset")
    batch_id = api.create_batch(ds, isMultiLineJson=False)
    api.upload(batch_id, ds, "warmup.jsonl", b"{}\n")  # warm the code path up
    t0 = time.monotonic()
    with _PeakRss() as rss:
        r = api.upload(batch_id, ds, "big.jsonl", _lines(UPLOAD))
    elapsed = time.monotonic() - t0
    assert r.status_code == 200, r.text
    assert rss.growth < MAX_GROWTH, f"RSS grew {rss.growth / MIB:.1f} MiB"
    head = api.request("HEAD", api.file_url(batch_id, ds, "big.jsonl"))
    size = int(head.headers["range"].rsplit("-", 1)[1]) + 1
    assert UPLOAD - MIB < size <= UPLOAD
    print(f"\n200 MiB upload: {elapsed:.2f}s, RSS +{rss.growth / MIB:.1f} MiB")
    with _PeakRss() as parse_rss:
        assert api.action(batch_id, "COMPLETE").status_code == 200
    batch = api.wait(batch_id, timeout=30)
    assert batch["status"] == "success"
    assert batch["metrics"]["recordCount"] > 700_000
    assert parse_rss.growth < MAX_GROWTH, f"parse RSS grew {parse_rss.growth / MIB:.1f} MiB"


def test_large_json_array_is_parsed_in_chunks(api: Any) -> None:
    ds = api.dataset_id("Luma Offline Purchase Event Dataset")
    batch_id = api.create_batch(ds)  # isMultiLineJson: true
    record = json.dumps({"pad": "y" * 500}).encode()

    def body() -> Iterator[bytes]:
        yield b"[\n"
        for i in range(40_000):
            yield (b",\n" if i else b"") + record
        yield b"\n]"

    assert api.upload(batch_id, ds, "array.json", body()).status_code == 200
    api.action(batch_id, "COMPLETE")
    batch = api.wait(batch_id, timeout=30)
    assert batch["status"] == "success"
    assert batch["metrics"]["recordCount"] == 40_000
