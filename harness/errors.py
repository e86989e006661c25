"""The one exception hierarchy of harness.

::

    HarnessError                      base of everything harness raises on purpose
    ├── InputError(path, pointer)     unusable input: a file, a JSON pointer inside it
    │   └── SidecarError              a harness.toml entry (unknown address, bad check)
    ├── RequestError(item)            a request could not be built or sent
    │   ├── UnresolvedVariables       {{tokens}} left unresolved where that is fatal
    │   ├── UnsupportedFeature        an auth type / body feature harness does not do
    │   └── SendError                 connection refused, timeout, TLS, ... (with the URL)
    ├── ScriptError(item, event, line) a pre-request or test script threw or timed out
    └── RunError                      the run as a whole (loop cap hit, run timeout)

    AssertionFailure(HarnessError, AssertionError)
                                      failed pm.test / sidecar / Python checks: reported
                                      as *failed*; every other error is *broken*.

Each exception carries its context when it is raised; ``str()`` gives a one-line message
fit for a terminal (``collection.json: /item/1/request/url: ...``).
"""

from __future__ import annotations


class HarnessError(Exception):
    """Base class: every error harness raises on purpose."""


class InputError(HarnessError):
    """Unusable input, located by file path and JSON pointer."""

    def __init__(self, message: str, path: str = "", pointer: str = "") -> None:
        self.message = message
        self.path = path
        self.pointer = pointer
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ": ".join(p for p in (self.path, self.pointer) if p)
        return f"{where}: {self.message}" if where else self.message

    def located(self, path: str) -> InputError:
        """The same error, with the file path filled in where it was not known yet."""
        if self.path:
            return self
        return type(self)(self.message, path, self.pointer)


class SidecarError(InputError):
    """A problem in a ``*.harness.toml`` sidecar file."""


class RequestError(HarnessError):
    """A request could not be built or sent; ``item`` names it."""

    def __init__(self, message: str, item: str = "") -> None:
        self.message = message
        self.item = item
        super().__init__(message)


class UnresolvedVariables(RequestError):
    """Variables that stayed unresolved, where that prevents sending."""

    def __init__(self, names: list[str], item: str = "") -> None:
        self.names = names
        listed = ", ".join("{{" + n + "}}" for n in names)
        super().__init__(f"unresolved variables: {listed}", item)


class UnsupportedFeature(RequestError):
    """A Postman feature harness does not implement (named in the README)."""


class SendError(RequestError):
    """The request was built but could not be sent or got no response."""

    def __init__(self, message: str, url: str = "", item: str = "") -> None:
        self.url = url
        super().__init__(message, item)


class ScriptError(HarnessError):
    """A script threw, failed to compile, or exceeded its limits."""

    def __init__(
        self, message: str, item: str = "", event: str = "", line: int | None = None,
        error_name: str = "Error",
    ) -> None:
        self.message = message
        self.item = item
        self.event = event
        self.line = line
        self.error_name = error_name
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line else ""
        event = f"{self.event}-script" if self.event else "script"
        return f"{event}{where}: {self.error_name}: {self.message}"


class RunError(HarnessError):
    """The run itself failed: loop cap hit, overall timeout."""


class AssertionFailure(HarnessError, AssertionError):
    """One or more assertions failed; reported as failed rather than broken."""
