"""Batch ingestion: create, small uploads, lifecycle, actions, parse errors, preview, limits."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sandbox_api import Api

MALFORMED_FILE = Path(__file__).resolve().parents[2] / "collection" / "luma-crm-malformed.json"

IMPORT = "/data/foundation/import/batches"


def test_create_batch_shape(api: Any) -> None:
    ds = api.dataset_id()
    r = api.request("POST", IMPORT, json={"datasetId": ds, "inputFormat": {"format": "json"}})
    assert r.status_code == 201
    batch = r.json()
    assert batch["status"] == "loading"
    assert batch["relatedObjects"] == [{"type": "dataSet", "id": ds}]
    assert batch["imsOrg"] == api.creds.ims_org
    assert batch["version"] == "1.0.0"
    assert {"id", "created", "updated"} <= batch.keys()


@pytest.mark.parametrize(
    "body",
    [
        {"datasetId": "000000000000000000000000", "inputFormat": {"format": "json"}},
        {"inputFormat": {"format": "json"}},
        {"datasetId": "@CRM", "inputFormat": {"format": "xml"}},
        ["not", "an", "object"],
    ],
)
def test_create_batch_bad_request(api: Any, body: Any) -> None:
    if isinstance(body, dict) and body.get("datasetId") == "@CRM":
        body["datasetId"] = api.dataset_id()
    r = api.request("POST", IMPORT, json=body)
    assert r.status_code == 400
    assert r.json()["title"] == "BadRequestError"


def test_lifecycle_loading_processing_success(make_server: Any, crm_records: Any) -> None:
    server = make_server(batch_delay=0.4)
    with httpx.Client(base_url=server.url) as client:
        api = Api(server, client)
        ds = api.dataset_id()
        batch_id = api.create_batch(ds)
        assert api.upload(batch_id, ds, "luma-crm.json", json.dumps(crm_records)).text == "1"
        assert api.batch(batch_id)["status"] == "loading"
        r = api.action(batch_id, "COMPLETE")
        assert (r.status_code, r.text) == (200, "1")
        assert api.batch(batch_id)["status"] == "processing"
        time.sleep(0.45)
        batch = api.batch(batch_id)
    assert batch["status"] == "success"
    assert batch["metrics"]["inputFileCount"] == 1
    assert batch["metrics"]["outputRecordCount"] == len(crm_records)
    assert batch["metrics"]["failedRecordCount"] == 0
    assert "errors" not in batch


def test_put_is_idempotent_and_replaces(api: Any, crm_records: Any) -> None:
    ds = api.dataset_id()
    batch_id = api.create_batch(ds)
    assert api.upload(batch_id, ds, "crm.json", b"[{broken").status_code == 200
    assert api.upload(batch_id, ds, "crm.json", json.dumps(crm_records)).status_code == 200
    api.action(batch_id, "COMPLETE")
    batch = api.wait(batch_id)
    assert batch["status"] == "success"
    assert batch["metrics"]["inputFileCount"] == 1
    assert batch["metrics"]["recordCount"] == len(crm_records)


def test_file_path_with_slashes(api: Any, crm_records: Any) -> None:
    ds = api.dataset_id()
    batch_id = api.create_batch(ds)
    path = "exports/2024/01/luma-crm.json"
    assert api.upload(batch_id, ds, path, json.dumps(crm_records)).text == "1"
    head = api.request("HEAD", api.file_url(batch_id, ds, path))
    assert head.status_code == 200
    size = len(json.dumps(crm_records))
    assert head.headers["range"] == f"bytes=0-{size - 1}"
    assert api.upload(batch_id, ds, "a/%2E%2E/%2E%2E/etc/passwd", b"x").status_code == 400


def test_malformed_file_fails_the_batch(api: Any) -> None:
    ds = api.dataset_id()
    batch_id = api.create_batch(ds)
    api.upload(batch_id, ds, "bad.json", MALFORMED_FILE.read_bytes())
    api.action(batch_id, "COMPLETE")
    batch = api.wait(batch_id)
    assert batch["status"] == "failed"
    assert batch["errors"][0]["code"]
    assert "bad.json" in batch["errors"][0]["description"]
    assert api.profile("5500000", "lumaLoyaltyId").status_code == 404


def test_json_lines_when_not_multiline(api: Any, crm_records: Any) -> None:
    ds = api.dataset_id()
    batch_id = api.create_batch(ds, isMultiLineJson=False)
    lines = "\n".join(json.dumps(r) for r in crm_records)
    api.upload(batch_id, ds, "crm.jsonl", lines)
    api.action(batch_id, "COMPLETE")
    assert api.wait(batch_id)["status"] == "success"
    pretty = api.create_batch(ds, isMultiLineJson=False)
    api.upload(pretty, ds, "crm.json", json.dumps(crm_records, indent=2))
    api.action(pretty, "COMPLETE")
    failed = api.wait(pretty)
    assert failed["status"] == "failed"
    assert failed["metrics"]["failedRecordCount"] > 0


def test_csv_needs_a_header(api: Any) -> None:
    ds = api.dataset_id()
    good = api.create_batch(ds, format="csv")
    csv_text = (
        "_techmarketingdemos.systemIdentifier.loyaltyId,person.name.firstName,personalEmail.address\n"
        "5600001,Zoe,zoe@example.com\n"
    )
    api.upload(good, ds, "crm.csv", csv_text)
    api.action(good, "COMPLETE")
    assert api.wait(good)["status"] == "success"
    profile = api.profile("5600001", "lumaLoyaltyId").json()
    assert next(iter(profile.values()))["entity"]["person"]["name"]["firstName"] == "Zoe"
    empty = api.create_batch(ds, format="csv")
    api.upload(empty, ds, "empty.csv", b"")
    api.action(empty, "COMPLETE")
    assert api.wait(empty)["status"] == "failed"


def test_parquet_magic_is_checked(api: Any) -> None:
    ds = api.dataset_id("Luma Offline Purchase Event Dataset")
    batch_id = api.create_batch(ds, format="parquet")
    api.upload(batch_id, ds, "x.parquet", b"PAR1" + b"\0" * 32 + b"PAR1")
    api.upload(batch_id, ds, "y.parquet", b"not parquet at all")
    api.action(batch_id, "COMPLETE")
    batch = api.wait(batch_id)
    assert batch["status"] == "failed"
    assert len(batch["errors"]) == 1 and "y.parquet" in batch["errors"][0]["description"]


def test_empty_batch_fails(api: Any) -> None:
    batch_id = api.create_batch(api.dataset_id())
    assert api.action(batch_id, "COMPLETE").status_code == 200
    assert api.wait(batch_id)["status"] == "failed"


def test_upload_to_non_loading_batch_is_400(api: Any, crm_records: Any) -> None:
    ds = api.dataset_id()
    batch_id = api.create_batch(ds)
    api.upload(batch_id, ds, "a.json", json.dumps(crm_records))
    api.action(batch_id, "COMPLETE")
    assert api.upload(batch_id, ds, "b.json", b"[]").status_code == 400
    assert api.action(batch_id, "COMPLETE").status_code == 400
    api.wait(batch_id)
    assert api.upload(batch_id, ds, "c.json", b"[]").status_code == 400


def test_upload_errors(api: Any) -> None:
    ds = api.dataset_id()
    other = api.dataset_id("Luma Loyalty Members Dataset")
    batch_id = api.create_batch(ds)
    assert api.upload("nope", ds, "a.json", b"[]").status_code == 404
    assert api.upload(batch_id, other, "a.json", b"[]").status_code == 400
    r = api.request("PUT", api.file_url(batch_id, ds, "a.json"), content=b"[]")
    assert r.status_code == 400  # no content type
    r = api.request(
        "PUT",
        api.file_url(batch_id, ds, "a.json"),
        content=b"[]",
        headers={"Content-Type": "application/json"},
    )
    assert r.json()["detail"] == "A valid content-type must be specified"


def test_multipart_put_stores_the_file_part(api: Any, crm_records: Any) -> None:
    ds = api.dataset_id()
    batch_id = api.create_batch(ds)
    url = api.file_url(batch_id, ds, "crm.json")
    files = {"file": ("crm.json", json.dumps(crm_records), "application/json")}
    assert api.request("PUT", url, files=files).text == "1"
    api.action(batch_id, "COMPLETE")
    assert api.wait(batch_id)["status"] == "success"


def test_abort_fail_revert(api: Any, crm_records: Any) -> None:
    ds = api.dataset_id()
    aborted = api.create_batch(ds)
    assert api.action(aborted, "ABORT").status_code == 200
    assert api.batch(aborted)["status"] == "aborted"
    assert api.action(aborted, "ABORT").status_code == 400
    failed = api.create_batch(ds)
    assert api.action(failed, "FAIL").status_code == 200
    assert api.batch(failed)["status"] == "failed"
    assert api.ingest(crm_records) == "success"
    done = next(
        iter(
            api.request(
                "GET", "/data/foundation/catalog/batches", params={"status": "success"}
            ).json()
        )
    )
    assert api.profile("5500000", "lumaLoyaltyId").status_code == 200
    assert api.action(done, "ABORT").status_code == 400
    assert api.action(done, "REVERT").status_code == 200
    assert api.batch(done)["status"] == "inactive"
    assert api.profile("5500000", "lumaLoyaltyId").status_code == 404


def test_unknown_action_and_batch(api: Any) -> None:
    batch_id = api.create_batch(api.dataset_id())
    assert api.action(batch_id, "EXPLODE").status_code == 400
    assert api.action("nope", "COMPLETE").status_code == 404


def test_preview(api: Any, crm_records: Any) -> None:
    ds = api.dataset_id()
    batch_id = api.create_batch(ds)
    api.upload(batch_id, ds, "crm.json", json.dumps(crm_records))
    r = api.request("GET", f"{IMPORT}/{batch_id}/datasets/{ds}/preview", params={"nrow": 2})
    assert r.status_code == 200
    assert r.json()["data"] == crm_records[:2]
    other = api.dataset_id("Luma Loyalty Members Dataset")
    assert api.request("GET", f"{IMPORT}/{batch_id}/datasets/{other}/preview").status_code == 404


def test_files_per_batch_guardrail(make_server: Any) -> None:
    server = make_server(max_files_per_batch=3)
    with httpx.Client(base_url=server.url) as client:
        api = Api(server, client)
        ds = api.dataset_id()
        batch_id = api.create_batch(ds)
        for i in range(3):
            assert api.upload(batch_id, ds, f"f{i}.json", b"[]").status_code == 200
        assert api.upload(batch_id, ds, "f0.json", b"[]").status_code == 200  # replace: ok
        r = api.upload(batch_id, ds, "f3.json", b"[]")
    assert r.status_code == 400
    assert "at most 3 files" in r.json()["detail"]
