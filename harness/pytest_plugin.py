"""The pytest door: ``pytest path/`` collects ``*.postman_collection.json`` files.

Registered through the ``pytest11`` entry point. Options live in :mod:`harness.settings`;
the node tree in :mod:`harness.nodes`; per-collection state in the file node's stash.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from harness import hookspecs
from harness.nodes import CollectionFile
from harness.session import all_sessions
from harness.settings import OPTIONS

SUFFIXES = (".postman_collection.json",)


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(hookspecs)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("harness", "harness: Postman collections")
    for option in OPTIONS:
        if option.kind == "bool":
            group.addoption(option.flag, action="store_true", dest=option.dest, default=None,
                            help=option.help)
        elif option.kind == "list":
            group.addoption(option.flag, action="append", dest=option.dest, default=[],
                            help=option.help)
        else:
            group.addoption(option.flag, dest=option.dest, default=None,
                            type=int if option.kind == "int" else str, help=option.help)
        ini_type = "linelist" if option.kind == "list" else \
            "bool" if option.kind == "bool" else "string"
        parser.addini(option.dest, option.help, type=ini_type)  # type: ignore[arg-type]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> CollectionFile | None:
    name = file_path.name
    if name.endswith(SUFFIXES) or (
        name.endswith(".json") and parent.session.isinitpath(file_path)
        and _looks_like_collection(file_path)
    ):
        return CollectionFile.from_parent(parent, path=file_path)
    return None


def _looks_like_collection(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return False
    return '"info"' in head or '"item"' in head or '"requests"' in head


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Within each collection file, order items as the run executes them (iteration-major)."""
    from harness.nodes import RequestNode

    if not any(isinstance(i, RequestNode) and i.iteration for i in items):
        return
    first: dict[int, int] = {}
    keys: dict[int, tuple[int, int, int]] = {}
    for index, item in enumerate(items):
        owner = getattr(item, "collection_file", None)
        if isinstance(item, RequestNode) and owner is not None:
            start = first.setdefault(id(owner), index)
            keys[id(item)] = (start, item.iteration, index)
        else:
            keys[id(item)] = (index, 0, 0)
    items.sort(key=lambda item: keys[id(item)])


def _has_collections(config: pytest.Config) -> bool:
    """Whether the session's arguments name or contain a collection file."""
    for arg in config.args:
        path = Path(arg.split("::", 1)[0])
        if path.is_file() and path.name.endswith(".json"):
            return True
        if path.is_dir() and next(path.rglob("*" + SUFFIXES[0]), None) is not None:
            return True
    return False


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Under xdist, keep each collection file on one worker whatever ``--dist`` says.

    A run is one sequence (variables chain from request to request); split over workers,
    every worker would execute the whole run. ``load``/``worksteal``/``loadscope`` become
    scope scheduling where a collection file is one scope (other tests: as before).
    """
    dist = config.getvalue("dist")
    if dist not in ("load", "worksteal", "loadscope") or not _has_collections(config):
        return None  # a session without collections keeps xdist's own scheduler
    from xdist.scheduler import LoadScopeScheduling  # type: ignore[import-untyped]

    class CollectionScheduling(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            if path.endswith(".json"):
                return path
            return str(super()._split_scope(nodeid)) if dist == "loadscope" else nodeid

    return CollectionScheduling(config, log)


def _summary_lines(config: pytest.Config) -> list[str]:
    """Newman-style totals per collection run in this process."""
    lines = []
    for session in all_sessions(config):
        if session.run is None:
            continue
        summary = session.run.summary
        took = max(0.0, (summary.finished or summary.started) - summary.started)
        lines.append(
            f"{session.collection.name}: {summary.iterations} iteration(s), "
            f"{summary.requests} requests ({summary.failed_requests} failed), "
            f"{summary.assertions} assertions ({summary.failed_assertions} failed, "
            f"{summary.skipped_assertions} skipped), total {took:.2f} s, "
            f"average response {summary.average_response_ms:.1f} ms")
    return lines


_WORKER_LINES = pytest.StashKey[list[str]]()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """xdist controller: collect the summary lines a worker sent back."""
    lines = getattr(node, "workeroutput", {}).get("harness_summary", [])
    node.config.stash.setdefault(_WORKER_LINES, []).extend(lines)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    lines = _summary_lines(config) + config.stash.get(_WORKER_LINES, [])
    if not lines:
        return
    terminalreporter.section("harness run summary")
    for line in lines:
        terminalreporter.write_line(line)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    sessions = [s for s in all_sessions(config) if s.run is not None]
    if not sessions:
        return
    if hasattr(config, "workerinput"):  # xdist: send the summary lines to the controller
        config.workeroutput["harness_summary"] = _summary_lines(config)  # type: ignore[attr-defined]
    for option, writer in (("json", _write_json), ("html", _write_html)):
        target = sessions[0].settings.get(option)
        if target:
            for state in sessions:
                writer(state.output_path(target), state)


def _write_json(path: Path, state: Any) -> None:
    from harness.report import newman_json

    report = newman_json.build(state.collection, state.executions, state.run.summary,
                               state.masker, environment=state.loaded.scopes.environment,
                               globals=state.loaded.scopes.globals)
    newman_json.write(path, report)


def _write_html(path: Path, state: Any) -> None:
    from harness.report import html

    html.write(path, html.render(state.collection, state.executions, state.run.summary,
                                 state.masker))


