"""Sidecar files (extract / expect / retry) and Python checks (harness.chain)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from harness.chain import ItemRules, Sidecar
from harness.errors import InputError, SidecarError
from harness.model import Collection, Folder, Request, RequestItem, Url
from harness.pychecks import PythonChecks
from harness.result import AssertionResult, Execution, ReceivedResponse, SentRequest
from harness.variables import Scope, Scopes

CREATE = "4-Dataset/Batch Ingestion - Create Batch"
POLL = "4-Dataset/Batch Ingestion - Poll Batch"


def _item(name: str, path: tuple[str, ...]) -> RequestItem:
    return RequestItem(name, name, Request("GET", Url("http://x")), path=path)


TOKEN = _item("IMS Token", ("1-Auth",))
CREATE_ITEM = _item("Batch Ingestion - Create Batch", ("4-Dataset",))
POLL_ITEM = _item("Batch Ingestion - Poll Batch", ("4-Dataset",))
LOOSE = _item("Ping", ())
COLLECTION = Collection(
    "AEP",
    "c1",
    items=(
        Folder("1-Auth", "f1", items=(TOKEN,)),
        Folder("4-Dataset", "f4", items=(CREATE_ITEM, POLL_ITEM)),
        LOOSE,
    ),
)
BATCH = {"id": "01H8ZX3K6N2QW", "status": "loading", "relatedObjects": [{"type": "dataSet"}]}


def execution(
    item: RequestItem = CREATE_ITEM, body: Any = BATCH, status: int = 201,
    headers: list[tuple[str, str]] | None = None, attempt: int = 1,
) -> Execution:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    hdrs = headers or [("Content-Type", "application/json"), ("Location", "/batches/01H8")]
    sent = SentRequest("POST", "http://127.0.0.1:1/data/foundation/import/batches", [])
    received = ReceivedResponse(status, "Created", hdrs, raw, 40.0)
    return Execution(item, attempt=attempt, request=sent, response=received)


def sidecar(tmp_path: Path, text: str, name: str = "aep.harness.toml") -> Sidecar:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Sidecar.load(path, COLLECTION)


def rules(tmp_path: Path, text: str) -> ItemRules:
    found = sidecar(tmp_path, text).rules_for(CREATE_ITEM)
    assert found is not None
    return found


def failures(ex: Execution) -> list[tuple[str, str | None]]:
    return [(a.name, a.error) for a in ex.failed_assertions]


def test_every_extraction_source_lands_in_its_scope(tmp_path: Path) -> None:
    found = rules(tmp_path, f"""
        ["{CREATE}".extract]
        BATCH_ID = "$.id"
        LOCATION = "header:Location"
        CODE = "status"
        TYPE = {{ path = "$.relatedObjects[0].type", scope = "collection" }}
        SHORT = {{ header = "Location", regex = '/batches/(\\w+)', scope = "globals" }}
        WORD = {{ regex = '"status": "(\\w+)"', scope = "local" }}
        WHOLE = {{ regex = 'load\\w+' }}
        BODY = "body"
        OBJ = "$.relatedObjects"
    """)
    scopes = Scopes()
    ex = execution()
    found.apply(ex, scopes)
    assert ex.assertions == []  # successful extractions are not assertions
    env = scopes.environment
    assert env.get("BATCH_ID") == "01H8ZX3K6N2QW"
    assert env.get("LOCATION") == "/batches/01H8"
    assert env.get("CODE") == 201
    assert env.get("WHOLE") == "loading"
    assert env.get("BODY") == json.dumps(BATCH)
    assert env.get("OBJ") == [{"type": "dataSet"}]
    assert scopes.collection.get("TYPE") == "dataSet"
    assert scopes.globals.get("SHORT") == "01H8"
    assert scopes.local.get("WORD") == "loading"
    assert scopes.lookup("BATCH_ID") == "01H8ZX3K6N2QW"


def test_key_extraction_picks_the_id_of_a_named_dataset(tmp_path: Path) -> None:
    found = rules(tmp_path, f"""
        ["{CREATE}".extract]
        DATASET_ID = {{ path = "$[?name = 'Luma CRM Dataset']", key = true }}
    """)
    catalog = {"5f1": {"name": "Other"}, "5f2": {"name": "Luma CRM Dataset"}}
    scopes = Scopes()
    found.apply(execution(body=catalog), scopes)
    assert scopes.environment.get("DATASET_ID") == "5f2"


def test_extraction_overwrites_existing_value_in_the_scope(tmp_path: Path) -> None:
    found = rules(tmp_path, f'["{CREATE}".extract]\nBATCH_ID = "$.id"\n')
    scopes = Scopes(environment=Scope.from_dict("environment", {"BATCH_ID": "old"}))
    found.apply(execution(), scopes)
    assert scopes.environment.get("BATCH_ID") == "01H8ZX3K6N2QW"


def test_failed_extraction_is_a_failed_assertion_with_path_and_excerpt(tmp_path: Path) -> None:
    found = rules(tmp_path, f"""
        ["{CREATE}".extract]
        BATCH_ID = "$.batchId"
        TOKEN = {{ regex = 'token=(\\w+)' }}
        ETAG = "header:ETag"
    """)
    scopes = Scopes()
    ex = execution()
    found.apply(ex, scopes)
    assert failures(ex) == [
        ("extract BATCH_ID = $.batchId",
         '$.batchId matched nothing in the body: {"id": "01H8ZX3K6N2QW", "status": "loading", '
         '"relatedObjects": [{"type": "dataSet"}]}'),
        ("extract TOKEN = /token=(\\w+)/ in body",
         "/token=(\\w+)/ matched nothing in body: " + json.dumps(BATCH)),
        ("extract ETAG = header ETag", "no ETag header (headers: Content-Type, Location)"),
    ]
    assert all(a.source == "sidecar" for a in ex.assertions)
    assert len(scopes.environment) == 0


def test_expect_checks_are_named_after_what_they_check(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "batch.json").write_text('{"type": "object", "required": ["id"]}')
    found = rules(tmp_path, f"""
        ["{CREATE}".expect]
        status = 201
        "$.status" = "loading"
        "$.relatedObjects[0].type" = {{ in = ["dataSet"] }}
        "header:Location" = {{ exists = true }}
        response_time_ms = {{ below = 2000 }}
        schema = "schemas/batch.json"
    """)
    ex = execution()
    found.apply(ex, Scopes())
    assert [(a.name, a.passed, a.source) for a in ex.assertions] == [
        ("status == 201", True, "sidecar"),
        ('$.status == "loading"', True, "sidecar"),
        ('$.relatedObjects[0].type in ["dataSet"]', True, "sidecar"),
        ("header Location exists", True, "sidecar"),
        ("response time < 2000 ms", True, "sidecar"),
        ("matches schema schemas/batch.json", True, "sidecar"),
    ]


def test_failing_checks_carry_messages(tmp_path: Path) -> None:
    found = rules(tmp_path, f"""
        ["{CREATE}".expect]
        status = "2xx"
        "$.status" = "success"
    """)
    ex = execution(status=500)
    found.apply(ex, Scopes())
    assert failures(ex) == [
        ("status is 2xx", "expected 2xx, got 500"),
        ('$.status == "success"', 'expected "success", got "loading"'),
    ]
    assert ex.failed_assertions[0].error_name == "AssertionError"
    assert not ex.ok


def test_script_results_come_first_then_sidecar(tmp_path: Path) -> None:
    found = rules(tmp_path, f'["{CREATE}".expect]\nstatus = 201\n')
    ex = execution()
    ex.assertions.append(AssertionResult("Status code is 201", True))
    found.apply(ex, Scopes())
    assert [(a.name, a.source) for a in ex.assertions] == [
        ("Status code is 201", "script"),
        ("status == 201", "sidecar"),
    ]


def test_no_response_runs_nothing(tmp_path: Path) -> None:
    found = rules(tmp_path, f'["{CREATE}".extract]\nB = "$.id"\n["{CREATE}".expect]\nstatus = 1\n')
    ex = Execution(CREATE_ITEM, error=RuntimeError("refused"))
    scopes = Scopes()
    found.apply(ex, scopes)
    assert ex.assertions == [] and len(scopes.environment) == 0


def test_rules_for_unlisted_request_is_none(tmp_path: Path) -> None:
    car = sidecar(tmp_path, f'["{CREATE}".expect]\nstatus = 201\n')
    assert car.rules_for(POLL_ITEM) is None
    assert car.rules_for(CREATE_ITEM) is not None


def test_retry_until(tmp_path: Path) -> None:
    car = sidecar(tmp_path, f"""
        ["{POLL}".retry]
        until = {{ "$.*.status" = "success" }}
        interval_ms = 200
        max = 3
    """)
    found = car.rules_for(POLL_ITEM)
    assert found is not None
    assert (found.interval_ms, found.max_attempts) == (200, 3)
    loading = {"01H8": {"status": "loading"}}
    assert found.retry_until(execution(POLL_ITEM, loading, 200, attempt=1)) is True
    assert found.retry_until(execution(POLL_ITEM, {"01H8": {"status": "success"}})) is False
    last = execution(POLL_ITEM, loading, 200, attempt=3)
    assert found.retry_until(last) is False  # attempts exhausted
    found.apply(last, Scopes())
    assert failures(last) == [
        ('until $.*.status == "success"', 'expected "success", got "loading" after 3 attempt(s)')
    ]


def test_rules_without_retry_never_retry(tmp_path: Path) -> None:
    found = rules(tmp_path, f'["{CREATE}".expect]\nstatus = 201\n')
    assert (found.retry_until(execution()), found.interval_ms, found.max_attempts) == (False, 0, 1)


def test_unknown_address_names_the_closest(tmp_path: Path) -> None:
    with pytest.raises(SidecarError) as info:
        sidecar(tmp_path, '["4-Dataset/Batch Ingestion - Create Btch".expect]\nstatus = 201\n')
    err = info.value
    assert isinstance(err, InputError)
    assert err.path == str(tmp_path / "aep.harness.toml")
    assert err.pointer == "/4-Dataset~1Batch Ingestion - Create Btch"
    assert "no request '4-Dataset/Batch Ingestion - Create Btch'" in err.message
    assert f'closest: "{CREATE}"' in err.message


def test_unknown_address_suggests_same_name_in_another_folder(tmp_path: Path) -> None:
    with pytest.raises(SidecarError, match='closest: "1-Auth/IMS Token"'):
        sidecar(tmp_path, '["9-Other/IMS Token".expect]\nstatus = 200\n')


def test_toml_syntax_error(tmp_path: Path) -> None:
    with pytest.raises(SidecarError, match=r"bad TOML: .*line 2"):
        sidecar(tmp_path, f'["{CREATE}".expect]\nstatus = = 1\n')


@pytest.mark.parametrize(
    ("text", "pointer", "message"),
    [
        (f'["{CREATE}".check]\nx = 1', "/4-Dataset~1Batch Ingestion - Create Batch/check",
         "unknown key 'check'"),
        (f'["{CREATE}".extract]\nB = {{ path = "$.id", scope = "data" }}',
         "/4-Dataset~1Batch Ingestion - Create Batch/extract/B/scope", "scope is one of"),
        (f'["{CREATE}".extract]\nB = {{ pth = "$.id" }}',
         "/4-Dataset~1Batch Ingestion - Create Batch/extract/B/pth", "unknown key 'pth'"),
        (f'["{CREATE}".extract]\nB = {{ path = "$.id", header = "X" }}',
         "/4-Dataset~1Batch Ingestion - Create Batch/extract/B", "give one of"),
        (f'["{CREATE}".extract]\nB = "id"',
         "/4-Dataset~1Batch Ingestion - Create Batch/extract/B", "unknown subject 'id'"),
        (f'["{CREATE}".extract]\nB = {{ path = "id" }}',
         "/4-Dataset~1Batch Ingestion - Create Batch/extract/B", "must be a JSONPath"),
        (f'["{CREATE}".extract]\nB = {{ regex = "(" }}',
         "/4-Dataset~1Batch Ingestion - Create Batch/extract/B", "missing"),
        (f'["{CREATE}".expect]\n"$.status" = {{ eqq = 1 }}',
         "/4-Dataset~1Batch Ingestion - Create Batch/expect/$.status/eqq", "unknown operator"),
        (f'["{CREATE}".expect]\nschema = "nope.json"',
         "/4-Dataset~1Batch Ingestion - Create Batch/expect/schema", "cannot read schema"),
        (f'["{CREATE}".retry]\nmax = 3', "/4-Dataset~1Batch Ingestion - Create Batch/retry/until",
         "needs an until"),
        (f'["{CREATE}".retry]\nuntil = {{ status = 200 }}\nmax = 0',
         "/4-Dataset~1Batch Ingestion - Create Batch/retry/max", "max takes"),
        (f'["{CREATE}".retry]\nuntil = {{ status = 200 }}\ninterval_ms = -1',
         "/4-Dataset~1Batch Ingestion - Create Batch/retry/interval_ms", "interval_ms takes"),
        ("version = 1", "/version", "expected a table"),
    ],
)
def test_bad_entries_are_located(tmp_path: Path, text: str, pointer: str, message: str) -> None:
    with pytest.raises(SidecarError, match=message) as info:
        path = tmp_path / "x.harness.toml"
        path.write_text(text)
        Sidecar.load(path, COLLECTION_WITH_VERSION if text.startswith("version") else COLLECTION)
    assert info.value.pointer == pointer
    assert info.value.path.endswith("x.harness.toml")


COLLECTION_WITH_VERSION = Collection("V", "v", items=(_item("version", ()),))


def test_pyproject_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(f'[project]\nname = "x"\n[tool.harness.chain."{CREATE}".expect]\nstatus = 1\n')
    car = Sidecar.load(path, COLLECTION)
    assert car.rules_for(CREATE_ITEM) is not None
    path.write_text('[project]\nname = "x"\n')
    with pytest.raises(SidecarError, match=r"no \[tool.harness.chain\] table"):
        Sidecar.load(path, COLLECTION)
    path.write_text('[tool.harness.chain."nope".expect]\nstatus = 1\n')
    with pytest.raises(SidecarError) as info:
        Sidecar.load(path, COLLECTION)
    assert info.value.pointer == "/tool/harness/chain/nope"


@pytest.mark.parametrize("name", ["aep.postman_collection.json", "aep.json"])
def test_find_for_beside_the_collection(tmp_path: Path, name: str) -> None:
    collection_path = tmp_path / name
    assert Sidecar.find_for(collection_path, COLLECTION) is None
    (tmp_path / "aep.harness.toml").write_text(f'["{CREATE}".expect]\nstatus = 201\n')
    found = Sidecar.find_for(collection_path, COLLECTION)
    assert found is not None and found.rules_for(CREATE_ITEM) is not None


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SidecarError, match="cannot read sidecar"):
        Sidecar.load(tmp_path / "none.harness.toml", COLLECTION)


# --- Python checks -------------------------------------------------------------------------


def test_python_checks_pass_fail_and_error() -> None:
    checks = PythonChecks()
    seen: dict[str, Any] = {}

    @checks.on(CREATE)
    def batch_is_loading(response: httpx.Response, variables: dict[str, Any]) -> None:
        """Batch is loading

        More text that is not the name."""
        seen.update(variables)
        seen["url"] = str(response.request.url)
        assert response.json()["status"] == "loading"

    @checks.on(CREATE)
    def batch_is_done(response: httpx.Response, variables: dict[str, Any]) -> None:
        if response.json()["status"] != "success":
            raise AssertionError("batch not done")

    @checks.on(CREATE)
    def broken(response: httpx.Response, variables: dict[str, Any]) -> None:
        response.json()["missing"]

    scopes = Scopes(
        environment=Scope.from_dict("environment", {"A": "env", "B": "env"}),
        local=Scope.from_dict("local", {"B": "local"}),
    )
    ex = execution()
    checks.apply(ex, scopes)
    assert [(a.name, a.passed, a.error, a.error_name, a.source) for a in ex.assertions] == [
        ("Batch is loading", True, None, None, "python"),
        ("batch_is_done", False, "batch not done", "AssertionError", "python"),
        ("broken", False, "KeyError: 'missing'", "KeyError", "python"),
    ]
    assert seen["A"] == "env" and seen["B"] == "local"
    assert seen["url"] == "http://127.0.0.1:1/data/foundation/import/batches"


def test_python_check_sees_headers_status_and_undecoded_body() -> None:
    checks = PythonChecks()
    got: dict[str, Any] = {}

    @checks.on(CREATE)
    def look(response: httpx.Response, variables: dict[str, Any]) -> None:
        got.update(status=response.status_code, enc=response.headers["content-encoding"],
                   body=response.json(), ms=response.elapsed.total_seconds() * 1000)

    headers = [("Content-Encoding", "gzip"), ("Content-Type", "application/json")]
    checks.apply(execution(headers=headers), Scopes())
    assert got == {"status": 201, "enc": "gzip", "body": BATCH, "ms": 40.0}


def test_python_checks_skip_other_items_and_missing_responses() -> None:
    checks = PythonChecks()
    calls: list[str] = []
    checks.on(CREATE)(lambda response, variables: calls.append("x"))
    other = execution(POLL_ITEM)
    checks.apply(other, Scopes())
    no_response = Execution(CREATE_ITEM)
    checks.apply(no_response, Scopes())
    assert calls == [] and other.assertions == [] and no_response.assertions == []


def test_python_checks_validate_addresses() -> None:
    checks = PythonChecks()
    checks.on(CREATE)(lambda response, variables: None)
    checks.validate(COLLECTION)  # known: no error
    checks.on("4-Dataset/Create Batch")(lambda response, variables: None)
    with pytest.raises(SidecarError, match=f'closest: "{CREATE}"'):
        checks.validate(COLLECTION)


def test_loose_request_at_root_is_addressed_by_name(tmp_path: Path) -> None:
    car = sidecar(tmp_path, '["Ping".expect]\nstatus = 200\n')
    assert car.rules_for(LOOSE) is not None


# --- {{variables}} and pending retries ------------------------------------------------------


def test_expected_values_and_paths_may_hold_variables(tmp_path: Path) -> None:
    found = rules(tmp_path, f"""
        ["{CREATE}".extract]
        STATUS = "$['{{{{KEY}}}}']"
        ["{CREATE}".expect]
        "$.id" = "{{{{BATCH_ID}}}}"
        "$.status" = {{ in = ["{{{{WANTED}}}}", "success"] }}
        "$['{{{{KEY}}}}']" = "loading"
    """)
    env = {"BATCH_ID": "01H8ZX3K6N2QW", "WANTED": "loading", "KEY": "status"}
    scopes = Scopes(environment=Scope.from_dict("environment", env))
    ex = execution()
    found.apply(ex, scopes)
    assert [(a.name, a.passed) for a in ex.assertions] == [
        ('$.id == "{{BATCH_ID}}"', True),
        ('$.status in ["{{WANTED}}", "success"]', True),
        ("$['{{KEY}}'] == \"loading\"", True),
    ]
    assert scopes.environment.get("STATUS") == "loading"
    scopes.environment.set("BATCH_ID", "other")
    again = execution()
    found.apply(again, scopes)
    assert failures(again) == [('$.id == "{{BATCH_ID}}"', 'expected "other", got "01H8ZX3K6N2QW"')]


def test_templated_checks_compare_as_text(tmp_path: Path) -> None:
    found = rules(tmp_path, f'["{CREATE}".expect]\nstatus = "{{{{CODE}}}}"\n')
    ex = execution()
    found.apply(ex, Scopes(environment=Scope.from_dict("environment", {"CODE": "201"})))
    assert [(a.name, a.passed) for a in ex.assertions] == [('status == "{{CODE}}"', True)]


def test_pending_retry_extracts_but_records_no_checks(tmp_path: Path) -> None:
    car = sidecar(tmp_path, f"""
        ["{POLL}".extract]
        SEEN = "$.*.status"
        ["{POLL}".expect]
        status = 200
        ["{POLL}".retry]
        until = {{ "$['{{{{BATCH_ID}}}}'].status" = {{ in = ["success", "failed"] }} }}
        max = 5
    """)
    found = car.rules_for(POLL_ITEM)
    assert found is not None
    scopes = Scopes(environment=Scope.from_dict("environment", {"BATCH_ID": "01H8"}))
    pending = execution(POLL_ITEM, {"01H8": {"status": "loading"}}, 200, attempt=2)
    found.apply(pending, scopes)
    assert pending.assertions == []
    assert scopes.environment.get("SEEN") == "loading"
    assert found.retry_until(pending) is True  # decided by apply, with the variables
    done = execution(POLL_ITEM, {"01H8": {"status": "success"}}, 200, attempt=3)
    found.apply(done, scopes)
    assert found.retry_until(done) is False
    assert [(a.name, a.passed) for a in done.assertions] == [
        ("status == 200", True),
        ("until $['{{BATCH_ID}}'].status in [\"success\", \"failed\"]", True),
    ]


# --- the declarative variant of the project's collection -----------------------------------

REPO = Path(__file__).resolve().parents[2]
SCRIPTED = REPO / "collection" / "aep-batch-ingestion.postman_collection.json"
DECLARATIVE = REPO / "collection" / "aep-batch-ingestion-declarative.postman_collection.json"


def _requests_without_descriptions(path: Path) -> dict[str, Any]:
    from harness.parse import load_collection

    collection = load_collection(path)
    return {
        item.address: (item.request.method, item.request.url, item.request.headers,
                       item.request.body, item.request.auth)
        for item in collection.requests()
    }


def test_declarative_collection_has_the_same_requests_and_no_scripts() -> None:
    from harness.parse import load_collection

    declarative = load_collection(DECLARATIVE)
    assert declarative.scripts == ()
    assert all(f.scripts == () for f in declarative.folders())
    assert all(item.scripts == () for item in declarative.requests())
    assert _requests_without_descriptions(DECLARATIVE) == _requests_without_descriptions(SCRIPTED)
    assert declarative.auth == load_collection(SCRIPTED).auth


def test_declarative_sidecar_covers_every_request() -> None:
    from harness.parse import load_collection

    declarative = load_collection(DECLARATIVE)
    car = Sidecar.find_for(DECLARATIVE, declarative)
    assert car is not None
    assert all(car.rules_for(item) is not None for item in declarative.requests())
    poll = next(i for i in declarative.requests() if i.address == "4-Dataset/Batch Status")
    found = car.rules_for(poll)
    assert found is not None and (found.interval_ms, found.max_attempts) == (200, 50)


def _run_against_emulator(path: Path, url: str) -> tuple[dict[str, Any], int, int]:
    from harness.model import Variable
    from harness.parse import load_collection
    from harness.run import Run, RunOptions

    env = json.loads((REPO / "environments" / "local.postman_environment.json").read_text())
    hosts = ("IMS_HOST", "PLATFORM_HOST")
    values = [Variable(v["key"], url if v["key"] in hosts else v["value"], v.get("type", "any"))
              for v in env["values"] if v.get("enabled", True)]
    collection = load_collection(path)
    scopes = Scopes(environment=Scope("environment", values))
    run = Run(collection, scopes, RunOptions(sidecar=Sidecar.find_for(path, collection)))
    executions = list(run)
    assert run.summary.failed_assertions == 0, run.summary.failures
    return scopes.environment.to_dict(), run.summary.assertions, len(executions)


def test_both_variants_give_the_same_final_variables() -> None:
    from harness.sandbox import SandboxServer

    finals = []
    for path in (SCRIPTED, DECLARATIVE):
        with SandboxServer(batch_delay=0.05) as server:
            variables, assertions, executions = _run_against_emulator(path, server.url)
            assert assertions > 10 and executions >= 9
            finals.append(variables)
    scripted, declarative = finals
    assert sorted(scripted) == sorted(declarative)
    assert {k: type(v) for k, v in scripted.items()} == {k: type(v) for k, v in declarative.items()}
    per_run = {"ACCESS_TOKEN", "BATCH_ID", "IMS_HOST", "PLATFORM_HOST"}
    assert {k: v for k, v in scripted.items() if k not in per_run} == {
        k: v for k, v in declarative.items() if k not in per_run
    }
    assert declarative["DATASET_ID"] == "5f3c7a9e1b2d4c0011a1c001"
    assert declarative["TOKEN_EXPIRES_IN"] == scripted["TOKEN_EXPIRES_IN"]
    assert declarative["BATCH_ID"]
