"""Per-request overhead of harness vs Newman on the same scripted collection, same run.

    python benchmarks/bench_overhead.py [--requests 300] [--newman PATH]

Every runner runs as its own process, with 1 request and with N requests; the slope
(T(N) - T(1)) / (N - 1) is the cost of one more request, start-up excluded. Two slopes are
shown: wall clock minus the bare HTTP round trip (httpx against the same server), and the
runner process's CPU time (user + system, from getrusage of the child), which includes its
HTTP client work but not the server's, and is far less noisy than the wall clock.
harness is measured three ways: the engine as a library, pytest, and pytest with Allure on;
pytest's and allure-pytest's own floor (the same number of empty tests) is shown beside
them. Each point is the fastest of --repeat runs. Prints a table and the ratios
Newman / harness. Loopback only.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import Server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PRE = ["pm.variables.set('started', Date.now());",
       "pm.request.headers.upsert({key: 'x-trace', value: pm.variables.replaceIn('{{$guid}}')});"]
TEST = ["pm.test('status is 200', function () { pm.response.to.have.status(200); });",
        "const body = pm.response.json();",
        "pm.test('has id', function () { pm.expect(body).to.have.property('id'); });",
        "pm.test('status ok', () => pm.expect(body.status).to.eql('success'));",
        "pm.environment.set('LAST_ID', body.id);",
        "tests['ten items'] = body.items.length === 10;"]


def collection(count: int) -> dict[str, object]:
    items = [{
        "name": f"request {i}",
        "event": [{"listen": "prerequest", "script": {"exec": PRE}},
                  {"listen": "test", "script": {"exec": TEST}}],
        "request": {"method": "POST", "url": "{{BASE}}/items/{{LAST_ID}}",
                    "header": [{"key": "Content-Type", "value": "application/json"},
                               {"key": "x-api-key", "value": "{{API_KEY}}"}],
                    "body": {"mode": "raw", "raw": '{"n": ' + str(i) + ', "id": "{{LAST_ID}}"}'}},
    } for i in range(count)]
    return {"info": {"name": f"bench-{count}", "_postman_id": f"bench-{count}",
                     "schema": "https://schema.getpostman.com/json/collection/v2.1.0/"
                               "collection.json"},
            "item": items}


def write(tmp: Path, count: int) -> Path:
    path = tmp / f"bench-{count}.postman_collection.json"
    path.write_text(json.dumps(collection(count)))
    return path


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stdout[-2000:]}"
                         f"{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def trivial(tmp: Path, collection_path: Path) -> Path:
    """As many empty pytest tests as the collection has requests: pytest's own floor."""
    count = len(json.loads(collection_path.read_text())["item"])
    path = tmp / f"test_floor_{count}.py"
    if not path.exists():
        path.write_text("".join(f"def test_{i}():\n    pass\n" for i in range(count)))
    return path


LIBRARY = """
import sys
from harness.parse import load_collection
from harness.run import Run, RunOptions
from harness.variables import Scope, Scopes
scopes = Scopes(environment=Scope.from_dict("environment", {"BASE": sys.argv[2], "API_KEY": "k"}))
results = list(Run(load_collection(sys.argv[1]), scopes, RunOptions()))
sys.exit(0 if all(e.ok for e in results) else 1)
"""


def bare_round_trip(base: str, count: int) -> float:
    with httpx.Client() as client:
        client.post(f"{base}/items/x", content=b'{"n": 0}')
        start = time.perf_counter()
        for i in range(count):
            client.post(f"{base}/items/x", content=b'{"n": %d}' % i,
                        headers={"Content-Type": "application/json", "x-api-key": "k"})
        return (time.perf_counter() - start) / count


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="runs per point; the fastest counts")
    parser.add_argument("--newman", default=shutil.which("newman")
                        or str(ROOT / "node_modules" / ".bin" / "newman"))
    ns = parser.parse_args()
    n = ns.requests
    scratch = ROOT / "benchmarks" / ".scratch"  # on the project's disk, like real reports
    scratch.mkdir(exist_ok=True)
    with Server() as server, tempfile.TemporaryDirectory(dir=scratch) as tmpdir:
        tmp = Path(tmpdir)
        small, large = write(tmp, 1), write(tmp, n)
        env = ["--env-var", f"BASE={server.url}", "--env-var", "API_KEY=k"]
        py = [sys.executable, "-m", "harness.cli", "run"]
        runners = {
            "harness (library)": lambda p: timed(
                [sys.executable, "-c", LIBRARY, str(p), server.url], tmp),
            "harness run (pytest)": lambda p: timed([*py, str(p), *env, "--", "-q"], tmp),
            "harness run (pytest + allure)": lambda p: timed(
                [*py, str(p), *env, "--alluredir", str(tmp / f"allure-{p.stem}"), "--", "-q"],
                tmp),
        }
        floor = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        runners["(floor) pytest, empty tests"] = lambda p: timed(
            [*floor, str(trivial(tmp, p))], tmp)
        runners["(floor) pytest + allure, empty tests"] = lambda p: timed(
            [*floor, str(trivial(tmp, p)), "--alluredir", str(tmp / f"allure-t-{p.stem}")], tmp)
        if Path(ns.newman).exists():
            runners["newman"] = lambda p: timed(
                [ns.newman, "run", str(p), *env, "-r", "json", "--reporter-json-export",
                 str(tmp / "newman.json")], tmp)
        rtt = bare_round_trip(server.url, n)
        print(f"bare HTTP round trip (httpx, keep-alive): {rtt * 1000:.3f} ms/request; "
              f"N = {n} scripted requests")
        print(f"{'runner':38} {'T(1) s':>7} {'T(N) s':>7} {'wall ms/req':>11} "
              f"{'- RTT':>7} {'CPU ms/req':>10}")
        cpu: dict[str, float] = {}
        for name, runner in runners.items():
            small_runs = [runner(small) for _ in range(ns.repeat)]
            large_runs = [runner(large) for _ in range(ns.repeat)]
            t1, tn = min(r[0] for r in small_runs), min(r[0] for r in large_runs)
            c1, cn = min(r[1] for r in small_runs), min(r[1] for r in large_runs)
            per, cpu[name] = (tn - t1) / (n - 1), (cn - c1) / (n - 1)
            own = per if name.startswith("(floor)") else per - rtt
            print(f"{name:38} {t1:7.2f} {tn:7.2f} {per * 1000:11.3f} {own * 1000:7.3f} "
                  f"{cpu[name] * 1000:10.3f}")
        if "newman" in cpu:
            for name, value in cpu.items():
                if name != "newman" and not name.startswith("(floor)"):
                    print(f"CPU per request, newman / {name}: {cpu['newman'] / value:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
