"""The ``harness`` command: ``run`` (Newman's flags, runs pytest in-process), ``list``,
``demo`` (the AEP collection against the bundled emulator) and ``sandbox`` (the emulator).

Exit codes: 0 all passed, 1 an assertion or request failed, 2 unusable input (one line
naming the file and JSON pointer; ``--verbose`` adds the traceback).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from harness.errors import HarnessError

REPORTERS = ("cli", "junit", "json", "html", "allure")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {"run": cmd_run, "list": cmd_list, "demo": cmd_demo, "sandbox": cmd_sandbox}
    if not args or args[0] in ("-h", "--help") or args[0] not in commands:
        print(_usage(), file=sys.stderr if args and args[0] not in ("-h", "--help") else sys.stdout)
        return 0 if args and args[0] in ("-h", "--help") else 2
    verbose = "--verbose" in args
    try:
        return commands[args[0]](args[1:])
    except HarnessError as error:
        if verbose:
            traceback.print_exc()
        print(f"harness: error: {error}", file=sys.stderr)
        return 2


def _usage() -> str:
    return ("usage: harness {run,list,demo,sandbox} ...\n"
            "  run COLLECTION [options] [-- pytest args]   run a collection as pytest cases\n"
            "  list COLLECTION [-e ENV]                    print its folders and requests\n"
            "  demo                                        the AEP collection vs the emulator\n"
            "  sandbox [--port N]                          serve the AEP emulator")


def run_parser(prog: str = "harness run") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Run a Postman collection.")
    add = parser.add_argument
    add("collection", help="collection file, or a folder of *.postman_collection.json")
    add("-e", "--environment", help="environment file")
    add("-g", "--globals", help="globals file")
    add("--env-var", action="append", default=[], metavar="KEY=VALUE")
    add("--global-var", action="append", default=[], metavar="KEY=VALUE")
    add("--secret", action="append", default=[], metavar="NAME",
        help="mask the value of this --env-var/--global-var in every report")
    add("--dotenv", help=".env file of secrets (default: ./.env if present)")
    add("-d", "--iteration-data", help="CSV or JSON data file")
    add("-n", "--iteration-count", type=int)
    add("--folder", action="append", default=[], help="folder/request name or a/b path")
    add("--exclude-folder", action="append", default=[])
    add("--working-dir")
    add("--base-url", action="append", default=[], metavar="FROM=TO", help="host rewrite")
    add("--sidecar", help="a *.harness.toml file (default: NAME.harness.toml beside it)")
    add("--bail", action="store_true")
    add("-k", "--insecure", action="store_true")
    add("--ssl-extra-ca-certs", dest="ca_file")
    add("--ssl-client-cert", dest="client_cert")
    add("--ssl-client-key", dest="client_key")
    add("--timeout-request", type=int, metavar="MS")
    add("--timeout-script", type=int, metavar="MS")
    add("--timeout", type=int, metavar="MS", help="for the whole run")
    add("--delay-request", type=int, metavar="MS")
    add("--max-loop", type=int, help="max executions of one request per iteration (1000)")
    add("--export-environment")
    add("--export-globals")
    add("--export-collection")
    add("--export-secrets", action="store_true")
    add("-r", "--reporters", default="cli", help="cli,junit,json,html,allure")
    add("--reporter-junit-export", default="reports/junit.xml")
    add("--reporter-json-export", default="reports/report.json")
    add("--reporter-html-export", default="reports/report.html")
    add("--alluredir")
    add("--verbose", action="store_true")
    return parser


def pytest_args(ns: argparse.Namespace) -> list[str]:
    """The pytest command line equivalent to Newman-style flags."""
    args = [ns.collection, "-o", "python_files=__none__"]
    if not _plugin_installed():
        args += ["-p", "harness.pytest_plugin"]
    single = {"env": ns.environment, "globals": ns.globals, "dotenv": ns.dotenv,
              "data": ns.iteration_data, "iterations": ns.iteration_count,
              "working-dir": ns.working_dir, "sidecar": ns.sidecar, "ca-file": ns.ca_file,
              "client-cert": ns.client_cert, "client-key": ns.client_key,
              "timeout-request": ns.timeout_request, "timeout-script": ns.timeout_script,
              "timeout": ns.timeout, "delay-request": ns.delay_request, "max-loop": ns.max_loop,
              "export-environment": ns.export_environment,
              "export-globals": ns.export_globals, "export-collection": ns.export_collection}
    for name, value in single.items():
        if value is not None:
            args += [f"--postman-{name}", str(value)]
    multi = {"env-var": ns.env_var, "global-var": ns.global_var, "secret": ns.secret,
             "folder": ns.folder, "exclude-folder": ns.exclude_folder, "base-url": ns.base_url}
    for name, values in multi.items():
        for value in values:
            args += [f"--postman-{name}", value]
    for flag, on in (("bail", ns.bail), ("insecure", ns.insecure),
                     ("export-secrets", ns.export_secrets)):
        if on:
            args.append(f"--postman-{flag}")
    return args + _reporter_args(ns)


def _reporter_args(ns: argparse.Namespace) -> list[str]:
    chosen = {r.strip() for r in ns.reporters.split(",") if r.strip()}
    unknown = chosen - set(REPORTERS)
    if unknown:
        raise HarnessError(f"-r: unknown reporter(s): {', '.join(sorted(unknown))}")
    args = ["-v"] if ns.verbose else []
    if "junit" in chosen:
        args += ["--junitxml", ns.reporter_junit_export, "-o", "junit_family=xunit2"]
    if "json" in chosen:
        args += ["--postman-json", ns.reporter_json_export]
    if "html" in chosen:
        args += ["--postman-html", ns.reporter_html_export]
    if "allure" in chosen or ns.alluredir:
        args += ["--alluredir", ns.alluredir or "reports/allure-results"]
    return args


def _plugin_installed() -> bool:
    return any(ep.value == "harness.pytest_plugin"
               for ep in metadata.entry_points(group="pytest11"))


def _split(argv: list[str]) -> tuple[list[str], list[str]]:
    if "--" in argv:
        index = argv.index("--")
        return argv[:index], argv[index + 1:]
    return argv, []


def cmd_run(argv: list[str]) -> int:
    own, extra = _split(argv)
    ns = run_parser().parse_args(own)
    _precheck(ns)
    return _pytest(pytest_args(ns) + extra)


def _precheck(ns: argparse.Namespace) -> None:
    """Fail fast (exit 2, one line) on unusable files and flags, before pytest starts."""
    from harness.inputs import Inputs, load_inputs
    from harness.parse import load_collection

    target = Path(ns.collection)
    if not target.exists():
        raise HarnessError(f"{ns.collection}: no such file or folder")
    files = [target] if target.is_file() else sorted(target.rglob("*.postman_collection.json"))
    for path in files:
        collection = load_collection(path)
        load_inputs(collection, Inputs(ns.environment, ns.globals, tuple(ns.env_var),
                                       tuple(ns.global_var), None, ns.iteration_data))
    for value in ns.base_url:
        if "=" not in value:
            raise HarnessError(f"--base-url: expected FROM=TO, got {value!r}")


def _pytest(args: list[str]) -> int:
    import pytest

    code = int(pytest.main(args))
    return 0 if code == 5 else code  # no requests at all is not a failure (as Newman)


def cmd_list(argv: list[str]) -> int:
    from harness.listing import list_collection

    return list_collection(argv)


def cmd_demo(argv: list[str]) -> int:
    from harness.demo import demo

    return demo(argv)


def cmd_sandbox(argv: list[str]) -> int:
    from harness.sandbox.server import main as sandbox_main

    return sandbox_main(argv)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
