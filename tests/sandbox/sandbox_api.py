"""A logged-in httpx client of the AEP sandbox emulator, with shortcuts for the ingestion
flow (imported by the sandbox tests; the module name is unique to avoid clashing with other
test folders)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx

from harness.sandbox import SandboxServer

REPO = Path(__file__).resolve().parents[2]
CRM_FILE = REPO / "collection" / "luma-crm.json"
CRM_DATASET = "Luma CRM Dataset"


class Api:
    """A logged-in client of one emulator, with shortcuts for the ingestion flow."""

    def __init__(self, server: SandboxServer, client: httpx.Client) -> None:
        self.server = server
        self.client = client
        self.creds = server.state.credentials
        self.token = self.get_token()

    def get_token(self) -> str:
        r = self.client.post(
            "/ims/token/v3",
            data={
                "grant_type": "client_credentials",
                "client_id": self.creds.client_id,
                "client_secret": self.creds.client_secret,
                "scope": "openid,AdobeID,read_organizations",
            },
        )
        assert r.status_code == 200, r.text
        return str(r.json()["access_token"])

    def headers(self, sandbox: str | None = "prod", **extra: str) -> dict[str, str]:
        h = {
            "Authorization": f"Bearer {self.token}",
            "x-api-key": self.creds.api_key,
            "x-gw-ims-org-id": self.creds.ims_org,
        }
        if sandbox is not None:
            h["x-sandbox-name"] = sandbox
        h.update(extra)
        return h

    def request(self, method: str, path: str, sandbox: str = "prod", **kw: Any) -> httpx.Response:
        headers = self.headers(sandbox, **kw.pop("headers", {}))
        return self.client.request(method, path, headers=headers, **kw)

    def dataset_id(self, name: str = CRM_DATASET, sandbox: str = "prod") -> str:
        r = self.request("GET", "/data/foundation/catalog/dataSets", sandbox, params={"limit": 100})
        return str(next(k for k, v in r.json().items() if v["name"] == name))

    def create_batch(self, dataset_id: str, sandbox: str = "prod", **fmt: Any) -> str:
        input_format = {"format": "json", "isMultiLineJson": True, **fmt}
        r = self.request(
            "POST",
            "/data/foundation/import/batches",
            sandbox,
            json={"datasetId": dataset_id, "inputFormat": input_format},
        )
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    def file_url(self, batch_id: str, dataset_id: str, path: str) -> str:
        return f"/data/foundation/import/batches/{batch_id}/datasets/{dataset_id}/files/{path}"

    def upload(
        self, batch_id: str, dataset_id: str, path: str, content: Any, sandbox: str = "prod"
    ) -> httpx.Response:
        return self.request(
            "PUT",
            self.file_url(batch_id, dataset_id, path),
            sandbox,
            content=content,
            headers={"Content-Type": "application/octet-stream"},
        )

    def action(self, batch_id: str, action: str, sandbox: str = "prod") -> httpx.Response:
        return self.request(
            "POST",
            f"/data/foundation/import/batches/{batch_id}",
            sandbox,
            params={"action": action},
        )

    def batch(self, batch_id: str, sandbox: str = "prod") -> dict[str, Any]:
        r = self.request("GET", f"/data/foundation/catalog/batches/{batch_id}", sandbox)
        assert r.status_code == 200, r.text
        return dict(r.json()[batch_id])

    def wait(self, batch_id: str, sandbox: str = "prod", timeout: float = 5.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            batch = self.batch(batch_id, sandbox)
            if batch["status"] not in ("loading", "staging", "processing"):
                return batch
            assert time.monotonic() < deadline, f"batch still {batch['status']}"
            time.sleep(0.02)

    def ingest(self, records: Any, dataset: str = CRM_DATASET, sandbox: str = "prod") -> str:
        """Create, upload, complete and wait for one batch; return its final status."""
        ds = self.dataset_id(dataset, sandbox)
        batch_id = self.create_batch(ds, sandbox)
        assert self.upload(batch_id, ds, "data.json", json.dumps(records), sandbox).text == "1"
        assert self.action(batch_id, "COMPLETE", sandbox).status_code == 200
        return str(self.wait(batch_id, sandbox)["status"])

    def profile(self, entity_id: str, ns: str, sandbox: str = "prod") -> httpx.Response:
        params = {"schema.name": "_xdm.context.profile", "entityId": entity_id, "entityIdNS": ns}
        return self.request("GET", "/data/core/ups/access/entities", sandbox, params=params)
