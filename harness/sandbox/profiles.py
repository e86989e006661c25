"""Real-time Customer Profile: records of successful batches merged into profiles.

A record's identities come from its dataset's identity fields (seed ``identities``) and from
an XDM ``identityMap``. Records that share any identity merge into one profile (later records
win field by field). Profiles are rebuilt from the successful batches whenever a batch reaches
or leaves ``success``, so a reverted batch takes its records with it.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timezone
from typing import Any

from harness.sandbox.state import Batch, Dataset, JsonDict, Sandbox


def get_path(record: JsonDict, path: str) -> Any:
    node: Any = record
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def xid(namespace: str, entity_id: str) -> str:
    digest = hashlib.sha256(f"{namespace}\x00{entity_id}".encode()).digest()
    return "BV" + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def record_identities(record: JsonDict, dataset: Dataset) -> list[tuple[str, str]]:
    """(namespace, id) pairs of a record, the primary identity first."""
    found: list[tuple[str, str]] = []
    for ident in sorted(dataset.identities, key=lambda i: not i.primary):
        value = get_path(record, ident.path)
        if isinstance(value, (str, int)) and str(value) != "":
            found.append((ident.namespace, str(value)))
    id_map = record.get("identityMap")
    if isinstance(id_map, dict):
        for namespace, entries in id_map.items():
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, dict) and entry.get("id") not in (None, ""):
                    pair = (str(namespace), str(entry["id"]))
                    if entry.get("primary"):
                        found.insert(0, pair)
                    else:
                        found.append(pair)
    return list(dict.fromkeys(found))


def deep_merge(target: JsonDict, source: JsonDict) -> None:
    for key, value in source.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            deep_merge(target[key], value)
        elif isinstance(value, dict):
            target[key] = {}
            deep_merge(target[key], value)
        else:
            target[key] = value


def _merge(box: Sandbox, dataset: Dataset, record: JsonDict, stamp: int) -> None:
    idents = record_identities(record, dataset)
    if not idents:
        return
    key = next((box.identity_index[i] for i in idents if i in box.identity_index), None)
    if key is None:
        key = xid(*idents[0])
        box.profiles[key] = {"identities": [], "fields": {}, "sources": [], "modified": stamp}
    profile = box.profiles[key]
    for ident in idents:
        box.identity_index.setdefault(ident, key)
        if list(ident) not in profile["identities"]:
            profile["identities"].append(list(ident))
    fields = {k: v for k, v in record.items() if k != "identityMap"}
    deep_merge(profile["fields"], fields)
    if dataset.id not in profile["sources"]:
        profile["sources"].append(dataset.id)
    profile["modified"] = max(profile["modified"], stamp)


def rebuild(box: Sandbox) -> None:
    """Recompute every profile of a sandbox from its successful batches."""
    box.profiles.clear()
    box.identity_index.clear()
    done = [b for b in box.batches.values() if b.status == "success" and b.records]
    for batch in sorted(done, key=lambda b: (b.completed_ms or 0, b.created)):
        dataset = box.datasets.get(batch.dataset_id)
        if dataset is None or not dataset.profile_enabled:
            continue
        for record in batch.records:
            _merge(box, dataset, record, batch.completed_ms or batch.updated)


def keeps_records(dataset: Dataset) -> bool:
    return dataset.profile_enabled


def find(box: Sandbox, entity_id: str, namespace: str | None) -> str | None:
    """The profile key for an identity, or for an XID when no namespace is given."""
    if not namespace:
        return entity_id if entity_id in box.profiles else None
    return box.identity_index.get((namespace, entity_id))


def _iso(ms: int) -> str:
    stamp = datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def render(box: Sandbox, key: str, fields: list[str] | None = None) -> JsonDict:
    """The access API's view of one profile: ``{entityId, sources, entity, lastModifiedAt}``."""
    profile = box.profiles[key]
    entity: JsonDict = {
        "identities": [{"id": i, "namespace": {"code": ns}} for ns, i in profile["identities"]],
    }
    data: JsonDict = profile["fields"]
    if fields:
        data = {k: v for k, v in data.items() if k in fields}
    entity.update(data)
    return {
        "entityId": key,
        "sources": list(profile["sources"]),
        "entity": entity,
        "lastModifiedAt": _iso(int(profile["modified"])),
    }


def batch_keeps(batch: Batch, box: Sandbox) -> bool:
    dataset = box.datasets.get(batch.dataset_id)
    return dataset is not None and keeps_records(dataset)
