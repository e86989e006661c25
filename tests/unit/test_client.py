"""The HTTP client against a real server on 127.0.0.1 (and MockTransport for the seam)."""

from __future__ import annotations

import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers.echo import EchoServer  # noqa: E402

from harness.build import BuildOptions, build_request, resolve_request  # noqa: E402
from harness.client import Client, ClientOptions  # noqa: E402
from harness.errors import SendError  # noqa: E402
from harness.model import Auth, Request  # noqa: E402
from harness.parse_url import url_from_string  # noqa: E402
from harness.variables import Resolver, Scopes  # noqa: E402


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with EchoServer() as echo:
        yield echo


def built(url: str, method: str = "GET", auth: Auth | None = None) -> httpx.Request:
    res = Resolver(Scopes())
    request = resolve_request(Request(method, url_from_string(url)), res, set())
    return build_request(request, auth, BuildOptions(), res)[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_send_and_receive(server: EchoServer) -> None:
    with Client() as client:
        response = client.send(built(server.url + "/echo?a=1"))
    assert response.status == 200 and response.reason == "OK"
    assert response.elapsed_ms > 0
    assert '"target": "/echo?a=1"' in response.text()
    assert ("Content-Type", "application/json") in response.headers


def test_connection_refused_names_url() -> None:
    url = f"http://127.0.0.1:{free_port()}/x"
    with Client() as client, pytest.raises(SendError) as info:
        client.send(built(url), item="Req")
    assert str(info.value) == f"connection refused: {url}"
    assert info.value.url == url and info.value.item == "Req"


def test_timeout(server: EchoServer) -> None:
    with Client(ClientOptions(timeout_request_ms=100)) as client, pytest.raises(SendError) as info:
        client.send(built(server.url + "/delay/1000"))
    assert str(info.value) == f"request timed out after 100 ms: {server.url}/delay/1000"


def test_redirects_followed_or_not(server: EchoServer) -> None:
    with Client() as client:
        assert client.send(built(server.url + "/redirect/2")).status == 200
        assert client.send(built(server.url + "/redirect/2"), follow_redirects=False).status == 302
    with Client(ClientOptions(follow_redirects=False)) as client:
        assert client.send(built(server.url + "/redirect/1")).status == 302
        assert client.send(built(server.url + "/redirect/1"), follow_redirects=True).status == 200


def test_too_many_redirects(server: EchoServer) -> None:
    options = ClientOptions(max_redirects=2)
    with Client(options) as client, pytest.raises(SendError, match="too many"):
        client.send(built(server.url + "/redirect/5"))


def test_cookies_kept_across_requests(server: EchoServer) -> None:
    with Client() as client:
        client.send(built(server.url + "/cookies/set?session=abc&b=2"))
        assert {c["name"]: c["value"] for c in client.cookies} == {"session": "abc", "b": "2"}
        assert client.cookies[0]["path"] == "/" and client.cookies[0]["domain"]
        client.send(built(server.url + "/cookies"))
    sent = server.exchanges[-1]
    assert sent.header("Cookie") in ("session=abc; b=2", "b=2; session=abc")


def test_gzip_body_decoded(server: EchoServer) -> None:
    with Client() as client:
        response = client.send(built(server.url + "/gzip"))
    assert response.text() == '{"gzipped": true}'


def test_digest_challenge_against_server(server: EchoServer) -> None:
    auth = Auth("digest", (("username", "Mufasa"), ("password", "Circle Of Life")))
    with Client() as client:
        response = client.send(built(server.url + "/digest?x=1", auth=auth))
    assert response.status == 200
    assert server.exchanges[-2].header("Authorization") is None
    assert (server.exchanges[-1].header("Authorization") or "").startswith("Digest ")


def test_no_nagle_delay_on_loopback(server: EchoServer) -> None:
    with Client() as client:
        client.send(built(server.url + "/echo", "POST"))
        started = time.perf_counter()
        for _ in range(20):
            client.send(built(server.url + "/echo", "POST"))
        per_request = (time.perf_counter() - started) / 20
    assert per_request < 0.02, per_request


def test_transport_seam() -> None:
    seen: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.raw_path)
        return httpx.Response(201, text="made")

    with Client(ClientOptions(transport=httpx.MockTransport(handler))) as client:
        response = client.send(built("http://example.test/a b"))
    assert seen == [b"/a%20b"] and response.status == 201 and response.body == b"made"


# -- protocolProfileBehavior carried per request ---------------------------------------------


def test_disable_cookies_neither_sends_nor_keeps(server: EchoServer) -> None:
    with Client() as client:
        client.send(built(server.url + "/cookies/set?kept=1"))
        client.send(built(server.url + "/cookies/set?dropped=2"), cookies=False)
        assert [c["name"] for c in client.cookies] == ["kept"]
        server.exchanges.clear()
        client.send(built(server.url + "/echo"), cookies=False)
        assert server.exchanges[-1].header("cookie") is None
        client.send(built(server.url + "/echo"))
        assert server.exchanges[-1].header("cookie") == "kept=1"


def test_max_redirects_per_request(server: EchoServer) -> None:
    with Client() as client:
        assert client.send(built(server.url + "/redirect/3")).status == 200
        with pytest.raises(SendError, match="too many redirects"):
            client.send(built(server.url + "/redirect/3"), max_redirects=2)
        assert client.send(built(server.url + "/redirect/3")).status == 200  # back to default


def test_strict_ssl_false_uses_a_non_verifying_client_with_the_same_jar() -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("cookie", ""))
        return httpx.Response(200, headers={"Set-Cookie": "s=1; Path=/"})

    with Client(ClientOptions(transport=httpx.MockTransport(answer))) as client:
        client.send(built("https://tls.test/a"), verify=False)
        assert client._other is not None and client._other is not client._http
        assert client._for(True) is client._http and client._for(None) is client._http
        client.send(built("https://tls.test/b"))
        assert seen == ["", "s=1"]  # the cookie set through one client is sent by the other


def test_disable_url_encoding_reaches_the_wire(server: EchoServer) -> None:
    res = Resolver(Scopes())
    request = resolve_request(Request("GET", url_from_string(server.url + "/raw/{x}?q='v'")),
                              res, set())
    http, _ = build_request(request, None, BuildOptions(), res,
                            behavior={"disableUrlEncoding": True})
    with Client() as client:
        assert client.send(http).status == 200
    assert server.exchanges[-1].target == "/raw/{x}?q='v'"
