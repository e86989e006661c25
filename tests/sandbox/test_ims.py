"""IMS: client-credentials tokens (v3 form, v2 query string), the legacy JWT exchange,
wrong credentials and token expiry."""

from __future__ import annotations

import time
from typing import Any

import httpx

from harness.sandbox import SandboxServer


def _form(server: SandboxServer, **over: str) -> dict[str, str]:
    c = server.state.credentials
    form = {
        "grant_type": "client_credentials",
        "client_id": c.client_id,
        "client_secret": c.client_secret,
        "scope": "openid,AdobeID",
    }
    form.update(over)
    return form


def test_v3_form_body_issues_a_bearer_token(server: SandboxServer, client: httpx.Client) -> None:
    r = client.post("/ims/token/v3", data=_form(server))
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 86399
    assert len(body["access_token"]) > 40


def test_v2_query_string_as_in_adobe_collection(
    server: SandboxServer, client: httpx.Client
) -> None:
    r = client.post("/ims/token/v2", params=_form(server))
    assert r.status_code == 200
    assert r.json()["expires_in"] == 86399 * 1000  # v2 reports milliseconds


def test_wrong_secret_is_401_invalid_client(server: SandboxServer, client: httpx.Client) -> None:
    r = client.post("/ims/token/v3", data=_form(server, client_secret="nope"))
    assert r.status_code == 401
    assert r.json()["error"] == "invalid_client"


def test_unknown_client_is_401(server: SandboxServer, client: httpx.Client) -> None:
    r = client.post("/ims/token/v3", data=_form(server, client_id="someone-else"))
    assert r.status_code == 401
    assert r.json()["error"] == "invalid_client"


def test_missing_client_id_and_bad_grant(server: SandboxServer, client: httpx.Client) -> None:
    form = _form(server)
    del form["client_id"]
    r = client.post("/ims/token/v3", data=form)
    assert (r.status_code, r.json()["error"]) == (400, "invalid_request")
    r = client.post("/ims/token/v3", data=_form(server, grant_type="password"))
    assert (r.status_code, r.json()["error"]) == (400, "unsupported_grant_type")


def test_jwt_exchange_multipart_form(server: SandboxServer, client: httpx.Client) -> None:
    c = server.state.credentials
    fields: dict[str, Any] = {
        "client_id": (None, c.client_id),
        "client_secret": (None, c.client_secret),
        "jwt_token": (None, "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"),
    }
    r = client.post("/ims/exchange/jwt/", files=fields)
    assert r.status_code == 200, r.text
    assert r.json()["token_type"] == "bearer"
    fields["jwt_token"] = (None, "")
    r = client.post("/ims/exchange/jwt", files=fields)
    assert (r.status_code, r.json()["error"]) == (400, "invalid_token")


def test_token_expires(make_server: Any) -> None:
    server = make_server(token_ttl=0.3)
    c = server.state.credentials
    with httpx.Client(base_url=server.url) as client:
        token = client.post("/ims/token/v3", data=_form(server)).json()["access_token"]
        headers = {
            "Authorization": f"Bearer {token}",
            "x-api-key": c.api_key,
            "x-gw-ims-org-id": c.ims_org,
        }
        assert client.get("/data/foundation/catalog/dataSets", headers=headers).status_code == 200
        time.sleep(0.4)
        r = client.get("/data/foundation/catalog/dataSets", headers=headers)
    assert r.status_code == 401
    assert r.json() == {"error_code": "401013", "message": "Oauth token is not valid"}
