"""The Newman-shaped JSON report: keys where tools read them, counts, masking, atomic write."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from harness.masking import MASK
from harness.report import newman_json

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))
from report_data import SECRETS, XSS, sample_run  # noqa: E402

# Keys Newman 6's JSON reporter writes (checked against a real report; see the e2e test).
TOP = {"collection", "environment", "globals", "run"}
RUN = {"stats", "timings", "executions", "transfers", "failures", "error"}
STATS = {"iterations", "items", "scripts", "prerequests", "requests", "tests", "assertions",
         "testScripts", "prerequestScripts"}
TIMINGS = {"responseAverage", "responseMin", "responseMax", "responseSd", "dnsAverage", "dnsMin",
           "dnsMax", "dnsSd", "firstByteAverage", "firstByteMin", "firstByteMax", "firstByteSd",
           "started", "completed"}
CURSOR = {"position", "iteration", "length", "cycles", "empty", "eof", "bof", "cr", "ref",
          "httpRequestId"}
RESPONSE = {"id", "status", "code", "header", "stream", "cookie", "responseTime", "responseSize"}
ASSERTION_ERROR = {"name", "index", "test", "message", "stack"}
FAILURE = {"error", "at", "source", "parent", "cursor"}


def _report() -> dict[str, Any]:
    run = sample_run()
    return newman_json.build(run.collection, run.executions, run.summary, run.masker(),
                             environment=run.environment)


def test_keys_at_the_levels_tools_read() -> None:
    report = _report()
    assert set(report) == TOP
    assert set(report["run"]) == RUN
    assert set(report["run"]["stats"]) == STATS
    assert all(set(v) == {"total", "pending", "failed"} for v in report["run"]["stats"].values())
    assert set(report["run"]["timings"]) == TIMINGS
    first = report["run"]["executions"][0]
    assert {"cursor", "item", "request", "response", "id", "assertions"} <= set(first)
    assert set(first["cursor"]) == CURSOR
    assert set(first["item"]) >= {"id", "name"}
    assert set(first["request"]) >= {"url", "header", "method"}
    assert set(first["response"]) == RESPONSE
    assert set(report["run"]["failures"][0]) == FAILURE
    assert set(report["collection"]["info"]) >= {"_postman_id", "name", "schema"}


def test_counts() -> None:
    stats = _report()["run"]["stats"]
    assert stats["iterations"]["total"] == 2
    assert stats["items"]["total"] == 5
    assert stats["requests"] == {"total": 4, "pending": 0, "failed": 1}
    assert stats["assertions"] == {"total": 4, "pending": 0, "failed": 1}
    assert stats["prerequestScripts"]["failed"] == 1


def test_executions_assertions_and_errors() -> None:
    report = _report()
    ok, failed, _, broken, script = report["run"]["executions"]
    assert ok["assertions"] == [{"assertion": "status is 200", "skipped": False},
                                {"assertion": "later", "skipped": True}]
    error = failed["assertions"][0]["error"]
    assert set(error) == ASSERTION_ERROR and error["index"] == 0
    assert failed["response"]["code"] == 500
    assert failed["response"]["status"] == "Internal Server Error"
    assert bytes(failed["response"]["stream"]["data"]) == b'{"error":"boom"}'
    assert broken["requestError"]["message"] == "connection refused"
    assert script["prerequestScript"][0]["error"]["name"] == "TypeError"
    assert ok["request"]["url"]["host"] == ["127", "0", "0", "1"]
    assert ok["cursor"]["iteration"] == 0 and script["cursor"]["iteration"] == 1


def test_failures_point_at_their_source() -> None:
    failures = _report()["run"]["failures"]
    assert [f["at"] for f in failures] == ["assertion:0 in test-script", "request",
                                           "prerequest-script"]
    assert failures[0]["parent"] == {"id": "f-acc", "name": "Accounts"}
    assert failures[1]["source"] == {"id": "id-ping", "name": "Ping"}


def test_everything_is_masked() -> None:
    report = _report()
    text = json.dumps(report)
    streams = "".join(bytes(e["response"]["stream"]["data"]).decode()
                      for e in report["run"]["executions"] if "response" in e)
    for secret in SECRETS:
        assert secret not in text and secret not in streams
    env = {v["key"]: v for v in report["environment"]["values"]}
    assert env["token"] == {"type": "secret", "value": MASK, "key": "token"}
    assert env["base"]["value"] == "http://127.0.0.1"
    sent = report["run"]["executions"][0]["request"]["header"]
    headers = {h["key"]: h["value"] for h in sent}
    assert headers["Authorization"] == MASK
    assert XSS in text  # JSON is data, not markup: names are kept verbatim


def test_write_is_atomic_and_valid_json(tmp_path: Path) -> None:
    target = tmp_path / "out" / "newman.json"
    newman_json.write(target, _report())
    assert json.loads(target.read_text())["run"]["stats"]["items"]["total"] == 5
    assert [p.name for p in target.parent.iterdir()] == ["newman.json"]
