"""One HTTP client per run: connection reuse, a shared cookie jar, Newman-like errors.

Requests come ready-made from :func:`harness.build.build_request`; nothing here changes
their headers except ``Cookie`` (from the jar, as Newman's jar adds it). Responses are read
whole; ``elapsed_ms`` runs from sending to the last body byte. Bodies are content-decoded
(gzip/deflate/br), as ``pm.response.text()`` sees them.
"""

from __future__ import annotations

import dataclasses
import socket
import ssl
import time
from dataclasses import dataclass
from http.cookiejar import Cookie
from typing import Any

import httpx

from harness.errors import SendError
from harness.result import ReceivedResponse

_NODELAY = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]


@dataclass(frozen=True)
class ClientOptions:
    timeout_request_ms: float | None = None  # None: no timeout (Newman's default)
    follow_redirects: bool = True
    max_redirects: int = 10
    insecure: bool = False
    ca_file: str | None = None
    client_cert: str | None = None
    client_key: str | None = None
    trust_env: bool = True  # proxies (HTTP(S)_PROXY, NO_PROXY) from the environment
    transport: httpx.BaseTransport | None = None  # test seam


class Client:
    """Sends built requests; use as a context manager or call :meth:`close`."""

    def __init__(self, options: ClientOptions | None = None) -> None:
        self.options = options = options or ClientOptions()
        verify: ssl.SSLContext | bool = _ssl_context(options)
        transport = options.transport or httpx.HTTPTransport(
            verify=verify, cert=_cert(options), trust_env=options.trust_env,
            socket_options=_NODELAY,
        )
        self._http = self._client(transport, verify)
        self._other: httpx.Client | None = None  # the opposite TLS verification, on demand

    def _client(self, transport: httpx.BaseTransport, verify: ssl.SSLContext | bool
                ) -> httpx.Client:
        options = self.options
        seconds = None if options.timeout_request_ms is None else options.timeout_request_ms / 1000
        return httpx.Client(
            transport=transport, verify=verify, cert=_cert(options),
            timeout=httpx.Timeout(seconds), follow_redirects=options.follow_redirects,
            max_redirects=options.max_redirects, trust_env=options.trust_env,
        )

    def _for(self, verify: bool | None) -> httpx.Client:
        """The client whose TLS verification is ``verify`` (None: the run's setting)."""
        if verify is None or verify == (not self.options.insecure):
            return self._http
        if self._other is None:
            options = dataclasses.replace(self.options, insecure=not verify)
            context = _ssl_context(options)
            transport = options.transport or httpx.HTTPTransport(
                verify=context, cert=_cert(options), trust_env=options.trust_env,
                socket_options=_NODELAY)
            self._other = self._client(transport, context)
            self._other.cookies.jar = self._http.cookies.jar  # one jar for the run
        return self._other

    def send(
        self, request: httpx.Request, *, follow_redirects: bool | None = None, item: str = "",
        verify: bool | None = None, max_redirects: int | None = None, cookies: bool = True,
    ) -> ReceivedResponse:
        """Send ``request`` and read the whole response; failures raise :class:`SendError`.

        ``verify``, ``max_redirects`` and ``cookies=False`` carry a request's
        protocolProfileBehavior (strictSSL, maxRedirects, disableCookies).
        """
        follow = self.options.follow_redirects if follow_redirects is None else follow_redirects
        auth = request.extensions.get("harness_auth")
        http = self._for(verify)
        jar = http.cookies.jar
        kept = list(jar) if not cookies else None
        if cookies and jar and "cookie" not in request.headers:
            http.cookies.set_cookie_header(request)  # costly even for an empty jar
        http.max_redirects = self.options.max_redirects if max_redirects is None else max_redirects
        started = time.perf_counter()
        try:
            response = http.send(request, auth=auth, follow_redirects=follow)
        except httpx.HTTPError as exc:
            raise SendError(_message(exc, request, self.options), str(request.url), item) from exc
        finally:
            if kept is not None:  # disableCookies: what the response set is not kept
                jar.clear()
                for cookie in kept:
                    jar.set_cookie(cookie)
        elapsed = (time.perf_counter() - started) * 1000
        return ReceivedResponse(
            status=response.status_code,
            reason=response.reason_phrase,
            headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw],
            body=response.content,
            elapsed_ms=elapsed,
            http_version=response.http_version,
        )

    @property
    def cookies(self) -> list[dict[str, Any]]:
        """The jar as pm.cookies sees it."""
        return [_cookie_dict(c) for c in self._http.cookies.jar]

    def clear_cookies(self) -> None:
        self._http.cookies.clear()

    def close(self) -> None:
        self._http.close()
        if self._other is not None:
            self._other.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ssl_context(options: ClientOptions) -> ssl.SSLContext | bool:
    if options.insecure:
        return False
    if options.ca_file:
        context = ssl.create_default_context()
        context.load_verify_locations(cafile=options.ca_file)
        return context
    return True


def _cert(options: ClientOptions) -> tuple[str, str] | str | None:
    if options.client_cert and options.client_key:
        return (options.client_cert, options.client_key)
    return options.client_cert


def _message(exc: httpx.HTTPError, request: httpx.Request, options: ClientOptions) -> str:
    url = str(request.url)
    cause = exc.__cause__ or exc.__context__
    if isinstance(exc, httpx.TimeoutException):
        return f"request timed out after {options.timeout_request_ms:g} ms: {url}"
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {options.max_redirects}): {url}"
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        lowered = text.lower()
        if "refused" in lowered:
            return f"connection refused: {url}"
        if "certificate" in lowered or "ssl" in lowered or isinstance(cause, ssl.SSLError):
            return f"TLS error: {text}: {url}"
        if "name or service" in lowered or "nodename" in lowered or "getaddrinfo" in lowered:
            return f"host not found: {url}"
        return f"connection failed ({text}): {url}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection closed by the server ({text}): {url}"
    return f"{type(exc).__name__}: {text}: {url}"


def _cookie_dict(cookie: Cookie) -> dict[str, Any]:
    return {
        "name": cookie.name,
        "value": cookie.value,
        "domain": cookie.domain,
        "path": cookie.path,
        "secure": cookie.secure,
        "expires": cookie.expires,
        "httpOnly": bool(cookie.has_nonstandard_attr("HttpOnly")),
        "hostOnly": not cookie.domain_specified,
    }
