"""The collection model: frozen dataclasses, built once by :mod:`harness.parse`.

Nothing here has behaviour beyond small helpers; everything else acts on this model.
Values that Postman may template (``{{var}}``) are kept verbatim: resolution happens when a
request is built, after pre-request scripts ran.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

EventName = Literal["prerequest", "test"]


@dataclass(frozen=True)
class Variable:
    key: str
    value: Any = None
    type: str = "any"
    disabled: bool = False
    description: str = ""

    @property
    def secret(self) -> bool:
        return self.type == "secret"


@dataclass(frozen=True)
class Header:
    key: str
    value: str
    disabled: bool = False


@dataclass(frozen=True)
class QueryParam:
    key: str | None
    value: str | None
    disabled: bool = False


@dataclass(frozen=True)
class Url:
    """A request URL. ``raw`` is kept for display; the parts are what gets sent."""

    raw: str = ""
    protocol: str | None = None
    host: tuple[str, ...] = ()
    port: str | None = None
    path: tuple[str, ...] = ()
    query: tuple[QueryParam, ...] = ()
    variables: tuple[Variable, ...] = ()
    hash: str | None = None
    auth: str | None = None  # "user:password" userinfo, rare


@dataclass(frozen=True)
class Param:
    """A ``urlencoded`` or ``formdata`` entry; ``type`` is 'text' or 'file' (formdata)."""

    key: str
    value: str = ""
    disabled: bool = False
    type: str = "text"
    src: tuple[str, ...] = ()  # formdata file sources
    content_type: str | None = None


@dataclass(frozen=True)
class RawBody:
    raw: str
    language: str | None = None  # options.raw.language: json, xml, text, javascript, html
    disabled: bool = False


@dataclass(frozen=True)
class UrlEncodedBody:
    params: tuple[Param, ...]
    disabled: bool = False


@dataclass(frozen=True)
class FormDataBody:
    params: tuple[Param, ...]
    disabled: bool = False


@dataclass(frozen=True)
class FileBody:
    src: str | None
    content: str | None = None  # inline content some exporters write instead of src
    disabled: bool = False


@dataclass(frozen=True)
class GraphQLBody:
    query: str
    variables: str = ""
    disabled: bool = False


Body = RawBody | UrlEncodedBody | FormDataBody | FileBody | GraphQLBody


@dataclass(frozen=True)
class Auth:
    """An auth block. ``type`` 'noauth' stops inheritance; ``params`` are as written."""

    type: str
    params: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.params:
            if k == key:
                return v
        return default

    def as_dict(self) -> dict[str, Any]:
        return dict(self.params)


@dataclass(frozen=True)
class Script:
    event: EventName
    source: str
    origin: str = ""  # "collection", "folder 4-Dataset", "request Create Batch"
    pointer: str = ""
    disabled: bool = False


@dataclass(frozen=True)
class Request:
    method: str = "GET"
    url: Url = field(default_factory=Url)
    headers: tuple[Header, ...] = ()
    body: Body | None = None
    auth: Auth | None = None  # None: inherit
    description: str = ""


@dataclass(frozen=True)
class RequestItem:
    """A request in the tree. A broken one carries ``error`` and fails when run."""

    name: str
    id: str
    request: Request
    path: tuple[str, ...] = ()  # names of the enclosing folders, outermost first
    pointer: str = ""  # JSON pointer of the item in its file, e.g. /item/1/item/3
    scripts: tuple[Script, ...] = ()
    variables: tuple[Variable, ...] = ()
    description: str = ""
    behavior: Mapping[str, Any] = field(default_factory=dict)  # protocolProfileBehavior
    error: Exception | None = None

    @property
    def address(self) -> str:
        """``folder/sub/Request name``: how sidecar files and ``--folder`` name it."""
        return "/".join((*self.path, self.name))


@dataclass(frozen=True)
class Folder:
    name: str
    id: str
    items: tuple[Node, ...] = ()
    path: tuple[str, ...] = ()  # enclosing folders
    pointer: str = ""
    auth: Auth | None = None
    scripts: tuple[Script, ...] = ()
    variables: tuple[Variable, ...] = ()
    description: str = ""
    behavior: Mapping[str, Any] = field(default_factory=dict)

    @property
    def address(self) -> str:
        return "/".join((*self.path, self.name))


Node = Folder | RequestItem


@dataclass(frozen=True)
class Collection:
    name: str
    id: str
    items: tuple[Node, ...] = ()
    schema: str = "v2.1"
    source: str = ""  # file path it came from
    auth: Auth | None = None
    scripts: tuple[Script, ...] = ()
    variables: tuple[Variable, ...] = ()
    description: str = ""
    behavior: Mapping[str, Any] = field(default_factory=dict)
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def walk(self) -> Iterator[tuple[tuple[Folder, ...], RequestItem]]:
        """Every request depth-first (Newman's order), with its chain of folders."""
        yield from _walk(self.items, ())

    def requests(self) -> list[RequestItem]:
        return [item for _, item in self.walk()]

    def folders(self) -> Iterator[Folder]:
        stack: list[Node] = list(reversed(self.items))
        while stack:
            node = stack.pop()
            if isinstance(node, Folder):
                yield node
                stack.extend(reversed(node.items))


def _walk(
    nodes: tuple[Node, ...], parents: tuple[Folder, ...]
) -> Iterator[tuple[tuple[Folder, ...], RequestItem]]:
    for node in nodes:
        if isinstance(node, Folder):
            yield from _walk(node.items, (*parents, node))
        else:
            yield parents, node


@dataclass(frozen=True)
class VariableFile:
    """An environment or globals file."""

    name: str
    values: tuple[Variable, ...] = ()
    source: str = ""
    id: str = ""
