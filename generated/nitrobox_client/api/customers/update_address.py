from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client, decoding_errors
from ...models.address import Address
from ...models.address_create_request import AddressCreateRequest
from ...models.global_error_response import GlobalErrorResponse
from ...types import Response

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "PUT"
PATH_TEMPLATE = "/v2/customers/{ident}/addresses/{address_ident}"


def _get_kwargs(
    ident: str,
    address_ident: str,
    *,
    body: AddressCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v2/customers/{ident}/addresses/{address_ident}".format(
            ident=quote(str(ident), safe=""),
            address_ident=quote(str(address_ident), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _is_documented(status_code: int) -> bool:
    return status_code == 200 or 400 <= status_code <= 499 or 500 <= status_code <= 599


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Address | GlobalErrorResponse | None:
    if response.status_code == 200:
        response_200 = Address.from_dict(response.json())

        return response_200

    if 400 <= response.status_code <= 499:
        response_4xx = GlobalErrorResponse.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = GlobalErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise client.error_factory.unexpected_status(response)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Address, GlobalErrorResponse]:
    documented = _is_documented(response.status_code)
    if not documented:
        if client.raise_on_unexpected_status:
            raise client.error_factory.unexpected_status(response)
        parsed = None
    else:
        try:
            parsed = _parse_response(client=client, response=response)
        except errors.PARSE_ERRORS as error:
            if response.is_success:
                # A documented success answer the parser cannot read (HTML, wrong types,
                # JSON nested too deep) is a broken contract: raised, never hidden as None.
                raise client.error_factory.malformed_response(response, error) from error
            # An error answer whose body is not the documented error model (a gateway's HTML
            # page, an empty 502) keeps its status and raw content instead of crashing here.
            parsed = None
    return Response(
        # Plain int: HTTPStatus(499) or HTTPStatus(520) would raise ValueError.
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
        documented=documented,
    )


def sync_detailed(
    ident: str,
    address_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddressCreateRequest,
) -> Response[Address, GlobalErrorResponse]:
    """Update address

     Changes one address of a customer. `addressType` cannot be changed after the initial POST.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        address_ident (str): A client-chosen external reference: 1..100 characters of
            `[a-zA-Z0-9_.~-]`, unique, and usually immutable after the initial POST. Example:
            CUST-1001.
        body (AddressCreateRequest): An address assigned to a customer; addressType INVOICE or
            SHIPPING. The published field list breaks off after `properties` (street, postal code etc.
            were not visible): such fields pass through unchanged. In Nitrobox's customer-api.json
            `addressType` is a plain string with its values in the description; here it is a real
            enum.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Address, GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        ident=ident,
        address_ident=address_ident,
        body=body,
    )

    http_client = client.get_httpx_client()
    try:
        response = http_client.request(
            **kwargs,
        )
    except decoding_errors(http_client) as error:
        # httpx decodes the body after the transports returned it: only here can it be typed.
        raise client.error_factory.undecodable_response(error) from error

    return _build_response(client=client, response=response)


def sync(
    ident: str,
    address_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddressCreateRequest,
) -> Address | GlobalErrorResponse | None:
    """Update address

     Changes one address of a customer. `addressType` cannot be changed after the initial POST.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        address_ident (str): A client-chosen external reference: 1..100 characters of
            `[a-zA-Z0-9_.~-]`, unique, and usually immutable after the initial POST. Example:
            CUST-1001.
        body (AddressCreateRequest): An address assigned to a customer; addressType INVOICE or
            SHIPPING. The published field list breaks off after `properties` (street, postal code etc.
            were not visible): such fields pass through unchanged. In Nitrobox's customer-api.json
            `addressType` is a plain string with its values in the description; here it is a real
            enum.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Address | GlobalErrorResponse | None
    """

    return sync_detailed(
        ident=ident,
        address_ident=address_ident,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    ident: str,
    address_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddressCreateRequest,
) -> Response[Address, GlobalErrorResponse]:
    """Update address

     Changes one address of a customer. `addressType` cannot be changed after the initial POST.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        address_ident (str): A client-chosen external reference: 1..100 characters of
            `[a-zA-Z0-9_.~-]`, unique, and usually immutable after the initial POST. Example:
            CUST-1001.
        body (AddressCreateRequest): An address assigned to a customer; addressType INVOICE or
            SHIPPING. The published field list breaks off after `properties` (street, postal code etc.
            were not visible): such fields pass through unchanged. In Nitrobox's customer-api.json
            `addressType` is a plain string with its values in the description; here it is a real
            enum.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Address, GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        ident=ident,
        address_ident=address_ident,
        body=body,
    )

    http_client = client.get_async_httpx_client()
    try:
        response = await http_client.request(**kwargs)
    except decoding_errors(http_client) as error:
        raise client.error_factory.undecodable_response(error) from error

    return _build_response(client=client, response=response)


async def asyncio(
    ident: str,
    address_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddressCreateRequest,
) -> Address | GlobalErrorResponse | None:
    """Update address

     Changes one address of a customer. `addressType` cannot be changed after the initial POST.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        address_ident (str): A client-chosen external reference: 1..100 characters of
            `[a-zA-Z0-9_.~-]`, unique, and usually immutable after the initial POST. Example:
            CUST-1001.
        body (AddressCreateRequest): An address assigned to a customer; addressType INVOICE or
            SHIPPING. The published field list breaks off after `properties` (street, postal code etc.
            were not visible): such fields pass through unchanged. In Nitrobox's customer-api.json
            `addressType` is a plain string with its values in the description; here it is a real
            enum.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Address | GlobalErrorResponse | None
    """

    return (
        await asyncio_detailed(
            ident=ident,
            address_ident=address_ident,
            client=client,
            body=body,
        )
    ).parsed
