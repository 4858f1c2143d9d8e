from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.global_error_response import GlobalErrorResponse
from ...models.splitting_config import SplittingConfig
from ...types import Response

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "PUT"
PATH_TEMPLATE = "/v2/billing-groups/{billing_group_ident}/splitting-config"


def _get_kwargs(
    billing_group_ident: str,
    *,
    body: SplittingConfig,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v2/billing-groups/{billing_group_ident}/splitting-config".format(
            billing_group_ident=quote(str(billing_group_ident), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GlobalErrorResponse | SplittingConfig | None:
    if response.status_code == 200:
        response_200 = SplittingConfig.from_dict(response.json())

        return response_200

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
) -> Response[GlobalErrorResponse | SplittingConfig]:
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
    billing_group_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: SplittingConfig,
) -> Response[GlobalErrorResponse | SplittingConfig]:
    """Update splitting config

     Replaces the billing group's splitting configuration (fields not published).

    Args:
        billing_group_ident (str):
        body (SplittingConfig): A billing group's splitting configuration (fields not published;
            any object passes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GlobalErrorResponse | SplittingConfig]
    """

    kwargs = _get_kwargs(
        billing_group_ident=billing_group_ident,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    billing_group_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: SplittingConfig,
) -> GlobalErrorResponse | SplittingConfig | None:
    """Update splitting config

     Replaces the billing group's splitting configuration (fields not published).

    Args:
        billing_group_ident (str):
        body (SplittingConfig): A billing group's splitting configuration (fields not published;
            any object passes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GlobalErrorResponse | SplittingConfig
    """

    return sync_detailed(
        billing_group_ident=billing_group_ident,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    billing_group_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: SplittingConfig,
) -> Response[GlobalErrorResponse | SplittingConfig]:
    """Update splitting config

     Replaces the billing group's splitting configuration (fields not published).

    Args:
        billing_group_ident (str):
        body (SplittingConfig): A billing group's splitting configuration (fields not published;
            any object passes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GlobalErrorResponse | SplittingConfig]
    """

    kwargs = _get_kwargs(
        billing_group_ident=billing_group_ident,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    billing_group_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: SplittingConfig,
) -> GlobalErrorResponse | SplittingConfig | None:
    """Update splitting config

     Replaces the billing group's splitting configuration (fields not published).

    Args:
        billing_group_ident (str):
        body (SplittingConfig): A billing group's splitting configuration (fields not published;
            any object passes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GlobalErrorResponse | SplittingConfig
    """

    return (
        await asyncio_detailed(
            billing_group_ident=billing_group_ident,
            client=client,
            body=body,
        )
    ).parsed
