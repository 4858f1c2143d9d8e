from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client, decoding_errors
from ...models.customer import Customer
from ...models.customer_update_request import CustomerUpdateRequest
from ...models.global_error_response import GlobalErrorResponse
from ...types import UNSET, Response, Unset

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "PUT"
PATH_TEMPLATE = "/v2/customers/{ident}"


def _get_kwargs(
    ident: str,
    *,
    body: CustomerUpdateRequest,
    slim_response: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["slimResponse"] = slim_response

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v2/customers/{ident}".format(
            ident=quote(str(ident), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _is_documented(status_code: int) -> bool:
    return status_code == 200 or 400 <= status_code <= 499 or 500 <= status_code <= 599


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Customer | GlobalErrorResponse | None:
    if response.status_code == 200:
        response_200 = Customer.from_dict(response.json())

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
) -> Response[Customer, GlobalErrorResponse]:
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
    *,
    client: AuthenticatedClient | Client,
    body: CustomerUpdateRequest,
    slim_response: bool | Unset = False,
) -> Response[Customer, GlobalErrorResponse]:
    """Update customer

     Only `language`, `customerType`, `preferredDocumentDelivery` and `properties` can be changed; the
    customer account number cannot. Sent `properties` replace the whole set (missing ones are removed,
    same-named ones updated, new ones added). Addresses are changed with updateAddress, not here.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        slim_response (bool | Unset):  Default: False.
        body (CustomerUpdateRequest): Update customer body. The page hid the names of two
            contractor-reference strings (0..255), the dunning configuration (object) and the tax
            classifications (array); send them as extra properties under their real names. Unknown
            properties pass through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Customer, GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        ident=ident,
        body=body,
        slim_response=slim_response,
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
    *,
    client: AuthenticatedClient | Client,
    body: CustomerUpdateRequest,
    slim_response: bool | Unset = False,
) -> Customer | GlobalErrorResponse | None:
    """Update customer

     Only `language`, `customerType`, `preferredDocumentDelivery` and `properties` can be changed; the
    customer account number cannot. Sent `properties` replace the whole set (missing ones are removed,
    same-named ones updated, new ones added). Addresses are changed with updateAddress, not here.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        slim_response (bool | Unset):  Default: False.
        body (CustomerUpdateRequest): Update customer body. The page hid the names of two
            contractor-reference strings (0..255), the dunning configuration (object) and the tax
            classifications (array); send them as extra properties under their real names. Unknown
            properties pass through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Customer | GlobalErrorResponse | None
    """

    return sync_detailed(
        ident=ident,
        client=client,
        body=body,
        slim_response=slim_response,
    ).parsed


async def asyncio_detailed(
    ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: CustomerUpdateRequest,
    slim_response: bool | Unset = False,
) -> Response[Customer, GlobalErrorResponse]:
    """Update customer

     Only `language`, `customerType`, `preferredDocumentDelivery` and `properties` can be changed; the
    customer account number cannot. Sent `properties` replace the whole set (missing ones are removed,
    same-named ones updated, new ones added). Addresses are changed with updateAddress, not here.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        slim_response (bool | Unset):  Default: False.
        body (CustomerUpdateRequest): Update customer body. The page hid the names of two
            contractor-reference strings (0..255), the dunning configuration (object) and the tax
            classifications (array); send them as extra properties under their real names. Unknown
            properties pass through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Customer, GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        ident=ident,
        body=body,
        slim_response=slim_response,
    )

    http_client = client.get_async_httpx_client()
    try:
        response = await http_client.request(**kwargs)
    except decoding_errors(http_client) as error:
        raise client.error_factory.undecodable_response(error) from error

    return _build_response(client=client, response=response)


async def asyncio(
    ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: CustomerUpdateRequest,
    slim_response: bool | Unset = False,
) -> Customer | GlobalErrorResponse | None:
    """Update customer

     Only `language`, `customerType`, `preferredDocumentDelivery` and `properties` can be changed; the
    customer account number cannot. Sent `properties` replace the whole set (missing ones are removed,
    same-named ones updated, new ones added). Addresses are changed with updateAddress, not here.

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        slim_response (bool | Unset):  Default: False.
        body (CustomerUpdateRequest): Update customer body. The page hid the names of two
            contractor-reference strings (0..255), the dunning configuration (object) and the tax
            classifications (array); send them as extra properties under their real names. Unknown
            properties pass through.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Customer | GlobalErrorResponse | None
    """

    return (
        await asyncio_detailed(
            ident=ident,
            client=client,
            body=body,
            slim_response=slim_response,
        )
    ).parsed
