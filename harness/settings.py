"""The harness options of the pytest door: one table, read from the command line, then
``[tool.harness]`` in pyproject.toml, then the ini file (``postman_env = ...``).

Only the pytest plugin uses this module; it imports nothing of pytest itself.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class Option:
    name: str  # ini / [tool.harness] key; flag is --postman-<name with dashes>
    kind: str  # str, int, bool, list
    help: str
    default: Any = None

    @property
    def flag(self) -> str:
        return "--postman-" + self.name.replace("_", "-")

    @property
    def dest(self) -> str:
        return "postman_" + self.name


OPTIONS = (
    Option("env", "str", "Postman environment file"),
    Option("globals", "str", "Postman globals file"),
    Option("env_var", "list", "environment variable override KEY=VALUE (repeatable)"),
    Option("global_var", "list", "global variable override KEY=VALUE (repeatable)"),
    Option("secret", "list", "name of an --env-var/--global-var whose value is secret"),
    Option("dotenv", "str", ".env file with secret values (default: .env if present)"),
    Option("data", "str", "iteration data file (CSV or JSON)"),
    Option("iterations", "int", "number of iterations"),
    Option("folder", "list", "run only this folder or request (name or a/b path; repeatable)"),
    Option("exclude_folder", "list", "skip this folder or request (repeatable)"),
    Option("working_dir", "str", "directory for file uploads (default: the collection's)"),
    Option("base_url", "list", "host rewrite FROM=TO, e.g. https://platform.adobe.io=http://"
           "127.0.0.1:8080 (repeatable)"),
    Option("bail", "bool", "stop the run after the first failing request", False),
    Option("insecure", "bool", "do not verify TLS certificates", False),
    Option("ca_file", "str", "extra CA bundle for TLS verification"),
    Option("client_cert", "str", "client certificate file (PEM)"),
    Option("client_key", "str", "client certificate key file (PEM)"),
    Option("timeout_request", "int", "request timeout in ms"),
    Option("timeout_script", "int", "script timeout in ms", 5000),
    Option("timeout", "int", "whole-run timeout in ms"),
    Option("delay_request", "int", "delay between requests in ms", 0),
    Option("max_loop", "int", "max executions of one request per iteration", 1000),
    Option("sidecar", "str", "a *.harness.toml sidecar file (default: NAME.harness.toml)"),
    Option("export_environment", "str", "write the final environment here"),
    Option("export_globals", "str", "write the final globals here"),
    Option("export_collection", "str", "write the collection with its final variables here"),
    Option("export_secrets", "bool", "write secret values into exports", False),
    Option("json", "str", "write a Newman-shaped JSON report here"),
    Option("html", "str", "write a self-contained HTML report here"),
    Option("report_max_body", "int", "bytes of a body shown in reports", 64 * 1024),
)


def tool_table(rootdir: Path) -> dict[str, Any]:
    """``[tool.harness]`` of ``rootdir/pyproject.toml`` (empty if none)."""
    pyproject = rootdir / "pyproject.toml"
    if not pyproject.is_file():
        return {}
    with pyproject.open("rb") as handle:
        try:
            data = tomllib.load(handle)
        except tomllib.TOMLDecodeError:
            return {}
    table = data.get("tool", {}).get("harness", {})
    return {k.replace("-", "_"): v for k, v in table.items() if k != "chain"} \
        if isinstance(table, dict) else {}


def coerce(option: Option, value: Any) -> Any:
    """An ini/toml value in the option's type."""
    if value is None or value == "" or value == []:
        return option.default if option.kind != "list" else []
    if option.kind == "list":
        return [str(v) for v in value] if isinstance(value, list) else str(value).split()
    if option.kind == "int":
        return int(value)
    if option.kind == "bool":
        return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
    return str(value)


class Settings:
    """Option values: command line, then [tool.harness], then the ini file, then defaults."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self.rootdir = Path(str(config.rootpath))
        self.table = tool_table(self.rootdir)

    def get(self, name: str) -> Any:
        option = next(o for o in OPTIONS if o.name == name)
        value = getattr(self.config.option, option.dest, None)
        if value not in (None, [], False):
            return value
        if name in self.table:
            return self._relative(option, coerce(option, self.table[name]))
        return self._relative(option, coerce(option, self.config.getini(option.dest)))

    def _relative(self, option: Option, value: Any) -> Any:
        path_like = option.name in ("env", "globals", "dotenv", "data", "working_dir", "sidecar",
                                    "ca_file", "client_cert", "client_key")
        if path_like and isinstance(value, str) and value and not Path(value).is_absolute():
            return str(self.rootdir / value)
        return value
