"""In-memory state of the AEP sandbox emulator.

Everything lives in one :class:`SandboxState` guarded by a single re-entrant lock; each
sandbox (``prod``, ``dev``...) has its own datasets, batches and profiles. Uploaded file bytes
never live here: they are streamed to files under ``SandboxState.data_dir``.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

JsonDict = dict[str, Any]

DEFAULT_TOKEN_TTL = 86399.0
DEFAULT_BATCH_DELAY = 0.2
DEFAULT_PROFILE_RATE = 10000.0
MAX_FILES_PER_BATCH = 25000


def now_ms() -> int:
    return int(time.time() * 1000)


@dataclass
class Identity:
    path: str
    namespace: str
    primary: bool = False


@dataclass
class Dataset:
    id: str
    name: str
    schema_ref: JsonDict
    identities: list[Identity]
    profile_enabled: bool
    description: str = ""
    tags: dict[str, list[str]] = field(default_factory=dict)
    created: int = field(default_factory=now_ms)
    updated: int = field(default_factory=now_ms)
    last_batch_id: str | None = None
    last_batch_status: str | None = None


@dataclass
class LargeFile:
    """A file uploaded in chunks (INITIALIZE / PATCH / COMPLETE)."""

    total: int | None = None
    ranges: list[tuple[int, int]] = field(default_factory=list)
    complete: bool = False


@dataclass
class BatchFile:
    path: str
    disk_path: Path
    size: int
    large: LargeFile | None = None


@dataclass
class Outcome:
    """The result of parsing a completed batch, applied once its processing delay is over."""

    records: list[JsonDict]
    errors: list[JsonDict]
    record_count: int
    failed_count: int


@dataclass
class Batch:
    id: str
    dataset_id: str
    input_format: JsonDict
    client_id: str
    created: int = field(default_factory=now_ms)
    updated: int = field(default_factory=now_ms)
    status: str = "loading"
    files: dict[str, BatchFile] = field(default_factory=dict)
    completed_at: float | None = None
    completed_ms: int | None = None
    outcome: Outcome | None = None
    errors: list[JsonDict] = field(default_factory=list)
    records: list[JsonDict] = field(default_factory=list)
    metrics: JsonDict = field(default_factory=dict)


@dataclass
class Sandbox:
    name: str
    datasets: dict[str, Dataset] = field(default_factory=dict)
    batches: dict[str, Batch] = field(default_factory=dict)
    profiles: dict[str, JsonDict] = field(default_factory=dict)
    identity_index: dict[tuple[str, str], str] = field(default_factory=dict)
    rate_tokens: float = 0.0
    rate_stamp: float = 0.0


@dataclass
class Credentials:
    client_id: str
    client_secret: str
    api_key: str
    ims_org: str
    technical_account_id: str = ""


@dataclass
class Token:
    client_id: str
    expires_at: float


def load_seed(path: str | Path | None = None) -> JsonDict:
    """Read a seed file; ``None`` means the one packaged with the emulator."""
    if path is None:
        text = resources.files("harness.sandbox").joinpath("seed.json").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    seed: JsonDict = json.loads(text)
    return seed


def _dataset_id_for(sandbox: str, seed_id: str, default_sandbox: str) -> str:
    if sandbox == default_sandbox:
        return seed_id
    return hashlib.sha1(f"{sandbox}/{seed_id}".encode()).hexdigest()[:24]


def dataset_from_seed(entry: JsonDict, dataset_id: str) -> Dataset:
    identities = [
        Identity(str(i["path"]), str(i["namespace"]), bool(i.get("primary", False)))
        for i in entry.get("identities", [])
    ]
    enabled = bool(entry.get("profileEnabled", False))
    tags = {"unifiedProfile": ["enabled:true"]} if enabled else {}
    return Dataset(
        id=dataset_id,
        name=str(entry["name"]),
        schema_ref=dict(entry.get("schemaRef", {})),
        identities=identities,
        profile_enabled=enabled,
        description=str(entry.get("description", "")),
        tags=tags,
    )


class SandboxState:
    """All emulator state. Use ``with state.lock:`` around any read-modify-write."""

    def __init__(
        self,
        seed: JsonDict | None = None,
        *,
        batch_delay: float = DEFAULT_BATCH_DELAY,
        profile_rate: float = DEFAULT_PROFILE_RATE,
        token_ttl: float = DEFAULT_TOKEN_TTL,
        max_files_per_batch: int = MAX_FILES_PER_BATCH,
        data_dir: str | Path | None = None,
    ) -> None:
        self.seed = seed if seed is not None else load_seed()
        self.batch_delay = batch_delay
        self.profile_rate = profile_rate
        self.token_ttl = token_ttl
        self.max_files_per_batch = max_files_per_batch
        self.lock = threading.RLock()
        self._own_dir = data_dir is None
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="harness-sandbox-"))
        creds = self.seed["credentials"]
        self.credentials = Credentials(
            client_id=str(creds["clientId"]),
            client_secret=str(creds["clientSecret"]),
            api_key=str(creds.get("apiKey", creds["clientId"])),
            ims_org=str(creds["imsOrg"]),
            technical_account_id=str(creds.get("technicalAccountId", "")),
        )
        self.default_sandbox = str(self.seed.get("defaultSandbox", "prod"))
        self.tokens: dict[str, Token] = {}
        self.sandboxes: dict[str, Sandbox] = {}
        for name in self.seed.get("sandboxes", [self.default_sandbox]):
            self.sandboxes[str(name)] = self._new_sandbox(str(name))

    def reset(self) -> None:
        """Back to the seed: fresh sandboxes, no tokens, no uploaded files."""
        with self.lock:
            self.tokens.clear()
            self.sandboxes = {name: self._new_sandbox(name) for name in self.sandboxes}
            for child in self.data_dir.iterdir():
                shutil.rmtree(child, ignore_errors=True)

    def _new_sandbox(self, name: str) -> Sandbox:
        box = Sandbox(name=name, rate_tokens=self.profile_rate, rate_stamp=time.monotonic())
        for entry in self.seed.get("datasets", []):
            ds_id = _dataset_id_for(name, str(entry["id"]), self.default_sandbox)
            box.datasets[ds_id] = dataset_from_seed(entry, ds_id)
        return box

    # -- tokens -----------------------------------------------------------------------
    def issue_token(self, client_id: str) -> tuple[str, float]:
        token = "eyJhbGciOiJSUzI1NiJ9." + secrets.token_urlsafe(48)
        with self.lock:
            self.tokens[token] = Token(client_id, time.time() + self.token_ttl)
        return token, self.token_ttl

    def token_client(self, token: str) -> str | None:
        """The client id a live token was issued to; ``None`` if unknown or expired."""
        with self.lock:
            found = self.tokens.get(token)
            if found is None:
                return None
            if found.expires_at <= time.time():
                del self.tokens[token]
                return None
            return found.client_id

    # -- sandboxes --------------------------------------------------------------------
    def sandbox(self, name: str | None) -> Sandbox | None:
        return self.sandboxes.get(name or self.default_sandbox)

    def take_rate_token(self, box: Sandbox) -> bool:
        """Token bucket of ``profile_rate`` requests/second (burst of one second)."""
        with self.lock:
            now = time.monotonic()
            elapsed = now - box.rate_stamp
            box.rate_stamp = now
            box.rate_tokens = min(self.profile_rate, box.rate_tokens + elapsed * self.profile_rate)
            if box.rate_tokens < 1.0:
                return False
            box.rate_tokens -= 1.0
            return True

    # -- datasets ---------------------------------------------------------------------
    def create_dataset(self, box: Sandbox, body: JsonDict) -> Dataset:
        ds_id = uuid.uuid4().hex[:24]
        entry = dict(body)
        entry["profileEnabled"] = "enabled:true" in body.get("tags", {}).get("unifiedProfile", [])
        dataset = dataset_from_seed(entry, ds_id)
        dataset.tags = {k: list(v) for k, v in body.get("tags", {}).items()}
        with self.lock:
            box.datasets[ds_id] = dataset
        return dataset

    def batch_dir(self, box: Sandbox, batch_id: str) -> Path:
        path = self.data_dir / box.name / batch_id
        path.mkdir(parents=True, exist_ok=True)
        return path

    def close(self) -> None:
        """Remove the uploaded files (only when the folder was created by this state)."""
        if self._own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)
