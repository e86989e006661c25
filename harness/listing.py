"""``harness list``: the folder/request tree with each request's resolved URL."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from harness import dynamic
from harness.inputs import Inputs, load_inputs
from harness.model import Folder, Node
from harness.parse import load_collection, url_to_string
from harness.variables import Resolver


def list_collection(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="harness list")
    parser.add_argument("collection")
    parser.add_argument("-e", "--environment")
    parser.add_argument("-g", "--globals")
    parser.add_argument("--env-var", action="append", default=[])
    parser.add_argument("--global-var", action="append", default=[])
    parser.add_argument("--verbose", action="store_true")
    ns = parser.parse_args(list(argv))
    collection = load_collection(ns.collection)
    loaded = load_inputs(collection, Inputs(ns.environment, ns.globals, tuple(ns.env_var),
                                            tuple(ns.global_var)))
    resolver = Resolver(loaded.scopes, dynamic.generate)
    print(f"{collection.name} ({len(collection.requests())} requests)")
    for line in _lines(collection.items, resolver, 1):
        print(line)
    return 0


def _lines(nodes: tuple[Node, ...], resolver: Resolver, depth: int) -> list[str]:
    out: list[str] = []
    indent = "  " * depth
    for node in nodes:
        if isinstance(node, Folder):
            out.append(f"{indent}{node.name}/")
            out.extend(_lines(node.items, resolver, depth + 1))
        elif node.error is not None:
            out.append(f"{indent}!  {node.name}: {node.error}")
        else:
            url = resolver.resolve(url_to_string(node.request.url))
            out.append(f"{indent}{node.request.method:<7} {node.name}  {url}")
    return out
