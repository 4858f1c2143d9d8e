from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.address import Address
from ...models.address_create_request import AddressCreateRequest
from ...models.global_error_response import GlobalErrorResponse
from ...types import Response

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "POST"
PATH_TEMPLATE = "/v2/customers/{ident}/addresses"


def _get_kwargs(
    ident: str,
    *,
    body: AddressCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/customers/{ident}/addresses".format(
            ident=quote(str(ident), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Address | GlobalErrorResponse | None:
    if response.status_code == 200:
        response_200 = Address.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Address.from_dict(response.json())

        return response_201

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
) -> Response[Address | GlobalErrorResponse]:
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
    body: AddressCreateRequest,
) -> Response[Address | GlobalErrorResponse]:
    """Create address

     Adds an INVOICE or SHIPPING address to an existing customer.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        body (AddressCreateRequest): An address assigned to a customer; addressType INVOICE or
            SHIPPING. The published field list breaks off after `properties` (street, postal code etc.
            were not visible): such fields pass through unchanged. In Nitrobox's customer-api.json
            `addressType` is a plain string with its values in the description; here it is a real
            enum.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Address | GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        ident=ident,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddressCreateRequest,
) -> Address | GlobalErrorResponse | None:
    """Create address

     Adds an INVOICE or SHIPPING address to an existing customer.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        body (AddressCreateRequest): An address assigned to a customer; addressType INVOICE or
            SHIPPING. The published field list breaks off after `properties` (street, postal code etc.
            were not visible): such fields pass through unchanged. In Nitrobox's customer-api.json
            `addressType` is a plain string with its values in the description; here it is a real
            enum.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Address | GlobalErrorResponse
    """

    return sync_detailed(
        ident=ident,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddressCreateRequest,
) -> Response[Address | GlobalErrorResponse]:
    """Create address

     Adds an INVOICE or SHIPPING address to an existing customer.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        body (AddressCreateRequest): An address assigned to a customer; addressType INVOICE or
            SHIPPING. The published field list breaks off after `properties` (street, postal code etc.
            were not visible): such fields pass through unchanged. In Nitrobox's customer-api.json
            `addressType` is a plain string with its values in the description; here it is a real
            enum.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Address | GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        ident=ident,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddressCreateRequest,
) -> Address | GlobalErrorResponse | None:
    """Create address

     Adds an INVOICE or SHIPPING address to an existing customer.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        body (AddressCreateRequest): An address assigned to a customer; addressType INVOICE or
            SHIPPING. The published field list breaks off after `properties` (street, postal code etc.
            were not visible): such fields pass through unchanged. In Nitrobox's customer-api.json
            `addressType` is a plain string with its values in the description; here it is a real
            enum.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Address | GlobalErrorResponse
    """

    return (
        await asyncio_detailed(
            ident=ident,
            client=client,
            body=body,
        )
    ).parsed
