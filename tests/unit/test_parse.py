"""harness.parse: collections, requests and URLs into the model, with located errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from harness.errors import InputError
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
    RequestItem,
    Url,
    UrlEncodedBody,
    Variable,
)
from harness.parse import (
    load_collection,
    parse_collection,
    parse_request,
    parse_url,
    request_to_json,
    url_from_string,
    url_to_string,
)

REPO = Path(__file__).resolve().parents[2]
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


def coll(*items: Any, **extra: Any) -> dict[str, Any]:
    return {"info": {"name": "C", "_postman_id": "cid", "schema": SCHEMA}, "item": list(items),
            **extra}


def req(name: str = "r", **request: Any) -> dict[str, Any]:
    return {"name": name, "request": {"url": "http://x/", **request}}


def body_of(body: Any) -> Any:
    return parse_request({"url": "http://x", "body": body}).body


def error_of(item: RequestItem) -> InputError:
    assert isinstance(item.error, InputError)
    return item.error


# -- URL strings -------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "protocol", "host", "port", "path", "hash_", "auth"), [
    ("https://api.example.com/a/b", "https", ("api", "example", "com"), None, ("a", "b"), None,
     None),
    ("{{base_url}}/x", None, ("{{base_url}}",), None, ("x",), None, None),
    ("http://u:p@h:8080/", "http", ("h",), "8080", ("",), None, "u:p"),
    ("{{h.x}}:{{p}}/a#{{d?e}}", None, ("{{h.x}}",), "{{p}}", ("a",), "{{d?e}}", None),
    ("http://x", "http", ("x",), None, (), None, None),
    ("http:///x", "http", ("x",), None, (), None, None),
    ("file:///etc/p", "file", (), None, ("etc", "p"), None, None),
    ("http://[::1]/x", "http", ("[::1]",), None, ("x",), None, None),
    ("x\\y\\z", None, ("x",), None, ("y", "z"), None, None),
    ("http://h/{{a/b}}/c#", "http", ("h",), None, ("{{a/b}}", "c"), "", None),
    ("  http://h", "http", ("h",), None, (), None, None),
])
def test_url_from_string_parts(
    raw: str, protocol: str | None, host: tuple[str, ...], port: str | None,
    path: tuple[str, ...], hash_: str | None, auth: str | None,
) -> None:
    url = url_from_string(raw)
    assert (url.raw, url.protocol, url.host, url.port, url.path, url.hash, url.auth) == (
        raw, protocol, host, port, path, hash_, auth)


def test_url_query_split_on_ampersand_then_first_equals_keeping_encoding() -> None:
    url = url_from_string("http://x/?a=b=c&&flag&e=&q=%20a+b&{{k}}={{v&w}}&")
    assert url.query == (
        QueryParam("a", "b=c"), QueryParam(None, None), QueryParam("flag", None),
        QueryParam("e", ""), QueryParam("q", "%20a+b"), QueryParam("{{k}}", "{{v&w}}"),
        QueryParam("", None),
    )


def test_url_path_variables_once_each_up_to_a_dot() -> None:
    url = url_from_string("http://x/:id/:id/:file.json/:/b")
    assert url.variables == (Variable("id"), Variable("file"))


def test_empty_url() -> None:
    assert url_from_string("") == Url()


# -- url_to_string -------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [
    "http://a.b/c?x=1&&y#h", "{{base_url}}/x/:id.json?q={{a&b}}&z", "https://u:p@h:8080/p/",
    "http://x?", "http://x#", "http://@x", "http://x/a?k&=v&", "a?b=c=d&e", "{{h}}:{{p}}/a",
])
def test_url_to_string_reassembles_a_parsed_string(raw: str) -> None:
    assert url_to_string(url_from_string(raw)) == raw


def test_url_to_string_query_rules() -> None:
    url = Url(host=("h",), query=(
        QueryParam("n", None), QueryParam("e", ""), QueryParam("d", "x", disabled=True),
        QueryParam("a&b=", "c&d=#"), QueryParam("{{k&}}", "{{v#}}"),
    ))
    assert url_to_string(url) == "h?n&e=&a%26b%3D=c%26d=%23&{{k&}}={{v#}}"


def test_url_to_string_question_mark_only_when_a_param_is_enabled() -> None:
    disabled = (QueryParam("d", "x", disabled=True),)
    assert url_to_string(Url(host=("h",), query=disabled)) == "h"
    assert url_to_string(Url(host=("h",), query=(QueryParam("", None),))) == "h?"


def test_url_to_string_path_variables_and_protocol() -> None:
    url = Url(host=("h",), path=(":id", ":f.json", ":none", ":num"), variables=(
        Variable("id", "7"), Variable("f", "{{name}}"), Variable("none", ""), Variable("num", 5)))
    assert url_to_string(url) == "h/7/{{name}}.json/:none/:num"
    assert url_to_string(url, path_variables=False) == "h/:id/:f.json/:none/:num"
    assert url_to_string(url, force_protocol=True).startswith("http://h/7")
    assert url_to_string(Url(protocol="https://", host=("h",))) == "https://h"


# -- url objects ---------------------------------------------------------------------------


def test_url_object_parts_win_over_raw() -> None:
    url = parse_url({
        "raw": "http://ignored/", "protocol": "https", "host": ["{{host}}"], "port": 8080,
        "path": ["v1", ":batchId"], "query": [
            {"key": "a", "value": "1"}, {"key": "b", "value": "2", "disabled": True},
            {"key": "c", "value": None, "enabled": False}],
        "variable": [{"key": "batchId", "value": "42"}, {"id": "legacy", "value": "v"}],
        "hash": "top",
    })
    assert url == Url(
        raw="http://ignored/", protocol="https", host=("{{host}}",), port="8080",
        path=("v1", ":batchId"), query=(QueryParam("a", "1"), QueryParam("b", "2", True),
                                       QueryParam("c", None, True)),
        variables=(Variable("batchId", "42"), Variable("legacy", "v")), hash="top")
    assert url_to_string(url) == "https://{{host}}:8080/v1/42?a=1#top"


def test_url_object_with_only_raw_parses_raw_and_keeps_declared_variables() -> None:
    assert parse_url({"raw": "http://h/a?b=1"}) == url_from_string("http://h/a?b=1")
    url = parse_url({"raw": "http://h/:id", "variable": [{"key": "id", "value": "9"}]})
    assert url.host == ("h",)
    assert url.variables == (Variable("id", "9"),)


def test_url_object_string_parts() -> None:
    url = parse_url({"host": "api.{{env.name}}.com", "path": "/a/b", "query": "x=1&y"})
    assert url.host == ("api", "{{env.name}}", "com")
    assert url.path == ("a", "b")
    assert url.query == (QueryParam("x", "1"), QueryParam("y", None))
    assert parse_url({"host": ["h"], "path": "/"}).path == ("",)


@pytest.mark.parametrize(("data", "pointer", "message"), [
    (5, "/u", "'url' must be a string or an object, got number"),
    ({"host": {"a": 1}}, "/u/host", "'host' must be an array, got object"),
    ({"host": ["h"], "path": [["x"]]}, "/u/path/0", "a path segment must be a string"),
    ({"host": ["h"], "query": [5]}, "/u/query/0", "a query parameter must be an object"),
    ({"host": ["h"], "variable": [{"value": 1}]}, "/u/variable/0", "variable without 'key'"),
])
def test_bad_url_shapes(data: Any, pointer: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_url(data, "/u")
    assert info.value.pointer == pointer
    assert message in info.value.message


# -- requests ------------------------------------------------------------------------------


def test_request_as_string_and_method_defaults() -> None:
    assert parse_request("http://h/x") == Request(url=url_from_string("http://h/x"))
    assert parse_request({"url": "h", "method": "post"}).method == "POST"
    assert parse_request({"url": "h", "method": None}).method == "GET"


def test_headers_disabled_legacy_and_string_forms() -> None:
    request = parse_request({"url": "h", "header": [
        {"key": "A", "value": "1"}, {"key": "B", "value": "2", "disabled": True},
        {"key": "C", "value": 3, "enabled": False}, "D : four ", {"key": "E", "value": None}]})
    assert request.headers == (Header("A", "1"), Header("B", "2", True), Header("C", "3", True),
                               Header("D", "four"), Header("E", ""))
    request = parse_request({"url": "h", "header": "A: 1\nContent-Type:  text/plain \r\nbad\n"
                                                    "X:y:z\r\n  folded"})
    assert request.headers == (Header("A", "1"), Header("Content-Type", "text/plain"),
                               Header("X:y", "z  folded"))


def test_bodies_of_every_mode() -> None:
    assert body_of({"mode": "raw", "raw": "{}", "options": {"raw": {"language": "json"}},
                    "disabled": True}) == RawBody("{}", "json", True)
    assert body_of({"mode": "raw"}) == RawBody("")
    assert body_of("text") == RawBody("text")
    assert body_of({"mode": "urlencoded", "urlencoded": [
        {"key": "a", "value": "1"}, {"key": "b", "value": "2", "disabled": True}]}
    ) == UrlEncodedBody((Param("a", "1"), Param("b", "2", disabled=True)))
    assert body_of({"mode": "formdata", "formdata": [
        {"key": "t", "value": "v", "type": "text"},
        {"key": "f", "type": "file", "src": "/a.csv", "contentType": "text/csv"},
        {"key": "g", "type": "file", "src": ["/a", "/b"]},
        {"key": "h", "type": "file", "src": None, "enabled": False}]}) == FormDataBody((
            Param("t", "v"), Param("f", "", type="file", src=("/a.csv",), content_type="text/csv"),
            Param("g", "", type="file", src=("/a", "/b")),
            Param("h", "", disabled=True, type="file")))
    assert body_of({"mode": "file", "file": {"src": "/x.bin"}}) == FileBody("/x.bin")
    assert body_of({"mode": "file", "file": {"content": "abc"}}) == FileBody(None, "abc")
    assert body_of({"mode": "graphql", "graphql": {"query": "{a}", "variables": "{\"x\":1}"}}
                   ) == GraphQLBody("{a}", "{\"x\":1}")
    assert body_of({"mode": "graphql", "graphql": {"query": "{a}", "variables": {"x": 1}}}
                   ) == GraphQLBody("{a}", "{\"x\": 1}")
    assert body_of({"mode": "none", "raw": "x"}) is None
    assert body_of({"raw": "x"}) is None
    assert body_of(None) is None


def test_auth_v21_list_v20_object_null_noauth_inherit() -> None:
    def auth_of(value: Any) -> Auth | None:
        return parse_request({"url": "h", "auth": value}).auth

    v21 = {"type": "bearer", "bearer": [{"key": "token", "value": "{{t}}", "type": "string"}]}
    assert auth_of(v21) == Auth("bearer", (("token", "{{t}}"),))
    assert auth_of({"type": "bearer", "bearer": {"token": "{{t}}"}}) == auth_of(v21)
    assert auth_of({"type": "basic", "basic": {"username": "u", "password": "p"}}).as_dict() == {
        "username": "u", "password": "p"}  # type: ignore[union-attr]
    assert auth_of(None) is None
    assert auth_of({"type": "inherit"}) is None
    assert auth_of({"type": "noauth"}) == Auth("noauth")


def test_request_description_string_or_object() -> None:
    assert parse_request({"url": "h", "description": "d"}).description == "d"
    assert parse_request({"url": "h", "description": {"content": "c", "type": "text/markdown"}}
                         ).description == "c"


@pytest.mark.parametrize(("request_json", "pointer", "message"), [
    ({"url": "h", "body": {"mode": "foo"}}, "/r/body/mode", "unknown body mode 'foo'"),
    ({"url": "h", "header": {"A": "b"}}, "/r/header", "'header' must be an array"),
    ({"url": "h", "header": [{"key": []}]}, "/r/header/0/key", "'key' must be a string"),
    ({"url": "h", "method": 5}, "/r/method", "'method' must be a string, got number"),
    ({"url": "h", "auth": {"type": "a/b", "a/b": [{"key": 1}]}}, "/r/auth/a~1b/0/key",
     "'key' must be a string"),
    ({"url": "h", "auth": {"type": "x", "x": "s"}}, "/r/auth/x", "must be an array"),
    ({"url": "h", "body": {"mode": "raw", "raw": {}}}, "/r/body/raw", "'raw' must be a string"),
    ({"url": "h", "body": {"mode": "formdata", "formdata": [1]}}, "/r/body/formdata/0",
     "a body parameter must be an object"),
    ({"url": "h", "body": {"mode": "file", "file": 3}}, "/r/body/file", "'file' must be an"),
    ({"url": "h", "description": 1}, "/r/description", "'description' must be a string"),
    (7, "/r", "'request' must be an object, got number"),
])
def test_bad_request_shapes_name_the_pointer(request_json: Any, pointer: str, message: str
                                            ) -> None:
    with pytest.raises(InputError) as info:
        parse_request(request_json, "/r", "pm.request")
    assert info.value.pointer == pointer
    assert info.value.path == "pm.request"
    assert message in info.value.message
    assert str(info.value).startswith(f"pm.request: {pointer}: ")


ROUND_TRIP = [
    "http://h/x",
    {"method": "PUT", "url": {"raw": "r", "protocol": "https", "host": ["a", "b"], "port": "1",
                              "path": [":id", ""], "query": [
                                  {"key": None, "value": None}, {"key": "k", "value": "v",
                                                                 "disabled": True}],
                              "variable": [{"key": "id", "value": 5, "type": "number",
                                            "description": "d", "disabled": True}],
                              "hash": "", "auth": {"user": "u", "password": "p"}},
     "header": [{"key": "A", "value": "b", "disabled": True}],
     "body": {"mode": "raw", "raw": "x", "options": {"raw": {"language": "xml"}},
              "disabled": True},
     "auth": {"type": "apikey", "apikey": {"key": "k", "value": 1, "in": "header"}},
     "description": {"content": "hello"}},
    {"url": "http://@h", "body": {"mode": "formdata", "formdata": [
        {"key": "f", "type": "file", "src": ["a", "b"], "contentType": "x/y", "disabled": True}]},
     "auth": {"type": "noauth"}},
    {"url": {"raw": "{{u}}", "variable": [{"key": "v"}]},
     "body": {"mode": "urlencoded", "urlencoded": "a=1&b"}},
    {"url": "", "body": {"mode": "file", "file": {"src": None, "content": "c"}}},
    {"url": {"raw": "x", "host": []}, "body": {"mode": "graphql", "graphql": {"query": "q"}}},
]


@pytest.mark.parametrize("data", ROUND_TRIP)
def test_request_to_json_round_trips(data: Any) -> None:
    request = parse_request(data)
    as_json = request_to_json(request)
    assert json.loads(json.dumps(as_json)) == as_json
    assert parse_request(as_json) == request


def test_request_to_json_shape() -> None:
    request = parse_request(ROUND_TRIP[1])
    out = request_to_json(request)
    assert out["url"]["host"] == ["a", "b"]
    assert out["url"]["query"][1] == {"key": "k", "value": "v", "disabled": True}
    assert out["body"]["options"] == {"raw": {"language": "xml"}}
    assert out["auth"] == {"type": "apikey", "apikey": [
        {"key": "key", "value": "k", "type": "string"}, {"key": "value", "value": 1, "type": "any"},
        {"key": "in", "value": "header", "type": "string"}]}
    assert out["method"] == "PUT"


# -- collections ---------------------------------------------------------------------------


def test_folders_nest_with_paths_pointers_and_addresses() -> None:
    data = coll(
        {"name": "F1", "id": "f1", "item": [
            {"name": "F2", "item": [req("deep")]},
            {"name": "mid", "_postman_id": "pm-mid", "request": "http://h"}]},
        req("top"), {"name": "empty", "item": []},
    )
    collection = parse_collection(data, "c.json")
    walked = [(tuple(f.name for f in folders), r.name, r.pointer, r.address)
              for folders, r in collection.walk()]
    assert walked == [
        (("F1", "F2"), "deep", "/item/0/item/0/item/0", "F1/F2/deep"),
        (("F1",), "mid", "/item/0/item/1", "F1/mid"),
        ((), "top", "/item/1", "top"),
    ]
    assert [f.address for f in collection.folders()] == ["F1", "F1/F2", "empty"]
    assert collection.requests()[1].id == "pm-mid"
    assert next(collection.folders()).id == "f1"
    assert (collection.name, collection.id, collection.schema, collection.source) == (
        "C", "cid", "v2.1", "c.json")
    assert collection.raw is data


def test_generated_ids_are_stable_and_distinct() -> None:
    data = coll(req("a"), req("b"))
    first = [r.id for r in parse_collection(data).requests()]
    assert first == [r.id for r in parse_collection(data).requests()]
    assert len(set(first)) == 2
    other = coll(req("a"), req("b"))
    other["info"]["_postman_id"] = "other"
    assert [r.id for r in parse_collection(other).requests()] != first


def test_scripts_at_every_level() -> None:
    test_event = {"listen": "test", "script": {"exec": ["a;", "b;"], "type": "text/javascript"}}
    data = coll(
        {"name": "F", "event": [{"listen": "prerequest", "script": {"exec": "f();"}}],
         "item": [{**req("R"), "event": [
             test_event, {"listen": "prerequest", "disabled": True, "script": {"exec": []}},
             {"listen": "other", "script": {"exec": ["x"]}}]}]},
        event=[{"listen": "test", "script": "c();"}],
    )
    collection = parse_collection(data)
    folder = next(collection.folders())
    item = collection.requests()[0]
    assert [(s.event, s.source, s.origin, s.pointer) for s in collection.scripts] == [
        ("test", "c();", "collection", "/event/0")]
    assert [(s.source, s.origin, s.pointer) for s in folder.scripts] == [
        ("f();", "folder F", "/item/0/event/0")]
    assert [(s.event, s.source, s.origin, s.pointer, s.disabled) for s in item.scripts] == [
        ("test", "a;\nb;", "request R", "/item/0/item/0/event/0", False),
        ("prerequest", "", "request R", "/item/0/item/0/event/1", True)]


def test_variables_auth_behavior_descriptions_at_every_level() -> None:
    data = coll(
        {"name": "F", "auth": {"type": "noauth"}, "variable": [{"key": "f", "value": 1}],
         "protocolProfileBehavior": {"followRedirects": False}, "description": "fd",
         "item": [{**req("R", auth=None), "variable": [{"id": "legacy", "value": "v"}],
                   "protocolProfileBehavior": {"disableBodyPruning": True},
                   "description": {"content": "rd"}}]},
        auth={"type": "bearer", "bearer": {"token": "t"}},
        variable=[{"key": "c", "value": "1", "type": "string", "disabled": True}],
        protocolProfileBehavior={"strictSSL": False},
    )
    data["info"]["description"] = {"content": "cd", "type": "text/markdown"}
    collection = parse_collection(data)
    folder = next(collection.folders())
    item = collection.requests()[0]
    assert collection.auth == Auth("bearer", (("token", "t"),))
    assert collection.variables == (Variable("c", "1", "string", disabled=True),)
    assert (collection.behavior, collection.description) == ({"strictSSL": False}, "cd")
    assert (folder.auth, folder.variables) == (Auth("noauth"), (Variable("f", 1),))
    assert (folder.behavior, folder.description) == ({"followRedirects": False}, "fd")
    assert item.request.auth is None
    assert item.variables == (Variable("legacy", "v"),)
    assert (item.behavior, item.description) == ({"disableBodyPruning": True}, "rd")


def test_broken_items_do_not_stop_loading() -> None:
    data = coll(
        req("ok"),
        {"name": "F", "item": [req("a"), req("b"), req("c"),
                               req("bad", body={"mode": "foo"})]},
        {"name": "no request"},
        {"name": "bad url", "request": {"url": 5}},
        "not an object",
        {"name": 5, "request": "http://h"},
        {"name": "bad folder", "id": "bf", "item": {"x": 1}},
        req("last"),
    )
    items = parse_collection(data, "collection.json").requests()
    assert [i.name for i in items] == [
        "ok", "a", "b", "c", "bad", "no request", "bad url", "", "", "bad folder", "last"]
    assert [i.error is None for i in items] == [
        True, True, True, True, False, False, False, False, False, False, True]
    messages = [str(error_of(i)) for i in items if i.error]
    assert messages == [
        "collection.json: /item/1/item/3/request/body/mode: unknown body mode 'foo'",
        "collection.json: /item/2: missing 'request'",
        "collection.json: /item/3/request/url: 'url' must be a string or an object, got number",
        "collection.json: /item/4: an item must be an object, got string",
        "collection.json: /item/5/name: 'name' must be a string, got number",
        "collection.json: /item/6/item: 'item' must be an array, got object",
    ]
    broken = items[4]
    assert (broken.request, broken.pointer, broken.path) == (Request(), "/item/1/item/3", ("F",))
    assert items[9].id == "bf"


@pytest.mark.parametrize(("data", "pointer", "message"), [
    ([], "", "a collection must be an object, got array"),
    ({"info": {"name": "x"}}, "", "no 'item' list"),
    ({"info": {}, "item": {}}, "/item", "'item' must be an array, got object"),
    ({"name": "v1", "order": [], "requests": []}, "", "v1 format"),
    ({"collection": {"info": {}, "item": 3}}, "/collection/item", "'item' must be an array"),
    ({"collection": {"name": "v1", "requests": []}}, "/collection", "Collection v2.1"),
    ({"info": [], "item": []}, "/info", "'info' must be an object"),
    ({"item": [], "auth": {"type": 1}}, "/auth/type", "auth 'type' must be a string"),
    ({"item": [], "event": [{"listen": "test", "script": {"exec": [1]}}]},
     "/event/0/script/exec/0", "script lines must be strings"),
    ({"item": [], "variable": {}}, "/variable", "a variable list must be an array"),
])
def test_broken_root_raises_with_path_and_pointer(data: Any, pointer: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_collection(data, "c.json")
    assert (info.value.path, info.value.pointer) == ("c.json", pointer)
    assert message in info.value.message


def test_load_collection_reads_files_and_the_api_wrapper(tmp_path: Path) -> None:
    path = tmp_path / "c.postman_collection.json"
    path.write_text(json.dumps({"collection": coll(req("a"), {"name": "b"})}), "utf-8-sig")
    collection = load_collection(path)
    assert collection.source == str(path)
    assert [r.name for r in collection.requests()] == ["a", "b"]
    assert collection.requests()[1].pointer == "/collection/item/1"
    assert str(error_of(collection.requests()[1])) == f"{path}: /collection/item/1: missing " \
        "'request'"


def test_load_collection_schema_v20(tmp_path: Path) -> None:
    data = coll()
    data["info"]["schema"] = "https://schema.getpostman.com/json/collection/v2.0.0/c.json"
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data))
    assert load_collection(str(path)).schema == "v2.0"


def test_load_collection_not_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "item": [,]\n}')
    with pytest.raises(InputError) as info:
        load_collection(path)
    assert info.value.path == str(path)
    assert "not valid JSON" in info.value.message
    assert "(line 2, column 12)" in info.value.message


def test_load_collection_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read file"):
        load_collection(tmp_path / "nope.json")


# -- against postman-collection itself (node) ----------------------------------------------


def node_modules() -> Path | None:
    """A node_modules folder holding newman and postman-collection, or None."""
    candidates = [REPO / "node_modules"]
    found = shutil.which("newman")
    if found:
        candidates.append(Path(os.path.realpath(found)).parents[2])
    candidates.append(Path("/work/nm/node_modules"))
    for folder in candidates:
        if (folder / "postman-collection").is_dir() and (folder / "csv-parse").is_dir():
            return folder
    return None


ORACLE = r"""
const {Url} = require('postman-collection');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify(input.map(u => new Url(u).toString())));
"""


@pytest.mark.newman
def test_url_parsing_matches_postman_collection() -> None:
    modules = node_modules()
    if modules is None or shutil.which("node") is None:
        pytest.skip("node and postman-collection are not installed")
    urls: list[Any] = [
        "http://a.b/c?x=1&&y#h", "{{base_url}}/x/:id.json?q={{a&b}}&z", "https://u:p@h:8080/p/",
        "  http://x//y", "http:///x", "file:///etc/p", "a?b=c=d&e", "http://[::1]:80/x",
        "{{h.x}}:{{p}}/a", "http://x?", "http://x#", "http://@x", "x\\y\\z", "http://x/a?k&=v&",
        "https://{{host}}/{{path/with}}/?a={{b#c}}#{{d?e}}", "", "?", "#", "http://x/:a/:b.c/:",
        {"host": ["h"], "path": [":id", ":x.y"], "variable": [{"key": "id", "value": "1"},
                                                             {"id": "x", "value": "2"}]},
        {"host": "a.{{b.c}}", "path": "/p", "query": [{"key": "k&", "value": "v#"},
                                                      {"key": "d", "disabled": True}]},
        {"protocol": "https://", "host": ["h"], "port": "", "query": [{"key": "", "value": None}]},
    ]
    env = {**os.environ, "NODE_PATH": str(modules)}
    result = subprocess.run(["node", "-e", ORACLE], input=json.dumps(urls), env=env,
                            capture_output=True, text=True, timeout=60, check=True)
    expected = json.loads(result.stdout)
    assert [url_to_string(parse_url(u)) for u in urls] == expected
