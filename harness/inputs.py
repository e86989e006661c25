"""Everything a run needs besides the collection, loaded from the user's files and flags.

One place builds the scopes for both doors (the CLI and the pytest plugin): environment and
globals files, ``--env-var``/``--global-var`` overrides, ``.env`` values (never put into
``os.environ``; they fill the environment scope and are always secret), collection
variables, iteration data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.files import load_data_file, load_dotenv, load_variable_file, parse_assignments
from harness.model import Collection
from harness.variables import Scope, Scopes


@dataclass(frozen=True)
class Inputs:
    """Paths and flags as the user gave them."""

    environment: str | None = None
    globals: str | None = None
    env_vars: tuple[str, ...] = ()
    global_vars: tuple[str, ...] = ()
    dotenv: str | None = None
    data: str | None = None
    secrets: tuple[str, ...] = ()  # names of --env-var/--global-var values to mask


@dataclass
class Loaded:
    scopes: Scopes
    data: tuple[dict[str, Any], ...] = ()
    secret_values: list[str] = field(default_factory=list)
    environment_name: str = ""
    globals_name: str = ""


def load_inputs(collection: Collection, inputs: Inputs) -> Loaded:
    """Scopes, data rows and the secret values named by the inputs (errors are InputError)."""
    environment = Scope("environment")
    globals_ = Scope("globals")
    loaded = Loaded(Scopes(environment=environment, globals=globals_,
                           collection=Scope("collection", collection.variables)))
    if inputs.environment:
        env_file = load_variable_file(inputs.environment)
        environment = Scope("environment", env_file.values, env_file.name)
        loaded.environment_name = env_file.name
    if inputs.globals:
        globals_file = load_variable_file(inputs.globals)
        globals_ = Scope("globals", globals_file.values, globals_file.name)
        loaded.globals_name = globals_file.name
    if inputs.dotenv and Path(inputs.dotenv).is_file():
        for key, value in load_dotenv(inputs.dotenv).items():
            if value == "" and environment.get(key) not in (None, ""):
                continue  # an empty line of a .env template does not blank a real value
            environment.set(key, value)
            environment.mark_secret(key)
            loaded.secret_values.append(value)
    _assign(environment, parse_assignments(inputs.env_vars, "--env-var"), inputs.secrets, loaded)
    _assign(globals_, parse_assignments(inputs.global_vars, "--global-var"), inputs.secrets,
            loaded)
    loaded.scopes = Scopes(environment=environment, globals=globals_,
                           collection=loaded.scopes.collection)
    if inputs.data:
        loaded.data = tuple(load_data_file(inputs.data))
    return loaded


def _assign(scope: Scope, values: dict[str, str], secrets: tuple[str, ...], loaded: Loaded) -> None:
    for key, value in values.items():
        scope.set(key, value)
        if key in secrets:
            scope.mark_secret(key)
            loaded.secret_values.append(value)
    for key in secrets:
        if scope.has(key):
            scope.mark_secret(key)
