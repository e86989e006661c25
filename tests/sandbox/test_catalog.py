"""Catalog: datasets (list, paging, properties, name filter, look-up, create) and batches."""

from __future__ import annotations

from typing import Any

import pytest

DATASETS = "/data/foundation/catalog/dataSets"
BATCHES = "/data/foundation/catalog/batches"
SEEDED = {"Luma CRM Dataset", "Luma Loyalty Members Dataset", "Luma Offline Purchase Event Dataset"}


def test_seeded_datasets_keyed_by_id(api: Any) -> None:
    body = api.request("GET", DATASETS).json()
    assert {v["name"] for v in body.values()} == SEEDED
    for ds_id, ds in body.items():
        assert len(ds_id) == 24
        assert ds["schemaRef"]["id"].startswith("https://ns.adobe.com/")
        assert {"viewId", "state", "created", "updated", "imsOrg"} <= ds.keys()


def test_limit_defaults_to_20_and_caps_at_100(api: Any) -> None:
    for i in range(25):
        r = api.request("POST", DATASETS, json={"name": f"extra {i}"})
        assert r.status_code == 201
    assert len(api.request("GET", DATASETS).json()) == 20
    assert len(api.request("GET", DATASETS, params={"limit": 100}).json()) == 28
    assert len(api.request("GET", DATASETS, params={"limit": 5, "start": 25}).json()) == 3


@pytest.mark.parametrize("limit", ["0", "101", "-1", "ten"])
def test_bad_limit_is_400(api: Any, limit: str) -> None:
    r = api.request("GET", DATASETS, params={"limit": limit})
    assert r.status_code == 400
    assert r.json()["status"] == 400


def test_empty_query_values_are_ignored(api: Any) -> None:
    r = api.request("GET", DATASETS + "?limit=&name=&properties=&start=")
    assert r.status_code == 200
    assert len(r.json()) == 3


def test_properties_keep_only_those_fields(api: Any) -> None:
    body = api.request("GET", DATASETS, params={"properties": "name,schemaRef"}).json()
    assert all(set(ds) == {"name", "schemaRef"} for ds in body.values())


def test_name_filter(api: Any) -> None:
    body = api.request("GET", DATASETS, params={"name": "Luma CRM Dataset"}).json()
    assert [ds["name"] for ds in body.values()] == ["Luma CRM Dataset"]
    assert api.request("GET", DATASETS, params={"name": "Nope"}).json() == {}


def test_lookup_by_id_and_unknown(api: Any) -> None:
    ds_id = api.dataset_id()
    body = api.request("GET", f"{DATASETS}/{ds_id}").json()
    assert list(body) == [ds_id]
    assert body[ds_id]["name"] == "Luma CRM Dataset"
    props = api.request("GET", f"{DATASETS}/{ds_id}", params={"properties": "name"}).json()
    assert props == {ds_id: {"name": "Luma CRM Dataset"}}
    assert api.request("GET", f"{DATASETS}/000000000000000000000000").status_code == 404


def test_create_dataset_201_with_location(api: Any) -> None:
    payload = {
        "name": "Harness Test Dataset",
        "schemaRef": {"id": "https://ns.adobe.com/x/schemas/1", "contentType": "application/json"},
    }
    r = api.request("POST", DATASETS, json=payload)
    assert r.status_code == 201
    (ref,) = r.json()
    assert ref.startswith("@/dataSets/")
    new_id = ref.split("/")[-1]
    assert r.headers["location"].endswith(f"{DATASETS}/{new_id}")
    got = api.request("GET", f"{DATASETS}/{new_id}").json()[new_id]
    assert got["name"] == "Harness Test Dataset"
    assert got["schemaRef"] == payload["schemaRef"]


@pytest.mark.parametrize("body", [b"{}", b'{"name": ""}', b"[1]", b"{not json"])
def test_create_dataset_bad_body_is_400(api: Any, body: bytes) -> None:
    r = api.request("POST", DATASETS, content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 400


def test_batches_list_filters_and_lookup(api: Any) -> None:
    crm = api.dataset_id()
    loyalty = api.dataset_id("Luma Loyalty Members Dataset")
    b1 = api.create_batch(crm)
    b2 = api.create_batch(loyalty)
    api.action(b2, "ABORT")
    all_batches = api.request("GET", BATCHES).json()
    assert {b1, b2} <= all_batches.keys()
    assert list(api.request("GET", BATCHES, params={"dataSet": crm}).json()) == [b1]
    assert list(api.request("GET", BATCHES, params={"status": "aborted"}).json()) == [b2]
    one = api.request("GET", f"{BATCHES}/{b1}").json()
    assert one[b1]["relatedObjects"] == [{"type": "dataSet", "id": crm}]
    assert api.request("GET", f"{BATCHES}/nope").status_code == 404
    ds = api.request("GET", f"{DATASETS}/{loyalty}").json()[loyalty]
    assert (ds["lastBatchId"], ds["lastBatchStatus"]) == (b2, "aborted")
