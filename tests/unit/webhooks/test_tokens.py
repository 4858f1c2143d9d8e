"""Self-contained tokens: any instance with the same secret or key accepts them; a changed
byte, a stretched expiry, another secret or an old token is refused with 401."""

from __future__ import annotations

import base64
import re

import pytest
from fakes import FakeClock
from webhook_helpers import CLIENT_ID, CLIENT_SECRET, basic, call, notify, token

from nitrobox_auth.webhooks import WebhookConfigError, WebhookReceiver

ORDER = {"notification_type": "order.created", "orderIdent": "O-1"}
GRANT = b"grant_type=client_credentials"
FORM = {"content_type": "application/x-www-form-urlencoded"}
KEY = "k" * 32


def make(secret: str = CLIENT_SECRET, **kwargs: object) -> WebhookReceiver:
    return WebhookReceiver(client_id=CLIENT_ID, client_secret=secret, **kwargs)  # type: ignore[arg-type]


def issued(receiver: WebhookReceiver, secret: str = CLIENT_SECRET) -> str:
    answer = call(receiver, "/oauth2/token", GRANT, authorization=basic(CLIENT_ID, secret), **FORM)
    assert answer.status == 200, answer.body
    value: str = answer.json()["access_token"]
    return value


def test_a_token_is_versioned_header_safe_and_unique() -> None:
    receiver = make()
    first, second = token(receiver), token(receiver)
    assert re.fullmatch(r"nbx1\.[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}", first)
    assert first != second
    assert CLIENT_SECRET not in first


def test_another_instance_with_the_same_secret_accepts_it() -> None:
    assert notify(make(), ORDER, bearer=token(make())).status == 200


@pytest.mark.parametrize(
    "other",
    [
        {"secret": "another-tenants-secret"},
        {"signing_key": KEY},
    ],
    ids=["another-secret", "an-explicit-key"],
)
def test_a_token_signed_with_another_key_is_refused(other: dict[str, str]) -> None:
    answer = notify(make(), ORDER, bearer=issued(make(**other), other.get("secret", CLIENT_SECRET)))
    assert answer.status == 401
    assert answer.json()["error"] == "invalid_token"


def test_another_client_id_with_the_same_secret_does_not_accept_it() -> None:
    """The client id is part of the key derivation: two endpoints sharing a secret stay apart."""
    other = WebhookReceiver(client_id="another-endpoint", client_secret=CLIENT_SECRET)
    assert notify(other, ORDER, bearer=token(make())).status == 401


def test_an_explicit_signing_key_is_shared_across_secrets() -> None:
    """Instances that share signing_key accept each other's tokens, whatever their secret."""
    first, second = make(signing_key=KEY), make("a-different-secret", signing_key=KEY)
    assert notify(second, ORDER, bearer=token(first)).status == 200


@pytest.mark.parametrize("key", ["short", b"", b"x" * 31, 12345])
def test_a_weak_signing_key_is_refused_without_quoting_it(key: object) -> None:
    with pytest.raises(WebhookConfigError, match="at least 32 bytes") as caught:
        make(signing_key=key)
    assert "short" not in str(caught.value)


def test_every_changed_character_is_refused() -> None:
    receiver = make()
    good = token(receiver)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
    for position, char in enumerate(good):
        changed = alphabet[(alphabet.index(char) + 1) % len(alphabet)]
        tampered = good[:position] + changed + good[position + 1 :]
        assert notify(receiver, ORDER, bearer=tampered).status == 401, position
    assert notify(receiver, ORDER, bearer=good + "A").status == 401
    assert notify(receiver, ORDER, bearer=good[:-1]).status == 401
    assert notify(receiver, ORDER, bearer="nbx2" + good[4:]).status == 401


def test_a_stretched_expiry_is_refused() -> None:
    receiver = make()
    version, payload, tag = token(receiver).split(".")
    raw = bytearray(base64.urlsafe_b64decode(payload + "=="))
    raw[:8] = (int.from_bytes(raw[:8], "big") + 3600).to_bytes(8, "big")
    stretched = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    assert notify(receiver, ORDER, bearer=f"{version}.{stretched}.{tag}").status == 401


def test_tokens_expire_on_the_wall_clock_of_any_instance() -> None:
    clock = FakeClock(1_700_000_000.0)
    issuer = make(token_lifetime=60, clock=clock)
    checker = make(token_lifetime=60, clock=clock)
    bearer = token(issuer)
    clock.advance(59)
    assert notify(checker, ORDER, bearer=bearer).status == 200
    clock.advance(1)
    answer = notify(checker, {**ORDER, "n": 2}, bearer=bearer)
    assert answer.status == 401
    assert "expired" in answer.json()["message"]


# -- rotation ---------------------------------------------------------------------------------


def test_rotating_the_secret_refuses_no_delivery_in_flight() -> None:
    """Old instances (and tokens) keep working with instances that list the old secret as
    previous; the rotated instance issues tokens with the new secret only."""
    old, rotated, new_only = (
        make("old-secret"),
        make("new-secret", previous_client_secret="old-secret"),
        make("new-secret"),
    )
    from_old_instance = issued(old, "old-secret")
    assert notify(rotated, ORDER, bearer=from_old_instance).status == 200
    assert notify(new_only, {**ORDER, "n": 2}, bearer=from_old_instance).status == 401
    # Nitrobox still sending the old secret, or already the new one: both get a token
    for secret in ("old-secret", "new-secret"):
        fresh = issued(rotated, secret)
        assert notify(new_only, {**ORDER, "secret": secret}, bearer=fresh).status == 200
        assert notify(old, {**ORDER, "secret": secret}, bearer=fresh).status == 401


def test_rotating_an_explicit_key() -> None:
    old_key, new_key = "o" * 32, "n" * 32
    rotated = make(signing_key=new_key, previous_signing_key=old_key)
    assert notify(rotated, ORDER, bearer=token(make(signing_key=old_key))).status == 200
    assert notify(make(signing_key=new_key), ORDER, bearer=token(rotated)).status == 200


def test_a_previous_token_still_expires() -> None:
    clock = FakeClock(1_700_000_000.0)
    old = make("old-secret", token_lifetime=60, clock=clock)
    rotated = make(
        "new-secret", previous_client_secret="old-secret", token_lifetime=60, clock=clock
    )
    bearer = issued(old, "old-secret")
    clock.advance(61)
    assert notify(rotated, ORDER, bearer=bearer).status == 401


def test_the_tag_is_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import nitrobox_auth.webhooks._tokens as tokens

    compared: list[object] = []
    real = tokens.hmac.compare_digest

    def spy(a: str, b: str) -> bool:
        compared.append(a)
        return real(a, b)

    receiver = make(previous_client_secret="old-secret")
    bearer = token(receiver)
    monkeypatch.setattr(tokens.hmac, "compare_digest", spy)
    assert notify(receiver, ORDER, bearer=bearer).status == 200
    assert len(compared) == 2  # both keys tried, even though the first matched


def test_the_repr_shows_no_secret_or_key() -> None:
    receiver = make(signing_key=KEY, previous_client_secret="old-secret-value")
    text = repr(receiver) + repr(receiver._signer)
    for secret in (CLIENT_SECRET, KEY, "old-secret-value"):
        assert secret not in text
