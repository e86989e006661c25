"""``harness demo``: the AEP batch-ingestion collection against the bundled emulator.

Starts the emulator on a free port of 127.0.0.1, runs the collection as pytest cases with the
local environment (hosts pointed at the emulator), writes every report under ``reports/``,
prints where they are, and stops the emulator.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from harness.errors import InputError

COLLECTION = "collection/aep-batch-ingestion.postman_collection.json"
ENVIRONMENT = "environments/local.postman_environment.json"
HOST_VARIABLES = ("IMS_HOST", "PLATFORM_HOST")


def project_root() -> Path:
    """Where ``collection/`` and ``environments/`` are: the working directory or the checkout."""
    for candidate in (Path.cwd(), Path(__file__).resolve().parent.parent):
        if (candidate / COLLECTION).is_file():
            return candidate
    raise InputError(f"cannot find {COLLECTION} (run from the project's folder)")


def demo(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="harness demo")
    parser.add_argument("--declarative", action="store_true",
                        help="run the script-free variant chained by its sidecar file")
    parser.add_argument("--reports", default="reports", help="folder for the reports")
    parser.add_argument("extra", nargs="*", help="more `harness run` flags after --")
    ns = parser.parse_args(list(argv))
    root = project_root()
    collection = root / COLLECTION
    if ns.declarative:
        collection = collection.with_name("aep-batch-ingestion-declarative.postman_collection.json")
    from harness.cli import cmd_run
    from harness.sandbox.server import SandboxServer

    reports = Path(ns.reports)
    with SandboxServer() as server:
        print(f"AEP emulator listening on {server.url}")
        args = [str(collection), "-e", str(root / ENVIRONMENT), "--dotenv", "/dev/null",
                "-r", "cli,junit,json,html,allure",
                "--reporter-junit-export", str(reports / "junit.xml"),
                "--reporter-json-export", str(reports / "report.json"),
                "--reporter-html-export", str(reports / "report.html"),
                "--alluredir", str(reports / "allure-results"),
                "--export-environment", str(reports / "environment.json")]
        for name in HOST_VARIABLES:
            args += ["--env-var", f"{name}={server.url}"]
        # the emulator imported anyio before pytest could rewrite anyio's plugin: harmless
        quiet = ["-W", "ignore::pytest.PytestAssertRewriteWarning"]
        code = cmd_run(args + list(ns.extra) + ["--", *quiet])
    print(f"\nreports: {reports}/report.html, {reports}/report.json, {reports}/junit.xml, "
          f"{reports}/allure-results (npx allure generate {reports}/allure-results), "
          f"final environment: {reports}/environment.json")
    return code
