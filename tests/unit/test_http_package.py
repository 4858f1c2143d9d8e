"""httpx and httpx2 side by side in one process: the package a client runs on is decided by
what is passed, a mix is refused naming both, one NitroboxAuth serves both clients, and every
layer turns either package's failures (and httpx2's escaped TLS errors) into the same typed
errors. Runs in both passes: it builds with each package explicitly."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from types import ModuleType
from typing import Any

import anyio
import httpx
import httpx2
import pytest

from nitrobox_auth import (
    APIConnectionError,
    APITimeoutError,
    MixedHTTPPackagesError,
    NitroboxAuth,
    NitroboxSettings,
    RetryPolicy,
    SettingsError,
    TokenHTTP,
    TokenProvider,
    TokenRequestError,
    TokenRetryPolicy,
    create_client,
)

API = "https://api.pkg.test"
SETTINGS = NitroboxSettings(tenant="acme", client_id="id", client_secret="secret", base_url=API)
TOKEN = {"access_token": "tok-1", "token_type": "bearer", "expires_in": 269}
PACKAGES = [pytest.param(httpx, id="httpx"), pytest.param(httpx2, id="httpx2")]


def _no_wait() -> RetryPolicy:
    return RetryPolicy(sleep=lambda _: None, async_sleep=_no_async_sleep)


async def _no_async_sleep(_: float) -> None:
    await anyio.lowlevel.checkpoint()


def nitrobox(http: ModuleType, api: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A MockTransport handler of ``http``: the token endpoint, then ``api``; it refuses
    requests of the other package, as a real client of ``http`` would."""

    def handle(request: Any) -> Any:
        assert isinstance(request, http.Request), f"{type(request)} reached a {http.__name__} mock"
        if request.url.path == "/acme/oauth2/token":
            return http.Response(200, json=TOKEN)
        return api(request)

    return handle


@pytest.mark.parametrize("http", PACKAGES)
def test_the_package_passed_decides_end_to_end(http: ModuleType) -> None:
    """Transports of one package give clients, token requests and answers of that package."""
    seen: list[str | None] = []

    def api(request: Any) -> Any:
        seen.append(request.headers.get("Authorization"))
        return http.Response(200, json={"ok": True})

    handler = nitrobox(http, api)

    def build() -> Any:
        return create_client(
            SETTINGS,
            transport=http.MockTransport(handler),
            async_transport=http.MockTransport(handler),
        )

    with build() as client:
        assert isinstance(client.get_httpx_client(), http.Client)
        assert isinstance(client.get_httpx_client().timeout, http.Timeout)
        answer = client.get_httpx_client().get("/v2/ping")
        assert isinstance(answer, http.Response)
        assert answer.json() == {"ok": True}

    async def main() -> None:
        async with build() as client:
            assert isinstance(client.get_async_httpx_client(), http.AsyncClient)
            answer = await client.get_async_httpx_client().get("/v2/ping")
            assert isinstance(answer, http.Response)

    anyio.run(main)
    assert seen == ["Bearer tok-1", "Bearer tok-1"]


def test_explicit_choice_without_anything_to_go_by() -> None:
    """http_package="httpx2" (or the module) picks httpx2 when nothing passed is of a package;
    by default it is httpx, even though httpx2 is installed here."""
    assert isinstance(create_client(SETTINGS).get_httpx_client(), httpx.Client)
    for choice in ("httpx2", httpx2):
        client = create_client(SETTINGS, http_package=choice)
        assert isinstance(client.get_httpx_client(), httpx2.Client)
        assert isinstance(client.get_async_httpx_client(), httpx2.AsyncClient)
    with pytest.raises(SettingsError, match="'httpx' or 'httpx2'"):
        create_client(SETTINGS, http_package="requests")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [
        pytest.param(
            {
                "transport": httpx.MockTransport(print),
                "async_transport": httpx2.MockTransport(print),
            },
            id="two-transports",
        ),
        pytest.param(
            {"transport": httpx2.MockTransport(print), "timeout": httpx.Timeout(3.0)},
            id="timeout",
        ),
        pytest.param(
            {"transport": httpx.MockTransport(print), "http_package": "httpx2"}, id="explicit"
        ),
        pytest.param(
            {
                "provider": TokenProvider.from_settings(
                    SETTINGS, http=TokenHTTP(transport=httpx.MockTransport(print))
                ),
                "transport": httpx2.MockTransport(print),
            },
            id="provider",
        ),
    ],
)
def test_a_mix_of_packages_is_refused_naming_both(options: dict[str, Any]) -> None:
    """One client on two packages would fail later and obscurely; it fails at once, typed."""
    with pytest.raises(MixedHTTPPackagesError) as caught:
        create_client(SETTINGS, **options)
    message = str(caught.value)
    assert "httpx's" in message
    assert "httpx2's" in message
    assert isinstance(caught.value, SettingsError)


def test_token_http_refuses_a_mix_when_built() -> None:
    """TokenHTTP checks at construction, not at the first token fetch."""
    with pytest.raises(MixedHTTPPackagesError, match="httpx2"):
        TokenHTTP(client=httpx.Client(), async_transport=httpx2.MockTransport(print))


@pytest.mark.parametrize("http", PACKAGES)
def test_nitrobox_auth_works_in_either_plain_client(http: ModuleType) -> None:
    """The README's idiom, http.Client(auth=NitroboxAuth(provider)), on both packages, with
    the 401 replay."""
    answers = [401, 200]

    def api(request: Any) -> Any:
        return http.Response(answers.pop(0))

    handler = nitrobox(http, api)
    provider = TokenProvider.from_settings(
        SETTINGS, http=TokenHTTP(transport=http.MockTransport(handler))
    )
    with http.Client(auth=NitroboxAuth(provider), transport=http.MockTransport(handler)) as plain:
        response = plain.get(f"{API}/v2/customers")
    assert response.status_code == 200
    assert response.request.headers["Authorization"] == "Bearer tok-1"
    assert provider.http_package is not None
    assert provider.http_package.name == http.__name__


def _failures(http: ModuleType) -> list[tuple[Exception, type[Exception]]]:
    return [
        (http.ConnectError("refused"), APIConnectionError),
        (http.ReadError("reset"), APIConnectionError),
        (http.RemoteProtocolError("garbage"), APIConnectionError),
        (http.ReadTimeout("slow"), APITimeoutError),
        (http.ConnectTimeout("slow"), APITimeoutError),
        # httpx2 may let the TLS layer's own errors out of a failed handshake.
        (ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number"), APIConnectionError),
        (anyio.EndOfStream(), APIConnectionError),
    ]


@pytest.mark.parametrize("http", PACKAGES)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_every_failure_of_either_package_leaves_typed(http: ModuleType, method: str) -> None:
    """Through the retry, deadline, size and connection-error layers: the same typed errors,
    and the same retry decisions (not sent: retried for POST too)."""
    for failure, expected in _failures(http):
        attempts: list[str] = []

        def api(request: Any, failure: Exception = failure, attempts: list[str] = attempts) -> Any:
            attempts.append(request.method)
            raise failure

        handler = nitrobox(http, api)

        def build(handler: Any = handler) -> Any:
            return create_client(
                SETTINGS,
                transport=http.MockTransport(handler),
                async_transport=http.MockTransport(handler),
                retry=_no_wait(),
            )

        with build() as client, pytest.raises(expected) as caught:
            client.get_httpx_client().request(method, "/v2/x")
        assert type(caught.value) is expected, (failure, caught.value)
        not_sent = isinstance(
            failure, (http.ConnectError, http.ConnectTimeout, ssl.SSLError, anyio.EndOfStream)
        )
        retried = not_sent or method == "GET"
        assert len(attempts) == (3 if retried else 1), (failure, attempts)

        async def call(build: Any = build) -> None:
            async with build() as client:
                await client.get_async_httpx_client().request(method, "/v2/x")

        with pytest.raises(expected):
            anyio.run(call)


@pytest.mark.parametrize("http", PACKAGES)
def test_token_fetch_failures_of_either_package_are_token_request_errors(
    http: ModuleType,
) -> None:
    """The token exchange retries and types httpx2's failures as it does httpx's."""
    for failure, _ in _failures(http):
        calls: list[int] = []

        def refuse(request: Any, failure: Exception = failure, calls: list[int] = calls) -> Any:
            calls.append(1)
            raise failure

        retry = TokenRetryPolicy(max_attempts=2, sleep=lambda _: None)
        provider = TokenProvider.from_settings(
            SETTINGS, retry=retry, http=TokenHTTP(transport=http.MockTransport(refuse))
        )
        with pytest.raises(TokenRequestError, match="after 2 attempt"):
            provider.get_token()
        assert len(calls) == 2, failure


def test_decoding_errors_follow_the_client_held() -> None:
    """The generated code catches the DecodingError of the package its client is of."""
    from nitrobox_client.client import decoding_errors

    assert decoding_errors(httpx2.Client()) == (httpx2.DecodingError,)
    assert decoding_errors(httpx.Client()) == (httpx.DecodingError,)
    assert decoding_errors(None) == (httpx.DecodingError,)
