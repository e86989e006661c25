"""allure-pytest's result files, written off the test's critical path.

allure-commons writes every result, container and attachment synchronously from the test
that produced it: a temporary file, then a rename, and for results ``json.dump`` to the file
(the pure-Python encoder, thousands of small writes). :func:`speed_up_file_logger` keeps the
registered logger instance (so allure-pytest's own cleanup still finds it) and changes two
of its methods: results are serialised once with ``json.dumps``, and every file goes to one
background thread that writes it the same way (temporary name, then rename). The queue is
drained when pytest unconfigures, before allure-pytest unregisters its logger.
"""

from __future__ import annotations

import json
import os
import queue
import threading
import types
from pathlib import Path
from typing import Any

import allure_commons
import attr
from allure_commons.logger import INDENT, AllureFileLogger

from harness.dynamic import uuid4

_Job = tuple[Path, bytes]


class _Writer:
    """One thread writing ``(path, bytes)`` jobs in order; :meth:`close` waits for all."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self.errors: list[str] = []
        self.thread = threading.Thread(target=self._work, name="allure-writer", daemon=True)
        self.thread.start()

    def put(self, path: Path, data: bytes) -> None:
        self.jobs.put((path, data))

    def _work(self) -> None:
        while (job := self.jobs.get()) is not None:
            path, data = job
            temporary = path.with_name(path.name + ".tmp")
            try:
                temporary.write_bytes(data)
                os.replace(temporary, path)
            except OSError as exc:  # reported when the writer closes
                self.errors.append(f"{path.name}: {exc}")

    def close(self) -> None:
        self.jobs.put(None)
        self.thread.join()
        for error in self.errors:
            print(f"harness: could not write an Allure result: {error}")


def _report_item(self: Any, item: Any) -> None:
    indent = INDENT if os.environ.get("ALLURE_INDENT_OUTPUT") else None
    data = attr.asdict(item, filter=lambda _, v: v or v is False)
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    name = item.file_pattern.format(prefix=uuid4())
    self._harness_writer.put(self._report_dir / name, text.encode("utf-8"))


@allure_commons.hookimpl
def _report_attached_data(self: Any, body: str | bytes, file_name: str) -> None:
    data = body.encode("utf-8") if isinstance(body, str) else body
    self._harness_writer.put(self._report_dir / file_name, data)


def speed_up_file_logger(config: Any) -> None:
    """Route allure-pytest's file logger through one background writer (once per config)."""
    manager = allure_commons.plugin_manager
    for plugin in list(manager.get_plugins()):
        if not isinstance(plugin, AllureFileLogger) or hasattr(plugin, "_harness_writer"):
            continue
        logger: Any = plugin  # its methods are replaced on this one instance
        writer = _Writer()
        name = manager.get_name(logger)
        manager.unregister(logger)  # hook implementations are bound at registration
        logger._harness_writer = writer
        logger._report_item = types.MethodType(_report_item, logger)
        logger.report_attached_data = types.MethodType(_report_attached_data, logger)
        manager.register(logger, name)
        config.add_cleanup(writer.close)
