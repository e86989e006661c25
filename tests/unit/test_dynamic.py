"""Dynamic variables: every documented name generates, with the documented shape."""

from __future__ import annotations

import re
import time
import uuid

import pytest

from harness.dynamic import NAMES, generate
from harness.variables import Resolver, Scopes

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_every_documented_name_is_known() -> None:
    assert len(NAMES) == 118
    for name in NAMES:
        value = generate(name)
        assert isinstance(value, str) and value != "", name


def test_unknown_name_is_none() -> None:
    assert generate("$nope") is None
    assert generate("guid") is None


@pytest.mark.parametrize("name", ["$guid", "$randomUUID"])
def test_uuids_are_fresh_v4(name: str) -> None:
    a, b = generate(name), generate(name)
    assert a and b and UUID.match(a) and a != b
    assert uuid.UUID(a).version == 4


def test_timestamps() -> None:
    assert abs(int(generate("$timestamp") or 0) - time.time()) < 5
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", generate("$isoTimestamp") or "")


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("$randomInt", r"^\d{1,4}$"),
        ("$randomBoolean", r"^(true|false)$"),
        ("$randomAlphaNumeric", r"^[a-z0-9]$"),
        ("$randomHexColor", r"^#[0-9a-f]{6}$"),
        ("$randomIP", r"^(\d{1,3}\.){3}\d{1,3}$"),
        ("$randomIPV6", r"^([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}$"),
        ("$randomMACAddress", r"^([0-9a-f]{2}:){5}[0-9a-f]{2}$"),
        ("$randomPassword", r"^[A-Za-z0-9]{15}$"),
        ("$randomSemver", r"^\d\.\d\.\d$"),
        ("$randomPhoneNumber", r"^\d{3}-\d{3}-\d{4}$"),
        ("$randomEmail", r"^[^@\s]+@[^@\s]+\.[a-z]+$"),
        ("$randomExampleEmail", r"@example\.(com|net|org)$"),
        ("$randomUrl", r"^https?://"),
        ("$randomPrice", r"^\d+\.\d\d$"),
        ("$randomBankAccount", r"^\d{8}$"),
        ("$randomCurrencyCode", r"^[A-Z]{3}$"),
        ("$randomCountryCode", r"^[A-Z]{2}$"),
        ("$randomLocale", r"^[a-z]{2}$"),
        ("$randomProtocol", r"^https?$"),
        ("$randomCatsImage", r"^http://placeimg\.com/640/480/cats$"),
        ("$randomFilePath", r"^/.+\.[a-z0-9]+$"),
        ("$randomLoremSlug", r"^[a-z]+-[a-z]+-[a-z]+$"),
        ("$randomFullName", r"^\S+ \S+$"),
    ],
)
def test_shapes(name: str, pattern: str) -> None:
    for _ in range(20):
        assert re.search(pattern, generate(name) or ""), name


def test_random_int_range() -> None:
    values = {int(generate("$randomInt") or -1) for _ in range(500)}
    assert min(values) >= 0 and max(values) <= 1000 and len(values) > 100


def test_resolver_uses_dynamic_values_fresh_per_token() -> None:
    resolver = Resolver(Scopes(), generate)
    text = resolver.resolve("{{$guid}} {{$guid}}")
    a, b = text.split(" ")
    assert UUID.match(a) and UUID.match(b) and a != b
