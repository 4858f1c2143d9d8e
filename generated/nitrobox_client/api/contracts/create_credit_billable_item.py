from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client, decoding_errors
from ...models.credit_billable_item_request import CreditBillableItemRequest
from ...models.global_error_response import GlobalErrorResponse
from ...types import Response

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "POST"
PATH_TEMPLATE = "/v2/contracts/{id}/creditbillableitems"


def _get_kwargs(
    id: int,
    *,
    body: CreditBillableItemRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/contracts/{id}/creditbillableitems".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _is_documented(status_code: int) -> bool:
    return status_code == 200 or status_code == 201 or 400 <= status_code <= 499 or 500 <= status_code <= 599


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GlobalErrorResponse | None:
    if response.status_code == 200:
        return None

    if response.status_code == 201:
        return None

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
) -> Response[None, GlobalErrorResponse]:
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
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CreditBillableItemRequest,
) -> Response[None, GlobalErrorResponse]:
    """Create credit billable item (deprecated)

     Deprecated since 2024-12-19, sunset at the latest 2026-01-01, replaced by addLineItem (line items
    with debitCreditIndicator = CREDIT). A later notice on the same page says deprecated since
    2025-07-15, sunset 2026-07-14, without replacement. Conflicting evidence: the changelog says "Fixed
    a bug where the credit billable item endpoint was shown as deprecated", so the deprecation may have
    been a display bug. Both notices are kept until Nitrobox settles it (see x-nitrobox-conflict).

    Args:
        id (int):
        body (CreditBillableItemRequest): Deprecated credit billable item. Visible fields only;
            the required item ident (1..100), an action type, the business segment, contract,
            currency, delivery date and description have hidden names and pass through as extra
            properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None, GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
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
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CreditBillableItemRequest,
) -> GlobalErrorResponse | None:
    """Create credit billable item (deprecated)

     Deprecated since 2024-12-19, sunset at the latest 2026-01-01, replaced by addLineItem (line items
    with debitCreditIndicator = CREDIT). A later notice on the same page says deprecated since
    2025-07-15, sunset 2026-07-14, without replacement. Conflicting evidence: the changelog says "Fixed
    a bug where the credit billable item endpoint was shown as deprecated", so the deprecation may have
    been a display bug. Both notices are kept until Nitrobox settles it (see x-nitrobox-conflict).

    Args:
        id (int):
        body (CreditBillableItemRequest): Deprecated credit billable item. Visible fields only;
            the required item ident (1..100), an action type, the business segment, contract,
            currency, delivery date and description have hidden names and pass through as extra
            properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GlobalErrorResponse | None
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CreditBillableItemRequest,
) -> Response[None, GlobalErrorResponse]:
    """Create credit billable item (deprecated)

     Deprecated since 2024-12-19, sunset at the latest 2026-01-01, replaced by addLineItem (line items
    with debitCreditIndicator = CREDIT). A later notice on the same page says deprecated since
    2025-07-15, sunset 2026-07-14, without replacement. Conflicting evidence: the changelog says "Fixed
    a bug where the credit billable item endpoint was shown as deprecated", so the deprecation may have
    been a display bug. Both notices are kept until Nitrobox settles it (see x-nitrobox-conflict).

    Args:
        id (int):
        body (CreditBillableItemRequest): Deprecated credit billable item. Visible fields only;
            the required item ident (1..100), an action type, the business segment, contract,
            currency, delivery date and description have hidden names and pass through as extra
            properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None, GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    http_client = client.get_async_httpx_client()
    try:
        response = await http_client.request(**kwargs)
    except decoding_errors(http_client) as error:
        raise client.error_factory.undecodable_response(error) from error

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CreditBillableItemRequest,
) -> GlobalErrorResponse | None:
    """Create credit billable item (deprecated)

     Deprecated since 2024-12-19, sunset at the latest 2026-01-01, replaced by addLineItem (line items
    with debitCreditIndicator = CREDIT). A later notice on the same page says deprecated since
    2025-07-15, sunset 2026-07-14, without replacement. Conflicting evidence: the changelog says "Fixed
    a bug where the credit billable item endpoint was shown as deprecated", so the deprecation may have
    been a display bug. Both notices are kept until Nitrobox settles it (see x-nitrobox-conflict).

    Args:
        id (int):
        body (CreditBillableItemRequest): Deprecated credit billable item. Visible fields only;
            the required item ident (1..100), an action type, the business segment, contract,
            currency, delivery date and description have hidden names and pass through as extra
            properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GlobalErrorResponse | None
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
