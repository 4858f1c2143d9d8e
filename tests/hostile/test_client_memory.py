"""Bounded memory: answers over the size limit, measured after decompression, are refused
with ResponseTooLargeError while they are read (a gzip bomb, an endless body)."""

from __future__ import annotations

import gzip

import anyio
import pytest
from hostile.conftest import MakeClient
from hostile.hostile_server import TOKEN_PATH, HostileServer, bomb, endless_json, fixed

from nitrobox_auth import (
    MalformedResponseError,
    NitroboxSettings,
    ResponseTooLargeError,
    SettingsError,
    TokenProvider,
    create_client,
)
from nitrobox_auth.transport._size_limit import DEFAULT_MAX_ANSWER_BYTES, MAX_TOKEN_ANSWER_BYTES

pytestmark = pytest.mark.integration

PATH = "/v2/customers"
FILE_PATH = "/v2/files/invoice-1"
MIB = 1024 * 1024


def test_a_gzip_bomb_is_refused_at_the_default_limit(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """0.1 MB of gzip unpacking to 100 MB stops at the 16 MiB answer limit."""
    hostile.behaviours[PATH] = bomb(100 * MIB)
    client = make_client(settings)
    with pytest.raises(ResponseTooLargeError, match="after decompression") as caught:
        client.get_httpx_client().get(PATH)
    assert caught.value.limit == DEFAULT_MAX_ANSWER_BYTES


def test_a_gzip_bomb_is_refused_by_the_async_client(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """The async path reads through the same bounded decoder."""
    hostile.behaviours[PATH] = bomb(20 * MIB)
    client = make_client(settings, max_answer_bytes=MIB)

    async def call() -> None:
        async with client.get_async_httpx_client() as http:
            await http.get(PATH)

    with pytest.raises(ResponseTooLargeError) as caught:
        anyio.run(call)
    assert caught.value.limit == MIB


def test_an_endless_body_is_refused_while_it_is_read(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """A chunked body that never ends stops at the limit instead of filling memory."""
    hostile.behaviours[PATH] = endless_json
    client = make_client(settings, max_answer_bytes=2 * MIB)
    with pytest.raises(ResponseTooLargeError) as caught:
        client.get_httpx_client().get(PATH)
    assert caught.value.limit == 2 * MIB


def test_a_declared_length_over_the_limit_is_refused_before_reading(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """Content-Length over the limit: refused without waiting for the body."""
    hostile.behaviours[PATH] = lambda handler: handler.send(
        b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1000000000000\r\n\r\n{"
    )
    client = make_client(settings, timeout=5)
    with pytest.raises(ResponseTooLargeError):
        client.get_httpx_client().get(PATH)


def test_a_compressed_answer_under_the_limit_is_read_decoded(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """Under the limit, a gzip answer arrives whole and decoded."""
    body = b'{"items": [' + b",".join(b'{"n": %d}' % n for n in range(5000)) + b"]}"
    hostile.behaviours[PATH] = fixed(200, gzip.compress(body), extra="Content-Encoding: gzip\r\n")
    response = make_client(settings).get_httpx_client().get(PATH)
    assert response.content == body
    assert len(response.json()["items"]) == 5000
    assert "Content-Encoding" not in response.headers


def test_the_client_asks_only_for_encodings_it_can_bound(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """An answer in an encoding the client did not ask for is malformed, not trusted."""
    hostile.behaviours[PATH] = fixed(200, b"\x00\x01", extra="Content-Encoding: br\r\n")
    with pytest.raises(MalformedResponseError, match="gzip, deflate"):
        make_client(settings).get_httpx_client().get(PATH)


def test_a_corrupt_gzip_body_is_malformed(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """Bytes that are not gzip under Content-Encoding: gzip give MalformedResponseError."""
    hostile.behaviours[PATH] = fixed(200, b"not gzip at all", extra="Content-Encoding: gzip\r\n")
    with pytest.raises(MalformedResponseError, match="corrupt"):
        make_client(settings).get_httpx_client().get(PATH)


def test_files_have_their_own_configurable_limit(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """A 3 MiB PDF passes a 4 MiB file limit though the answer limit is 1 MiB, and fails
    a 2 MiB file limit."""
    pdf = b"%PDF-1.4\n" + b"0" * (3 * MIB)
    hostile.behaviours[FILE_PATH] = fixed(200, pdf, content_type="application/pdf")
    roomy = make_client(settings, max_answer_bytes=MIB, max_file_bytes=4 * MIB)
    assert roomy.get_httpx_client().get(FILE_PATH).content == pdf
    tight = make_client(settings, max_file_bytes=2 * MIB)
    with pytest.raises(ResponseTooLargeError) as caught:
        tight.get_httpx_client().get(FILE_PATH)
    assert caught.value.limit == 2 * MIB


def test_an_html_page_counts_as_an_answer_not_a_file(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """text/html falls under the answer limit (a proxy's error page is not a download)."""
    hostile.behaviours[PATH] = fixed(200, b"<html>" + b"x" * (2 * MIB), content_type="text/html")
    with pytest.raises(ResponseTooLargeError):
        make_client(settings, max_answer_bytes=MIB).get_httpx_client().get(PATH)


@pytest.mark.parametrize(
    "answer",
    [bomb(50 * MIB), fixed(200, b'{"access_token": "' + b"a" * (200 * 1024) + b'"}')],
    ids=["gzip-bomb", "200-KiB"],
)
def test_a_huge_token_answer_is_refused(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient, answer: object
) -> None:
    """Token answers are limited to 64 KiB, after decompression."""
    hostile.behaviours[TOKEN_PATH] = answer  # type: ignore[assignment]
    with (
        TokenProvider.from_settings(settings) as provider,
        pytest.raises(ResponseTooLargeError) as caught,
    ):
        provider.get_token()
    assert caught.value.limit == MAX_TOKEN_ANSWER_BYTES


@pytest.mark.parametrize("bad", [0, -5, 1.5, True, "16MiB"])
def test_size_limits_must_be_whole_positive_numbers(
    settings: NitroboxSettings, bad: object
) -> None:
    """max_answer_bytes / max_file_bytes are checked up front."""
    with pytest.raises(SettingsError, match="max_answer_bytes"):
        create_client(settings, max_answer_bytes=bad)  # type: ignore[arg-type]
    with pytest.raises(SettingsError, match="max_file_bytes"):
        create_client(settings, max_file_bytes=bad)  # type: ignore[arg-type]


def test_a_narrower_accept_encoding_of_the_caller_is_kept(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """identity stays identity; br (which the client cannot bound) becomes gzip, deflate."""
    seen: list[str] = []
    hostile.behaviours[PATH] = lambda handler: handler.send(
        b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
        b"Content-Length: 2\r\n\r\n{}"
    )
    http = make_client(settings).get_httpx_client()
    for asked in ("identity", "br"):
        response = http.get(PATH, headers={"Accept-Encoding": asked})
        seen.append(response.request.headers["Accept-Encoding"])
    assert seen == ["identity", "gzip, deflate"]
