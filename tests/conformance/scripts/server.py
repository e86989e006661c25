"""A tiny threaded HTTP server for the script conformance cases (127.0.0.1, free port)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

JSON_BODY = {"a": 1, "b": {"c": [1, 2, 3]}, "s": "text", "t": True, "n": None,
             "items": [{"id": 1, "name": "one"}, {"id": 2, "name": "two"}]}
XML_BODY = '<?xml version="1.0"?><root><a>1</a><b x="y">t</b></root>'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Close idle keep-alive connections: Newman (Node) does not exit while a server keeps
    # its pooled sockets open, so a run would hang after its summary.
    timeout = 2.0

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return

    def _reply(self, code: int, body: str, ctype: str, extra: dict[str, str] | None = None) -> None:
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _handle(self) -> None:
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        path = url.path
        if path == "/json":
            self._reply(200, json.dumps(JSON_BODY), "application/json")
        elif path == "/text":
            self._reply(200, "hello world", "text/plain")
        elif path == "/xml":
            self._reply(200, XML_BODY, "application/xml")
        elif path == "/badjson":
            self._reply(200, "{not json", "application/json")
        elif path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
            self._reply(code, json.dumps({"status": code}), "application/json")
        elif path == "/headers":
            self._reply(200, json.dumps({"ok": True}), "application/json",
                        {"X-Custom": "abc", "Set-Cookie": "sid=123; Path=/"})
        else:  # /echo and anything else
            echo = {"method": self.command, "path": path, "query": dict(parse_qsl(url.query)),
                    "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
            self._reply(200, json.dumps(echo), "application/json")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle


class Server:
    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
