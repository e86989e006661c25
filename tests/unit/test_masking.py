"""Masking: secret sources, encoded forms, derived substrings, headers, speed."""

from __future__ import annotations

import base64
import json
import random
import string
import sys
import time
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from harness.masking import MASK, MIN_LENGTH, Masker, encoded_forms
from harness.model import Auth
from harness.variables import Resolver, Scope, Scopes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))
from report_data import API_KEY, PASSWORD, SECRETS, TOKEN, sample_run  # noqa: E402


def _scopes() -> Scopes:
    env = Scope("environment")
    env.set("token", TOKEN, "secret")
    env.set("plain", "visible-value")
    glob = Scope("globals")
    glob.set("gsecret", "glob-secret-42", "secret")
    return Scopes(environment=env, globals=glob)


def test_secret_typed_variables_of_every_scope_are_masked() -> None:
    masker = Masker.from_scopes(_scopes())
    out = masker.text(f"a {TOKEN} b glob-secret-42 c visible-value")
    assert out == f"a {MASK} b {MASK} c visible-value"


def test_dotenv_extra_values_are_masked() -> None:
    masker = Masker.from_scopes(Scopes(), extra=[API_KEY])
    assert API_KEY not in masker.text(f"key={API_KEY}")


def test_values_shorter_than_the_minimum_are_ignored() -> None:
    masker = Masker(["abc", "true", ""])
    assert len("abc") < MIN_LENGTH
    assert masker.text("abc is true") == f"abc is {MASK}"


@pytest.mark.parametrize(
    ("auth", "secret"),
    [
        (Auth("bearer", (("token", "{{token}}"),)), TOKEN),
        (Auth("basic", (("username", "u"), ("password", "pa55word!"))), "pa55word!"),
        (Auth("apikey", (("key", "X-Key"), ("value", "key-value-123"))), "key-value-123"),
        (Auth("oauth2", (("accessToken", "at-12345"), ("refreshToken", "rt-12345"),
                         ("clientSecret", "cs-12345"))), "cs-12345"),
        (Auth("oauth2", (("accessToken", "at-12345"),)), "at-12345"),
        (Auth("awsv4", (("accessKey", "AKIA"), ("secretKey", "aws-secret-key"),
                        ("sessionToken", "aws-session"))), "aws-secret-key"),
        (Auth("awsv4", (("sessionToken", "aws-session"),)), "aws-session"),
        (Auth("digest", (("username", "Mufasa"), ("password", "Circle Of Life"))),
         "Circle Of Life"),
    ],
)
def test_auth_credential_fields_are_masked(auth: Auth, secret: str) -> None:
    scopes = _scopes()
    masker = Masker.from_scopes(scopes, auths=[auth], resolver=Resolver(scopes))
    assert secret not in masker.text(f"[{secret}]")
    assert masker.text(f"[{secret}]") == f"[{MASK}]"


def test_unresolved_auth_templates_are_not_secrets() -> None:
    masker = Masker.from_scopes(Scopes(), auths=[Auth("bearer", (("token", "{{nope}}"),))])
    assert masker.secrets == frozenset()


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s,
        lambda s: quote(s, safe=""),
        lambda s: quote(s),
        quote_plus,
        lambda s: json.dumps(s)[1:-1],
        lambda s: base64.b64encode(s.encode()).decode(),
        lambda s: base64.urlsafe_b64encode(s.encode()).decode().rstrip("="),
    ],
    ids=["raw", "percent", "percent-keep-slash", "plus", "json", "base64", "base64url"],
)
def test_encoded_forms_are_masked(encode: object) -> None:
    secret = 'p@ss/word+with "quotes" & spaces'
    encoded = encode(secret)  # type: ignore[operator]
    masker = Masker([secret])
    out = masker.text(f"before {encoded} after")
    assert encoded not in out
    assert MASK in out


@pytest.mark.parametrize("user", ["", "a", "ab", "abc", "admin", "some.user@example.com"])
def test_password_inside_any_basic_header_is_masked(user: str) -> None:
    masker = Masker([PASSWORD])
    blob = base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
    out = masker.text(f"Authorization: Basic {blob}")
    assert blob not in out
    # at most 2 bytes of the password's neighbourhood stay visible at each edge
    core = _longest_common(out, blob)
    assert len(core) <= len(blob) - 8


def _longest_common(a: str, b: str) -> str:
    best = ""
    for i in range(len(b)):
        for j in range(i + len(best) + 1, len(b) + 1):
            if b[i:j] in a:
                best = b[i:j]
            else:
                break
    return best


def test_derived_substrings_are_masked() -> None:
    masker = Masker.from_scopes(_scopes())
    derived = f"Bearer {TOKEN}"
    assert masker.text(json.dumps({"h": derived, "u": f"x?t={TOKEN}&y=1"})).count(MASK) == 2


def test_secret_headers_are_masked_entirely_and_their_tokens_learnt() -> None:
    masker = Masker()
    out = masker.headers([("Authorization", "Bearer derived-token-xyz"),
                          ("Cookie", "sid=cookie-session-1; theme=dark"),
                          ("X-Other", "derived-token-xyz and cookie-session-1")])
    assert out == [("Authorization", MASK), ("Cookie", MASK), ("X-Other", f"{MASK} and {MASK}")]
    assert masker.text("echo: derived-token-xyz") == f"echo: {MASK}"


def test_basic_header_password_is_learnt() -> None:
    masker = Masker()
    blob = base64.b64encode(b"user:learnt-password").decode()
    masker.headers([("authorization", f"Basic {blob}")])
    assert masker.text("pw=learnt-password") == f"pw={MASK}"


def test_refresh_picks_up_secrets_set_during_the_run() -> None:
    scopes = _scopes()
    masker = Masker.from_scopes(scopes)
    assert masker.text("new-secret-value") == "new-secret-value"
    scopes.environment.set("token", "new-secret-value")
    masker.refresh(scopes)
    assert masker.text("new-secret-value") == MASK
    assert masker.text(TOKEN) == MASK  # the old value stays masked


def test_bytes_and_mapping() -> None:
    masker = Masker([TOKEN, "12345678"])
    raw = b"\xff\x00" + TOKEN.encode() + b"\xfe"
    assert masker.bytes(raw) == b"\xff\x00" + MASK.encode() + b"\xfe"
    data = {"a": TOKEN, "b": [f"x{TOKEN}", 12345678, 7], "c": {"d": TOKEN}, "e": True}
    out = masker.mapping(data)
    assert out == {"a": MASK, "b": [f"x{MASK}", MASK, 7], "c": {"d": MASK}, "e": True}


def test_longest_secret_wins_when_secrets_overlap() -> None:
    masker = Masker(["abcd", "abcdefgh"])
    assert masker.text("abcdefgh abcd") == f"{MASK} {MASK}"


def test_no_secret_in_any_form_of_the_sample_run() -> None:
    masker = sample_run().masker()
    for secret in SECRETS[:3]:
        for form in encoded_forms(secret):
            assert secret not in masker.text(form)
            assert form not in masker.text(f"..{form}..")


def test_text_speed_on_64k_body_with_20_secrets(capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(7)
    secrets = ["".join(rng.choices(string.ascii_letters + string.digits, k=rng.randint(8, 40)))
               for _ in range(20)]
    masker = Masker(secrets)
    alphabet = string.ascii_letters + string.digits + ' {}":,'
    body = "".join(rng.choices(alphabet, k=64 * 1024))
    with_hits = body[:100] + secrets[0] + body[100:50000] + secrets[7] + body[50000:]
    masker.text("warm up")
    timings = {}
    for label, text in (("no hits", body), ("2 hits", with_hits)):
        start = time.perf_counter()
        for _ in range(20):
            out = masker.text(text)
        timings[label] = (time.perf_counter() - start) / 20 * 1e6
    assert not any(s in out for s in secrets)
    assert out.count(MASK) == 2
    with capsys.disabled():
        shown = ", ".join(f"{k} {v:.0f} µs" for k, v in timings.items())
        print(f"\nmask 64 KiB, 20 secrets: {shown}")
    assert max(timings.values()) < 50_000  # generous: CI machines vary
