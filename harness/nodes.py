"""pytest nodes over a Postman run: collection file → folders → one item per request.

Items are a view of the run (see :mod:`harness.pull`): each asks the run for the executions
of its place and turns them into a pytest outcome. Assertion failures raise
``AssertionFailure`` (an ``AssertionError``: *failed*); send, script and input errors raise
the harness error itself (*broken*).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from harness.errors import AssertionFailure, HarnessError
from harness.model import Folder, Node, RequestItem
from harness.parse import load_collection
from harness.result import Execution
from harness.session import CollectionSession

session_key = pytest.StashKey[CollectionSession]()


def safe_name(name: str, taken: set[str]) -> str:
    """A node name without pytest's separators, unique among its siblings."""
    base = (name or "(unnamed)").replace("::", ": ").replace("[", "(").replace("]", ")")
    base = base.replace("\n", " ").strip() or "(unnamed)"
    unique, count = base, 1
    while unique in taken:
        count += 1
        unique = f"{base} ({count})"
    taken.add(unique)
    return unique


class CollectionFile(pytest.File):
    """A ``*.postman_collection.json`` file; owns the run in its stash."""

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        collection = load_collection(self.path)
        session = CollectionSession.create(self.config, self.path, collection)
        self.stash[session_key] = session
        yield from _children(self, collection.items, session)

    def setup(self) -> None:
        selected = {item.request_item.id for item in self.session.items
                    if isinstance(item, RequestNode) and item.collection_file is self}
        self.stash[session_key].start(frozenset(selected))

    def teardown(self) -> None:
        session = self.stash.get(session_key, None)
        if session is not None:
            session.finish(drain=not _stopping(self.session))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> Any:
        if isinstance(excinfo.value, HarnessError) and self.config.option.verbose < 2:
            return str(excinfo.value)
        return super().repr_failure(excinfo)


def _stopping(session: pytest.Session) -> bool:
    """pytest is stopping early (-x/--maxfail, Ctrl-C): send nothing more."""
    return bool(session.shouldfail or session.shouldstop) or \
        session.exitstatus == pytest.ExitCode.INTERRUPTED


class FolderNode(pytest.Collector):
    def __init__(self, *, folder: Folder, session_state: CollectionSession, **kw: Any) -> None:
        super().__init__(**kw)
        self.folder = folder
        self.state = session_state

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        yield from _children(self, self.folder.items, self.state)


def _children(
    parent: pytest.Collector, nodes: tuple[Node, ...], state: CollectionSession
) -> Iterator[pytest.Item | pytest.Collector]:
    taken: set[str] = set()
    for node in nodes:
        if not state.wanted(node):
            continue
        name = safe_name(node.name, taken)
        if isinstance(node, Folder):
            yield FolderNode.from_parent(parent, name=name, folder=node, session_state=state)
            continue
        count = state.iteration_count
        for iteration in range(count):
            label = f"{name}[iteration-{iteration + 1}]" if count > 1 else name
            yield RequestNode.from_parent(parent, name=label, request_item=node,
                                          iteration=iteration, session_state=state)


class RequestNode(pytest.Item):
    """One request (in one iteration) of the collection."""

    def __init__(self, *, request_item: RequestItem, iteration: int,
                 session_state: CollectionSession, **kw: Any) -> None:
        super().__init__(**kw)
        self.request_item = request_item
        self.iteration = iteration
        self.state = session_state
        self.executions: list[Execution] = []

    @property
    def collection_file(self) -> CollectionFile | None:
        node = self.parent
        while node is not None and not isinstance(node, CollectionFile):
            node = node.parent
        return node

    def runtest(self) -> None:
        self.executions = self.state.take(self.request_item, self.iteration)
        self.state.report_item(self, self.executions)
        if not self.executions:
            pytest.skip(self.state.reason())
        if all(e.skipped for e in self.executions):
            pytest.skip(self.executions[-1].skipped or "skipped")
        errors = [e.error for e in self.executions if e.error is not None]
        if errors:
            raise errors[0]
        if any(e.failed_assertions for e in self.executions):
            raise AssertionFailure(self.state.failure_text(self.executions))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> Any:
        if isinstance(excinfo.value, HarnessError) and self.config.option.verbose < 2:
            return self.state.failure_text(self.executions) or str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        request = self.request_item.request
        return self.path, None, f"{request.method} {self.request_item.address}"
