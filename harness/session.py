"""The state of one collection inside a pytest session: inputs, run, puller, masking, reports.

Used by the pytest nodes; takes the pytest ``config`` as an opaque object and does not import
pytest. Everything it reads comes from :mod:`harness.settings`.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.chain import Sidecar
from harness.client import ClientOptions
from harness.errors import HarnessError
from harness.files import export_collection, export_variable_file
from harness.inputs import Inputs, Loaded, load_inputs
from harness.masking import Masker
from harness.model import Collection, Folder, Node, RequestItem
from harness.pull import Puller
from harness.pychecks import PythonChecks
from harness.report import is_active as allure_active
from harness.result import Execution
from harness.run import Run, RunOptions, select_items
from harness.settings import Settings
from harness.variables import Resolver, Scope


@dataclass
class CollectionSession:
    config: Any
    path: Path
    collection: Collection
    settings: Settings
    loaded: Loaded
    options: RunOptions
    masker: Masker
    run: Run | None = None
    puller: Puller | None = None
    executions: list[Execution] = field(default_factory=list)
    _wanted: set[str] = field(default_factory=set)
    _allure_ready: bool = False
    _reports: bool | None = None  # a JSON or HTML report wants every execution

    @classmethod
    def create(cls, config: Any, path: Path, collection: Collection) -> CollectionSession:
        settings = Settings(config)
        loaded = load_inputs(collection, _inputs(settings))
        options = _run_options(config, settings, collection, path, loaded)
        masker = Masker.from_scopes(loaded.scopes, extra=loaded.secret_values,
                                    auths=_auths(collection),
                                    resolver=Resolver(loaded.scopes))
        session = cls(config, path, collection, settings, loaded, options, masker)
        session._wanted = {item.id for _, item in select_items(collection, options)}
        _sessions(config).append(session)
        return session

    @property
    def iteration_count(self) -> int:
        return self.options.iterations or len(self.options.data) or 1

    def wanted(self, node: Node) -> bool:
        if isinstance(node, Folder):
            return any(item.id in self._wanted for item in _requests(node))
        return node.id in self._wanted

    # -- the run ----------------------------------------------------------------------------

    def start(self, selected: frozenset[str]) -> None:
        if self.run is None:
            options = _replace(self.options, only=selected)
            self.run = Run(self.collection, self.loaded.scopes, options)
            self.puller = Puller(self.run)

    def take(self, item: RequestItem, iteration: int) -> list[Execution]:
        if self.puller is None:
            self.start(frozenset({item.id}))
        assert self.puller is not None
        place = self.puller.place_of(item.id, iteration)
        executions = self.puller.take(place) if place is not None else []
        self._keep(executions)
        self._mask_errors(executions)
        return executions

    def _keep(self, executions: list[Execution]) -> None:
        """Executions (bodies included) are kept for the end-of-session reports only."""
        if self._reports is None:
            self._reports = bool(self.settings.get("json") or self.settings.get("html"))
        if self._reports:
            self.executions.extend(executions)

    def _mask_errors(self, executions: list[Execution]) -> None:
        """Errors the item re-raises are shown raw by pytest and allure-pytest: mask them."""
        self.masker.refresh(self.loaded.scopes)
        for execution in executions:
            if execution.request is not None:
                self.masker.learn_headers(execution.request.headers)
            if execution.error is not None:
                execution.error = masked_error(execution.error, self.masker)

    def reason(self) -> str:
        return self.puller.reason if self.puller else "not executed"

    def finish(self, drain: bool = True) -> None:
        """Run what is left (unless ``drain`` is false: pytest stops early), close, export."""
        if self.puller is not None and self.run is not None:
            if not drain:
                self.run.stop("was stopped with the pytest session (-x, --maxfail or Ctrl-C)")
            self._keep(self.puller.drain())
            self.run.close()
            self._export()

    # -- reporting --------------------------------------------------------------------------

    def report_item(self, node: Any, executions: list[Execution]) -> None:
        self.masker.refresh(self.loaded.scopes)
        if allure_active(self.config):
            from harness.report.allure import ItemMeta, record
            from harness.report.allure_files import speed_up_file_logger

            if not self._allure_ready:
                speed_up_file_logger(self.config)
                self._allure_ready = True

            item = node.request_item
            meta = ItemMeta(self.collection.name, self.collection.id, item.path, item.name,
                            item.description or item.request.description,
                            node.iteration if self.iteration_count > 1 else None,
                            executions[0].data if executions else None, node.nodeid)
            record(meta, executions, self.masker,
                   max_body=int(self.settings.get("report_max_body")))

    def failure_text(self, executions: list[Execution]) -> str:
        """What went wrong, first line a summary (pytest's short summary shows it)."""
        lines: list[str] = [_headline(executions)]
        for execution in executions:
            lines.extend(_describe(execution, len(executions)))
        return self.masker.text("\n".join(lines))

    def output_path(self, target: str) -> Path:
        """Where this collection writes a report or export given ``target``.

        The first collection of a session takes ``target`` itself; others, and every
        collection run by an xdist worker, add their name: ``report-My-API.json``.
        """
        index = _sessions(self.config).index(self)
        if index == 0 and not hasattr(self.config, "workerinput"):
            return Path(target)
        path = Path(target)
        safe = "".join(c if c.isalnum() else "-" for c in self.collection.name)
        return path.with_name(f"{path.stem}-{safe}{path.suffix}")

    def _export(self) -> None:
        scopes = self.loaded.scopes
        keep = bool(self.settings.get("export_secrets"))
        self.masker.refresh(scopes)
        for name, kind in (("export_environment", "environment"), ("export_globals", "globals")):
            target = self.settings.get(name)
            if target:
                scope = scopes.environment if kind == "environment" else scopes.globals
                masked = set() if keep else self._secret_keys(scope)
                label = self.loaded.environment_name if kind == "environment" \
                    else self.loaded.globals_name
                export_variable_file(self.output_path(target), label or kind, scope,
                                     kind=kind, masked_keys=masked)  # type: ignore[arg-type]
        target = self.settings.get("export_collection")
        if target:
            collection, variables = self.collection, scopes.collection
            if not keep:  # auth credentials and variables holding a secret are masked
                raw = self.masker.mapping(collection.raw)
                collection = dataclasses.replace(collection, raw=raw)
                variables = _blanked(variables, self._secret_keys(variables))
            export_collection(self.output_path(target), collection, variables)

    def _secret_keys(self, scope: Scope) -> set[str]:
        """Keys typed secret, and keys whose value contains a secret (a script's copy)."""
        return {key for key, value in scope.items() if scope.is_secret(key)
                or (isinstance(value, str) and self.masker.text(value) != value)}


def masked_error(error: Exception, masker: Masker) -> Exception:
    """``error`` itself if its text holds no secret, else a copy with every text masked."""
    text = str(error)
    if masker.text(text) == text:
        return error
    try:
        clone = copy.copy(error)
    except Exception:  # an __init__ that cannot be called again with .args
        return HarnessError(masker.text(text))
    for name, value in vars(clone).items():
        if isinstance(value, str):
            setattr(clone, name, masker.text(value))
    clone.args = tuple(masker.text(a) if isinstance(a, str) else a for a in error.args)
    if masker.text(str(clone)) != str(clone):  # a __str__ reading something else
        return HarnessError(masker.text(text))
    return clone


def _blanked(scope: Scope, keys: set[str]) -> Scope:
    """A copy of ``scope`` with the values of ``keys`` emptied (types kept)."""
    out = Scope(scope.name, source_name=scope.source_name)
    for key, value in scope.items():
        out.set(key, "" if key in keys else value, scope.type_of(key))
    return out


def _sessions(config: Any) -> list[CollectionSession]:
    found: list[CollectionSession] | None = getattr(config, "_harness_sessions", None)
    if found is None:
        found = []
        config._harness_sessions = found
    return found


def all_sessions(config: Any) -> list[CollectionSession]:
    return list(getattr(config, "_harness_sessions", []))


def _headline(executions: list[Execution]) -> str:
    for execution in executions:
        if execution.error is not None:
            return f"{type(execution.error).__name__}: {execution.error}"
    failed = [a.name for e in executions for a in e.failed_assertions]
    return f"{len(failed)} failed assertion(s): " + "; ".join(dict.fromkeys(failed))


def _describe(execution: Execution, total: int) -> list[str]:
    head = execution.item.address
    if total > 1:
        head += f" [attempt {execution.attempt}]"
    if execution.request is not None:
        head += f" {execution.request.method} {execution.request.url}"
    if execution.response is not None:
        response = execution.response
        head += f" -> {response.status} {response.reason} ({response.elapsed_ms:.0f} ms)"
    lines = [head]
    if execution.error is not None:
        lines.append(f"  error: {type(execution.error).__name__}: {execution.error}")
    for assertion in execution.failed_assertions:
        lines.append(f"  failed: {assertion.name}: {assertion.error}")
    lines.extend(f"  warning: {w}" for w in execution.warnings)
    return lines


def _requests(folder: Folder) -> list[RequestItem]:
    out: list[RequestItem] = []
    for node in folder.items:
        out.extend(_requests(node) if isinstance(node, Folder) else [node])
    return out


def _auths(collection: Collection) -> list[Any]:
    found = [collection.auth] + [f.auth for f in collection.folders()]
    found += [item.request.auth for item in collection.requests()]
    return [a for a in found if a is not None]


def _inputs(settings: Settings) -> Inputs:
    dotenv = settings.get("dotenv")
    if not dotenv and Path(".env").is_file():
        dotenv = ".env"
    return Inputs(environment=settings.get("env"), globals=settings.get("globals"),
                  env_vars=tuple(settings.get("env_var")),
                  global_vars=tuple(settings.get("global_var")), dotenv=dotenv,
                  data=settings.get("data"), secrets=tuple(settings.get("secret")))


def _run_options(config: Any, settings: Settings, collection: Collection, path: Path,
                 loaded: Loaded) -> RunOptions:
    get = settings.get
    transport = config.hook.pytest_harness_transport(config=config, collection=collection)
    client = ClientOptions(timeout_request_ms=get("timeout_request") or None,  # 0: none
                           insecure=bool(get("insecure")), ca_file=get("ca_file"),
                           client_cert=get("client_cert"), client_key=get("client_key"),
                           transport=transport)
    checks = PythonChecks()
    config.hook.pytest_harness_checks(checks=checks)
    checks.validate(collection)
    sidecar_path = get("sidecar")
    sidecar = Sidecar.load(sidecar_path, collection) if sidecar_path \
        else Sidecar.find_for(path, collection)
    hook = config.hook
    return RunOptions(
        iterations=get("iterations"), data=loaded.data, folders=tuple(get("folder")),
        exclude_folders=tuple(get("exclude_folder")),
        working_dir=Path(get("working_dir")) if get("working_dir") else None,
        base_urls=tuple(_pair(v) for v in get("base_url")), bail=bool(get("bail")),
        delay_request_ms=int(get("delay_request") or 0), timeout_ms=get("timeout") or None,
        timeout_script_ms=int(get("timeout_script") or 5000),
        max_loop=int(get("max_loop") or 1000), client=client,
        before_request=(lambda item, request: _first(hook.pytest_harness_before_request(
            item=item, request=request)),),
        after_execution=(lambda execution: hook.pytest_harness_after_response(
            execution=execution),),
        sidecar=sidecar, checks=checks)


def _first(results: list[Any]) -> Any:
    return next((r for r in results if r is not None), None)


def _pair(value: str) -> tuple[str, str]:
    from harness.errors import InputError

    source, sep, target = value.partition("=")
    if not sep or not source or not target:
        raise InputError(f"expected FROM=TO, got {value!r}", "--base-url")
    return source, target


def _replace(options: RunOptions, **changes: Any) -> RunOptions:
    from dataclasses import replace

    return replace(options, **changes)
