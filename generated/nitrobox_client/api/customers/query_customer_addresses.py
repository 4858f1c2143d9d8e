from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client, decoding_errors
from ...models.address_page import AddressPage
from ...models.global_error_response import GlobalErrorResponse
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "GET"
PATH_TEMPLATE = "/v2/customers/{ident}/addresses"


def _get_kwargs(
    ident: str,
    *,
    search: str | Unset = UNSET,
    page: int | Unset = 0,
    size: int | Unset = UNSET,
    order_by: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["search"] = search

    params["page"] = page

    params["size"] = size

    params["orderBy"] = order_by

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/customers/{ident}/addresses".format(
            ident=quote(str(ident), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _is_documented(status_code: int) -> bool:
    return status_code == 200 or 400 <= status_code <= 499 or 500 <= status_code <= 599


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AddressPage | GlobalErrorResponse | None:
    if response.status_code == 200:
        response_200 = AddressPage.from_dict(response.json())

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
) -> Response[AddressPage, GlobalErrorResponse]:
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
    search: str | Unset = UNSET,
    page: int | Unset = 0,
    size: int | Unset = UNSET,
    order_by: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
) -> Response[AddressPage, GlobalErrorResponse]:
    """Query customer addresses

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        search (str | Unset):
        page (int | Unset):  Default: 0.
        size (int | Unset):
        order_by (str | Unset):
        direction (SortDirection | Unset): Sort direction of a query. The docs' RSQL page writes
            lower case (`asc`, `desc`); Nitrobox staff code sends upper case (`direction=DESC`). Both
            are accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AddressPage, GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        ident=ident,
        search=search,
        page=page,
        size=size,
        order_by=order_by,
        direction=direction,
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
    search: str | Unset = UNSET,
    page: int | Unset = 0,
    size: int | Unset = UNSET,
    order_by: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
) -> AddressPage | GlobalErrorResponse | None:
    """Query customer addresses

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        search (str | Unset):
        page (int | Unset):  Default: 0.
        size (int | Unset):
        order_by (str | Unset):
        direction (SortDirection | Unset): Sort direction of a query. The docs' RSQL page writes
            lower case (`asc`, `desc`); Nitrobox staff code sends upper case (`direction=DESC`). Both
            are accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AddressPage | GlobalErrorResponse | None
    """

    return sync_detailed(
        ident=ident,
        client=client,
        search=search,
        page=page,
        size=size,
        order_by=order_by,
        direction=direction,
    ).parsed


async def asyncio_detailed(
    ident: str,
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    page: int | Unset = 0,
    size: int | Unset = UNSET,
    order_by: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
) -> Response[AddressPage, GlobalErrorResponse]:
    """Query customer addresses

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        search (str | Unset):
        page (int | Unset):  Default: 0.
        size (int | Unset):
        order_by (str | Unset):
        direction (SortDirection | Unset): Sort direction of a query. The docs' RSQL page writes
            lower case (`asc`, `desc`); Nitrobox staff code sends upper case (`direction=DESC`). Both
            are accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AddressPage, GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        ident=ident,
        search=search,
        page=page,
        size=size,
        order_by=order_by,
        direction=direction,
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
    search: str | Unset = UNSET,
    page: int | Unset = 0,
    size: int | Unset = UNSET,
    order_by: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
) -> AddressPage | GlobalErrorResponse | None:
    """Query customer addresses

    Args:
        ident (str): The customer's ident, e.g. a customer number: 1..100 characters of
            `[a-zA-Z0-9_.~@-]`, unique. Contracts and billing runs refer to it as `debtorIdent`.
            Example: CUST-1001.
        search (str | Unset):
        page (int | Unset):  Default: 0.
        size (int | Unset):
        order_by (str | Unset):
        direction (SortDirection | Unset): Sort direction of a query. The docs' RSQL page writes
            lower case (`asc`, `desc`); Nitrobox staff code sends upper case (`direction=DESC`). Both
            are accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AddressPage | GlobalErrorResponse | None
    """

    return (
        await asyncio_detailed(
            ident=ident,
            client=client,
            search=search,
            page=page,
            size=size,
            order_by=order_by,
            direction=direction,
        )
    ).parsed
