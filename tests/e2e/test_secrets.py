"""Zero leaks: a real run through ``harness run`` with every reporter and export.

Known secret values are seeded from every source harness treats as secret (a ``secret``-typed
environment variable, a ``.env`` file, ``--env-var`` + ``--secret``, and the credential fields
of bearer/basic/apikey/oauth2 auth blocks). The collection sends them in headers, the query
string and raw/urlencoded bodies, logs them from scripts (also inside a derived string),
copies one into other variables, puts them in failing assertion and script error messages,
and the echo server sends everything back. Then every file written (reports, allure results
and attachments, exports, JUnit XML) and the terminal output are searched for each secret
verbatim, URL-encoded and base64-encoded (also as a fragment of a larger base64 blob):
nothing may be found. The echo server's record proves the secrets were really sent.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
from echo import EchoServer

from harness.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "secrets"

ENV_SECRET = "envsec-7Qx9mZ2pL4"  # environment file, type "secret"
DOTENV = "dotenv-K3j8Hs0aPqR"  # .env file given with --dotenv
CLI_SECRET = "cliTok-Zr5Wn1YbU"  # --env-var TOKEN2=... --secret TOKEN2
BEARER = "bearer-Lm4Vq8Tt2cWx"  # bearer auth token
PASSWORD = "basicPw-Gx7!Fd9/qZ"  # basic auth password (URL-special characters)
API_KEY = "apikey-Hn3Ks6Wd1rQ"  # apikey auth value
OAUTH2 = "oauth2-Pq8Lm2Zx5vN"  # oauth2 accessToken
SECRETS = {"env": ENV_SECRET, "dotenv": DOTENV, "cli": CLI_SECRET, "bearer": BEARER,
           "basic": PASSWORD, "apikey": API_KEY, "oauth2": OAUTH2}


def leak_forms(secret: str) -> set[str]:
    """The secret verbatim, URL-encoded, and base64 (alone or inside a larger blob)."""
    raw = secret.encode()
    forms = {secret, quote(secret, safe=""), quote(secret), quote_plus(secret, safe="")}
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        forms.add(encode(raw).decode().rstrip("="))
        for offset in (0, 1, 2):  # the secret starting at each byte alignment in a blob
            skip = (3 - offset) % 3
            whole = (len(raw) - skip) // 3 * 3
            forms.add(encode(raw[skip:skip + whole]).decode())
    return forms


def buffers(document: Any) -> list[str]:
    """Text of Newman ``{"type": "Buffer", "data": [...]}`` streams (bytes as numbers)."""
    found: list[str] = []
    if isinstance(document, dict):
        if document.get("type") == "Buffer" and isinstance(document.get("data"), list):
            found.append(bytes(document["data"]).decode("utf-8", "replace"))
        for value in document.values():
            found.extend(buffers(value))
    elif isinstance(document, list):
        for value in document:
            found.extend(buffers(value))
    return found


def everything_written(out: Path) -> dict[str, str]:
    """Every file under ``out`` as text, plus the decoded byte streams of JSON files."""
    texts: dict[str, str] = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        text = path.read_bytes().decode("utf-8", "replace")
        texts[str(path.relative_to(out))] = text
        if path.suffix == ".json":
            for index, stream in enumerate(buffers(json.loads(text))):
                texts[f"{path.relative_to(out)}#buffer{index}"] = stream
    return texts


def leaks(texts: dict[str, str]) -> list[str]:
    return [f"{label} ({form!r}) in {where}"
            for label, secret in SECRETS.items() for form in leak_forms(secret)
            for where, text in texts.items() if form in text]


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    for name in ("leaky.postman_collection.json", "leaky.postman_environment.json",
                 "leaky.env"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_args(base: str, out: str = "out") -> list[str]:
    return ["run", "leaky.postman_collection.json", "-e", "leaky.postman_environment.json",
            "--dotenv", "leaky.env", "--env-var", f"base={base}",
            "--env-var", f"TOKEN2={CLI_SECRET}", "--secret", "TOKEN2",
            "-r", "cli,junit,json,html,allure", "--alluredir", f"{out}/allure",
            "--reporter-junit-export", f"{out}/junit.xml",
            "--reporter-json-export", f"{out}/report.json",
            "--reporter-html-export", f"{out}/report.html",
            "--export-environment", f"{out}/environment.json",
            "--export-globals", f"{out}/globals.json",
            "--export-collection", f"{out}/collection.json", "--verbose"]


def received(echo: EchoServer) -> str:
    """Everything the echo server was sent (targets, headers, bodies) as one text."""
    parts: list[str] = []
    for exchange in echo.exchanges:
        parts.append(exchange.target)
        parts.extend(f"{key}: {value}" for key, value in exchange.headers)
        parts.append(exchange.body.decode("utf-8", "replace"))
    return "\n".join(parts)


def test_no_secret_leaks_into_any_report_export_or_terminal_output(
        work: Path, echo: EchoServer) -> None:
    done = subprocess.run([sys.executable, "-m", "harness.cli", *run_args(echo.url)],
                          capture_output=True, text=True, timeout=120)
    terminal = done.stdout + done.stderr
    assert done.returncode == 1, terminal  # a failing assertion and a script error
    assert "7 passed" not in terminal and "2 failed" in terminal, terminal

    # The secrets did reach the server, in the places the collection puts them.
    sent = received(echo)
    for secret in (ENV_SECRET, DOTENV, CLI_SECRET, BEARER, API_KEY, OAUTH2):
        assert secret in sent
    assert base64.b64encode(f"alice:{PASSWORD}".encode()).decode() in sent
    assert f"Bearer {ENV_SECRET}" in sent  # the script-made copy, sent as x-copy
    assert f"env={ENV_SECRET}" in sent and f"cli={CLI_SECRET}" in sent  # urlencoded body

    out = work / "out"
    texts = everything_written(out)
    for name in ("junit.xml", "report.json", "report.html", "environment.json",
                 "globals.json", "collection.json"):
        assert name in texts, sorted(texts)
    attachments = [n for n in texts if n.startswith("allure/") and "-attachment" in n]
    assert len([n for n in texts if n.endswith("-result.json")]) == 7
    assert len(attachments) >= 7  # bodies and console; headers are step parameters
    texts["terminal"] = terminal
    assert leaks(texts) == [], "\n".join(leaks(texts))
    # ... and the places the secrets were shown hold the mask instead.
    assert "********" in texts["report.html"] and "********" in texts["junit.xml"]
    assert "********" in terminal


def test_logged_and_failing_values_are_masked_where_they_are_shown(
        work: Path, echo: EchoServer, capfd: pytest.CaptureFixture[str]) -> None:
    code = main([*run_args(echo.url), "--", "-p", "no:cacheprovider"])
    terminal = "".join(capfd.readouterr())
    assert code == 1
    report = json.loads((work / "out" / "report.json").read_text())
    failures = [(f["source"]["name"], f["error"]["message"]) for f in report["run"]["failures"]]
    assert failures == [("Failing assertion", "expected '********' to deeply equal 'x'"),
                        ("Failing assertion", "expected '********' to include 'nope'"),
                        ("Script error", "boom ******** ********")]
    names = [a["assertion"] for e in report["run"]["executions"] for a in e.get("assertions", [])]
    assert "named ********" in names
    html = (work / "out" / "report.html").read_text()
    assert "prefix-********-suffix" in html
    assert "expected &#39;********&#39; to deeply equal &#39;x&#39;" in html
    assert "expected '********' to deeply equal 'x'" in terminal
    assert leaks({"terminal": terminal, **everything_written(work / "out")}) == []


def test_export_secrets_writes_the_real_values(work: Path, echo: EchoServer,
                                               capfd: pytest.CaptureFixture[str]) -> None:
    code = main([*run_args(echo.url), "--export-secrets", "--", "-p", "no:cacheprovider"])
    capfd.readouterr()
    assert code == 1
    exported = json.loads((work / "out" / "environment.json").read_text())
    values = {v["key"]: v["value"] for v in exported["values"]}
    assert values["ENV_SECRET"] == ENV_SECRET
    assert values["DOTENV_TOKEN"] == DOTENV
    assert values["TOKEN2"] == CLI_SECRET
    assert values["COPY"] == f"Bearer {ENV_SECRET}"
    types = {v["key"]: v["type"] for v in exported["values"]}
    assert types["ENV_SECRET"] == "secret"
    globals_ = json.loads((work / "out" / "globals.json").read_text())
    assert {v["key"]: v["value"] for v in globals_["values"]}["GLOBAL_COPY"] == f"g:{DOTENV}"
