"""NitroboxAuth with real httpx clients (sync, asyncio, trio) over MockTransport."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from fakes import token_value
from http_under_test import httpx

from nitrobox_auth import NitroboxAuth, SettingsError

API = "https://api.nbx-stage-westeurope.nitrobox.io"


class FakeApi:
    """Answers 401 to requests carrying a token in ``rejected``, else echoes the header."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        # Headers as they were when each request arrived (a replay reuses the object).
        self.seen: list[str | None] = []
        self.rejected: set[str] = set()
        self.reject_all = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        header = request.headers.get("Authorization")
        self.seen.append(header)
        token = header.removeprefix("Bearer ") if header else None
        if self.reject_all or (token is not None and token in self.rejected):
            return httpx.Response(401, json={"error": "unauthorized"})
        return httpx.Response(200, json={"authorization": header, "body": request.content.decode()})

    def auth_headers(self) -> list[str | None]:
        return list(self.seen)


@pytest.fixture
def api() -> FakeApi:
    """The fake API behind the client."""
    return FakeApi()


def send(runner, auth: NitroboxAuth, api: FakeApi, method: str, url: str, **kw: Any):
    """One request through a client of the runner's kind carrying ``auth``."""
    if not runner.is_async:
        with httpx.Client(auth=auth, transport=httpx.MockTransport(api)) as client:
            response = client.request(method, url, **kw)
            response.read()
            return response

    async def go() -> httpx.Response:
        async with httpx.AsyncClient(auth=auth, transport=httpx.MockTransport(api)) as client:
            response = await client.request(method, url, **kw)
            await response.aread()
            return response

    return anyio.run(go, backend=runner.mode)


def test_api_requests_carry_the_bearer_token(runner, make_provider, api, endpoint) -> None:
    """Requests to the API origin get Authorization: Bearer <token>; one token serves many."""
    auth = NitroboxAuth(make_provider())
    for _ in range(3):
        assert send(runner, auth, api, "GET", f"{API}/v2/customers").status_code == 200
    assert api.auth_headers() == [f"Bearer {token_value(1)}"] * 3
    assert endpoint.count == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://elsewhere.example/v2/customers",
        "http://api.nbx-stage-westeurope.nitrobox.io/v2/customers",
        "https://api.nbx-stage-westeurope.nitrobox.io:8443/v2/customers",
        "https://evil.api.nbx-stage-westeurope.nitrobox.io/v2/customers",
    ],
    ids=["other-host", "other-scheme", "other-port", "sub-domain"],
)
def test_other_origins_get_no_token(runner, make_provider, api, endpoint, url) -> None:
    """A request to another scheme, host or port through the same client has no bearer."""
    auth = NitroboxAuth(make_provider())
    send(runner, auth, api, "GET", url)
    assert api.auth_headers() == [None]
    assert endpoint.count == 0


def test_explicit_default_port_is_the_same_origin(runner, make_provider, api) -> None:
    """https://host:443 is the API origin just as https://host is."""
    auth = NitroboxAuth(make_provider())
    send(runner, auth, api, "GET", "https://API.nbx-stage-westeurope.nitrobox.io:443/v2/x")
    assert api.auth_headers() == [f"Bearer {token_value(1)}"]


def test_api_base_url_sets_the_trusted_origin(runner, make_provider, api) -> None:
    """api_base_url moves the token to another origin (e.g. an API host apart from auth)."""
    auth = NitroboxAuth(make_provider(), api_base_url="http://127.0.0.1:8000")
    send(runner, auth, api, "GET", "http://127.0.0.1:8000/v2/x")
    send(runner, auth, api, "GET", f"{API}/v2/x")
    assert api.auth_headers() == [f"Bearer {token_value(1)}", None]


def test_a_401_drops_the_token_fetches_once_and_replays(
    runner, make_provider, api, endpoint
) -> None:
    """After a 401 the request is sent once more with a new token and its body intact."""
    auth = NitroboxAuth(make_provider())
    api.rejected.add(token_value(1))
    response = send(runner, auth, api, "POST", f"{API}/v2/orders", json={"n": 1})
    assert response.status_code == 200
    assert response.json()["body"] == '{"n":1}'
    assert api.auth_headers() == [f"Bearer {token_value(1)}", f"Bearer {token_value(2)}"]
    assert endpoint.count == 2
    assert [r.status_code for r in response.history] == [401]


def test_a_second_401_is_returned_as_is(runner, make_provider, api, endpoint) -> None:
    """When the replay is refused too, its 401 goes back to the caller; no third try."""
    auth = NitroboxAuth(make_provider())
    api.reject_all = True
    response = send(runner, auth, api, "GET", f"{API}/v2/customers")
    assert response.status_code == 401
    assert len(api.requests) == 2
    assert endpoint.count == 2


def test_a_streamed_body_is_not_replayed(runner, make_provider, api, endpoint) -> None:
    """A 401 on a request with a one-shot body is returned; the next request gets a new token."""
    auth = NitroboxAuth(make_provider())
    api.rejected.add(token_value(1))

    if runner.is_async:

        async def body() -> Any:
            yield b"chunk"

    else:

        def body() -> Iterator[bytes]:  # type: ignore[misc]
            yield b"chunk"

    response = send(runner, auth, api, "POST", f"{API}/v2/upload", content=body())
    assert response.status_code == 401
    assert len(api.requests) == 1
    send(runner, auth, api, "GET", f"{API}/v2/customers")
    assert api.auth_headers()[-1] == f"Bearer {token_value(2)}"


def test_other_error_statuses_are_not_replayed(runner, make_provider, api, endpoint) -> None:
    """A 403 is the API's answer, not a stale token: no new token, no replay."""
    auth = NitroboxAuth(make_provider())

    def forbidden(request: httpx.Request) -> httpx.Response:
        api.requests.append(request)
        return httpx.Response(403)

    response = send(runner, auth, forbidden, "GET", f"{API}/v2/customers")  # type: ignore[arg-type]
    assert response.status_code == 403
    assert len(api.requests) == 1
    assert endpoint.count == 1


def test_the_auth_never_asks_for_response_bodies(make_provider) -> None:
    """requires_response_body stays False, so streamed responses are not buffered."""
    auth = NitroboxAuth(make_provider())
    assert auth.requires_response_body is False

    def streaming(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"first", b"second"]))

    with (
        httpx.Client(auth=auth, transport=httpx.MockTransport(streaming)) as client,
        client.stream("GET", f"{API}/v2/customers") as response,
    ):
        assert not response.is_stream_consumed
        response.read()


def test_the_flow_can_be_stepped_by_hand(make_provider) -> None:
    """Stepping sync_auth_flow: bearer set, a 401 yields one replay, then the flow ends."""
    provider = make_provider()
    auth = NitroboxAuth(provider)
    request = httpx.Request("GET", f"{API}/v2/customers")
    flow = auth.sync_auth_flow(request)
    sent = next(flow)
    assert sent.headers["Authorization"] == f"Bearer {token_value(1)}"
    replay = flow.send(httpx.Response(401, request=sent))
    assert replay.headers["Authorization"] == f"Bearer {token_value(2)}"
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(401, request=replay))


def test_auth_needs_a_token_provider() -> None:
    """Passing something else than a TokenProvider is a clear SettingsError."""
    with pytest.raises(SettingsError, match="needs a TokenProvider"):
        NitroboxAuth("a-static-token")  # type: ignore[arg-type]


def test_a_bad_api_base_url_is_a_settings_error(make_provider) -> None:
    """An api_base_url httpx cannot parse is refused when the auth is built."""
    with pytest.raises(SettingsError, match="is not a valid URL"):
        NitroboxAuth(make_provider(), api_base_url="https://[::1")
