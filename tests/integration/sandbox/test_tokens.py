"""The token endpoint: the documented request shape, RFC 6749 errors, real expiry."""

from __future__ import annotations

from typing import Any

import pytest
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpx

from nitrobox_sandbox import ManualClock, Sandbox

BASIC = ("sandbox-client", "sandbox-secret")
TOKEN_PATH = "/sandbox/oauth2/token"
GRANT = {"grant_type": "client_credentials"}


def test_form_grant_with_basic_credentials_gets_a_bearer_token(client: httpx.Client) -> None:
    """The documented request earns an access token with the documented answer fields."""
    response = client.post(TOKEN_PATH, data=GRANT, auth=BASIC)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 300
    assert len(body["access_token"]) >= 32
    assert response.headers["cache-control"] == "no-store"


def test_grant_type_in_query_string_is_accepted(client: httpx.Client) -> None:
    """The older docs and public client code send grant_type in the query string."""
    response = client.post(TOKEN_PATH, params=GRANT, auth=BASIC)
    assert response.status_code == 200
    assert response.json()["token_type"] == "bearer"


def test_every_token_request_gets_a_different_token(client: httpx.Client) -> None:
    """Tokens are random, not derived from the credentials."""
    tokens = {
        client.post(TOKEN_PATH, data=GRANT, auth=BASIC).json()["access_token"] for _ in range(5)
    }
    assert len(tokens) == 5


@pytest.mark.parametrize(
    ("auth", "headers"),
    [
        (("sandbox-client", "wrong-secret"), {}),
        (("other-client", "sandbox-secret"), {}),
        (None, {}),
        (None, {"Authorization": "Basic !!not-base64!!"}),
        (None, {"Authorization": "Bearer sandbox-secret"}),
    ],
    ids=["wrong-secret", "wrong-client", "no-credentials", "garbled-basic", "not-basic"],
)
def test_bad_client_credentials_get_invalid_client(
    client: httpx.Client, auth: Any, headers: dict[str, str]
) -> None:
    """RFC 6749 5.2: invalid_client, status 401 and a WWW-Authenticate challenge."""
    response = client.post(TOKEN_PATH, data=GRANT, auth=auth, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert response.headers["www-authenticate"].startswith("Basic")
    assert "sandbox-secret" not in response.text


def test_client_secret_in_the_body_is_refused(client: httpx.Client) -> None:
    """Nitrobox documents Basic authentication only; the error says what to send."""
    response = client.post(
        TOKEN_PATH, data={**GRANT, "client_id": BASIC[0], "client_secret": BASIC[1]}
    )
    assert response.status_code == 401
    assert "Authorization: Basic" in response.json()["error_description"]


def test_missing_grant_type_is_an_invalid_request(client: httpx.Client) -> None:
    """No grant_type anywhere: 400 invalid_request naming the parameter."""
    response = client.post(TOKEN_PATH, auth=BASIC)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    assert "grant_type" in response.json()["error_description"]


def test_other_grant_type_is_unsupported(client: httpx.Client) -> None:
    """Only client_credentials is served."""
    response = client.post(TOKEN_PATH, data={"grant_type": "password"}, auth=BASIC)
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


def test_unknown_tenant_is_named_in_the_error(client: httpx.Client) -> None:
    """A token URL with the wrong tenant says which tenant the sandbox serves."""
    response = client.post("/other-tenant/oauth2/token", data=GRANT, auth=BASIC)
    assert response.status_code == 404
    assert "'sandbox'" in response.json()["error_description"]


def test_token_works_until_its_lifetime_ends(
    api: httpx.Client, clock: ManualClock, sandbox: Sandbox
) -> None:
    """A token is accepted just before expiry and refused (401, expired) at expiry."""
    assert api.get("/v2/customers").status_code == 200
    clock.advance(299.9)
    assert api.get("/v2/customers").status_code == 200
    clock.advance(0.1)
    response = api.get("/v2/customers")
    assert response.status_code == 401
    assert response.json()["status"] == "UNAUTHORIZED"
    challenge = response.headers["www-authenticate"]
    assert 'error="invalid_token"' in challenge
    assert "expired" in challenge
    assert sandbox.stats()["unauthorized"] == 1


def test_configured_lifetime_is_announced_and_enforced(
    spec_document: dict[str, Any], clock: ManualClock
) -> None:
    """token_lifetime sets expires_in (whole seconds, rounded down) and the real expiry."""
    sandbox = Sandbox(spec=spec_document, clock=clock, token_lifetime=2.5)
    with httpx.Client(
        transport=sandbox.transport(http_package=HTTP_NAME), base_url=sandbox.base_url
    ) as client:
        answer = client.post(TOKEN_PATH, data=GRANT, auth=BASIC).json()
        assert answer["expires_in"] == 2
        headers = {"Authorization": f"Bearer {answer['access_token']}"}
        clock.advance(2.4)
        assert client.get("/v2/customers", headers=headers).status_code == 200
        clock.advance(0.1)
        assert client.get("/v2/customers", headers=headers).status_code == 401


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer not-a-token-of-this-sandbox", "Basic c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ="],
    ids=["missing", "unknown", "basic-instead-of-bearer"],
)
def test_api_without_a_valid_bearer_token_is_unauthorized(
    client: httpx.Client, sandbox: Sandbox, authorization: str | None
) -> None:
    """Prism and stripe-mock accept any bearer string; the sandbox does not."""
    headers = {"Authorization": authorization} if authorization else {}
    response = client.get("/v2/customers", headers=headers)
    assert response.status_code == 401
    assert response.json()["path"] == "/v2/customers"
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert sandbox.stats()["unauthorized"] == 1


def test_reset_revokes_issued_tokens(api: httpx.Client, sandbox: Sandbox) -> None:
    """After a reset, earlier tokens are unknown."""
    assert api.get("/v2/customers").status_code == 200
    sandbox.reset()
    assert api.get("/v2/customers").status_code == 401


def test_token_statistics(client: httpx.Client, sandbox: Sandbox) -> None:
    """Token requests, issued tokens and token errors are counted apart."""
    client.post(TOKEN_PATH, data=GRANT, auth=BASIC)
    client.post(TOKEN_PATH, data=GRANT, auth=("sandbox-client", "wrong"))
    stats = sandbox.stats()
    assert stats["token_requests"] == 2
    assert stats["tokens_issued"] == 1
    assert stats["token_errors"] == 1
    assert stats["api_requests"] == 0


def test_the_token_registry_is_bounded() -> None:
    """A loop on the token endpoint cannot grow the sandbox without end: the oldest go."""
    from nitrobox_sandbox._tokens import MAX_TOKENS, TokenRegistry, TokenState

    registry = TokenRegistry(clock=lambda: 0.0, lifetime=300.0)
    first = registry.issue()
    for _ in range(MAX_TOKENS):
        registry.issue()
    assert registry.state(first) is TokenState.UNKNOWN
    assert len(registry) == MAX_TOKENS
