"""The project's AEP collection passes end to end under Newman (the reference runner)
against the emulator; skipped where Newman is not installed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from harness.sandbox import SandboxServer

REPO = Path(__file__).resolve().parents[2]
COLLECTION = REPO / "collection" / "aep-batch-ingestion.postman_collection.json"
LOCAL_ENV = REPO / "environments" / "local.postman_environment.json"


def _newman() -> str | None:
    local = REPO / "node_modules" / ".bin" / "newman"
    if local.exists():
        return str(local)
    return shutil.which("newman")


def _env_for(url: str, tmp_path: Path) -> Path:
    env = json.loads(LOCAL_ENV.read_text("utf-8"))
    for value in env["values"]:
        if value["key"] in ("IMS_HOST", "PLATFORM_HOST"):
            value["value"] = url
        if value["key"] == "BATCH_POLL_INTERVAL_MS":
            value["value"] = "100"
    path = tmp_path / "env.json"
    path.write_text(json.dumps(env))
    return path


def _run_newman(server: SandboxServer, args: list[str]) -> tuple[int, str]:
    """Run Newman against ``server``; stop the server once the run summary is printed.

    Newman lets Node exit by itself, which waits for its keep-alive sockets to be closed by
    the server: stopping the server as soon as the run is over keeps this test fast.
    """
    proc = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert proc.stdout is not None
    lines: list[str] = []
    for line in proc.stdout:
        lines.append(line)
        if "average response time" in line:
            break
    server.stop()
    lines.append(proc.stdout.read())
    return proc.wait(timeout=60), "".join(lines)


@pytest.mark.newman
def test_collection_passes_under_newman(tmp_path: Path) -> None:
    newman = _newman()
    if newman is None:
        pytest.skip("newman is not installed (npm install newman)")
    report = tmp_path / "report.json"
    with SandboxServer(batch_delay=0.3) as server:
        env = _env_for(server.url, tmp_path)
        code, out = _run_newman(
            server,
            [
                newman,
                "run",
                str(COLLECTION),
                "-e",
                str(env),
                "--working-dir",
                str(COLLECTION.parent),
                "--reporters",
                "cli,json",
                "--reporter-json-export",
                str(report),
            ],
        )
    assert code == 0, out[-6000:]
    run = json.loads(report.read_text("utf-8"))["run"]
    assert run["stats"]["assertions"]["failed"] == 0
    assert run["stats"]["assertions"]["total"] >= 20
    names = [e["item"]["name"] for e in run["executions"]]
    assert names.count("Batch Status") >= 2  # polled through processing to success
    assert names[-3:] == ["Retrieve Profile", "Retrieve Profile by Email", "Unknown Profile"]


@pytest.mark.newman
def test_failed_batch_fails_the_collection(tmp_path: Path) -> None:
    """With a file that does not parse, the Batch Status assertion must fail."""
    newman = _newman()
    if newman is None:
        pytest.skip("newman is not installed (npm install newman)")
    work = tmp_path / "collection"
    work.mkdir()
    shutil.copy(REPO / "collection" / "luma-crm-malformed.json", work / "luma-crm.json")
    with SandboxServer(batch_delay=0.1) as server:
        env = _env_for(server.url, tmp_path)
        code, out = _run_newman(
            server,
            [newman, "run", str(COLLECTION), "-e", str(env), "--working-dir", str(work)],
        )
    assert code != 0
    assert "batch failed" in out
