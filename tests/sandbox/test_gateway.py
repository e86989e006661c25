"""Gateway checks on every Platform call: token, API key, org, sandbox, content type."""

from __future__ import annotations

from typing import Any

import pytest

DATASETS = "/data/foundation/catalog/dataSets"


@pytest.mark.parametrize(
    ("drop", "override", "status", "code"),
    [
        ("Authorization", None, 403, "403010"),
        (None, {"Authorization": "Bearer not-a-token"}, 401, "401013"),
        (None, {"Authorization": "Basic abc"}, 401, "401013"),
        ("x-api-key", None, 403, "403000"),
        (None, {"x-api-key": "wrong-key"}, 403, "403003"),
        ("x-gw-ims-org-id", None, 400, "400003"),
        (None, {"x-gw-ims-org-id": "0000@AdobeOrg"}, 403, "403025"),
    ],
)
def test_gateway_errors(
    api: Any, drop: str | None, override: dict[str, str] | None, status: int, code: str
) -> None:
    headers = api.headers()
    if drop:
        del headers[drop]
    headers.update(override or {})
    r = api.client.get(DATASETS, headers=headers)
    assert r.status_code == status
    assert r.json()["error_code"] == code
    assert r.json()["message"]


def test_gateway_applies_to_every_service(api: Any) -> None:
    for method, path in [
        ("GET", "/data/core/ups/access/entities?schema.name=_xdm.context.profile"),
        ("POST", "/data/foundation/import/batches"),
        ("GET", "/data/foundation/catalog/batches"),
    ]:
        r = api.client.request(method, path)
        assert (r.status_code, r.json()["error_code"]) == (403, "403010")


def test_missing_sandbox_header_means_prod(api: Any) -> None:
    prod = api.request("GET", DATASETS).json()
    default = api.client.get(DATASETS, headers=api.headers(sandbox=None)).json()
    assert default.keys() == prod.keys()


def test_unknown_sandbox_is_403(api: Any) -> None:
    r = api.request("GET", DATASETS, sandbox="no-such-sandbox")
    assert r.status_code == 403
    assert "no-such-sandbox" in r.json()["detail"]


def test_bad_content_type_is_400(api: Any) -> None:
    r = api.request(
        "POST", DATASETS, content=b'{"name": "x"}', headers={"Content-Type": "text/plain"}
    )
    assert r.status_code == 400
    body = r.json()
    assert body["title"] == "BadRequestError"
    assert body["detail"] == "A valid content-type must be specified"
    assert body["status"] == 400


def test_missing_content_type_with_body_is_400(api: Any) -> None:
    r = api.request("POST", "/data/foundation/import/batches", content=b'{"datasetId": "x"}')
    assert r.status_code == 400
    assert r.json()["title"] == "BadRequestError"


def test_vendor_json_content_type_is_accepted(api: Any) -> None:
    r = api.request(
        "POST",
        DATASETS,
        content=b'{"name": "vendor"}',
        headers={"Content-Type": "application/vnd.adobe.xed+json;version=1"},
    )
    assert r.status_code == 201


def test_unknown_route_is_json_404(api: Any) -> None:
    r = api.request("GET", "/data/foundation/nothing-here")
    assert r.status_code == 404
    assert r.json()["status"] == 404
