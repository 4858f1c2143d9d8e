"""pytest plugin for code that talks to Nitrobox (registered through the ``pytest11`` entry point).

Fixtures:

``nitrobox_sandbox``
    A :class:`nitrobox_sandbox.Sandbox` served on 127.0.0.1. One server per test session
    (started on first use); every test gets it freshly reset (no resources, zeroed stats, no
    faults), so tests stay independent and can assert on ``stats()``. Sandbox-only: skipped
    in live mode.
``nitrobox_settings``
    :class:`nitrobox_auth.NitroboxSettings` for the sandbox above, or in live mode
    ``NitroboxSettings.from_env()``.
``nitrobox_notifications``
    A :class:`nitrobox_sandbox.NotificationInbox`: a ``WebhookReceiver`` served on 127.0.0.1
    (port 0) and subscribed to this test's sandbox, so the sandbox's notifications arrive over
    real HTTP. ``.wait_for("invoice.archived", timeout=10.0, invoice_ident=...)`` returns the
    first matching event or fails listing what arrived; ``.received`` holds them all.
    Unsubscribed and stopped after the test. Sandbox-only: skipped in live mode.
``nitrobox_client``
    The generated ``nitrobox_client.Client`` from :func:`nitrobox_auth.create_client` for those
    settings; its sync side is closed after the test. For the ``asyncio`` functions, wrap the
    calls in ``async with nitrobox_client:`` so the async side is closed in its own event loop.
    Against the sandbox each test starts with an empty token cache (exact per-test counts); in
    live mode one token cache serves the whole session.
``nitrobox_http_package``
    The HTTP package ``nitrobox_client`` (and its token requests) run on: ``"httpx"`` by
    default. Override it in your ``conftest.py`` to return ``"httpx2"`` when your code runs
    on httpx2 (docs/httpx2.md).

Live mode (opt-in): ``pytest --nitrobox-live`` or ``NITROBOX_LIVE=1``. It needs the
``NITROBOX_*`` variables; a test that uses the fixtures then fails with a message naming what
is missing. One token serves the whole run: under pytest-xdist the workers share it through a
``FileTokenCache`` in a directory private to the run (mode 0700, removed when the run ends),
with no configuration; ``NITROBOX_TOKEN_CACHE`` (a directory, or a ``redis://`` URL) selects
a cache of your own instead, e.g. to share one token across the jobs of a CI fleet.

pytest loads this module in every run of every project that installs the package, so it imports
nothing heavy at import time: the sandbox (Starlette, uvicorn, openapi-core) and the generated
client are imported inside the fixtures. Without the ``sandbox`` extra, the sandbox-backed
fixtures skip and say how to install it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

import pytest

from nitrobox_sandbox import SANDBOX_EXTRA_HINT

if TYPE_CHECKING:
    from nitrobox_client import Client

    from nitrobox_auth._settings import NitroboxSettings
    from nitrobox_auth.token._cache import TokenCache
    from nitrobox_auth.token._provider import TokenProvider
    from nitrobox_sandbox import NotificationInbox, Sandbox

LIVE_OPTION = "--nitrobox-live"
LIVE_VARIABLE = "NITROBOX_LIVE"

# How the xdist controller tells its workers where the run's shared token cache lives.
_WORKER_CACHE_KEY = "nitrobox_token_cache_dir"
_RUN_CACHE_DIR = pytest.StashKey[str]()

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"", "0", "false", "no", "off"})


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("nitrobox", "Nitrobox fixtures")
    group.addoption(
        LIVE_OPTION,
        action="store_true",
        default=False,
        help=(
            "run the nitrobox_settings/nitrobox_client fixtures against the environment in "
            f"the NITROBOX_* variables instead of the sandbox (also: {LIVE_VARIABLE}=1)"
        ),
    )


def live_mode(config: pytest.Config) -> bool:
    """True when the user opted in to the live environment by option or variable."""
    if config.getoption(LIVE_OPTION):
        return True
    raw = os.environ.get(LIVE_VARIABLE, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise pytest.UsageError(
        f"{LIVE_VARIABLE}={os.environ[LIVE_VARIABLE]!r} is not understood; "
        f"use {LIVE_VARIABLE}=1 to run against the live environment, or unset it"
    )


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """xdist controller, once per worker: in live mode, hand every worker the run's cache
    directory, so the workers fetch one token between them instead of one each."""
    config: pytest.Config = node.config
    if not live_mode(config):
        return
    directory = config.stash.get(_RUN_CACHE_DIR, None)
    if directory is None:
        # mkdtemp makes it 0700: only this user can read the token stored in it.
        directory = tempfile.mkdtemp(prefix="nitrobox-tokens-")
        config.stash[_RUN_CACHE_DIR] = directory
    node.workerinput[_WORKER_CACHE_KEY] = directory


def pytest_unconfigure(config: pytest.Config) -> None:
    directory = config.stash.get(_RUN_CACHE_DIR, None)
    if directory is not None:
        shutil.rmtree(directory, ignore_errors=True)


def pytest_report_header(config: pytest.Config) -> str | None:
    if live_mode(config):
        return "nitrobox: live mode, fixtures use the NITROBOX_* environment (sandbox tests skip)"
    return None


def _import_sandbox() -> type[Sandbox]:
    try:
        from nitrobox_sandbox import Sandbox
    except ImportError as exc:
        pytest.skip(_missing_extra(exc))
    return Sandbox


def _missing_extra(exc: ImportError) -> str:
    return (
        f"the Nitrobox sandbox needs the 'sandbox' extra ({_missing_module(exc)} is missing): "
        f"{SANDBOX_EXTRA_HINT}"
    )


@pytest.fixture(scope="session")
def _nitrobox_sandbox_server(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    """One sandbox server for the session: starting uvicorn once keeps suites fast."""
    if live_mode(request.config):
        pytest.skip(f"sandbox-only test: skipped in live mode ({LIVE_OPTION} / {LIVE_VARIABLE})")
    sandbox_cls = _import_sandbox()
    try:
        sandbox = sandbox_cls()
        sandbox.start()
    except ImportError as exc:  # a dependency the sandbox imports only when it starts
        pytest.skip(_missing_extra(exc))
    try:
        yield sandbox
    finally:
        sandbox.stop()


@pytest.fixture
def nitrobox_sandbox(_nitrobox_sandbox_server: Sandbox) -> Sandbox:
    """The session's sandbox, reset for this test (empty state, zero stats, no faults)."""
    _nitrobox_sandbox_server.reset()
    return _nitrobox_sandbox_server


@pytest.fixture
def nitrobox_notifications(nitrobox_sandbox: Sandbox) -> Iterator[NotificationInbox]:
    """A notification receiver on loopback, subscribed to this test's sandbox."""
    from nitrobox_sandbox import NotificationInbox

    with NotificationInbox() as inbox:
        inbox.subscribe_to(nitrobox_sandbox)
        yield inbox


@pytest.fixture
def nitrobox_settings(request: pytest.FixtureRequest) -> NitroboxSettings:
    """Settings for the sandbox, or from the ``NITROBOX_*`` variables in live mode."""
    if live_mode(request.config):
        return _live_settings()
    sandbox: Sandbox = request.getfixturevalue("nitrobox_sandbox")
    return sandbox.settings()


def _live_settings() -> NitroboxSettings:
    from nitrobox_auth._errors import SettingsError
    from nitrobox_auth._settings import NitroboxSettings

    try:
        return NitroboxSettings.from_env()
    except SettingsError as exc:  # it names the missing or invalid variable
        pytest.fail(
            f"Nitrobox live mode ({LIVE_OPTION} / {LIVE_VARIABLE}=1) needs the NITROBOX_* "
            f"variables: {exc}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def _nitrobox_live_token_provider(request: pytest.FixtureRequest) -> Iterator[TokenProvider]:
    """Live mode shares one token across the session, and across xdist workers."""
    from nitrobox_auth import TokenProvider

    settings = _live_settings()
    with TokenProvider.from_settings(settings, cache=_live_token_cache(request.config)) as provider:
        yield provider


def _live_token_cache(config: pytest.Config) -> TokenCache | None:
    """``NITROBOX_TOKEN_CACHE`` if set, else the run's own cache under xdist, else none (one
    process: the session's provider already shares its token)."""
    from nitrobox_auth import FileTokenCache, SettingsError
    from nitrobox_auth.token._cache import ENV_TOKEN_CACHE, token_cache_from_env

    try:
        chosen = token_cache_from_env()
    except SettingsError as exc:
        pytest.fail(f"{ENV_TOKEN_CACHE} is not usable: {exc}", pytrace=False)
    if chosen is not None:
        return chosen
    workerinput: dict[str, Any] = getattr(config, "workerinput", {})
    directory = workerinput.get(_WORKER_CACHE_KEY)
    return FileTokenCache(directory) if isinstance(directory, str) else None


@pytest.fixture
def nitrobox_http_package() -> Literal["httpx", "httpx2"]:
    """The HTTP package of ``nitrobox_client``; override it to return ``"httpx2"``."""
    return "httpx"


@pytest.fixture
def nitrobox_client(
    nitrobox_settings: NitroboxSettings,
    nitrobox_http_package: Literal["httpx", "httpx2"],
    request: pytest.FixtureRequest,
) -> Iterator[Client]:
    """The generated client, authenticated for ``nitrobox_settings``; closed after the test."""
    from nitrobox_auth import TokenHTTP, TokenProvider, create_client

    if live_mode(request.config):
        # The session's provider sends its token requests on httpx (it serves every test);
        # the API calls go out on the chosen package.
        provider: TokenProvider = request.getfixturevalue("_nitrobox_live_token_provider")
        client = create_client(
            nitrobox_settings, provider=provider, http_package=nitrobox_http_package
        )
        with client:
            yield client
        return
    # Against the sandbox a fresh token cache per test keeps per-test token counts exact.
    http = TokenHTTP(http_package=nitrobox_http_package)
    with TokenProvider.from_settings(nitrobox_settings, http=http) as provider:
        client = create_client(
            nitrobox_settings, provider=provider, http_package=nitrobox_http_package
        )
        with client:
            yield client


def _missing_module(exc: ImportError) -> str:
    """The distribution-level name (``starlette``, not ``starlette.applications``)."""
    return (exc.name or str(exc)).split(".")[0]
