"""Concurrent batches from many clients: every batch lands, no profile is lost."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from sandbox_api import Api

WORKERS = 8
PER_WORKER = 25


def _records(worker: int) -> list[dict[str, Any]]:
    return [
        {
            "_techmarketingdemos": {"systemIdentifier": {"loyaltyId": f"9{worker:02d}{i:04d}"}},
            "person": {"name": {"firstName": f"W{worker}", "lastName": f"R{i}"}},
        }
        for i in range(PER_WORKER)
    ]


def test_concurrent_batches(api: Any) -> None:
    def run(worker: int) -> str:
        with httpx.Client(base_url=api.server.url, timeout=30) as client:
            sandbox = "dev" if worker % 2 else "prod"
            return str(Api(api.server, client).ingest(_records(worker), sandbox=sandbox))

    with ThreadPoolExecutor(WORKERS) as pool:
        statuses = list(pool.map(run, range(WORKERS)))
    assert statuses == ["success"] * WORKERS
    for worker in range(WORKERS):
        sandbox = "dev" if worker % 2 else "prod"
        other = "prod" if worker % 2 else "dev"
        loyalty = f"9{worker:02d}{PER_WORKER - 1:04d}"
        assert api.profile(loyalty, "lumaLoyaltyId", sandbox=sandbox).status_code == 200
        assert api.profile(loyalty, "lumaLoyaltyId", sandbox=other).status_code == 404
    batches = api.request("GET", "/data/foundation/catalog/batches", params={"limit": 100})
    assert len(batches.json()) == WORKERS // 2


def test_concurrent_uploads_to_one_batch(api: Any) -> None:
    ds = api.dataset_id()
    batch_id = api.create_batch(ds)

    def put(i: int) -> int:
        loyalty = f"77{i:03d}"
        body = json.dumps([{"_techmarketingdemos": {"systemIdentifier": {"loyaltyId": loyalty}}}])
        return int(api.upload(batch_id, ds, f"part-{i % 10}.json", body).status_code)

    with ThreadPoolExecutor(WORKERS) as pool:
        assert set(pool.map(put, range(40))) == {200}
    api.action(batch_id, "COMPLETE")
    batch = api.wait(batch_id)
    assert batch["status"] == "success"
    assert batch["metrics"]["inputFileCount"] == 10
