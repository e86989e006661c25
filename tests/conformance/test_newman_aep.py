"""The project's AEP collection through Newman and through harness: same flow, same results.

Each runner gets its own fresh emulator with the same settings; the executions (request
names in order, polling included), every assertion's name and outcome, and the final
environment must agree. Values that differ by nature (tokens, batch ids, the hosts, which
are per-emulator) are compared by shape only. Skipped where Newman is not installed.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from harness.parse import load_collection
from harness.run import Run, RunOptions
from harness.sandbox import SandboxServer
from harness.variables import Scope, Scopes

pytestmark = pytest.mark.newman
ROOT = Path(__file__).resolve().parents[2]
COLLECTION = ROOT / "collection" / "aep-batch-ingestion.postman_collection.json"
LOCAL_ENV = ROOT / "environments" / "local.postman_environment.json"
VOLATILE = {"ACCESS_TOKEN", "BATCH_ID", "IMS_HOST", "PLATFORM_HOST"}
DELAY = 0.3  # the emulator's batch processing delay: long enough to need a few polls


def environment(url: str) -> dict[str, Any]:
    env = json.loads(LOCAL_ENV.read_text("utf-8"))
    for value in env["values"]:
        if value["key"] in ("IMS_HOST", "PLATFORM_HOST"):
            value["value"] = url
    return env


def run_newman(newman: str, tmp_path: Path) -> tuple[list[tuple[str, list[Any]]], dict[str, Any]]:
    report, exported = tmp_path / "report.json", tmp_path / "env.out.json"
    with SandboxServer(batch_delay=DELAY) as server:
        env = tmp_path / "env.json"
        env.write_text(json.dumps(environment(server.url)))
        proc = subprocess.Popen(
            [newman, "run", str(COLLECTION), "-e", str(env), "--working-dir",
             str(COLLECTION.parent), "-r", "json", "--reporter-json-export", str(report),
             "--export-environment", str(exported)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            proc.wait(timeout=60)
        finally:
            server.stop()  # lets Node exit without waiting for idle keep-alive sockets
            proc.wait(timeout=30)
    run = json.loads(report.read_text("utf-8"))["run"]
    flow = [(e["item"]["name"], [(a["assertion"], "error" not in a) for a in e["assertions"]])
            for e in run["executions"]]
    final = {v["key"]: v["value"] for v in json.loads(exported.read_text())["values"]}
    return flow, final


def run_harness() -> tuple[list[tuple[str, list[Any]]], dict[str, Any]]:
    with SandboxServer(batch_delay=DELAY) as server:
        values = environment(server.url)["values"]
        collection = load_collection(COLLECTION)
        scopes = Scopes(
            environment=Scope.from_dict("environment", {v["key"]: v["value"] for v in values}),
            collection=Scope("collection", collection.variables))
        executions = list(Run(collection, scopes, RunOptions()))
    flow = [(e.item.name, [(a.name, a.passed) for a in e.assertions]) for e in executions]
    return flow, scopes.environment.to_dict()


def without_repeats(flow: list[tuple[str, list[Any]]]) -> list[tuple[str, list[Any]]]:
    """The flow with consecutive polls of one request folded: how many polls a batch needs
    depends on timing, not on the runner."""
    out: list[tuple[str, list[Any]]] = []
    for name, assertions in flow:
        if out and out[-1][0] == name:
            out[-1] = (name, assertions)
        else:
            out.append((name, assertions))
    return out


def test_aep_collection_runs_the_same_under_newman_and_harness(
    newman_bin: str, tmp_path: Path
) -> None:
    theirs, their_env = run_newman(newman_bin, tmp_path)
    ours, our_env = run_harness()
    assert without_repeats(ours) == without_repeats(theirs)
    assert all(passed for _, assertions in ours for _, passed in assertions)
    assert sorted(our_env) == sorted(their_env)
    for key in sorted(our_env):
        if key in VOLATILE:
            assert type(our_env[key]) is type(their_env[key]) and our_env[key], key
        elif key != "BATCH_POLL_ATTEMPTS":  # the number of polls depends on timing
            assert our_env[key] == their_env[key], key  # values and their JSON types
