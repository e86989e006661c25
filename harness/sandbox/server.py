"""Run the emulator with uvicorn: in a background thread (:class:`SandboxServer`) or in the
foreground (:func:`main`, the ``harness sandbox`` command)."""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

import uvicorn

from harness.sandbox.app import create_app
from harness.sandbox.state import (
    DEFAULT_BATCH_DELAY,
    DEFAULT_PROFILE_RATE,
    DEFAULT_TOKEN_TTL,
    MAX_FILES_PER_BATCH,
    SandboxState,
    load_seed,
)

START_TIMEOUT = 10.0


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP lets asyncio switch Nagle off on accepted connections; without it,
    # a response written as headers + body waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


class SandboxServer:
    """The emulator on ``host:port`` (port 0 picks a free port) in a daemon thread.

    >>> with SandboxServer() as server:
    ...     base_url = server.url  # e.g. http://127.0.0.1:41234
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        seed: str | Path | None = None,
        batch_delay: float = DEFAULT_BATCH_DELAY,
        profile_rate: float = DEFAULT_PROFILE_RATE,
        token_ttl: float = DEFAULT_TOKEN_TTL,
        max_files_per_batch: int = MAX_FILES_PER_BATCH,
    ) -> None:
        self.host = host
        self.port = port
        self.state = SandboxState(
            load_seed(seed),
            batch_delay=batch_delay,
            profile_rate=profile_rate,
            token_ttl=token_ttl,
            max_files_per_batch=max_files_per_batch,
        )
        self.url = ""
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def _config(self) -> uvicorn.Config:
        return uvicorn.Config(
            create_app(self.state),
            log_level="warning",
            access_log=False,
            http="h11",
            lifespan="off",
            timeout_keep_alive=5,
        )

    def start(self) -> str:
        """Start serving in a background thread; return the base URL once it accepts."""
        if self._thread is not None:
            return self.url
        sock = _bind(self.host, self.port)
        self.port = sock.getsockname()[1]
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.url = f"http://{host}:{self.port}"
        self._server = uvicorn.Server(self._config())
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="aep-sandbox", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the AEP sandbox emulator did not start on {self.url}")
            time.sleep(0.01)
        return self.url

    def stop(self) -> None:
        """Stop the server, wait for its thread, and delete the uploaded files."""
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._server.force_exit = True  # do not wait for idle keep-alive connections
            self._thread.join(timeout=START_TIMEOUT)
        self._server = self._thread = None
        self.state.close()

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="harness sandbox", description="Serve the local AEP sandbox emulator."
    )
    p.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8080, help="port, 0 for a free one (default 8080)")
    p.add_argument("--seed", default=None, help="seed JSON file (default: the packaged seed)")
    p.add_argument(
        "--batch-delay",
        type=float,
        default=DEFAULT_BATCH_DELAY,
        metavar="SECONDS",
        help=f"processing time of a completed batch (default {DEFAULT_BATCH_DELAY})",
    )
    p.add_argument(
        "--profile-rate",
        type=float,
        default=DEFAULT_PROFILE_RATE,
        metavar="N",
        help="profile API requests/second per sandbox before 429",
    )
    p.add_argument(
        "--token-ttl",
        type=float,
        default=DEFAULT_TOKEN_TTL,
        metavar="SECONDS",
        help=f"access token lifetime (default {int(DEFAULT_TOKEN_TTL)})",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """``harness sandbox [--port N] [--host H] [--seed FILE] [--batch-delay S] ...``"""
    args = _parser().parse_args(argv)
    server = SandboxServer(
        args.host,
        args.port,
        seed=args.seed,
        batch_delay=args.batch_delay,
        profile_rate=args.profile_rate,
        token_ttl=args.token_ttl,
    )
    sock = _bind(server.host, server.port)
    port = sock.getsockname()[1]
    creds = server.state.credentials
    print(f"AEP sandbox emulator on http://{args.host}:{port}  (Ctrl-C to stop)", flush=True)
    print(f"  client id / x-api-key: {creds.client_id}   org: {creds.ims_org}", flush=True)
    try:
        uvicorn.Server(server._config()).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        server.state.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
