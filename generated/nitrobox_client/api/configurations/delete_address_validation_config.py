from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.global_error_response import GlobalErrorResponse
from ...types import Response

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "DELETE"
PATH_TEMPLATE = "/v2/configurations/address-validation/{ident}"


def _get_kwargs(
    ident: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v2/configurations/address-validation/{ident}".format(
            ident=quote(str(ident), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GlobalErrorResponse | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if 400 <= response.status_code <= 499:
        response_4xx = GlobalErrorResponse.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = GlobalErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | GlobalErrorResponse]:
    try:
        parsed = _parse_response(client=client, response=response)
    except (ValueError, KeyError, TypeError):
        # An error answer whose body is not the documented error model (a gateway's HTML
        # page, an empty 502) keeps its status and raw content instead of crashing here.
        if response.is_success:
            raise
        parsed = None
    return Response(
        # Plain int: HTTPStatus(499) or HTTPStatus(520) would raise ValueError.
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    ident: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | GlobalErrorResponse]:
    """Delete address validation config

    Args:
        ident (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        ident=ident,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ident: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | GlobalErrorResponse | None:
    """Delete address validation config

    Args:
        ident (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GlobalErrorResponse
    """

    return sync_detailed(
        ident=ident,
        client=client,
    ).parsed


async def asyncio_detailed(
    ident: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | GlobalErrorResponse]:
    """Delete address validation config

    Args:
        ident (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        ident=ident,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ident: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | GlobalErrorResponse | None:
    """Delete address validation config

    Args:
        ident (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GlobalErrorResponse
    """

    return (
        await asyncio_detailed(
            ident=ident,
            client=client,
        )
    ).parsed
