"""Scopes built from the user's files and flags (harness.inputs)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from harness.errors import InputError
from harness.inputs import Inputs, load_inputs
from harness.parse import parse_collection

COLLECTION = parse_collection({"info": {"name": "c"}, "item": [],
                               "variable": [{"key": "cv", "value": "from collection"}]})


def env_file(tmp_path: Path) -> str:
    path = tmp_path / "env.json"
    path.write_text(json.dumps({"name": "Local", "values": [
        {"key": "HOST", "value": "http://127.0.0.1", "enabled": True},
        {"key": "TOKEN", "value": "filled-in-env", "type": "secret", "enabled": True},
        {"key": "OFF", "value": "x", "enabled": False}]}))
    return str(path)


def test_dotenv_fills_the_environment_as_secrets_without_blanking(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("CLIENT_SECRET=s3cr3t-value\nTOKEN=\nHOST=http://override\n")
    loaded = load_inputs(COLLECTION, Inputs(environment=env_file(tmp_path),
                                            dotenv=str(dotenv)))
    env = loaded.scopes.environment
    assert env.get("CLIENT_SECRET") == "s3cr3t-value" and env.is_secret("CLIENT_SECRET")
    assert env.get("TOKEN") == "filled-in-env"  # the empty .env line did not blank it
    assert env.get("HOST") == "http://override" and env.is_secret("HOST")
    assert not env.has("OFF")
    assert "s3cr3t-value" in loaded.secret_values and "CLIENT_SECRET" not in os.environ
    assert loaded.environment_name == "Local"
    assert loaded.scopes.collection.get("cv") == "from collection"


def test_env_var_overrides_and_secret_names(tmp_path: Path) -> None:
    loaded = load_inputs(COLLECTION, Inputs(environment=env_file(tmp_path),
                                            env_vars=("HOST=http://x", "K=v=w"),
                                            global_vars=("G=1",), secrets=("K",)))
    env = loaded.scopes.environment
    assert env.get("HOST") == "http://x" and not env.is_secret("HOST")
    assert env.get("K") == "v=w" and env.is_secret("K") and "v=w" in loaded.secret_values
    assert loaded.scopes.globals.get("G") == "1"


def test_bad_assignment_names_the_flag() -> None:
    with pytest.raises(InputError, match="--env-var"):
        load_inputs(COLLECTION, Inputs(env_vars=("NOEQUALS",)))
