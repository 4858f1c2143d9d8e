"""Download Nitrobox's published per-domain OpenAPI files into openapi/.

Usage::

    python scripts/fetch_spec.py                      # every known file
    python scripts/fetch_spec.py customer usage       # the domains named
    python scripts/fetch_spec.py customer --version v2          # another doc-site version
    python scripts/fetch_spec.py report --base-url http://127.0.0.1:8000   # a mirror

URLs follow ``<base url>[/<version>]/openapi/<domain>-api.json``. Each answer must be a
JSON OpenAPI document that openapi-spec-validator accepts; HTML pages (error pages, login
walls), other JSON, truncated files, HTTP errors, oversized and slow answers are refused with
a message that says which. Accepted files are written as ``openapi/<domain>-api.json`` (which
the bundler prefers over our ``<domain>-api.yaml``) and recorded with their URL, time and
sha256 in ``openapi/sources.json``. Then ``python scripts/regenerate.py`` reports what the
official files change against our description (docs/regenerate.md, "Upgrade workflow").

Exit status: 0 every file fetched, 2 at least one refused (the others are still written).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASE_URL = "https://docs.instellix.io"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SOURCES_FILE = "sources.json"
FACTS = "nitrobox-api-facts.md section 4.7 (Published OAS files)"

# The published files the research found (facts file section 4.7), each under the doc-site
# version where it was seen ("" = no version segment). Other domains probably exist; they can
# be named on the command line with --version.
KNOWN: dict[str, str] = {
    "report": "",
    "customer": "v2-preview",
    "usage": "v2-preview",
    "data-access": "v2-preview",
}
_DOMAIN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class FetchError(Exception):
    """A published file could not be fetched or is not an OpenAPI document."""


class FetchUsageError(FetchError):
    """The command line names something that cannot be fetched."""


class FetchHTTPError(FetchError):
    """The server answered with an error status, or could not be reached in time."""


class FetchTooLargeError(FetchError):
    """The answer is larger than --max-bytes."""


class NotOpenAPIError(FetchError):
    """The answer is not an OpenAPI JSON document (HTML, other JSON, truncated, invalid)."""


@dataclass(frozen=True)
class Fetched:
    domain: str
    url: str
    body: bytes
    document: dict[str, Any]

    @property
    def filename(self) -> str:
        return f"{self.domain}-api.json"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def url_for(domain: str, *, base_url: str, version: str) -> str:
    """``<base>[/<version>]/openapi/<domain>-api.json``; refuses names that are not plain."""
    if not _DOMAIN.match(domain):
        raise FetchUsageError(
            f"domain {domain!r}: use the lower-case name from the file name, "
            f"e.g. 'customer' for customer-api.json (known: {', '.join(sorted(KNOWN))})"
        )
    if version and not _VERSION.match(version):
        raise FetchUsageError(f"version {version!r}: use a doc-site version such as v2-preview")
    parsed = httpx.URL(base_url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchUsageError(f"--base-url {base_url!r}: needs http:// or https:// and a host")
    if parsed.userinfo or parsed.query or parsed.fragment:
        # The URL is printed and recorded in sources.json: no credentials or tokens in it.
        raise FetchUsageError(
            "--base-url: give scheme, host and path only (no user:password@, ?query or "
            "#fragment: the URL is printed and recorded in sources.json)"
        )
    prefix = base_url.rstrip("/") + (f"/{version}" if version else "")
    return f"{prefix}/openapi/{domain}-api.json"


def _looks_like_html(body: bytes) -> bool:
    # JSON never starts with "<"; the content type is not trusted (docs hosts send JSON files
    # as text/plain or octet-stream, and error pages as anything).
    return body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def check_document(body: bytes, *, url: str, content_type: str = "") -> dict[str, Any]:
    """The parsed document, or a :class:`NotOpenAPIError` that says what the answer was."""
    if _looks_like_html(body):
        sent = f" ({content_type})" if content_type else ""
        raise NotOpenAPIError(
            f"{url}: the server sent an HTML page{sent}, not an OpenAPI JSON file (an error "
            "page or a login wall?); check the URL in a browser, or pass --version / --base-url"
        )
    try:
        document = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise NotOpenAPIError(f"{url}: the answer is not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(body.rstrip()) - 1
        hint = " (it ends early: truncated download?)" if truncated else ""
        raise NotOpenAPIError(
            f"{url}: not valid JSON{hint}: {exc.msg} at byte {exc.pos} of {len(body)}"
        ) from exc
    if not (isinstance(document, dict) and "openapi" in document):
        keys = ", ".join(sorted(document)[:5]) if isinstance(document, dict) else type(document)
        raise NotOpenAPIError(
            f"{url}: JSON, but not an OpenAPI document (no 'openapi' key; it has: {keys})"
        )
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:
        validate(document)
    except OpenAPIValidationError as exc:
        where = "/".join(str(part) for part in exc.path) or "(top level)"
        raise NotOpenAPIError(f"{url}: not valid OpenAPI at {where!r}: {exc.message}") from exc
    return document


def download(
    url: str, *, timeout: float, max_bytes: int, client: httpx.Client
) -> tuple[bytes, str]:
    """Body and content type of a 200 answer, read in chunks, bounded in size and total time."""
    deadline = time.monotonic() + timeout
    try:
        with client.stream("GET", url, timeout=timeout) as response:
            if response.status_code != 200:
                raise FetchHTTPError(
                    f"{url}: HTTP {response.status_code}; the file is not published there "
                    "(check the domain, --version and --base-url)"
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchTooLargeError(
                    f"{url}: {declared} bytes announced, more than the {max_bytes} byte limit "
                    "(raise it with --max-bytes)"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchTooLargeError(
                        f"{url}: more than the {max_bytes} byte limit (raise it with --max-bytes)"
                    )
                if time.monotonic() > deadline:
                    raise FetchHTTPError(f"{url}: no complete answer within {timeout:g} s")
                chunks.append(chunk)
            body = b"".join(chunks)
            content_type = response.headers.get("content-type", "")
    except httpx.TimeoutException as exc:
        raise FetchHTTPError(
            f"{url}: no answer within {timeout:g} s (raise it with --timeout)"
        ) from exc
    except httpx.TransportError as exc:
        raise FetchHTTPError(f"{url}: cannot connect: {exc}") from exc
    return body, content_type


def fetch(
    domain: str,
    *,
    base_url: str,
    version: str,
    timeout: float,
    max_bytes: int,
    client: httpx.Client,
) -> Fetched:
    url = url_for(domain, base_url=base_url, version=version)
    body, content_type = download(url, timeout=timeout, max_bytes=max_bytes, client=client)
    document = check_document(body, url=url, content_type=content_type)
    return Fetched(domain=domain, url=url, body=body, document=document)


def _write_atomically(path: Path, data: bytes) -> None:
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as f:
        f.write(data)
    os.replace(f.name, path)


def _read_sources(sources_path: Path) -> dict[str, Any]:
    if not sources_path.exists():
        return {}
    try:
        sources = json.loads(sources_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise FetchUsageError(f"{sources_path}: not valid JSON ({exc}); fix or delete it") from exc
    if not (isinstance(sources, dict) and isinstance(sources.get("files", {}), dict)):
        raise FetchUsageError(f"{sources_path}: expected {{'files': {{...}}}}; fix or delete it")
    return sources


def record(dest: Path, fetched: Fetched, *, now: datetime, force: bool = False) -> None:
    """Write the file and its entry in sources.json (url, time, sha256, versions).

    A file of that name that this script did not write (a file Nitrobox sent, or one edited
    since) is never overwritten without ``force``.
    """
    sources_path = dest / SOURCES_FILE
    sources = _read_sources(sources_path)
    files = sources.setdefault("files", {})
    target = dest / fetched.filename
    if target.exists() and not force:
        recorded = (files.get(fetched.filename) or {}).get("sha256")
        if recorded != hashlib.sha256(target.read_bytes()).hexdigest():
            raise FetchUsageError(
                f"{target} exists and is not the file this script fetched last (not in "
                f"{SOURCES_FILE}, or changed since); move it away or pass --force"
            )
    _write_atomically(target, fetched.body)
    info = fetched.document.get("info") or {}
    files[fetched.filename] = {
        "url": fetched.url,
        "fetched_at": now.isoformat(timespec="seconds"),
        "sha256": fetched.sha256,
        "bytes": len(fetched.body),
        "openapi": str(fetched.document.get("openapi")),
        "info_version": str(info.get("version", "")),
    }
    sources["about"] = (
        "Nitrobox's published OpenAPI files fetched by scripts/fetch_spec.py; each "
        "<domain>-api.json supersedes our <domain>-api.yaml when bundling (docs/regenerate.md)"
    )
    sources["files"] = dict(sorted(files.items()))
    text = json.dumps(dict(sorted(sources.items())), indent=2, ensure_ascii=False) + "\n"
    _write_atomically(sources_path, text.encode("utf-8"))


def main(argv: list[str] | None = None, *, transport: httpx.BaseTransport | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "domains", nargs="*", help=f"domains to fetch (default: all known: {', '.join(KNOWN)})"
    )
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help="docs host (or a mirror)")
    parser.add_argument(
        "--version",
        default=None,
        help="doc-site version segment, e.g. v2-preview; '' for none "
        "(default: where each known file was found, none for other domains)",
    )
    parser.add_argument("--dest", type=Path, default=ROOT / "openapi", help="spec folder")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per file")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="size limit")
    parser.add_argument(
        "--force", action="store_true", help="overwrite files this script did not fetch"
    )
    args = parser.parse_args(argv)
    if args.timeout <= 0 or args.max_bytes <= 0:
        print("fetch_spec: --timeout and --max-bytes must be positive", file=sys.stderr)
        return 2
    if not args.dest.is_dir():
        print(f"fetch_spec: {args.dest} is not a folder", file=sys.stderr)
        return 2
    domains = list(dict.fromkeys(args.domains or KNOWN))
    failures = 0
    with httpx.Client(transport=transport, follow_redirects=True, max_redirects=5) as client:
        for domain in domains:
            version = args.version if args.version is not None else KNOWN.get(domain, "")
            try:
                fetched = fetch(
                    domain,
                    base_url=args.base_url,
                    version=version,
                    timeout=args.timeout,
                    max_bytes=args.max_bytes,
                    client=client,
                )
                record(args.dest, fetched, now=datetime.now(UTC), force=args.force)
            except FetchError as exc:
                failures += 1
                print(f"fetch_spec: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            note = "" if domain in KNOWN else f" (not in the {FACTS} list)"
            print(f"fetched {fetched.url} -> {args.dest / fetched.filename}{note}")
            print(f"  sha256 {fetched.sha256}, {len(fetched.body)} bytes")
    if failures:
        print(f"fetch_spec: {failures} of {len(domains)} file(s) refused", file=sys.stderr)
        return 2
    print("next: python scripts/regenerate.py (its change report shows what the files change)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
