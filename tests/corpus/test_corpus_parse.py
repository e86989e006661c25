"""Every collection of the shared corpus parses, with every request found and round-tripping."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from harness.parse import load_collection, parse_request, parse_url, request_to_json, url_to_string

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "adobe-postman-samples"
FILES = sorted(CORPUS.rglob("*.postman_collection.json")) if CORPUS.is_dir() else []

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not FILES, reason=f"corpus not found at {CORPUS}"),
]


def request_objects(items: list[Any]) -> list[Any]:
    """``request`` values (objects or strings) inside an ``item`` tree, depth first."""
    found = []
    for item in items:
        if isinstance(item.get("item"), list):
            found.extend(request_objects(item["item"]))
        elif isinstance(item.get("request"), (dict, str)):
            found.append(item["request"])
    return found


def ids(path: Path) -> str:
    return path.name


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_collection_parses_with_every_request(path: Path) -> None:
    collection = load_collection(path)
    raw = json.loads(path.read_text("utf-8-sig"))
    requests = collection.requests()
    assert [str(r.error) for r in requests if r.error] == []
    assert len(requests) == len(request_objects(raw["item"]))
    assert collection.name == raw["info"]["name"]


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_requests_round_trip_through_json(path: Path) -> None:
    collection = load_collection(path)
    for item in collection.requests():
        assert parse_request(request_to_json(item.request)) == item.request, item.address


def _node_modules() -> Path | None:
    candidates = [REPO / "node_modules"]
    found = shutil.which("newman")
    if found:
        candidates.append(Path(os.path.realpath(found)).parents[2])
    candidates.append(Path("/work/nm/node_modules"))
    return next((c for c in candidates if (c / "postman-collection").is_dir()), None)


ORACLE = r"""
const {Url} = require('postman-collection');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const raw = u => (typeof u === 'string' ? u : u.raw);
console.log(JSON.stringify(input.map(u => [new Url(u).toString(), new Url(raw(u)).toString()])));
"""


@pytest.mark.newman
def test_corpus_urls_match_postman_collection() -> None:
    modules = _node_modules()
    if modules is None or shutil.which("node") is None:
        pytest.skip("node and postman-collection are not installed")
    urls = [u for path in FILES for u in _urls(json.loads(path.read_text("utf-8-sig"))["item"])]
    env = {**os.environ, "NODE_PATH": str(modules)}
    result = subprocess.run(["node", "-e", ORACLE], input=json.dumps(urls), env=env,
                            capture_output=True, text=True, timeout=120, check=True)
    expected = json.loads(result.stdout)
    mine = [[url_to_string(parse_url(u)),
             url_to_string(parse_url(u if isinstance(u, str) else u.get("raw", "")))]
            for u in urls]
    assert mine == expected


def _urls(items: list[Any]) -> list[Any]:
    out = []
    for request in request_objects(items):
        out.append(request if isinstance(request, str) else request.get("url"))
    return [u for u in out if u is not None]
