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
``nitrobox_async_client``
    The same client for async tests, opened and closed in the test's own event loop: under
    pytest-asyncio (``@pytest.mark.asyncio``, strict mode) and under anyio's plugin
    (``@pytest.mark.anyio``, asyncio or trio).
``nitrobox_clock``
    A :class:`nitrobox_sandbox.ManualClock` that this test's sandbox and clients run on: token
    expiry on both sides, the client's token refresh, its retry waits (``Retry-After`` and
    backoff) and the sandbox's notification retries (on Nitrobox's real schedule: 120 s,
    480 s, ...). Nothing moves until the test calls ``.advance(seconds)`` or the client sleeps
    on it, so a 60 s ``Retry-After`` takes no wall time. Sandbox-only.

The ``nitrobox`` marker sets options per test (or per module/class through ``pytestmark``):

- ``clock="manual"``: the same as requesting ``nitrobox_clock``;
- ``assert_scripts_used=False``: do not fail the test when answers it scripted with
  ``nitrobox_sandbox.script(...)`` were left unused (by default that fails the test at
  teardown, as pytest-httpx does for unused responses);
- ``client={...}``: keyword arguments for :func:`nitrobox_auth.create_client` when the
  fixtures build the client (``deadline``, ``retry``, ``timeout``, ...).
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
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import pytest

from nitrobox_sandbox import SANDBOX_EXTRA_HINT

if TYPE_CHECKING:
    from nitrobox_client import Client

    from nitrobox_auth import NitroboxSettings, TokenCache, TokenProvider
    from nitrobox_sandbox import ManualClock, NotificationInbox, Sandbox

LIVE_OPTION = "--nitrobox-live"
LIVE_VARIABLE = "NITROBOX_LIVE"

# How the xdist controller tells its workers where the run's shared token cache lives.
_WORKER_CACHE_KEY = "nitrobox_token_cache_dir"
_RUN_CACHE_DIR = pytest.StashKey[str]()

_MARKER = "nitrobox"
_MARKER_OPTIONS = ("assert_scripts_used", "client", "clock")
# Whether the test's call phase failed: then unused scripts are not reported on top.
_CALL_FAILED = pytest.StashKey[bool]()

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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{_MARKER}(clock='manual', assert_scripts_used=True, client={{...}}): options of the "
        "Nitrobox fixtures for this test (see nitrobox_sandbox.pytest_plugin)",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call" and report.failed:
        item.stash[_CALL_FAILED] = True
    return report


@dataclass(frozen=True)
class _Options:
    clock: str | None = None
    assert_scripts_used: bool = True
    client: dict[str, Any] = field(default_factory=dict)


def _options(request: pytest.FixtureRequest) -> _Options:
    """The ``nitrobox`` marker's options for this test; the closest marker wins per option."""
    merged: dict[str, Any] = {}
    for mark in reversed(list(request.node.iter_markers(_MARKER))):
        if mark.args:
            pytest.fail(f"@pytest.mark.{_MARKER} takes keyword options only", pytrace=False)
        merged.update(mark.kwargs)
    unknown = sorted(set(merged) - set(_MARKER_OPTIONS))
    if unknown:
        pytest.fail(
            f"unknown @pytest.mark.{_MARKER} option(s) {', '.join(unknown)}; "
            f"known: {', '.join(_MARKER_OPTIONS)}",
            pytrace=False,
        )
    options = _Options(**merged)
    if options.clock not in (None, "manual"):
        pytest.fail(
            f"@pytest.mark.{_MARKER}(clock=...) must be 'manual', not {options.clock!r}",
            pytrace=False,
        )
    if not isinstance(options.assert_scripts_used, bool):
        pytest.fail(
            f"@pytest.mark.{_MARKER}(assert_scripts_used=...) must be True or False",
            pytrace=False,
        )
    if not isinstance(options.client, dict) or "provider" in options.client:
        pytest.fail(
            f"@pytest.mark.{_MARKER}(client=...) must be a dict of create_client() options "
            "(without provider: the fixtures build it)",
            pytrace=False,
        )
    return options


def _test_clock(request: pytest.FixtureRequest) -> ManualClock | None:
    """The test's manual clock, when it asked for one (fixture or marker)."""
    if "nitrobox_clock" in request.fixturenames or _options(request).clock == "manual":
        clock: ManualClock = request.getfixturevalue("nitrobox_clock")
        return clock
    return None


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
def nitrobox_sandbox(
    _nitrobox_sandbox_server: Sandbox, request: pytest.FixtureRequest
) -> Iterator[Sandbox]:
    """The session's sandbox, reset for this test (empty state, zero stats, no faults, no
    scripts, an empty journal), on the test's clock if it has one. Fails the test at
    teardown when answers it scripted were not used (see the ``nitrobox`` marker)."""
    sandbox = _nitrobox_sandbox_server
    options = _options(request)
    sandbox.reset()
    clock = _test_clock(request)
    if clock is not None:
        sandbox._use_clock(clock)
    try:
        yield sandbox
    finally:
        unused = sandbox.pending()
        sandbox.clear_scripts()
        if clock is not None:
            sandbox._use_clock(None)
    if unused and options.assert_scripts_used and not request.node.stash.get(_CALL_FAILED, False):
        listed = "; ".join(
            f"{script.operation_id}: {len(script.remaining)} of {len(script.entries)} unused"
            for script in unused
        )
        pytest.fail(
            f"scripted answers were not used ({listed}): the code under test made fewer calls "
            f"than the test scripted. If that is expected, mark the test "
            f"@pytest.mark.{_MARKER}(assert_scripts_used=False).",
            pytrace=False,
        )


@pytest.fixture
def nitrobox_clock(request: pytest.FixtureRequest) -> ManualClock:
    """A manual clock for this test's sandbox and Nitrobox clients (see the module docs)."""
    if live_mode(request.config):
        pytest.skip(f"sandbox-only test: skipped in live mode ({LIVE_OPTION} / {LIVE_VARIABLE})")
    try:
        from nitrobox_sandbox import ManualClock
    except ImportError as exc:  # pragma: no cover - ManualClock needs nothing but the stdlib
        pytest.skip(_missing_extra(exc))
    return ManualClock()


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
    from nitrobox_auth import NitroboxSettings, SettingsError

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
    from nitrobox_auth.tooling import ENV_TOKEN_CACHE, token_cache_from_env

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
    nitrobox_settings: NitroboxSettings, request: pytest.FixtureRequest
) -> Iterator[Client]:
    """The generated client, authenticated for ``nitrobox_settings``; closed after the test."""
    from nitrobox_auth import TokenProvider, create_client

    if live_mode(request.config):
        # The session's provider sends its token requests on httpx (it serves every test);
        # the API calls go out on the chosen package.
        provider: TokenProvider = request.getfixturevalue("_nitrobox_live_token_provider")
        client = create_client(nitrobox_settings, provider=provider, **_live_options(request))
        with client:
            yield client
        return
    # Against the sandbox a fresh token cache per test keeps per-test token counts exact.
    provider_options, client_options = _client_options(request)
    with TokenProvider.from_settings(nitrobox_settings, **provider_options) as provider:
        client = create_client(nitrobox_settings, provider=provider, **client_options)
        with client:
            yield client


def _live_options(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Options for ``create_client`` in live mode: the HTTP package of the
    ``nitrobox_http_package`` fixture and the marker's ``client=``. (The session's provider
    sends its token requests on httpx: it serves every test.)"""
    package = request.getfixturevalue("nitrobox_http_package")
    return {"http_package": package, **_options(request).client}


def _client_options(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    """Options for the provider and for ``create_client`` against the sandbox: the HTTP
    package of the ``nitrobox_http_package`` fixture, the marker's ``client=``, and the
    test's clock for token expiry and every retry wait."""
    from nitrobox_auth import TokenHTTP

    client_options = _live_options(request)
    provider_options: dict[str, Any] = {
        "http": TokenHTTP(http_package=client_options["http_package"])
    }
    clock = _test_clock(request)
    if clock is not None:
        import attrs

        from nitrobox_auth import RetryPolicy, TokenRetryPolicy

        provider_options["monotonic_clock"] = clock
        provider_options["retry"] = TokenRetryPolicy(
            sleep=clock.sleep, async_sleep=clock.async_sleep
        )
        retry = client_options.get("retry", RetryPolicy())
        if retry is not None:
            client_options["retry"] = attrs.evolve(
                retry, sleep=clock.sleep, async_sleep=clock.async_sleep
            )
    return provider_options, client_options


@pytest.fixture
def nitrobox_async_client(request: pytest.FixtureRequest) -> Client:
    """The generated client for an async test, opened and closed in the test's event loop
    (pytest-asyncio's ``@pytest.mark.asyncio`` or anyio's ``@pytest.mark.anyio``)."""
    request.getfixturevalue("nitrobox_settings")
    _test_clock(request)
    if "anyio_backend" in request.fixturenames:
        client: Client = request.getfixturevalue("_nitrobox_async_client_anyio")
        return client
    if request.node.get_closest_marker("asyncio") is not None and _PYTEST_ASYNCIO:
        client = request.getfixturevalue("_nitrobox_async_client_asyncio")
        return client
    pytest.fail(
        "nitrobox_async_client needs an async test: mark it @pytest.mark.anyio (anyio's "
        "plugin) or @pytest.mark.asyncio (pytest-asyncio); a sync test uses nitrobox_client",
        pytrace=False,
    )


async def _open_async_client(
    settings: NitroboxSettings, request: pytest.FixtureRequest
) -> AsyncIterator[Client]:
    """The body of both async fixtures: built, opened and closed in the running loop."""
    from nitrobox_auth import TokenProvider, create_client

    if live_mode(request.config):
        provider: TokenProvider = request.getfixturevalue("_nitrobox_live_token_provider")
        options = _live_options(request)
        async with create_client(settings, provider=provider, **options) as client:
            yield client
        return
    provider_options, client_options = _client_options(request)
    with TokenProvider.from_settings(settings, **provider_options) as provider:
        async with create_client(settings, provider=provider, **client_options) as client:
            yield client


@pytest.fixture
async def _nitrobox_async_client_anyio(
    nitrobox_settings: NitroboxSettings, request: pytest.FixtureRequest
) -> AsyncIterator[Client]:
    """Run by anyio's plugin in the test's loop (asyncio or trio)."""
    async for client in _open_async_client(nitrobox_settings, request):
        yield client


try:  # pytest-asyncio (strict mode) runs only the async fixtures marked as its own
    from pytest_asyncio import fixture as _asyncio_fixture
except ImportError:  # pragma: no cover - pytest-asyncio is optional
    _PYTEST_ASYNCIO = False
else:
    _PYTEST_ASYNCIO = True

    @_asyncio_fixture
    async def _nitrobox_async_client_asyncio(
        nitrobox_settings: NitroboxSettings, request: pytest.FixtureRequest
    ) -> AsyncIterator[Client]:
        """Run by pytest-asyncio in the test's loop."""
        async for client in _open_async_client(nitrobox_settings, request):
            yield client


def _missing_module(exc: ImportError) -> str:
    """The distribution-level name (``starlette``, not ``starlette.applications``)."""
    return (exc.name or str(exc)).split(".")[0]
