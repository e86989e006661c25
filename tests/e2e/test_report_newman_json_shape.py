"""Our Newman-shaped JSON has the keys of a real ``newman run -r json`` report."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from harness.report import newman_json

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))
from echo import EchoServer  # noqa: E402
from report_data import sample_run  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
COLLECTION = {
    "info": {"_postman_id": "c-1", "name": "Shape",
             "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
    "item": [{"name": "F", "item": [{
        "name": "Echo",
        "request": {"method": "POST", "url": "{{base}}/echo?q=1",
                    "header": [{"key": "X-A", "value": "1"}],
                    "body": {"mode": "raw", "raw": "{\"a\":1}"}},
        "event": [{"listen": "test", "script": {"exec": [
            "pm.test('ok', function () { pm.response.to.have.status(200); });",
            "pm.test('bad', function () { pm.expect(1).to.equal(2); });"]}}],
    }]}],
}


def _newman() -> str:
    for candidate in (REPO / "node_modules" / ".bin" / "newman", shutil.which("newman"),
                      Path("/work/nm/node_modules/.bin/newman")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    pytest.skip("newman is not installed")


@pytest.mark.newman
def test_same_keys_as_newman(tmp_path: Path) -> None:
    newman = _newman()
    (tmp_path / "c.json").write_text(json.dumps(COLLECTION))
    with EchoServer() as server:
        subprocess.run([newman, "run", str(tmp_path / "c.json"), "--env-var",
                        f"base={server.url}", "-r", "json", "--reporter-json-export",
                        str(tmp_path / "n.json")], capture_output=True, timeout=120)
    theirs = json.loads((tmp_path / "n.json").read_text())
    run = sample_run()
    ours = newman_json.build(run.collection, run.executions, run.summary, run.masker(),
                             environment=run.environment)
    _same(ours, theirs, "")
    _same(ours["run"], theirs["run"], "run")
    for key in ("stats", "timings", "transfers"):
        _same(ours["run"][key], theirs["run"][key], f"run.{key}")
    for key in theirs["run"]["stats"]:
        _same(ours["run"]["stats"][key], theirs["run"]["stats"][key], f"run.stats.{key}")
    mine, real = ours["run"]["executions"][1], theirs["run"]["executions"][0]
    _same(mine, real, "execution")
    for key in ("cursor", "response"):
        _same(mine[key], real[key], f"execution.{key}")
    assert set(real["request"]) <= set(mine["request"])
    assert set(real["request"]["url"]) <= set(mine["request"]["url"])
    assert set(real["assertions"][1]) == set(mine["assertions"][0])
    assert set(real["assertions"][1]["error"]) <= set(mine["assertions"][0]["error"])
    failure_keys = set(theirs["run"]["failures"][0])
    assert failure_keys == set(ours["run"]["failures"][0])
    assert {"name", "message", "test"} <= set(ours["run"]["failures"][0]["error"])


def _same(ours: dict[str, Any], theirs: dict[str, Any], where: str) -> None:
    assert set(theirs) <= set(ours), (where, set(theirs) - set(ours))
