"""Large files: INITIALIZE, PATCH chunks with Content-Range, HEAD, COMPLETE, and the 400s."""

from __future__ import annotations

import json
from typing import Any

import pytest


def _setup(api: Any, path: str = "big/luma-crm.json") -> tuple[str, str, str]:
    ds = api.dataset_id()
    batch_id = api.create_batch(ds)
    return batch_id, ds, api.file_url(batch_id, ds, path)


def _init(api: Any, url: str) -> int:
    return int(api.request("POST", url, params={"action": "INITIALIZE"}).status_code)


def _patch(api: Any, url: str, data: bytes, start: int, total: int, **kw: Any) -> Any:
    headers = {
        "Content-Type": "application/octet-stream",
        "Content-Range": f"bytes {start}-{start + len(data) - 1}/{total}",
    }
    headers.update(kw.pop("headers", {}))
    return api.request("PATCH", url, content=data, headers=headers, **kw)


def _finish(api: Any, url: str) -> Any:
    return api.request("POST", url, params={"action": "COMPLETE"})


def test_chunked_upload_out_of_order(api: Any, crm_records: Any) -> None:
    batch_id, _ds, url = _setup(api)
    data = json.dumps(crm_records).encode()
    third = len(data) // 3
    parts = [(0, data[:third]), (third, data[third : 2 * third]), (2 * third, data[2 * third :])]
    assert _init(api, url) == 201
    for start, chunk in [parts[2], parts[0]]:
        assert _patch(api, url, chunk, start, len(data)).status_code == 200
    head = api.request("HEAD", url)
    assert head.status_code == 200
    assert head.headers["range"] == f"bytes=0-{third - 1},{2 * third}-{len(data) - 1}"
    assert _patch(api, url, parts[1][1], parts[1][0], len(data)).status_code == 200
    assert api.request("HEAD", url).headers["range"] == f"bytes=0-{len(data) - 1}"
    assert _finish(api, url).status_code == 201
    api.action(batch_id, "COMPLETE")
    assert api.wait(batch_id)["status"] == "success"
    assert api.profile("5500003", "lumaLoyaltyId").status_code == 200


def test_missing_chunk_is_400_at_completion(api: Any) -> None:
    _batch, _ds, url = _setup(api)
    _init(api, url)
    assert _patch(api, url, b"a" * 10, 0, 30).status_code == 200
    assert _patch(api, url, b"c" * 10, 20, 30).status_code == 200
    r = _finish(api, url)
    assert r.status_code == 400
    assert "missing" in r.json()["detail"]


def test_missing_tail_is_400(api: Any) -> None:
    _batch, _ds, url = _setup(api)
    _init(api, url)
    _patch(api, url, b"a" * 10, 0, 30)
    assert _finish(api, url).status_code == 400


def test_overlapping_chunks_are_400(api: Any) -> None:
    _batch, _ds, url = _setup(api)
    _init(api, url)
    assert _patch(api, url, b"a" * 20, 0, 30).status_code == 200
    assert _patch(api, url, b"b" * 20, 10, 30).status_code == 200
    r = _finish(api, url)
    assert r.status_code == 400
    assert "overlapping" in r.json()["detail"]


def test_resent_chunk_is_not_an_overlap(api: Any) -> None:
    _batch, _ds, url = _setup(api)
    _init(api, url)
    for _ in range(2):
        assert _patch(api, url, b"[]", 0, 2).status_code == 200
    assert _finish(api, url).status_code == 201


@pytest.mark.parametrize(
    "content_range",
    ["", "bytes 0-9", "bytes 5-1/10", "bytes 0-10/10", "items 0-9/10", "bytes a-b/c"],
)
def test_bad_content_range_is_400(api: Any, content_range: str) -> None:
    _batch, _ds, url = _setup(api)
    _init(api, url)
    headers = {"Content-Type": "application/octet-stream", "Content-Range": content_range}
    r = api.request("PATCH", url, content=b"x" * 10, headers=headers)
    assert r.status_code == 400


def test_chunk_length_and_total_must_match(api: Any) -> None:
    _batch, _ds, url = _setup(api)
    _init(api, url)
    r = _patch(api, url, b"x" * 5, 0, 20, headers={"Content-Range": "bytes 0-9/20"})
    assert r.status_code == 400
    assert _patch(api, url, b"x" * 10, 0, 20).status_code == 200
    assert _patch(api, url, b"x" * 10, 10, 40).status_code == 400


def test_patch_before_initialize_is_400(api: Any) -> None:
    _batch, _ds, url = _setup(api)
    assert _patch(api, url, b"x" * 10, 0, 10).status_code == 400
    assert api.request("HEAD", url).status_code == 404


def test_multipart_chunks(api: Any) -> None:
    batch_id, _ds, url = _setup(api)
    data = b'[{"_techmarketingdemos": {"systemIdentifier": {"loyaltyId": "5700001"}}}]'
    _init(api, url)
    for start in (0, 40):
        chunk = data[start : start + 40]
        headers = {"Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{len(data)}"}
        files = {"file": ("part", chunk, "application/octet-stream")}
        r = api.request("PATCH", url, files=files, headers=headers)
        assert r.status_code == 200, r.text
    assert _finish(api, url).status_code == 201
    api.action(batch_id, "COMPLETE")
    assert api.wait(batch_id)["status"] == "success"
    assert api.profile("5700001", "lumaLoyaltyId").status_code == 200


def test_batch_complete_needs_large_files_complete(api: Any) -> None:
    batch_id, _ds, url = _setup(api)
    _init(api, url)
    _patch(api, url, b"[]", 0, 2)
    r = api.action(batch_id, "COMPLETE")
    assert r.status_code == 400
    assert api.batch(batch_id)["status"] == "loading"
