"""Batch lifecycle: loading → (COMPLETE) → processing → success | failed; ABORT, FAIL, REVERT.

Nothing runs in the background: a completed batch stays ``processing`` until
``batch_delay`` seconds have passed, which :func:`refresh` checks lazily on every read.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from harness.sandbox import profiles
from harness.sandbox.state import Batch, JsonDict, Outcome, Sandbox, SandboxState, now_ms

FINAL = ("success", "failed", "aborted", "inactive")
FORMATS = ("json", "csv", "parquet")


class BatchError(Exception):
    """A request the batch's state or the body does not allow (HTTP 400 unless ``status``)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def refresh(state: SandboxState, box: Sandbox) -> None:
    """Finish batches whose processing delay is over. Call with ``state.lock`` held."""
    now = time.time()
    changed = False
    for batch in box.batches.values():
        if batch.status != "processing" or batch.outcome is None or batch.completed_at is None:
            continue
        if now >= batch.completed_at + state.batch_delay:
            _finish(box, batch, batch.outcome)
            changed = changed or batch.status == "success"
    if changed:
        profiles.rebuild(box)


def _finish(box: Sandbox, batch: Batch, outcome: Outcome) -> None:
    batch.status = "failed" if outcome.errors else "success"
    batch.errors = outcome.errors
    batch.records = outcome.records if batch.status == "success" else []
    batch.metrics.update(
        inputRecordCount=outcome.record_count + outcome.failed_count,
        outputRecordCount=outcome.record_count if batch.status == "success" else 0,
        failedRecordCount=outcome.failed_count,
        recordCount=outcome.record_count,
    )
    batch.outcome = None
    _touch(box, batch)


def _touch(box: Sandbox, batch: Batch) -> None:
    batch.updated = now_ms()
    dataset = box.datasets.get(batch.dataset_id)
    if dataset is not None and dataset.last_batch_id == batch.id:
        dataset.last_batch_status = batch.status
        dataset.updated = batch.updated


def create(state: SandboxState, box: Sandbox, body: object, client_id: str) -> Batch:
    if not isinstance(body, dict):
        raise BatchError("The request body must be a JSON object")
    dataset_id = body.get("datasetId")
    if not isinstance(dataset_id, str) or not dataset_id:
        raise BatchError("datasetId is required")
    input_format = body.get("inputFormat") or {"format": "json"}
    if not isinstance(input_format, dict):
        raise BatchError("inputFormat must be an object")
    fmt = str(input_format.get("format", "")).lower()
    if fmt not in FORMATS:
        raise BatchError(f"inputFormat.format must be one of {', '.join(FORMATS)}")
    with state.lock:
        dataset = box.datasets.get(dataset_id)
        if dataset is None:
            raise BatchError(f"Dataset '{dataset_id}' not found")
        batch = Batch(uuid.uuid4().hex, dataset_id, dict(input_format, format=fmt), client_id)
        box.batches[batch.id] = batch
        dataset.last_batch_id = batch.id
        dataset.last_batch_status = batch.status
    return batch


def loading_batch(state: SandboxState, box: Sandbox, batch_id: str, dataset_id: str) -> Batch:
    """The batch a file is uploaded to; it must be ``loading`` and for that dataset."""
    with state.lock:
        refresh(state, box)
        batch = box.batches.get(batch_id)
        if batch is None:
            raise BatchError(f"Batch '{batch_id}' not found", 404)
        if batch.dataset_id != dataset_id:
            raise BatchError(f"Batch '{batch_id}' does not belong to dataset '{dataset_id}'")
        if batch.status != "loading":
            raise BatchError(f"Batch '{batch_id}' is '{batch.status}': it no longer accepts files")
        return batch


def start_complete(state: SandboxState, box: Sandbox, batch: Batch) -> list[tuple[str, Path]]:
    """Move a loading batch to ``processing``; return the files to parse."""
    with state.lock:
        if batch.status != "loading":
            raise BatchError(f"Batch '{batch.id}' is '{batch.status}', not 'loading'")
        pending = [f.path for f in batch.files.values() if f.large and not f.large.complete]
        if pending:
            raise BatchError(f"Large file upload not completed: {', '.join(sorted(pending))}")
        batch.status = "processing"
        batch.completed_at = time.time()
        batch.completed_ms = now_ms()
        batch.metrics = {
            "inputFileCount": len(batch.files),
            "inputByteSize": sum(f.size for f in batch.files.values()),
            "startTime": batch.completed_ms,
        }
        _touch(box, batch)
        return [(f.path, f.disk_path) for f in sorted(batch.files.values(), key=lambda f: f.path)]


def no_files_outcome() -> Outcome:
    error = {"code": "INGEST-EMPTY-400", "description": "No files were uploaded to the batch"}
    return Outcome(records=[], errors=[error], record_count=0, failed_count=0)


def set_outcome(state: SandboxState, batch: Batch, outcome: Outcome) -> None:
    with state.lock:
        if batch.status == "processing":
            batch.outcome = outcome


def action(state: SandboxState, box: Sandbox, batch: Batch, name: str) -> None:
    """ABORT, FAIL or REVERT (COMPLETE goes through :func:`start_complete`)."""
    with state.lock:
        refresh(state, box)
        if name == "ABORT" and batch.status in ("loading", "staging", "processing"):
            batch.status, batch.outcome = "aborted", None
        elif name == "FAIL" and batch.status in ("loading", "staging", "processing"):
            batch.status, batch.outcome = "failed", None
            batch.errors = [{"code": "INGEST-CLIENT-FAIL", "description": "Failed by the client"}]
        elif name == "REVERT" and batch.status in ("success", "failed"):
            was_success = batch.status == "success"
            batch.status, batch.records = "inactive", []
            if was_success:
                profiles.rebuild(box)
        else:
            raise BatchError(f"Action {name} is not allowed on a batch in status '{batch.status}'")
        _touch(box, batch)


def render(state: SandboxState, batch: Batch) -> JsonDict:
    """A batch as Catalog and the import API show it."""
    user = state.credentials.technical_account_id or batch.client_id
    out: JsonDict = {
        "id": batch.id,
        "imsOrg": state.credentials.ims_org,
        "status": batch.status,
        "created": batch.created,
        "updated": batch.updated,
        "createdUser": user,
        "updatedUser": user,
        "createdClient": batch.client_id,
        "updatedClient": batch.client_id,
        "relatedObjects": [{"type": "dataSet", "id": batch.dataset_id}],
        "version": "1.0.0",
        "tags": {},
        "inputFormat": dict(batch.input_format),
    }
    if batch.metrics:
        out["metrics"] = dict(batch.metrics)
    if batch.completed_ms is not None:
        out["started"] = batch.completed_ms
    if batch.status in FINAL:
        out["completed"] = batch.updated
    if batch.errors:
        out["errors"] = [dict(e) for e in batch.errors]
    return out
