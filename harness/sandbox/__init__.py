"""A local emulator of the Adobe Experience Platform APIs a batch-ingestion collection uses:
IMS tokens, the gateway checks, Catalog, batch ingestion and the profile access API."""

from harness.sandbox.app import create_app
from harness.sandbox.server import SandboxServer, main
from harness.sandbox.state import SandboxState, load_seed

__all__ = ["SandboxServer", "SandboxState", "create_app", "load_seed", "main"]
