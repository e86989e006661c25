"""Building the httpx.Request Newman would send, from the model."""

from __future__ import annotations

import json
import timeit
import tracemalloc
from pathlib import Path

import httpx
import pytest

from harness.build import BuildOptions, build_request, resolve_request
from harness.dynamic import generate
from harness.errors import RequestError, UnsupportedFeature
from harness.model import (
    Auth,
    FileBody,
    FormDataBody,
    GraphQLBody,
    Header,
    Param,
    QueryParam,
    RawBody,
    Request,
    Url,
    UrlEncodedBody,
    Variable,
)
from harness.parse_url import url_from_string
from harness.variables import Resolver, Scope, Scopes


def resolver(**values: str) -> Resolver:
    return Resolver(Scopes(environment=Scope.from_dict("environment", dict(values))), generate)


def url(raw: str, **kw: object) -> Url:
    parsed = url_from_string(raw)
    return parsed if not kw else Url(**{**parsed.__dict__, **kw})  # type: ignore[arg-type]


def build(request: Request, res: Resolver | None = None, auth: Auth | None = None,
          options: BuildOptions | None = None, **kw: object
          ) -> tuple[httpx.Request, list[tuple[str, str]], list[str]]:
    res = res or resolver()
    warnings: list[str] = []
    resolved = resolve_request(request, res, set())
    http, sent = build_request(resolved, auth, options or BuildOptions(Path.cwd()), res,
                               warnings=warnings, **kw)  # type: ignore[arg-type]
    return http, sent.headers, warnings


def names(headers: list[tuple[str, str]]) -> list[str]:
    return [k for k, _ in headers]


SYSTEM = ["User-Agent", "Accept", "Cache-Control", "Postman-Token", "Host", "Accept-Encoding",
          "Connection"]


def test_get_defaults_and_order() -> None:
    req = Request("get", url("example.com/a"), (Header("X-A", "1"), Header("X-A", "2"),
                                                Header("Off", "x", disabled=True)))
    http, headers, _ = build(req)
    assert http.method == "GET"
    assert str(http.url) == "http://example.com/a"
    assert names(headers) == ["X-A", "X-A", *SYSTEM]
    assert dict(headers)["Host"] == "example.com"
    assert dict(headers)["Accept"] == "*/*"


def test_custom_method_uppercased_and_empty_post_has_zero_length() -> None:
    http, headers, _ = build(Request("propfind", url("http://h/x")))
    assert http.method == "PROPFIND" and dict(headers)["Content-Length"] == "0"
    _, headers, _ = build(Request("DELETE", url("http://h/x")))
    assert "Content-Length" not in dict(headers)


def test_query_and_path_encoding_like_newman() -> None:
    req = Request("GET", url("http://h:8080/a b/ü/{x}|?q=a b&u=ü&e=%20x&s='\"<>&k==v&f[a]=|"))
    http, headers, _ = build(req)
    assert http.url.raw_path == (
        b"/a%20b/%C3%BC/%7Bx%7D|?q=a%20b&u=%C3%BC&e=%20x&s=%27%22%3C%3E&k==v&f[a]=|"
    )
    assert dict(headers)["Host"] == "h:8080"


def test_variables_resolved_in_url_string_then_reparsed() -> None:
    req = Request("GET", url("{{base}}/items?q={{q}}&n={{missing}}"))
    res = resolver(base="https://api.example.com/v1", q="a&b")
    unresolved: set[str] = set()
    resolved = resolve_request(req, res, unresolved)
    http, _ = build_request(resolved, None, BuildOptions(), res)
    assert str(http.url) == "https://api.example.com/v1/items?q=a&b&n={{missing}}"
    assert unresolved == {"missing"}


def test_path_variables() -> None:
    req = Request("GET", Url(raw="", host=("h",), path=("users", ":id", ":fmt.json", ":none"),
                             variables=(Variable("id", "{{uid}}"), Variable("fmt", "x"),
                                        Variable("none", None))))
    http, _, _ = build(req, resolver(uid="42"))
    assert http.url.raw_path == b"/users/42/x.json/:none"


def test_path_variables_substituted_before_resolution() -> None:
    # As postman-runtime: Url.toString() puts the unresolved value in, then the string is
    # resolved, so a value resolving to "" empties the segment and a number is not a string.
    req = Request("GET", Url(raw="", host=("h",), path=("a", ":id", "b", ":n"),
                             variables=(Variable("id", "{{empty}}"), Variable("n", 5))))
    http, _, _ = build(req, resolver(empty=""))
    assert http.url.raw_path == b"/a//b/:n"


def test_disabled_query_params_skipped() -> None:
    req = Request("GET", Url(host=("h",), query=(QueryParam("a", "1"), QueryParam("b", "2", True),
                                                 QueryParam("c", None))))
    http, _, _ = build(req)
    assert http.url.raw_path == b"/?a=1&c"


def test_raw_json_content_type_before_auth_and_comments_stripped() -> None:
    body = RawBody('{"a": "//not", /* x */ "b": 1 // c\n}', "json")
    req = Request("POST", url("http://h/"), body=body)
    http, headers, _ = build(req, auth=Auth("bearer", (("token", "t"),)))
    assert names(headers)[:2] == ["Content-Type", "Authorization"]
    assert dict(headers)["Content-Type"] == "application/json"
    assert http.read() == b'{"a": "//not",  "b": 1 \n}'
    assert dict(headers)["Content-Length"] == str(len(http.content))


@pytest.mark.parametrize(("language", "ctype"), [
    (None, "text/plain"), ("xml", "application/xml"), ("html", "text/html"),
    ("javascript", "application/javascript"), ("text", "text/plain")])
def test_raw_content_type_after_auth(language: str | None, ctype: str) -> None:
    req = Request("PUT", url("http://h/"), body=RawBody("x", language))
    _, headers, _ = build(req, auth=Auth("basic", ()))
    assert names(headers)[:2] == ["Authorization", "Content-Type"]
    assert dict(headers)["Content-Type"] == ctype


def test_user_content_type_kept() -> None:
    req = Request("POST", url("http://h/"), (Header("content-type", "text/csv"),),
                  RawBody("a,b", "json"))
    _, headers, _ = build(req)
    assert [v for k, v in headers if k.lower() == "content-type"] == ["text/csv"]


def test_body_pruned_for_get_unless_disabled() -> None:
    req = Request("GET", url("http://h/"), body=RawBody("hello", "json"))
    http, headers, _ = build(req)
    assert http.read() == b"" and "Content-Type" not in dict(headers)
    http, headers, _ = build(req, behavior={"disableBodyPruning": True})
    assert http.read() == b"hello" and dict(headers)["Content-Length"] == "5"


def test_urlencoded() -> None:
    body = UrlEncodedBody((Param("a b", "c&d=é"), Param("x", "1", disabled=True),
                           Param("z", "{{v}}"), Param("a b", "2!'()*~")))
    http, headers, _ = build(Request("POST", url("http://h/"), body=body), resolver(v="Z"))
    assert http.read() == b"a%20b=c%26d%3D%C3%A9&a%20b=2%21%27%28%29%2A~&z=Z"
    assert names(headers)[-2:] == ["Content-Type", "Content-Length"]
    assert dict(headers)["Content-Type"] == "application/x-www-form-urlencoded"


def test_graphql_variables_inserted_verbatim() -> None:
    body = GraphQLBody("query { a(id: {{id}}) }", '{\n "x": {{n}}\n}')
    http, headers, _ = build(Request("POST", url("http://h/"), body=body), resolver(id="1", n="2"))
    assert http.read() == b'{"query":"query { a(id: 1) }","variables":{\n "x": 2\n}}'
    assert json.loads(http.content)["variables"] == {"x": 2}
    assert dict(headers)["Content-Type"] == "application/json"
    http, _, _ = build(Request("POST", url("http://h/"), body=GraphQLBody("{ a }", "")))
    assert http.read() == b'{"query":"{ a }"}'


def test_formdata_text_and_file(tmp_path: Path) -> None:
    (tmp_path / "up.json").write_bytes(b'{"a": 1}')
    body = FormDataBody((Param("t", "v"), Param("j", "{}", content_type="application/json"),
                         Param("f", type="file", src=("up.json",)),
                         Param("off", "x", disabled=True)))
    http, headers, warnings = build(Request("POST", url("http://h/"), body=body),
                                    options=BuildOptions(tmp_path))
    data = http.read()
    ctype = dict(headers)["Content-Type"]
    boundary = ctype.split("boundary=")[1]
    assert ctype.startswith("multipart/form-data; boundary=")
    assert dict(headers)["Content-Length"] == str(len(data))
    assert data == (
        f'--{boundary}\r\nContent-Disposition: form-data; name="t"\r\n\r\nv\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="j"\r\n'
        'Content-Type: application/json\r\n\r\n{}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="f"; filename="up.json"\r\n'
        f'Content-Type: application/json\r\n\r\n{{"a": 1}}\r\n--{boundary}--\r\n'
    ).encode()
    assert warnings == []


def test_formdata_missing_file_warns_and_skips(tmp_path: Path) -> None:
    body = FormDataBody((Param("t", "v"), Param("f", type="file", src=("nope.bin",))))
    http, _, warnings = build(Request("POST", url("http://h/"), body=body),
                              options=BuildOptions(tmp_path))
    assert b'name="f"' not in http.read()
    assert warnings and "Form param `f`, file load error" in warnings[0]
    assert "nope.bin" in warnings[0]


def test_file_body_streamed_with_length_and_mime(tmp_path: Path) -> None:
    (tmp_path / "data.json").write_bytes(b"[1,2,3]")
    req = Request("POST", url("http://h/"), body=FileBody("data.json"))
    res = resolver()
    http, sent = build_request(resolve_request(req, res, set()), None, BuildOptions(tmp_path), res)
    assert names(sent.headers)[-2:] == ["Content-Length", "Content-Type"]
    assert dict(sent.headers)["Content-Length"] == "7"
    assert dict(sent.headers)["Content-Type"] == "application/json"
    assert sent.body is None and sent.body_note == "<file data.json, 7 bytes>"
    assert b"".join(http.stream) == b"[1,2,3]"  # type: ignore[arg-type]


def test_missing_file_body_warns_and_sends_empty(tmp_path: Path) -> None:
    req = Request("POST", url("http://h/"), body=FileBody("{{name}}"))
    http, headers, warnings = build(req, resolver(name="gone.bin"), options=BuildOptions(tmp_path))
    assert http.read() == b"" and dict(headers)["Content-Length"] == "0"
    gone = tmp_path / "gone.bin"
    assert warnings == [f"Binary file load error: no such file or directory: {gone}"]


class ChunkCounter(httpx.BaseTransport):
    def __init__(self) -> None:
        self.total = 0
        self.chunks = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        for chunk in request.stream:  # type: ignore[union-attr]
            self.total += len(chunk)
            self.chunks += 1
        return httpx.Response(200)


def test_large_file_upload_streams(tmp_path: Path) -> None:
    size = 50 * 1024 * 1024
    path = tmp_path / "big.bin"
    with path.open("wb") as handle:
        handle.truncate(size)
    for body in (FileBody(str(path)), FormDataBody((Param("f", type="file", src=(str(path),)),))):
        transport = ChunkCounter()
        http, _, _ = build(Request("POST", url("http://h/"), body=body))
        tracemalloc.start()
        with httpx.Client(transport=transport) as client:
            client.send(http)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert transport.total >= size and transport.chunks > 100
        assert peak < size / 20, peak


def test_host_rewrite() -> None:
    options = BuildOptions(base_urls=(("https://api.example.com", "http://127.0.0.1:9000/mock"),))
    http, headers, _ = build(Request("GET", url("https://api.example.com/v1/x?a=1")),
                             options=options)
    assert str(http.url) == "http://127.0.0.1:9000/mock/v1/x?a=1"
    assert dict(headers)["Host"] == "127.0.0.1:9000"
    http, _, _ = build(Request("GET", url("https://other.example.com/v1")), options=options)
    assert str(http.url) == "https://other.example.com/v1"


def test_unresolved_collected_everywhere() -> None:
    req = Request("POST", url("http://h/{{p}}?{{k}}={{v}}"), (Header("{{hk}}", "{{hv}}"),),
                  RawBody("{{b}}"), Auth("bearer", (("token", "{{tok}}"),)))
    unresolved: set[str] = set()
    resolve_request(req, resolver(), unresolved)
    assert unresolved == {"p", "k", "v", "hk", "hv", "b", "tok"}


def test_resolved_everywhere() -> None:
    req = Request("POST", url("http://{{h}}/x"), (Header("X-{{n}}", "{{n}}"),),
                  UrlEncodedBody((Param("{{n}}", "{{n}}"),)))
    res = resolver(h="host", n="7")
    resolved = resolve_request(req, res, set())
    assert resolved.url.host == ("host",)
    assert resolved.headers[0] == Header("X-7", "7")
    assert resolved.body == UrlEncodedBody((Param("7", "7"),))


def test_unsupported_auth_raises() -> None:
    with pytest.raises(UnsupportedFeature):
        build(Request("GET", url("http://h/")), auth=Auth("hawk", ()))


def test_sent_request_description() -> None:
    req = Request("POST", url("http://h/x"), body=RawBody("hi"))
    res = resolver()
    _, sent = build_request(resolve_request(req, res, set()), None, BuildOptions(), res)
    assert sent.method == "POST" and sent.url == "http://h/x" and sent.body == b"hi"


def test_build_speed() -> None:
    req = Request("POST", url("https://{{host}}/v1/items?limit=10"),
                  tuple(Header(f"X-H{i}", f"{{{{v{i}}}}}") for i in range(5)),
                  RawBody('{"name": "{{name}}", "n": 1}', "json"),
                  Auth("bearer", (("token", "{{token}}"),)))
    values = {f"v{i}": str(i) for i in range(5)}
    res = resolver(host="api.example.com", name="x", token="t", **values)
    options = BuildOptions()

    def once() -> None:
        build_request(resolve_request(req, res, set()), req.auth, options, res)

    per_call = min(timeit.repeat(once, number=200, repeat=3)) / 200
    assert per_call < 300e-6, per_call  # typically ~60-90 us


def test_disable_url_encoding_sends_the_target_as_written() -> None:
    req = Request("GET", url("http://api.test/a\"b/{x}?q='v'<>"))
    encoded, _, _ = build(req)
    assert encoded.url.raw_path == b"/a%22b/%7Bx%7D?q=%27v%27%3C%3E"
    raw, _, _ = build(req, behavior={"disableUrlEncoding": True})
    assert raw.extensions["target"] == b"/a\"b/{x}?q='v'<>"  # what httpcore puts on the wire
    with pytest.raises(RequestError, match="invalid URL"):  # a raw target must be ASCII
        build(Request("GET", url("http://api.test/é")), behavior={"disableUrlEncoding": True})
