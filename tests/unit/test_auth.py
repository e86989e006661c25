"""Auth: inheritance and each signer, checked against Newman's outputs."""

from __future__ import annotations

import datetime as dt
import hashlib

import httpx
import pytest

from harness import awsv4
from harness.auth import apply_auth, effective_auth
from harness.digest import DigestFlow, digest_header
from harness.errors import UnsupportedFeature
from harness.model import Auth
from harness.wire import Draft

SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"


def draft(**kw: object) -> Draft:
    base: dict[str, object] = dict(method="GET", scheme="http", hostname="example.com",
                                   port=None, path="/p", query=[])
    base.update(kw)
    return Draft(**base)  # type: ignore[arg-type]


def same(text: str) -> str:
    return text


def auth(type_: str, **params: object) -> Auth:
    return Auth(type_, tuple(params.items()))


# -- inheritance -------------------------------------------------------------------------

def test_request_auth_wins() -> None:
    a, f, c = auth("bearer", token="r"), auth("basic"), auth("apikey")
    assert effective_auth(a, [f], c) is a


def test_innermost_folder_then_collection() -> None:
    outer, inner, coll = auth("basic"), auth("bearer"), auth("apikey")
    assert effective_auth(None, [outer, inner], coll) is inner
    assert effective_auth(None, [outer, None], coll) is outer
    assert effective_auth(None, [None], coll) is coll
    assert effective_auth(None, [], None) is None


def test_noauth_stops_inheritance() -> None:
    assert effective_auth(auth("noauth"), [auth("basic")], auth("bearer")) is None
    assert effective_auth(None, [auth("basic"), auth("noauth")], auth("bearer")) is None


# -- simple types ------------------------------------------------------------------------

def test_bearer_replaces_user_authorization() -> None:
    d = draft(headers=[("authorization", "mine"), ("X", "1")])
    apply_auth(auth("bearer", token="{{t}}"), d, lambda s: s.replace("{{t}}", "tok"))
    assert d.headers == [("X", "1"), ("Authorization", "Bearer tok")]


def test_bearer_without_token_does_nothing() -> None:
    d = draft(headers=[("Authorization", "mine")])
    apply_auth(auth("bearer", token=""), d, same)
    assert d.headers == [("Authorization", "mine")]


def test_basic() -> None:
    d = draft()
    apply_auth(auth("basic", username="u", password="p"), d, same)
    assert d.headers == [("Authorization", "Basic dTpw")]


def test_apikey_header_replaces_same_name() -> None:
    d = draft(headers=[("x-api-key", "old"), ("Other", "1")])
    apply_auth(auth("apikey", key="X-Api-Key", value="v", **{"in": "header"}), d, same)
    assert d.headers == [("Other", "1"), ("X-Api-Key", "v")]


def test_apikey_query() -> None:
    d = draft(query=[("x", "1"), ("api_key", "old")])
    apply_auth(auth("apikey", key="api_key", value="v v", **{"in": "query"}), d, same)
    assert d.target == "/p?x=1&api_key=v%20v"


def test_oauth2_header_prefix_and_query() -> None:
    d = draft()
    apply_auth(auth("oauth2", accessToken="tok"), d, same)
    assert d.headers == [("Authorization", "Bearer tok")]
    d = draft()
    apply_auth(auth("oauth2", accessToken="tok", headerPrefix=" Token "), d, same)
    assert d.headers == [("Authorization", "Token tok")]
    d = draft(query=[("access_token", "old")], headers=[("Authorization", "x")])
    apply_auth(auth("oauth2", accessToken="tok", addTokenTo="queryParams"), d, same)
    assert d.headers == [] and d.target == "/p?access_token=tok"


def test_non_string_params_are_js_strings() -> None:
    d = draft()
    apply_auth(auth("basic", username=12, password=True), d, same)
    assert d.headers == [("Authorization", "Basic MTI6dHJ1ZQ==")]


@pytest.mark.parametrize("kind", ["hawk", "ntlm", "edgegrid", "oauth1", "jwt", "asap", "akamai"])
def test_unsupported_types(kind: str) -> None:
    with pytest.raises(UnsupportedFeature, match=f"auth type '{kind}' is not supported"):
        apply_auth(auth(kind), draft(), same)


# -- awsv4 (expected values computed with the aws4 npm library Newman uses) ---------------

def test_awsv4_aws_test_suite_get_vanilla() -> None:
    d = draft(hostname="example.amazonaws.com", path="/")
    awsv4.sign(d, {"accessKey": "AKIDEXAMPLE", "secretKey": SECRET, "service": "service",
                   "region": "us-east-1"}, now=dt.datetime(2015, 8, 30, 12, 36, 0))
    assert dict(d.headers)["Authorization"] == (
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        "SignedHeaders=host;x-amz-date, "
        "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
    )
    assert [k for k, _ in d.headers] == ["Host", "X-Amz-Date", "Authorization"]


def test_awsv4_body_query_and_user_headers() -> None:
    d = draft(method="POST", hostname="127.0.0.1", port="8080", path="/aws/x%20y/../z",
              query=[("b", "2"), ("a", "1 2"), ("a", "0")],
              headers=[("X-Custom", " a  b "), ("Authorization", "old")], hash_source=b"{}")
    awsv4.sign(d, {"accessKey": "AKIDEXAMPLE", "secretKey": SECRET, "region": "eu-west-1"},
               now=dt.datetime(2024, 1, 2, 3, 4, 5))
    headers = dict(d.headers)
    assert headers["X-Amz-Content-Sha256"] == hashlib.sha256(b"{}").hexdigest()
    assert headers["Authorization"].endswith(
        "SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-custom, "
        "Signature=5bf39167d24e45e1e6ff66a0c573e093aa4e51fcbbc2ad97ded502e2327f75d2"
    )
    assert "execute-api" in headers["Authorization"]


def test_awsv4_s3_with_session_token(tmp_path: object) -> None:
    d = draft(hostname="bucket.s3.amazonaws.com", path="/my%20key/a+b",
              query=[("list-type", "2"), ("prefix", "x")])
    awsv4.sign(d, {"accessKey": "AKIDEXAMPLE", "secretKey": SECRET, "service": "s3",
                   "sessionToken": "TOKEN"}, now=dt.datetime(2024, 1, 2, 3, 4, 5))
    headers = dict(d.headers)
    assert headers["X-Amz-Security-Token"] == "TOKEN"
    assert headers["X-Amz-Content-Sha256"] == hashlib.sha256(b"").hexdigest()
    assert headers["Authorization"].endswith(
        "Signature=102fe3f772934d95ce3df9cb4208673ecb660cde76bab33ab08a76b31ad4556a"
    )


def test_awsv4_presign_is_unsupported() -> None:
    with pytest.raises(UnsupportedFeature):
        apply_auth(auth("awsv4", accessKey="a", secretKey="b", addAuthDataToQuery=True),
                   draft(), same)


# -- digest ----------------------------------------------------------------------------

def test_digest_rfc2617_example() -> None:
    header = digest_header(
        {"username": "Mufasa", "realm": "testrealm@host.com", "password": "Circle Of Life",
         "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093", "qop": "auth", "nonceCount": "00000001",
         "clientNonce": "0a4f113b", "opaque": "5ccc069c403ebaf9f0171e9517f40e41"},
        "GET", "/dir/index.html")
    assert 'response="6629fae49393a05397450978507c4ef1"' in header
    assert header.startswith('Digest username="Mufasa", realm="testrealm@host.com"')
    assert 'algorithm="MD5", qop=auth, nc=00000001, cnonce="0a4f113b"' in header


def test_digest_with_known_nonce_signs_first_request() -> None:
    d = draft()
    flow = apply_auth(auth("digest", username="u", password="p", realm="r", nonce="n"), d, same)
    assert flow is None and d.headers[0][1].startswith('Digest username="u"')


def test_digest_challenge_response_flow() -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Authorization"))
        if "Authorization" not in request.headers:
            return httpx.Response(401, headers={
                "WWW-Authenticate": 'Digest realm="r", qop="auth,auth-int", nonce="abc"'})
        return httpx.Response(200)

    d = draft()
    flow = apply_auth(auth("digest", username="u", password="p"), d, same)
    assert isinstance(flow, DigestFlow)
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        response = client.send(httpx.Request("GET", "http://example.com/p"), auth=flow)
    assert response.status_code == 200
    assert seen[0] is None and seen[1] is not None
    assert 'realm="r", nonce="abc", uri="/p"' in seen[1] and "qop=auth," in seen[1]
