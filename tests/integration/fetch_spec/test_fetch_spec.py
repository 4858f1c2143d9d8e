"""scripts/fetch_spec.py against a loopback HTTP server that serves fixture files: the
published URL pattern, validation, sources.json, and every refusal (HTML error page, other
JSON, truncated file, invalid OpenAPI, 404, oversized and slow answers)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))
import fetch_spec  # noqa: E402

pytestmark = pytest.mark.integration
FIXTURES = Path(__file__).parent / "fixtures"
REPORT = (FIXTURES / "report-api.json").read_bytes()
SLOW_SECONDS = 3.0

# path -> (status, content type, body); the published layout with one file per route.
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/openapi/report-api.json": (200, "application/json", REPORT),
    "/v2-preview/openapi/customer-api.json": (200, "text/plain", REPORT),
    "/html/openapi/report-api.json": (200, "text/html", (FIXTURES / "error.html").read_bytes()),
    "/other/openapi/report-api.json": (
        200,
        "application/json",
        (FIXTURES / "not-openapi.json").read_bytes(),
    ),
    "/cut/openapi/report-api.json": (200, "application/json", REPORT[: len(REPORT) // 2]),
    "/invalid/openapi/report-api.json": (
        200,
        "application/json",
        (FIXTURES / "invalid-openapi.json").read_bytes(),
    ),
    "/big/openapi/report-api.json": (200, "application/json", b" " * 5000 + REPORT),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/slow/"):
            time.sleep(SLOW_SECONDS)
        status, content_type, body = ROUTES.get(
            self.path.replace("/slow", "", 1), (404, "text/html", b"<h1>404</h1>")
        )
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may have given up (the slow and oversized cases).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    folder = tmp_path / "openapi"
    folder.mkdir()
    return folder


def test_fetches_known_files_at_their_versions_and_records_the_source(
    server: str, dest: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """report (no version segment) and customer (v2-preview) land as <domain>-api.json, with
    URL, time and sha256 in sources.json; JSON sent as text/plain is accepted."""
    before = datetime.now().astimezone()
    code = fetch_spec.main(["report", "customer", "--base-url", server, "--dest", str(dest)])
    assert code == 0, capsys.readouterr().err
    assert (dest / "report-api.json").read_bytes() == REPORT
    assert (dest / "customer-api.json").read_bytes() == REPORT
    sources = json.loads((dest / "sources.json").read_text(encoding="utf-8"))
    entry = sources["files"]["customer-api.json"]
    assert entry["url"] == f"{server}/v2-preview/openapi/customer-api.json"
    assert entry["sha256"] == hashlib.sha256(REPORT).hexdigest()
    assert entry["bytes"] == len(REPORT)
    assert entry["openapi"] == "3.0.1"
    assert entry["info_version"] == "2.0"
    fetched_at = datetime.fromisoformat(entry["fetched_at"])
    assert before.replace(microsecond=0) <= fetched_at <= datetime.now().astimezone()
    assert sources["files"]["report-api.json"]["url"] == f"{server}/openapi/report-api.json"
    out = capsys.readouterr().out
    assert f"sha256 {entry['sha256']}" in out
    assert "python scripts/regenerate.py" in out


def test_a_refetch_updates_its_entry_and_keeps_the_others(server: str, dest: Path) -> None:
    """sources.json is merged, not overwritten: one entry per file."""
    assert fetch_spec.main(["customer", "--base-url", server, "--dest", str(dest)]) == 0
    assert fetch_spec.main(["report", "--base-url", server, "--dest", str(dest)]) == 0
    files = json.loads((dest / "sources.json").read_text(encoding="utf-8"))["files"]
    assert sorted(files) == ["customer-api.json", "report-api.json"]


@pytest.mark.parametrize(
    ("version", "error", "message"),
    [
        ("html", "NotOpenAPIError", "sent an HTML page (text/html), not an OpenAPI JSON file"),
        ("other", "NotOpenAPIError", "JSON, but not an OpenAPI document (no 'openapi' key"),
        ("cut", "NotOpenAPIError", "not valid JSON (it ends early: truncated download?)"),
        ("invalid", "NotOpenAPIError", "not valid OpenAPI at"),
        ("missing", "FetchHTTPError", "HTTP 404; the file is not published there"),
    ],
)
def test_refuses_answers_that_are_not_an_openapi_file(
    server: str,
    dest: Path,
    capsys: pytest.CaptureFixture[str],
    version: str,
    error: str,
    message: str,
) -> None:
    """Each bad answer exits 2 with a typed message naming the URL, and writes nothing."""
    code = fetch_spec.main(
        ["report", "--version", version, "--base-url", server, "--dest", str(dest)]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert f"fetch_spec: {error}: {server}/{version}/openapi/report-api.json: " in err
    assert message in err
    assert list(dest.iterdir()) == []


def test_an_oversized_answer_is_refused(
    server: str, dest: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """More bytes than --max-bytes: refused before reading it all."""
    code = fetch_spec.main(
        [
            "report",
            "--version",
            "big",
            "--max-bytes",
            "4096",
            "--base-url",
            server,
            "--dest",
            str(dest),
        ]
    )
    assert code == 2
    assert "FetchTooLargeError" in capsys.readouterr().err
    assert list(dest.iterdir()) == []


def test_a_slow_answer_times_out(
    server: str, dest: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An answer slower than --timeout is refused well before the server would send it."""
    started = time.monotonic()
    code = fetch_spec.main(
        [
            "report",
            "--version",
            "slow",
            "--timeout",
            "0.3",
            "--base-url",
            server,
            "--dest",
            str(dest),
        ]
    )
    assert code == 2
    assert time.monotonic() - started < SLOW_SECONDS
    assert "no answer within 0.3 s" in capsys.readouterr().err


def test_one_refusal_does_not_stop_the_other_files(
    server: str, dest: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """customer fetches, an unknown domain 404s: exit 2, customer-api.json written."""
    code = fetch_spec.main(["customer", "billing", "--base-url", server, "--dest", str(dest)])
    err = capsys.readouterr().err
    assert code == 2
    assert (dest / "customer-api.json").exists()
    assert "1 of 2 file(s) refused" in err
    assert f"{server}/openapi/billing-api.json: HTTP 404" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["../etc"], "domain '../etc': use the lower-case name"),
        (["report", "--version", "a/b"], "version 'a/b'"),
        (["report", "--base-url", "ftp://example.test"], "needs http:// or https://"),
        (["report", "--base-url", "https://me:s3cret@example.test"], "no user:password@"),
        (["report", "--base-url", "https://example.test/?token=abc"], "no user:password@"),
    ],
)
def test_bad_names_are_refused_before_any_request(
    dest: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Domain, version and base URL are checked, so no odd path is ever requested."""
    assert fetch_spec.main([*argv, "--dest", str(dest)]) == 2
    err = capsys.readouterr().err
    assert "FetchUsageError" in err
    assert message in err
    assert "s3cret" not in err
    assert "token=abc" not in err


def test_the_default_list_is_the_known_published_files() -> None:
    """Without arguments every file of the facts list is fetched, at the URL it was seen."""
    base = fetch_spec.DEFAULT_BASE_URL
    urls = [fetch_spec.url_for(d, base_url=base, version=v) for d, v in fetch_spec.KNOWN.items()]
    assert urls == [
        "https://docs.instellix.io/openapi/report-api.json",
        "https://docs.instellix.io/v2-preview/openapi/customer-api.json",
        "https://docs.instellix.io/v2-preview/openapi/usage-api.json",
        "https://docs.instellix.io/v2-preview/openapi/data-access-api.json",
    ]


def test_runs_as_a_script(server: str, dest: Path) -> None:
    """The command line entry point, as docs/regenerate.md shows it."""
    script = ROOT / "scripts" / "fetch_spec.py"
    result = subprocess.run(
        [sys.executable, script, "report", "--base-url", server, "--dest", str(dest)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (dest / "report-api.json").exists()


def test_a_file_it_did_not_fetch_is_not_overwritten_without_force(
    server: str, dest: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A customer-api.json Nitrobox sent (not in sources.json) survives; --force replaces it;
    a refetch of a file it wrote itself needs no --force."""
    sent = b'{"openapi": "3.0.3", "info": {"title": "sent by Nitrobox", "version": "1"}}'
    (dest / "customer-api.json").write_bytes(sent)
    argv = ["customer", "--base-url", server, "--dest", str(dest)]
    assert fetch_spec.main(argv) == 2
    assert "exists and is not the file this script fetched last" in capsys.readouterr().err
    assert (dest / "customer-api.json").read_bytes() == sent
    assert fetch_spec.main([*argv, "--force"]) == 0
    assert (dest / "customer-api.json").read_bytes() == REPORT
    assert fetch_spec.main(argv) == 0
