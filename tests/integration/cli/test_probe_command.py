"""`nitrobox probe` on loopback: the sandbox self-check, and a server that contradicts the spec."""

from __future__ import annotations

import base64
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from nitrobox_auth._bundled_spec import load_bundled_spec, resolve
from nitrobox_auth.cli import main
from nitrobox_auth.cli._operations import Operation, operations
from nitrobox_auth.cli._probe_plan import item_fields
from nitrobox_sandbox._server import BackgroundServer

if TYPE_CHECKING:
    from nitrobox_sandbox import Sandbox

    from .conftest import PointAt

pytestmark = pytest.mark.integration

TENANT = "probe-tenant"
CLIENT_ID = "probe-client"
CLIENT_SECRET = "probe-secret-do-not-leak-93c1"
ACCESS_TOKEN = "probe-token-do-not-leak-51ab"
MARKER = "tenant-value-do-not-leak-2d77"


# -- the sandbox ----------------------------------------------------------------------------


def test_against_the_embedded_sandbox_every_read_is_confirmed(
    no_nitrobox_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without credentials: every GET it can run is confirmed, idents are followed, exit 0."""
    report = tmp_path / "report.json"
    assert main(["probe", "--rate", "100", "--report", str(report)]) == 0
    out, _ = capsys.readouterr()
    results = json.loads(report.read_text(encoding="utf-8"))["operations"]
    ran = [r for r in results if r["outcome"] != "skipped"]
    assert {r["outcome"] for r in ran} == {"confirmed"}
    assert all(r["method"] == "GET" for r in ran)
    names = {r["operationId"] for r in ran}
    # Path parameters filled from earlier answers in the same run, chained two deep.
    assert {
        "retrieveCustomer",
        "retrieveAddress",
        "retrieveFile",
        "retrieveDebtorAddress",
        "retrieveBillingGroup",
        "getAddressValidationConfig",
    } <= names
    skipped_writes = [r for r in results if r["method"] != "GET"]
    assert skipped_writes
    assert {r["outcome"] for r in skipped_writes} == {"skipped"}
    assert (
        out.strip().splitlines()[-1].startswith(f"{len(results)} operations: {len(ran)} confirmed")
    )
    # The idents it followed are the tenant's data: neither the table nor the report shows one.
    text = report.read_text(encoding="utf-8")
    for ident in ("probe-customer", "probe-invoice-address", "probe-billing-group"):
        assert ident not in out
        assert ident not in text


def test_against_a_served_sandbox_one_token_and_only_reads(
    nitrobox_sandbox: Sandbox, point_env_at: PointAt, capsys: pytest.CaptureFixture[str]
) -> None:
    """With NITROBOX_* pointing at a sandbox: one token request, no write, exit 0."""
    point_env_at(nitrobox_sandbox)
    nitrobox_sandbox.reset()
    assert main(["probe", "--rate", "100"]) == 0
    stats = nitrobox_sandbox.stats()
    assert stats["token_requests"] == 1
    spec_ops = operations(load_bundled_spec())
    sent = stats["operations"]
    assert sent
    assert all(spec_ops[name].method == "GET" for name in sent)


# -- a server that contradicts the spec ------------------------------------------------------


@dataclass
class Contrary:
    """Answers chosen operations in chosen ways; records every request it gets."""

    answers: dict[str, Callable[[], tuple[int, str, bytes, dict[str, str]]]] = field(
        default_factory=dict
    )
    requests: list[tuple[str, str]] = field(default_factory=list)
    token_requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        assert scope["type"] == "http"
        method, path = scope["method"], scope["path"]
        with self.lock:
            self.requests.append((method, path))
        if method == "POST" and path == f"/{TENANT}/oauth2/token":
            with self.lock:
                self.token_requests += 1
            body = json.dumps(
                {"access_token": ACCESS_TOKEN, "token_type": "bearer", "expires_in": 300}
            ).encode()
            status, ctype, headers = 200, "application/json", {}
        else:
            answer = self.answers.get(path)
            if answer is None:
                status, ctype, body, headers = 404, "application/json", b'{"status": 404}', {}
            else:
                status, ctype, body, headers = answer()
        raw_headers = [
            (b"content-type", ctype.encode()),
            (b"content-length", str(len(body)).encode()),
        ]
        raw_headers += [(k.encode(), v.encode()) for k, v in headers.items()]
        await send({"type": "http.response.start", "status": status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": body})


def _json(value: Any, status: int = 200) -> Callable[[], tuple[int, str, bytes, dict[str, str]]]:
    return lambda: (status, "application/json", json.dumps(value).encode(), {})


def _root_type(spec: dict[str, Any], op: Operation) -> str | None:
    raw = resolve(spec, spec["paths"][op.path])["get"]["responses"].get("200", {})
    media = (resolve(spec, raw).get("content") or {}).get("application/json") or {}
    schema = resolve(spec, media.get("schema", {}))
    return schema.get("type") if isinstance(schema, dict) else None


def _string_field(spec: dict[str, Any], op: Operation) -> str | None:
    raw = resolve(spec, spec["paths"][op.path])["get"]["responses"]["200"]
    schema = resolve(spec, resolve(spec, raw)["content"]["application/json"]["schema"])
    items = resolve(spec, schema.get("items", {}))
    for name in sorted(item_fields(spec, op)):
        prop = resolve(spec, items.get("properties", {}).get(name, {}))
        if isinstance(prop, dict) and prop.get("type") == "string":
            return name
    return None


@dataclass
class Chosen:
    faithful: Operation
    wrong_root: Operation
    wrong_field: Operation
    field_name: str
    html: Operation
    missing: Operation
    failing: Operation


def _choose(spec: dict[str, Any]) -> Chosen:
    """Pick the operations from the bundled spec as it is now, not from a fixed list."""
    reads = [
        op
        for op in operations(spec).values()
        if op.method == "GET" and not any(p.location == "path" for p in op.parameters)
    ]
    arrays = [op for op in reads if _root_type(spec, op) == "array"]
    with_field = [(op, _string_field(spec, op)) for op in arrays]
    wrong_field, field_name = next((op, name) for op, name in with_field if name)
    rest = [op for op in arrays if op is not wrong_field]
    others = [op for op in reads if op not in (wrong_field, *rest[:2])]
    return Chosen(rest[0], rest[1], wrong_field, field_name, others[0], others[1], others[2])


@pytest.fixture
def contrary(
    monkeypatch: pytest.MonkeyPatch, no_nitrobox_env: None
) -> Iterator[tuple[Contrary, Chosen]]:
    spec = load_bundled_spec()
    chosen = _choose(spec)
    server = Contrary()
    attempts = {"n": 0}

    def faithful() -> tuple[int, str, bytes, dict[str, str]]:
        # The first attempt is rate-limited: the probe must wait and ask again.
        attempts["n"] += 1
        if attempts["n"] == 1:
            return 429, "application/json", b"{}", {"Retry-After": "1"}
        return 200, "application/json; charset=utf-8", b"[]", {}

    server.answers = {
        chosen.faithful.path: faithful,
        chosen.wrong_root.path: _json({"items": [MARKER]}),
        chosen.wrong_field.path: _json([{chosen.field_name: [MARKER]}]),
        chosen.html.path: lambda: (200, "text/html", f"<html>{MARKER}</html>".encode(), {}),
        chosen.failing.path: _json({"status": "INTERNAL_SERVER_ERROR"}, status=500),
    }
    background = BackgroundServer(server)
    port = background.start()
    try:
        monkeypatch.setenv("NITROBOX_BASE_URL", f"http://127.0.0.1:{port}")
        monkeypatch.setenv("NITROBOX_TENANT", TENANT)
        monkeypatch.setenv("NITROBOX_CLIENT_ID", CLIENT_ID)
        monkeypatch.setenv("NITROBOX_CLIENT_SECRET", CLIENT_SECRET)
        yield server, chosen
    finally:
        background.stop()


def _run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *ops: Operation
) -> tuple[int, dict[str, Any], str]:
    return _run_ids(tmp_path, capsys, *(op.operation_id for op in ops))


def _run_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *ids: str
) -> tuple[int, dict[str, Any], str]:
    report = tmp_path / "report.json"
    argv = ["probe", "--rate", "100", "--report", str(report)]
    for op_id in ids:
        argv += ["--operation", op_id]
    code = main(argv)
    out, err = capsys.readouterr()
    return code, json.loads(report.read_text(encoding="utf-8")), out + err


def test_each_verdict_is_right_against_a_contradicting_server(
    contrary: tuple[Contrary, Chosen], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Faithful, wrong root, wrong field in an item, HTML, missing path: five verdicts, exit 1."""
    server, chosen = contrary
    started = time.monotonic()
    code, report, _ = _run(
        tmp_path,
        capsys,
        chosen.faithful,
        chosen.wrong_root,
        chosen.wrong_field,
        chosen.html,
        chosen.missing,
        chosen.failing,
    )
    assert code == 1
    by_id = {r["operationId"]: r for r in report["operations"]}
    assert by_id[chosen.faithful.operation_id]["outcome"] == "confirmed"
    assert by_id[chosen.wrong_root.operation_id]["problems"] == ["$: expected array, found object"]
    assert by_id[chosen.wrong_root.operation_id]["outcome"] == "contradicted"
    wrong_field = by_id[chosen.wrong_field.operation_id]
    assert wrong_field["outcome"] == "contradicted"
    assert f"$[0].{chosen.field_name}: expected string, found array" in wrong_field["problems"]
    html = by_id[chosen.html.operation_id]
    assert html["outcome"] == "contradicted"
    assert html["problems"][0].startswith("content type text/html where the spec documents")
    missing = by_id[chosen.missing.operation_id]
    assert (missing["outcome"], missing["status"]) == ("unreachable", 404)
    failing = by_id[chosen.failing.operation_id]
    assert (failing["outcome"], failing["status"]) == ("error", 500)
    # A 500 after the usual retries (3 attempts); the 429 was waited out and asked again.
    assert server.requests.count(("GET", chosen.failing.path)) == 3
    assert server.requests.count(("GET", chosen.faithful.path)) == 2
    # ... after the second it asked for (a lower bound: the retry waits it out).
    assert time.monotonic() - started >= 1.0


def test_whole_run_sends_only_reads_and_one_token_request(
    contrary: tuple[Contrary, Chosen], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every operation of the spec: one token POST, everything else GET; writes listed skipped."""
    server, _ = contrary
    code, report, _ = _run(tmp_path, capsys)
    assert code == 1
    assert server.token_requests == 1
    assert [m for m, p in server.requests if p != f"/{TENANT}/oauth2/token"]
    assert {m for m, p in server.requests if p != f"/{TENANT}/oauth2/token"} == {"GET"}
    writes = [r for r in report["operations"] if r["method"] != "GET"]
    assert writes
    assert {r["outcome"] for r in writes} == {"skipped"}
    assert len(report["operations"]) == len(operations(load_bundled_spec()))


def test_report_shape_and_no_secret_or_tenant_value_anywhere(
    contrary: tuple[Contrary, Chosen], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report has the documented keys; no secret, token or tenant value in it or the output."""
    _, chosen = contrary
    code, report, printed = _run(
        tmp_path, capsys, chosen.faithful, chosen.wrong_root, chosen.wrong_field, chosen.html
    )
    assert code == 1
    assert set(report) == {"probe", "target", "spec", "operations", "schemas"}
    assert report["probe"]["writes"] is False
    # The checksum is the generated manifest's, so a report names the spec it was judged by.
    import nitrobox_client

    manifest = Path(nitrobox_client.__file__).with_name("manifest.json")
    spec_sha256 = json.loads(manifest.read_text(encoding="utf-8"))["spec_sha256"]
    assert report["spec"]["checksum"] == f"sha256:{spec_sha256}"
    assert report["target"]["tenant"] == TENANT
    assert report["target"]["sandbox"] is False
    for entry in report["operations"]:
        assert set(entry) == {
            "operationId",
            "method",
            "path",
            "outcome",
            "status",
            "problems",
            "phase",
        }
        assert all(isinstance(p, str) for p in entry["problems"])
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    text = (tmp_path / "report.json").read_text(encoding="utf-8")
    for leak in (CLIENT_SECRET, ACCESS_TOKEN, basic, MARKER):
        assert leak not in text
        assert leak not in printed


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--ident", "nonsense"], "--ident expects NAME=VALUE"),
        (["--ident", "noSuchParameter=1"], "no GET operation has a path parameter"),
        (["--operation", "retrieveCustomr"], "did you mean: retrieveCustomer"),
        (["--rate", "0"], "--rate must be more than 0"),
        (["--rate", "nan"], "--rate must be more than 0"),
        (["--rate", "fast"], "--rate expects a number"),
        (["--report", "/nonexistent-dir/report.json"], "does not exist"),
        (["--report", "/"], "is a directory"),
    ],
)
def test_bad_input_exits_2_before_any_request(
    contrary: tuple[Contrary, Chosen],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    server, _ = contrary
    assert main(["probe", *argv]) == 2
    _, err = capsys.readouterr()
    assert message in err
    assert server.requests == []


def test_a_run_with_nothing_wrong_exits_0(
    contrary: tuple[Contrary, Chosen], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the faithful operation: exit 0, one confirmed."""
    _, chosen = contrary
    code, report, printed = _run(tmp_path, capsys, chosen.faithful)
    assert code == 0
    assert [r["outcome"] for r in report["operations"]] == ["confirmed"]
    assert "1 operation: 1 confirmed, 0 contradicted" in printed


def test_refused_credentials_exit_2_and_name_the_settings(
    nitrobox_sandbox: Sandbox, point_env_at: PointAt, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong client secret is configuration: exit 2, no API request, the secret not shown."""
    point_env_at(nitrobox_sandbox, client_secret="wrong-secret-do-not-leak")
    nitrobox_sandbox.reset()
    assert main(["probe"]) == 2
    out, err = capsys.readouterr()
    assert "NITROBOX_CLIENT_SECRET" in err
    assert "wrong-secret-do-not-leak" not in out + err
    assert nitrobox_sandbox.stats()["api_requests"] == 0


def test_rate_spaces_the_requests(
    contrary: tuple[Contrary, Chosen], capsys: pytest.CaptureFixture[str]
) -> None:
    """--rate 2 with four reads: the run cannot end before three intervals of 0.5 s."""
    server, chosen = contrary
    ops = (chosen.wrong_root, chosen.wrong_field, chosen.html, chosen.missing)
    argv = ["probe", "--rate", "2"]
    for op in ops:
        argv += ["--operation", op.operation_id]
    started = time.monotonic()
    assert main(argv) == 1
    elapsed = time.monotonic() - started
    capsys.readouterr()
    assert [m for m, _ in server.requests].count("GET") == len(ops)
    # A lower bound only, measured where the pacing happens (server arrival times jitter
    # under load): each request starts at least 1/rate after the one before it.
    assert elapsed >= (len(ops) - 1) / 2


def test_without_the_probe_extra_the_install_command_is_named(
    no_nitrobox_env: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No openapi-schema-validator: exit 2 naming the extra, before any sandbox or request."""
    monkeypatch.setitem(sys.modules, "openapi_schema_validator", None)  # as if not installed
    assert main(["probe"]) == 2
    out, err = capsys.readouterr()
    assert "pip install 'nitrobox-client[probe]'" in err
    assert "openapi_schema_validator is missing" in err
    assert "embedded sandbox" not in err
    assert out == ""


def test_a_write_operation_asked_for_is_listed_skipped(
    contrary: tuple[Contrary, Chosen], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--operation createCustomer sends nothing but the token request, and exits 0."""
    server, _ = contrary
    code, report, _ = _run_ids(tmp_path, capsys, "createcustomer")
    assert code == 0
    assert report["operations"][0]["outcome"] == "skipped"
    assert report["operations"][0]["problems"] == ["write operation (POST): the probe only reads"]
    assert [m for m, _ in server.requests] == ["POST"]  # the token request only
    assert server.token_requests == 1
