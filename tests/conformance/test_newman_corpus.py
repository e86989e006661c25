"""Every collection of Adobe's public corpus through Newman and through harness: same bytes.

Each collection is copied into a temporary directory with its hosts (``https://platform.adobe.io``,
``https://{{IMS}}``, ...) pointed at its own recording echo server, in ``raw`` and in the url
parts. Both runners get the same generated environment: the corpus template's values, and for
every other ``{{variable}}`` of the corpus a deterministic choice of a value (some with
characters that need encoding), an empty string, or nothing, so that the Adobe pre-request
scripts (which drop headers and query params whose variable is empty) work both ways.

Newman runs once, in one Node process, every collection in sequence (its start-up is slow);
harness's :class:`~harness.run.Run` then runs each copy. Per collection, every exchange the
echo server saw is compared in order: method, request target, headers (names, values, order)
and body; then the final environment. By-nature differences are normalised as in
``test_newman_requests``: User-Agent, Postman-Token, multipart boundaries, the position of Host.
"""

from __future__ import annotations

import base64
import functools
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers.echo import EchoServer, Exchange  # noqa: E402

from harness.parse import load_collection  # noqa: E402
from harness.run import Run, RunOptions  # noqa: E402
from harness.variables import Scope, Scopes  # noqa: E402

pytestmark = [pytest.mark.newman, pytest.mark.corpus]
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "adobe-postman-samples"

COLLECTIONS = sorted(CORPUS.rglob("*.postman_collection.json")) if CORPUS.is_dir() else []
TEMPLATE = CORPUS / "Postman Environment Template.postman_environment.json"
# Every host the corpus sends to: its request URLs and the library its JWT script fetches.
HOSTS = ("platform.adobe.io", "reactor.adobe.io", "{{PLATFORM_URL}}", "{{IMS}}",
         "kjur.github.io")
_VARIABLE = re.compile(r"\{\{([A-Za-z0-9_.\-]+)\}\}")
# Values that need encoding somewhere (query, path, header, body), cycled over the variables.
_FLAVOURS = ("", " a b", "é€", "x/y", "%41", "a&b=c", "#h", "q?", "'\"", "+1")
_IGNORED = {"user-agent", "postman-token"}
_WHOLE = re.compile(r"^\s*\{\{([^{}]+)\}\}\s*$")
_BODY = '{\n  "NAME": "é€ // not a comment", /* a comment */\n  "n": [1, {"k": "%41&="}]\n}'

# Requests whose difference is known and explained: (collection stem, index) -> reason.
KNOWN: dict[tuple[str, int], str] = {}


def _name(path: Path) -> str:
    return path.name.removesuffix(".postman_collection.json")


# -- the copies -------------------------------------------------------------------------------

def rewrite(text: str, port: int) -> dict[str, Any]:
    """The collection with every corpus host pointed at ``http://127.0.0.1:port``."""
    for host in HOSTS:
        text = text.replace(f"https://{host}", f"http://127.0.0.1:{port}")
    data: dict[str, Any] = json.loads(text)
    for url in _url_objects(data):
        parts = url.get("host")
        joined = ".".join(parts) if isinstance(parts, list) else parts
        if joined in HOSTS:
            url.update(protocol="http", host=["127", "0", "0", "1"], port=str(port))
    return data


def _url_objects(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        request = node.get("request")
        if isinstance(request, dict) and isinstance(request.get("url"), dict):
            yield request["url"]
        for value in node.values():
            yield from _url_objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _url_objects(value)


def _requests(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if isinstance(node.get("request"), dict):
            yield node["request"]
        for value in node.get("item", []):
            yield from _requests(value)


@functools.cache
def _whole_bodies() -> frozenset[str]:
    """Variables that are a whole raw body (``{{body}}``, ``{{payload}}``, ...)."""
    names = set()
    for path in COLLECTIONS:
        for request in _requests(json.loads(path.read_text())):
            body = request.get("body") or {}
            if body.get("mode") == "raw":
                names.update(_WHOLE.findall(body.get("raw") or ""))
    return frozenset(names)


@functools.cache
def _variable_names() -> list[str]:
    return sorted({n for path in COLLECTIONS for n in _VARIABLE.findall(path.read_text())})


def environment(port: int) -> dict[str, str]:
    """Template values, then a value, "" or nothing (in turn) for every other variable.

    A variable that is a whole raw body always gets a JSON text (non-ASCII, comment-like).
    """
    names = _variable_names()
    template = {v["key"]: v["value"] for v in json.loads(TEMPLATE.read_text())["values"]}
    env = {k: v for k, v in template.items() if v}
    bodies = _whole_bodies()
    for index, name in enumerate(n for n in names if n not in env):
        if name in bodies:
            env[name] = _BODY.replace("NAME", name)
        elif index % 3 == 0:
            env[name] = f"{name.lower()}-{index}{_FLAVOURS[index // 3 % len(_FLAVOURS)]}"
        elif index % 3 == 1:
            env[name] = ""
    env["IMS"] = env["PLATFORM_URL"] = f"127.0.0.1:{port}"
    return env


def env_file(values: dict[str, str]) -> dict[str, Any]:
    return {"name": "corpus", "values": [
        {"key": k, "value": v, "type": "default", "enabled": True} for k, v in values.items()]}


# -- the runs ---------------------------------------------------------------------------------

_DRIVER = """
const newman = require(process.argv[2]);
const jobs = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
(async () => {
  for (const job of jobs) {
    await new Promise((done) => newman.run(job, (err) => {
      if (err) { console.error('newman failed on', job.collection, err); process.exitCode = 1; }
      done();
    }));
  }
})();
"""


def run_newman(binary: str, jobs: list[dict[str, Any]], directory: Path) -> None:
    """One Node process runs every job in turn (Newman's start-up is what is slow)."""
    package = Path(binary).resolve().parents[1]
    (directory / "driver.js").write_text(_DRIVER)
    (directory / "jobs.json").write_text(json.dumps(jobs))
    result = subprocess.run(["node", str(directory / "driver.js"), str(package),
                             str(directory / "jobs.json")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def run_harness(path: Path, env: dict[str, str]) -> dict[str, Any]:
    collection = load_collection(path)
    scopes = Scopes(environment=Scope.from_dict("environment", env),
                    collection=Scope("collection", collection.variables))
    run = Run(collection, scopes, RunOptions(working_dir=path.parent))
    for _ in run:
        pass
    return scopes.environment.to_dict()


def normalise(exchange: Exchange) -> dict[str, Any]:
    body = exchange.body
    headers = [(k.lower(), v.strip()) for k, v in exchange.headers if k.lower() not in _IGNORED]
    ctype = exchange.header("Content-Type") or ""
    if "boundary=" in ctype:
        boundary = ctype.split("boundary=")[1]
        body = body.replace(boundary.encode(), b"BOUNDARY")
        headers = [(k, v.replace(boundary, "BOUNDARY")) for k, v in headers]
    return {"method": exchange.method, "target": exchange.target,
            "host": [v for k, v in headers if k == "host"],
            "headers": [h for h in headers if h[0] != "host"], "body": body}


def normalise_env(values: dict[str, Any]) -> dict[str, Any]:
    """Values that hold an echo of a request (a script stored a response) normalised too."""
    out = {}
    for key, value in values.items():
        echo = _echo(value)
        out[key] = normalise(echo) if echo is not None else value
    return out


def _echo(value: Any) -> Exchange | None:
    if not (isinstance(value, str) and value.startswith('{"method"')):
        return None
    data = json.loads(value)
    return Exchange(data["method"], data["target"], [tuple(h) for h in data["headers"]],
                    base64.b64decode(data["body"]))


Side = tuple[list[dict[str, Any]], dict[str, Any]]  # exchanges, final environment


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory, newman_bin: str,
             corpus_dir: Path) -> Iterator[dict[str, tuple[Side, Side]]]:
    root = tmp_path_factory.mktemp("corpus")
    servers = [EchoServer().start() for _ in COLLECTIONS]
    try:
        jobs, copies = [], []
        for index, (source, server) in enumerate(zip(COLLECTIONS, servers, strict=True)):
            directory = root / str(index)
            directory.mkdir()
            copy = directory / "c.postman_collection.json"
            copy.write_text(json.dumps(rewrite(source.read_text(), server.port)))
            env = environment(server.port)
            (directory / "env.json").write_text(json.dumps(env_file(env)))
            copies.append((copy, env))
            jobs.append({"collection": str(copy), "environment": str(directory / "env.json"),
                         "workingDir": str(directory), "reporters": [],
                         "exportEnvironment": str(directory / "env-out.json")})
        run_newman(newman_bin, jobs, root)
        theirs = [[normalise(e) for e in s.exchanges] for s in servers]
        for server in servers:
            server.exchanges.clear()
        ours_env = [run_harness(copy, env) for copy, env in copies]
        out: dict[str, tuple[Side, Side]] = {}
        for index, source in enumerate(COLLECTIONS):
            exported = json.loads((root / str(index) / "env-out.json").read_text())
            their_env = {v["key"]: v["value"] for v in exported["values"]}
            ours = [normalise(e) for e in servers[index].exchanges]
            out[_name(source)] = ((theirs[index], their_env), (ours, ours_env[index]))
        yield out
    finally:
        with ThreadPoolExecutor() as pool:  # each stop waits for its server's poll interval
            list(pool.map(EchoServer.stop, servers))


def test_every_request_goes_to_the_echo_server() -> None:
    if not COLLECTIONS:
        pytest.skip("../shared/corpus is absent")
    for path in COLLECTIONS:
        data = rewrite(path.read_text(), 1234)
        for request in _requests(data):
            url = request["url"]
            raw = url if isinstance(url, str) else url["raw"]
            assert raw.startswith("http://127.0.0.1:1234/"), (path.name, raw)
            if isinstance(url, dict):
                assert (url["protocol"], url["host"], url["port"]) == (
                    "http", ["127", "0", "0", "1"], "1234"), (path.name, raw)


@pytest.mark.parametrize("name", [_name(p) for p in COLLECTIONS])
def test_harness_sends_what_newman_sends(name: str,
                                        outcomes: dict[str, tuple[Side, Side]]) -> None:
    (theirs, _), (ours, _) = outcomes[name]
    assert theirs, "Newman sent nothing"
    assert [(e["method"], e["target"]) for e in ours] == [
        (e["method"], e["target"]) for e in theirs]
    for index, (mine, reference) in enumerate(zip(ours, theirs, strict=True)):
        if (name, index) in KNOWN:
            assert mine != reference, f"known difference fixed: {KNOWN[name, index]}"
            continue
        assert mine == reference, (index, reference["target"])


@pytest.mark.parametrize("name", [_name(p) for p in COLLECTIONS])
def test_final_environment_is_newmans(name: str,
                                      outcomes: dict[str, tuple[Side, Side]]) -> None:
    (_, their_env), (_, our_env) = outcomes[name]
    assert normalise_env(our_env) == normalise_env(their_env)
