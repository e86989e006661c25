"""harness.files: environments, globals, data files, .env, --env-var pairs and exports."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from harness._csv import cast, js_number, js_parse_float, parse_csv
from harness.errors import InputError
from harness.files import (
    export_collection,
    export_variable_file,
    load_data_file,
    load_dotenv,
    load_variable_file,
    parse_assignments,
)
from harness.model import Variable
from harness.parse import parse_collection
from harness.variables import Scope

REPO = Path(__file__).resolve().parents[2]

ENV = {
    "id": "e1", "name": "Dev", "_postman_variable_scope": "environment",
    "values": [
        {"key": "base", "value": "http://h", "type": "default", "enabled": True},
        {"key": "off", "value": "x", "enabled": False},
        {"key": "gone", "value": "y", "disabled": True},
        {"key": "token", "value": "s3", "type": "secret", "enabled": True},
    ],
}


def write(tmp_path: Path, name: str, content: Any, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_bytes(text.encode(encoding))
    return path


# -- environments and globals --------------------------------------------------------------


def test_environment_file(tmp_path: Path) -> None:
    env = load_variable_file(write(tmp_path, "dev.postman_environment.json", ENV))
    assert (env.name, env.id, env.source) == ("Dev", "e1", str(tmp_path / "dev."
                                                               "postman_environment.json"))
    assert env.values == (
        Variable("base", "http://h", "default"), Variable("off", "x", disabled=True),
        Variable("gone", "y", disabled=True), Variable("token", "s3", "secret"))
    assert env.values[3].secret
    scope = Scope("environment", env.values)
    assert scope.to_dict() == {"base": "http://h", "token": "s3"}


@pytest.mark.parametrize("wrapper", ["environment", "globals"])
def test_wrapped_files(tmp_path: Path, wrapper: str) -> None:
    loaded = load_variable_file(write(tmp_path, "w.json", {wrapper: ENV}))
    assert loaded.name == "Dev"
    assert len(loaded.values) == 4


def test_globals_as_bare_list(tmp_path: Path) -> None:
    loaded = load_variable_file(write(tmp_path, "g.json", [{"key": "a", "value": 1}]))
    assert loaded.values == (Variable("a", 1),)


@pytest.mark.parametrize(("content", "pointer", "message"), [
    ({"name": "x"}, "", "no 'values' list"),
    ({"environment": {"name": "x", "values": {}}}, "/environment/values", "must be an array"),
    ({"values": [{"key": "a"}, {"value": 1}]}, "/values/1", "variable without 'key'"),
    ({"values": [{"key": "a", "type": 3}]}, "/values/0/type", "'type' must be a string"),
    ({"values": [], "name": 1}, "/name", "'name' must be a string"),
    ('"nope"', "", "an environment or globals file must be an object, got string"),
])
def test_bad_variable_files(tmp_path: Path, content: Any, pointer: str, message: str) -> None:
    path = write(tmp_path, "e.json", content)
    with pytest.raises(InputError) as info:
        load_variable_file(path)
    assert (info.value.path, info.value.pointer) == (str(path), pointer)
    assert message in info.value.message


def test_variable_file_not_json(tmp_path: Path) -> None:
    path = write(tmp_path, "e.json", '{"values": [}')
    with pytest.raises(InputError, match=r"not valid JSON: .* \(line 1, column 13\)"):
        load_variable_file(path)


# -- data files ----------------------------------------------------------------------------


def test_json_data_file(tmp_path: Path) -> None:
    rows = [{"a": 1, "b": "x"}, {"a": None}]
    assert load_data_file(write(tmp_path, "d.json", rows)) == rows
    assert load_data_file(write(tmp_path, "d.txt", rows)) == rows  # sniffed


@pytest.mark.parametrize(("content", "pointer", "message"), [
    ({"a": 1}, "", "a data file must be an array of objects, got object"),
    ([{"a": 1}, {"b": 2}, 3], "/2", "iteration data must be an object, got number"),
])
def test_bad_json_data_file(tmp_path: Path, content: Any, pointer: str, message: str) -> None:
    path = write(tmp_path, "d.json", content)
    with pytest.raises(InputError) as info:
        load_data_file(path)
    assert (info.value.pointer, info.value.message) == (pointer, message)


def test_csv_data_file_casts_unquoted_numbers_only(tmp_path: Path) -> None:
    text = ("\ufeffid,name,price,code,zero\r\n1,\"Smith, J\",9.50,\"007\",0\r\n"
            "-2,O\"Brien, 1e3 ,007,0x10\r\n")
    rows = load_data_file(write(tmp_path, "d.csv", text))
    assert rows == [
        {"id": 1, "name": "Smith, J", "price": 9.5, "code": "007", "zero": 0},
        {"id": -2, "name": 'O"Brien', "price": 1000, "code": 7, "zero": 0},
    ]
    assert list(rows[0]) == ["id", "name", "price", "code", "zero"]


def test_csv_sniffed_and_utf16(tmp_path: Path) -> None:
    assert load_data_file(write(tmp_path, "d.txt", "a,b\nx,2\n")) == [{"a": "x", "b": 2}]
    path = write(tmp_path, "d.csv", "\ufeffa\n1\n", "utf-16-le")
    assert load_data_file(path) == [{"a": 1}]


@pytest.mark.parametrize(("text", "rows"), [
    ("a,b\n1\n1,2,3\n", [{"a": 1}, {"a": 1, "b": 2}]),  # short rows, extra fields dropped
    ("a,b\n\n1,2\n", [{"a": ""}, {"a": 1, "b": 2}]),  # a blank line is a row
    ("a,b\n1,2\n", [{"a": 1, "b": 2}]),  # no row for the final newline
    ("a,b\n1,2\n   ", [{"a": 1, "b": 2}]),
    ("a,a\n1,2\n", [{"a": 2}]),
    ("a,b\n\" x \", y \n", [{"a": " x ", "b": "y"}]),
    ("a,b\n\"multi\nline\",\"q\"\"r\"\n", [{"a": "multi\nline", "b": 'q"r'}]),
    ("a,b\n1,2\r\n3,4\n", [{"a": 1, "b": 2}, {"a": 3, "b": 4}]),
    ("a,b\r\n1,2\n3,4\r\n", [{"a": 1, "b": "2\n3"}]),  # the first newline fixes the delimiter
    ("a\n", []),
    ("", []),
])
def test_csv_rows(text: str, rows: list[dict[str, Any]]) -> None:
    assert parse_csv(text) == rows


@pytest.mark.parametrize(("value", "expected"), [
    ("12", 12), ("+5", 5), ("-12", -12), ("0", 0), ("007", 7), ("-0", 0), ("1.5", 1.5),
    (".5", 0.5), ("5.", 5), ("1e3", 1000), ("0x10", 0), ("0b11", 0), ("-.5e2", -50),
    ("Infinity", "Infinity"), ("1e400", "1e400"), ("1.5abc", "1.5abc"), ("", ""), ("-", "-"),
    ("true", "true"), ("1 2", "1 2"), ("\u00a01\u00a0", 1),
])
def test_newman_cast(value: str, expected: Any) -> None:
    result = cast(value)
    assert result == expected
    assert type(result) is type(expected)


def test_js_number_helpers() -> None:
    assert js_number("  0x1F ") == 31
    assert js_number("") == 0
    assert math.isnan(js_number("1e"))
    assert js_parse_float("1.2.3") == 1.2
    assert js_parse_float("-Infinityx") == -math.inf
    assert math.isnan(js_parse_float("x1"))


@pytest.mark.parametrize(("text", "message"), [
    ("a,b\n\"abc,2\n", "CSV: quote not closed (line 2)"),
    ("a,b\n\"x\"y,2\n", "CSV: invalid closing quote: found a character after a quote (line 2)"),
    ("007,x\n1,2\n", "CSV: a column name must not be a number, got '007'"),
])
def test_csv_errors(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "d.csv", text)
    with pytest.raises(InputError) as info:
        load_data_file(path)
    assert (info.value.path, info.value.message) == (str(path), message)


CSV_ORACLE = r"""
const parse = require('csv-parse/lib/sync');
const util = require('newman/lib/util');
const cast = (v, c) => c.quoting ? v : util.isInt(v) ? parseInt(v, 10) :
    util.isFloat(v) ? parseFloat(v) : v;
const opts = {columns: true, escape: '"', cast, trim: true, relax: true,
              relax_column_count: true, bom: true};
const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify(inputs.map(i => { try { return parse(i, opts); }
                                             catch (e) { return 'ERR'; } })));
"""

CSV_CASES = [
    "a,b,c\n1,2,3\n", "a,b\n0,007\n0x10,1e3\n\"5\", 6 \n", "a,b\n1\n1,2,3\n", "a,b\n\n1,2\n",
    "a,b\n1,2\n\n\n", "a,b\r\n1,2\r\n", "\ufeffa,b\n-0,+5\n", "a,b\nx\"y,\"q\"\"r\"\n",
    "a,b\n, \n", "a,b\n.5,5.\n", "a,b\nInfinity,1e400\n", "a,a\n1,2\n", "a,b\n\" x \", y \n",
    "a,b\n\"multi\nline\",2\n", "a\n", "", "a,b\n1,2\n   \n3,4", "a,b\n\"x\"y,2\n",
    "a,b\n\"abc,2\n", "a,b\n x y ,\t2\t\n", "a,b\n1,2\r\n3,4\r5,6\n", "a,b\r\n1,2\n3,4\r\n",
    " a , \"b c\" \n1,2\n", "a,\n1,2\n", ",b\n1,2\n", "a,b\n\"\",\" \"\n", "a,b\n\"x\" ,2\n",
    "\n\na,b\n1,2\n", "a,b\n0.0,00\n", "a,b\ntrue,null\n", "a\n\"\"\"\"\n", "a,b\nx\"\"y,2\n",
    "a,b\n1,2,\n", "a,b\n\"\"x,2\n", "007,x\n1,2\n", "a,b\n1,2\n,", "a,b\n1,2\n\"\"",
    "a,b\r\n\"x\"\n,3\r\n", "a,b\n\f1\f,2\n", "a,b\r1,2\r3\r", "a\n0o17\n", "a\n-.e1\n",
    "a\n 0x1F \n", "a\n.\n", "a\n0.1e-2\n", "id,name\n1,\"Smith, J\"\n2,O'Brien\n",
]


@pytest.mark.newman
def test_csv_matches_newman() -> None:
    modules = _node_modules()
    if modules is None or shutil.which("node") is None:
        pytest.skip("node, newman and csv-parse are not installed")
    env = {**os.environ, "NODE_PATH": str(modules)}
    result = subprocess.run(["node", "-e", CSV_ORACLE], input=json.dumps(CSV_CASES), env=env,
                            capture_output=True, text=True, timeout=60, check=True)
    expected = json.loads(result.stdout)
    mine = []
    for text in CSV_CASES:
        try:
            mine.append(parse_csv(text.removeprefix("\ufeff")))
        except InputError:
            mine.append("ERR")
    assert mine == expected


def _node_modules() -> Path | None:
    candidates = [REPO / "node_modules"]
    found = shutil.which("newman")
    if found:
        candidates.append(Path(os.path.realpath(found)).parents[2])
    candidates.append(Path("/work/nm/node_modules"))
    return next((c for c in candidates if (c / "csv-parse").is_dir()
                 and (c / "newman" / "lib" / "util.js").is_file()), None)


# -- .env and assignments ------------------------------------------------------------------


def test_dotenv_values_never_touch_os_environ(tmp_path: Path) -> None:
    key = "HARNESS_TEST_DOTENV_KEY"
    path = write(tmp_path, ".env", f"{key}=v1\nEMPTY=\nBARE\nQUOTED=\"a b\"\n")
    assert load_dotenv(path) == {key: "v1", "EMPTY": "", "BARE": "", "QUOTED": "a b"}
    assert key not in os.environ


def test_dotenv_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read file"):
        load_dotenv(tmp_path / ".env")


def test_parse_assignments() -> None:
    assert parse_assignments(["a=1", "b=x=y", "c=", "a=2"], "--env-var") == {
        "a": "2", "b": "x=y", "c": ""}
    with pytest.raises(InputError, match="--global-var expects KEY=VALUE, got 'novalue'"):
        parse_assignments(["novalue"], "--global-var")
    with pytest.raises(InputError, match="--env-var expects KEY=VALUE, got '=v'"):
        parse_assignments(["=v"], "--env-var")


# -- exports -------------------------------------------------------------------------------


def test_export_variable_file_masks_and_round_trips(tmp_path: Path) -> None:
    scope = Scope("environment", load_variable_file(write(tmp_path, "e.json", ENV)).values)
    scope.set("added", 5)
    target = tmp_path / "out.json"
    export_variable_file(target, "Dev", scope, kind="environment", masked_keys={"token"})
    document = json.loads(target.read_text("utf-8"))
    assert document["name"] == "Dev"
    assert document["_postman_variable_scope"] == "environment"
    assert document["_postman_exported_using"].startswith("harness/")
    assert document["_postman_exported_at"].endswith("Z")
    assert document["values"] == [
        {"key": "base", "value": "http://h", "type": "default", "enabled": True},
        {"key": "token", "value": "", "type": "secret", "enabled": True},
        {"key": "added", "value": 5, "type": "default", "enabled": True},
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.json", "out.json"]
    reloaded = load_variable_file(target)
    assert [v.key for v in reloaded.values] == ["base", "token", "added"]
    assert reloaded.values[1].secret


def test_export_globals_replaces_existing_file(tmp_path: Path) -> None:
    target = write(tmp_path, "g.json", "old")
    export_variable_file(target, "G", Scope.from_dict("globals", {"a": "1"}), kind="globals",
                         masked_keys=set())
    assert json.loads(target.read_text())["_postman_variable_scope"] == "globals"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json"]


def test_export_collection_replaces_variables(tmp_path: Path) -> None:
    data = {"info": {"name": "C"}, "item": [{"name": "r", "request": "http://h"}],
            "variable": [{"key": "keep", "value": "old", "type": "string", "id": "k1"},
                         {"key": "dropped", "value": "x"},
                         {"key": "off", "value": "x", "disabled": True}]}
    collection = parse_collection(data)
    scope = Scope("collection", collection.variables)
    scope.set("keep", "new")
    scope.unset("dropped")
    scope.set("fresh", 3)
    target = tmp_path / "c.json"
    export_collection(target, collection, scope)
    written = json.loads(target.read_text("utf-8"))
    assert written["item"] == data["item"]
    assert written["variable"] == [
        {"key": "keep", "value": "new", "type": "string", "id": "k1"},
        {"key": "off", "value": "x", "disabled": True},
        {"key": "fresh", "value": 3, "type": "any"},
    ]
    assert data["variable"][0]["value"] == "old"  # the model's raw JSON is not changed
