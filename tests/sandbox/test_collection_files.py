"""The AEP collection and its environments are well-formed and consistent with the seed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from harness.sandbox import load_seed

REPO = Path(__file__).resolve().parents[2]
COLLECTION = REPO / "collection" / "aep-batch-ingestion.postman_collection.json"
ENVS = REPO / "environments"


def _load(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def _env(name: str) -> dict[str, dict[str, Any]]:
    return {v["key"]: v for v in _load(ENVS / f"{name}.postman_environment.json")["values"]}


def test_collection_layout() -> None:
    c = _load(COLLECTION)
    assert c["info"]["name"] == "AEP Batch Ingestion"
    assert c["info"]["schema"].endswith("/v2.1.0/collection.json")
    assert c["auth"]["type"] == "bearer"
    folders = {f["name"]: [i["name"] for i in f["item"]] for f in c["item"]}
    assert list(folders) == ["0-Auth", "4-Dataset", "5-Profile"]
    assert folders["4-Dataset"] == [
        "List Dataset",
        "Batch Ingestion - Create Batch",
        "Batch Ingestion - Upload File",
        "Batch Ingestion - Complete Batch",
        "Batch Status",
    ]
    assert folders["5-Profile"][0] == "Retrieve Profile"


def test_upload_file_exists_and_holds_loyalty_5500000() -> None:
    c = _load(COLLECTION)
    upload = c["item"][1]["item"][2]["request"]
    src = upload["body"]["file"]["src"]
    records = _load(COLLECTION.parent / src)
    assert any(
        r["_techmarketingdemos"]["systemIdentifier"]["loyaltyId"] == "5500000" for r in records
    )


def test_every_variable_is_defined_by_the_environments() -> None:
    text = COLLECTION.read_text("utf-8")
    used = set(re.findall(r"\{\{([A-Za-z0-9_.-]+)\}\}", text))
    for name in ("local", "sandbox"):
        env = _env(name)
        assert used <= env.keys() | {"PROFILE_EMAIL"}, used - env.keys()


def test_local_environment_matches_the_seed() -> None:
    creds = load_seed()["credentials"]
    env = _env("local")
    assert env["CLIENT_ID"]["value"] == creds["clientId"]
    assert env["CLIENT_SECRET"]["value"] == creds["clientSecret"]
    assert env["API_KEY"]["value"] == creds["apiKey"]
    assert env["IMS_ORG"]["value"] == creds["imsOrg"]
    assert env["PLATFORM_HOST"]["value"].startswith("http://127.0.0.1:")


def test_sandbox_environment_has_no_secrets() -> None:
    env = _env("sandbox")
    assert env["PLATFORM_HOST"]["value"] == "https://platform.adobe.io"
    assert env["IMS_HOST"]["value"] == "https://ims-na1.adobelogin.com"
    for key in ("CLIENT_ID", "CLIENT_SECRET", "API_KEY", "IMS_ORG", "ACCESS_TOKEN"):
        assert env[key]["value"] == ""
    assert env["CLIENT_SECRET"]["type"] == "secret"
    example = (ENVS / ".env.example").read_text("utf-8")
    for key in ("CLIENT_ID", "CLIENT_SECRET", "API_KEY", "IMS_ORG", "SANDBOX_NAME"):
        assert re.search(rf"^{key}=$", example, re.M)
