"""Suite-wide test configuration.

Collection files under tests/ are fixtures of the tests, not tests themselves: the harness
plugin would otherwise collect every ``*.postman_collection.json`` it finds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "adobe-postman-samples"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name.endswith(".postman_collection.json"):
        return True
    return None


def find_node_tool(name: str) -> str | None:
    """A node CLI (newman, allure): the repo's node_modules, then PATH, then /work/nm."""
    for candidate in (ROOT / "node_modules" / ".bin" / name,
                      Path("/work/nm/node_modules/.bin") / name):
        if candidate.exists():
            return str(candidate)
    return shutil.which(name)


@pytest.fixture(scope="session")
def newman_bin() -> str:
    found = find_node_tool("newman")
    if found is None:
        pytest.skip("newman is not installed (npm install at the repo root)")
    return found


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS
