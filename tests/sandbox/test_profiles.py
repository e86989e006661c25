"""Profile access: look-ups, visibility after success only, merging, 404/207/422, sandboxes,
the 429 rate limit."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from sandbox_api import Api

ENTITIES = "/data/core/ups/access/entities"


def _entity(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert len(body) == 1
    return dict(next(iter(body.values())))


def test_profile_shape(api: Any, crm_records: Any) -> None:
    assert api.ingest(crm_records) == "success"
    r = api.profile("5500000", "lumaLoyaltyId")
    assert r.status_code == 200
    (xid,) = r.json()
    profile = r.json()[xid]
    assert profile["entityId"] == xid
    assert profile["sources"] == [api.dataset_id()]
    assert profile["lastModifiedAt"].endswith("Z")
    entity = profile["entity"]
    assert {"id": "5500000", "namespace": {"code": "lumaLoyaltyId"}} in entity["identities"]
    assert {"id": "ava.thompson@example.com", "namespace": {"code": "email"}} in entity[
        "identities"
    ]
    assert entity["person"]["name"] == {"firstName": "Ava", "lastName": "Thompson"}
    by_xid = api.request(
        "GET", ENTITIES, params={"schema.name": "_xdm.context.profile", "entityId": xid}
    )
    assert by_xid.json() == r.json()


def test_lookup_by_email(api: Any, crm_records: Any) -> None:
    api.ingest(crm_records)
    entity = _entity(api.profile("mei.tanaka@example.com", "email"))["entity"]
    assert entity["_techmarketingdemos"]["systemIdentifier"]["loyaltyId"] == "5500002"


def test_schema_name_required(api: Any) -> None:
    r = api.request("GET", ENTITIES, params={"entityId": "5500000", "entityIdNS": "lumaLoyaltyId"})
    assert r.status_code == 422
    assert r.json()["statusCode"] == "422"


def test_unknown_profile_is_404(api: Any) -> None:
    r = api.profile("5599999", "lumaLoyaltyId")
    assert r.status_code == 404
    assert r.json()["statusCode"] == "404"


def test_fields_filter(api: Any, crm_records: Any) -> None:
    api.ingest(crm_records)
    params = {
        "schema.name": "_xdm.context.profile",
        "entityId": "5500000",
        "entityIdNS": "lumaLoyaltyId",
        "fields": "person",
    }
    entity = _entity(api.request("GET", ENTITIES, params=params))["entity"]
    assert set(entity) == {"identities", "person"}


def test_visible_only_after_success(make_server: Any, crm_records: Any) -> None:
    server = make_server(batch_delay=0.5)
    with httpx.Client(base_url=server.url) as client:
        api = Api(server, client)
        ds = api.dataset_id()
        batch_id = api.create_batch(ds)
        import json

        api.upload(batch_id, ds, "crm.json", json.dumps(crm_records))
        assert api.profile("5500000", "lumaLoyaltyId").status_code == 404
        api.action(batch_id, "COMPLETE")
        assert api.profile("5500000", "lumaLoyaltyId").status_code == 404
        time.sleep(0.55)
        assert api.profile("5500000", "lumaLoyaltyId").status_code == 200


def test_records_merge_across_datasets(api: Any, crm_records: Any) -> None:
    api.ingest(crm_records)
    loyalty = [
        {
            "_techmarketingdemos": {
                "systemIdentifier": {"loyaltyId": "5500000"},
                "loyalty": {"points": 1200, "tier": "Platinum"},
            }
        }
    ]
    assert api.ingest(loyalty, dataset="Luma Loyalty Members Dataset") == "success"
    profile = _entity(api.profile("ava.thompson@example.com", "email"))
    assert profile["entity"]["_techmarketingdemos"]["loyalty"] == {
        "points": 1200,
        "tier": "Platinum",
    }
    assert profile["entity"]["person"]["name"]["firstName"] == "Ava"
    assert len(profile["sources"]) == 2


def test_dataset_not_enabled_for_profile(api: Any) -> None:
    event = [{"_techmarketingdemos": {"systemIdentifier": {"loyaltyId": "5800000"}}}]
    assert api.ingest(event, dataset="Luma Offline Purchase Event Dataset") == "success"
    assert api.profile("5800000", "lumaLoyaltyId").status_code == 404


def test_identity_map_on_a_new_dataset(api: Any) -> None:
    r = api.request(
        "POST",
        "/data/foundation/catalog/dataSets",
        json={"name": "Web", "tags": {"unifiedProfile": ["enabled:true"]}},
    )
    assert r.status_code == 201
    record = {"identityMap": {"ECID": [{"id": "ecid-1", "primary": True}]}, "web": {"page": 1}}
    assert api.ingest([record], dataset="Web") == "success"
    assert _entity(api.profile("ecid-1", "ECID"))["entity"]["web"] == {"page": 1}


def _many(api: Any, *pairs: tuple[str, str], schema: str = "_xdm.context.profile") -> Any:
    body = {
        "schema": {"name": schema},
        "identities": [{"entityId": i, "entityIdNS": {"code": ns}} for i, ns in pairs],
    }
    return api.request("POST", ENTITIES, json=body)


def test_post_many_200_207_404_422(api: Any, crm_records: Any) -> None:
    api.ingest(crm_records)
    a, b = ("5500000", "lumaLoyaltyId"), ("liam.okafor@example.com", "email")
    ok = _many(api, a, b)
    assert ok.status_code == 200 and len(ok.json()) == 2
    mixed = _many(api, a, ("nobody", "email"))
    assert mixed.status_code == 207
    assert mixed.json()["email:nobody"]["statusCode"] == "404"
    assert _many(api, ("nobody", "email")).status_code == 404
    assert _many(api, a, schema="").status_code == 422
    assert (
        api.request("POST", ENTITIES, json={"schema": {"name": "_xdm.context.profile"}}).status_code
        == 422
    )


def test_sandbox_isolation(api: Any, crm_records: Any) -> None:
    assert api.ingest(crm_records, sandbox="dev") == "success"
    assert api.profile("5500000", "lumaLoyaltyId", sandbox="dev").status_code == 200
    assert api.profile("5500000", "lumaLoyaltyId", sandbox="prod").status_code == 404
    dev_ds = api.dataset_id(sandbox="dev")
    prod_ds = api.dataset_id(sandbox="prod")
    assert dev_ds != prod_ds
    r = api.request("GET", f"/data/foundation/catalog/dataSets/{dev_ds}", sandbox="prod")
    assert r.status_code == 404
    dev_batches = api.request("GET", "/data/foundation/catalog/batches", sandbox="dev").json()
    assert len(dev_batches) == 1
    assert api.request("GET", "/data/foundation/catalog/batches").json() == {}
    batch_id = next(iter(dev_batches))
    assert api.action(batch_id, "REVERT", sandbox="prod").status_code == 404


@pytest.mark.parametrize("rate", [5])
def test_rate_limit_429(make_server: Any, rate: int) -> None:
    server = make_server(profile_rate=rate)
    with httpx.Client(base_url=server.url) as client:
        api = Api(server, client)
        codes = [api.profile("1", "email").status_code for _ in range(rate * 3)]
        assert codes.count(429) >= rate
        limited = api.profile("1", "email")
        assert limited.status_code == 429
        assert limited.json() == [
            {"message": "Too many requests", "retryAfterMs": "500", "statusCode": "429"}
        ]
        assert limited.headers["retry-after"] == "1"
        other = api.profile("1", "email", sandbox="dev")
        assert other.status_code == 404  # another sandbox has its own budget
        assert api.request("GET", "/data/foundation/catalog/dataSets").status_code == 200
        time.sleep(1.0)
        assert api.profile("1", "email").status_code == 404
