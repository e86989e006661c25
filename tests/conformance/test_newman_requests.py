"""The same collection through Newman and through harness: the same bytes must arrive.

Both runs hit one recording echo server; each request Newman sent is compared with ours:
method, request target (byte for byte), headers (names, values and order) and body.
Differences by nature are normalised: User-Agent, Postman-Token, multipart boundaries,
awsv4's date and signature, digest's client nonce, and the position of ``Host`` (h11 always
writes it first; Node keeps it among the system headers).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers.echo import EchoServer, Exchange  # noqa: E402

from harness.auth import effective_auth  # noqa: E402
from harness.build import BuildOptions, build_request, resolve_request  # noqa: E402
from harness.client import Client  # noqa: E402
from harness.dynamic import generate  # noqa: E402
from harness.parse import load_collection  # noqa: E402
from harness.variables import Resolver, Scope, Scopes  # noqa: E402

pytestmark = pytest.mark.newman
REPO = Path(__file__).resolve().parents[2]


def newman_binary() -> str | None:
    for candidate in (REPO / "node_modules/.bin/newman", shutil.which("newman"),
                      "/work/nm/node_modules/.bin/newman"):
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


def kv(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"key": k, "value": v} for k, v in pairs]


def item(name: str, method: str, url: Any, header: list[dict[str, Any]] | None = None,
         body: dict[str, Any] | None = None, auth: dict[str, Any] | None = None) -> dict[str, Any]:
    request: dict[str, Any] = {"method": method, "url": url, "header": header or []}
    if body is not None:
        request["body"] = body
    if auth is not None:
        request["auth"] = auth
    return {"name": name, "request": request}


def auth_block(kind: str, **params: str) -> dict[str, Any]:
    return {"type": kind, kind: [{"key": k, "value": v, "type": "string"}
                                 for k, v in params.items()]}


ITEMS = [
    item("query encodings", "GET",
         "{{base}}/q/a b/ü/%41?sp=a b&uni=ü€&enc=%20x%2F&odd='\"<>`{}|^&br[a]=1&k==v&flag&#frag"),
    item("raw json + bearer", "POST", "{{base}}/json",
         [{"key": "X-Dup", "value": "a"}, {"key": "X-Dup", "value": "b"},
          {"key": "X-Off", "value": "x", "disabled": True}],
         {"mode": "raw", "raw": '{"a": "//keep", /* c */ "b": {{n}} // tail\n}',
          "options": {"raw": {"language": "json"}}},
         auth_block("bearer", token="{{token}}")),
    item("raw text", "PUT", "{{base}}/text", None, {"mode": "raw", "raw": "héllo {{n}}"}),
    item("raw xml user type", "PATCH", "{{base}}/xml",
         [{"key": "content-type", "value": "text/xml; charset=utf-8"}],
         {"mode": "raw", "raw": "<a>1</a>", "options": {"raw": {"language": "xml"}}}),
    item("urlencoded", "POST", "{{base}}/form", None, {"mode": "urlencoded", "urlencoded": [
        {"key": "a b", "value": "c&d=é"}, {"key": "x", "value": "1", "disabled": True},
        {"key": "n", "value": "{{n}}"}, {"key": "a b", "value": "2!'()*~"}]}),
    item("formdata", "POST", "{{base}}/multipart", None, {"mode": "formdata", "formdata": [
        {"key": "t", "value": "v {{n}}", "type": "text"},
        {"key": "j", "value": "{}", "type": "text", "contentType": "application/json"},
        {"key": "f", "src": "upload.json", "type": "file"}]}),
    item("file", "POST", "{{base}}/file", None, {"mode": "file", "file": {"src": "upload.json"}}),
    item("missing file", "POST", "{{base}}/missing", None,
         {"mode": "file", "file": {"src": "nope.bin"}}),
    item("graphql", "POST", "{{base}}/graphql", None, {"mode": "graphql", "graphql": {
        "query": "query Q($x: Int) { a(x: $x) { b } }", "variables": '{\n  "x": {{n}}\n}'}}),
    item("path variables", "GET", {
        "raw": "{{base}}/users/:id/:fmt.json/:none",
        "host": ["{{base}}"], "path": ["users", ":id", ":fmt.json", ":none"],
        "variable": [{"key": "id", "value": "{{n}}"}, {"key": "fmt", "value": "x y"}]}),
    item("custom method + basic", "PROPFIND", "{{base}}/dav",
         [{"key": "Authorization", "value": "mine"}],
         auth=auth_block("basic", username="{{user}}", password="p@ss")),
    item("apikey header", "GET", "{{base}}/k1", [{"key": "x-api-key", "value": "old"}],
         auth=auth_block("apikey", key="X-Api-Key", value="{{token}}", **{"in": "header"})),
    item("apikey query", "GET", "{{base}}/k2?x=1",
         auth=auth_block("apikey", key="api_key", value="v v", **{"in": "query"})),
    item("oauth2 header", "GET", "{{base}}/o1",
         auth=auth_block("oauth2", accessToken="{{token}}", addTokenTo="header")),
    item("oauth2 query", "GET", "{{base}}/o2",
         auth=auth_block("oauth2", accessToken="{{token}}", addTokenTo="queryParams")),
    item("awsv4", "POST", "{{base}}/aws/x?b=2&a=1 2", [{"key": "X-Custom", "value": "a  b"}],
         {"mode": "raw", "raw": "{}"},
         auth=auth_block("awsv4", accessKey="AK", secretKey="SK", region="eu-west-1",
                    service="execute-api", sessionToken="ST")),
    item("get body pruned", "GET", "{{base}}/pruned", None, {"mode": "raw", "raw": "dropped"}),
    item("delete", "DELETE", "{{base}}/del"),
    item("options", "OPTIONS", "{{base}}/opt"),
    item("head", "HEAD", "{{base}}/head"),
    item("digest", "GET", "{{base}}/digest?x=1",
         auth=auth_block("digest", username="Mufasa", password="Circle Of Life")),
]


def write_collection(directory: Path) -> Path:
    (directory / "upload.json").write_text('{"uploaded": true}\n')
    path = directory / "conformance.postman_collection.json"
    path.write_text(json.dumps({
        "info": {"name": "conformance", "schema":
                 "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": ITEMS,
        "variable": [{"key": "n", "value": "7"}, {"key": "token", "value": "tok-123"},
                     {"key": "user", "value": "ann"}],
    }))
    return path


def run_newman(binary: str, collection: Path, base: str) -> None:
    result = subprocess.run(
        [binary, "run", str(collection), "--env-var", f"base={base}",
         "--working-dir", str(collection.parent), "--reporters", "cli"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode in (0, 1), result.stderr


def run_harness(collection_path: Path, base: str) -> None:
    collection = load_collection(collection_path)
    scopes = Scopes(environment=Scope.from_dict("environment", {"base": base}),
                    collection=Scope("collection", collection.variables))
    resolver = Resolver(scopes, generate)
    options = BuildOptions(working_dir=collection_path.parent)
    with Client() as client:
        for folders, node in collection.walk():
            resolved = resolve_request(node.request, resolver, set())
            auth = effective_auth(resolved.auth, [f.auth for f in folders], collection.auth)
            request, _ = build_request(resolved, auth, options, resolver, behavior=node.behavior)
            client.send(request, item=node.name)


IGNORED = {"user-agent", "postman-token"}


def normalise(exchange: Exchange) -> dict[str, Any]:
    body = exchange.body
    headers = [(k.lower(), v.strip()) for k, v in exchange.headers if k.lower() not in IGNORED]
    ctype = exchange.header("Content-Type") or ""
    if "boundary=" in ctype:
        boundary = ctype.split("boundary=")[1]
        body = body.replace(boundary.encode(), b"BOUNDARY")
        headers = [(k, v.replace(boundary, "BOUNDARY")) for k, v in headers]
    out = []
    for key, value in headers:
        if key == "x-amz-date":
            value = "DATE"
        elif key == "authorization" and value.startswith("AWS4-HMAC-SHA256"):
            value = re.sub(r"/\d{8}/", "/DATE/", value.split(", Signature=")[0])
        elif key == "authorization" and value.startswith("Digest "):
            value = re.sub(r'(cnonce|response)="[^"]*"', r'\1="X"', value)
        out.append((key, value))
    host = [v for k, v in out if k == "host"]
    return {"method": exchange.method, "target": exchange.target, "host": host,
            "headers": [h for h in out if h[0] != "host"], "body": body}


def test_harness_sends_what_newman_sends(tmp_path: Path) -> None:
    binary = newman_binary()
    if binary is None:
        pytest.skip("newman is not installed")
    collection = write_collection(tmp_path)
    with EchoServer() as server:
        run_newman(binary, collection, server.url)
        theirs = [normalise(e) for e in server.exchanges]
        server.exchanges.clear()
        run_harness(collection, server.url)
        ours = [normalise(e) for e in server.exchanges]
    assert len(theirs) == len(ITEMS) + 1  # digest answers a challenge: two exchanges
    assert [(e["method"], e["target"]) for e in ours] == [
        (e["method"], e["target"]) for e in theirs]
    for mine, reference in zip(ours, theirs, strict=True):
        assert mine == reference, reference["target"]
