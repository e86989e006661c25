"""Adobe's published collections, unchanged, against the bundled emulator (host rewrite).

The corpus hard-codes ``https://platform.adobe.io`` and ``https://{{IMS}}``; ``--base-url``
rewrites both onto the emulator. Their token, batch, dataset and entity requests must run and
get the status codes the API documents. Skipped where ``../shared`` is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.files import load_variable_file
from harness.parse import load_collection
from harness.result import Execution
from harness.run import Run, RunOptions
from harness.sandbox import SandboxServer
from harness.variables import Scope, Scopes

pytestmark = pytest.mark.corpus
ROOT = Path(__file__).resolve().parents[2]
ENV = ROOT / "environments" / "corpus-local.postman_environment.json"


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(batch_delay=0.05) as running:
        yield running


@pytest.fixture(scope="module")
def scopes() -> Scopes:
    env = load_variable_file(ENV)
    return Scopes(environment=Scope("environment", env.values, env.name))


def run(corpus: Path, name: str, folders: tuple[str, ...], scopes: Scopes,
        server: SandboxServer) -> dict[str, Execution]:
    path = corpus / "apis" / name
    rewrite = (("https://platform.adobe.io", server.url),
               ("https://ims-na1.adobelogin.com", server.url))
    options = RunOptions(folders=folders, base_urls=rewrite, working_dir=ROOT / "collection")
    return {e.item.name: e for e in Run(load_collection(path), scopes, options)}


def status(execution: Execution) -> int:
    assert execution.error is None, execution.error
    assert execution.response is not None
    return execution.response.status


@pytest.fixture(scope="module")
def token(corpus_dir: Path, scopes: Scopes, server: SandboxServer) -> str:
    done = run(corpus_dir, "ims/Identity Management Service.postman_collection.json",
               ("Request Access Token",), scopes, server)
    assert status(done["Request Access Token"]) == 200
    value = scopes.environment.get("ACCESS_TOKEN")
    assert isinstance(value, str) and value  # set by the collection's own test script
    return value


def test_ims_jwt_exchange(corpus_dir: Path, scopes: Scopes, server: SandboxServer) -> None:
    done = run(corpus_dir, "ims/Identity Management Service.postman_collection.json",
               ("JWT Deprecated",), scopes, server)
    assert status(done["JWT Generate + Request Access Token"]) == 200


def test_catalog_datasets(corpus_dir: Path, token: str, scopes: Scopes,
                          server: SandboxServer) -> None:
    done = run(corpus_dir, "experience-platform/Catalog Service API.postman_collection.json",
               ("Retrieve a list of datasets", "Look up a dataset"), scopes, server)
    assert status(done["Retrieve a list of datasets"]) == 200
    assert status(done["Look up a dataset"]) == 200
    listed = done["Retrieve a list of datasets"].response
    assert listed is not None and b"Luma CRM Dataset" in listed.body


def test_batch_ingestion_then_catalog_and_profile(
    corpus_dir: Path, token: str, scopes: Scopes, server: SandboxServer
) -> None:
    ingestion = "experience-platform/Data Ingestion API.postman_collection.json"
    created = run(corpus_dir, ingestion, ("Create a new batch",), scopes, server)
    response = created["Create a new batch"].response
    assert status(created["Create a new batch"]) == 201 and response is not None
    batch_id = response.json()["id"] if hasattr(response, "json") else None
    import json

    batch_id = json.loads(response.body)["id"]
    env = scopes.environment
    env.set("batchId", batch_id)
    env.set("BATCH_ID", batch_id)
    env.set("filePath", "luma-crm.json")
    uploaded = run(corpus_dir, ingestion, ("Upload a small file to a dataset",), scopes, server)
    assert status(uploaded["Upload a small file to a dataset"]) == 200
    env.set("action", "COMPLETE")
    finished = run(corpus_dir, ingestion, ("Finish uploading a file",), scopes, server)
    assert status(finished["Finish uploading a file"]) == 200
    looked = run(corpus_dir, "experience-platform/Catalog Service API.postman_collection.json",
                 ("Look up a batch",), scopes, server)
    assert status(looked["Look up a batch"]) == 200


def test_profile_entity_unknown_is_404(corpus_dir: Path, token: str, scopes: Scopes,
                                       server: SandboxServer) -> None:
    scopes.environment.set("entityId", "no-such-loyalty-id")
    try:
        done = run(corpus_dir, "experience-platform/Real-time Customer Profile API."
                   "postman_collection.json", ("Retrieve an entity",), scopes, server)
    finally:
        scopes.environment.set("entityId", "5500000")
    assert status(done["Retrieve an entity"]) == 404
