from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client, decoding_errors
from ...models.common_error import CommonError
from ...models.payment_assignment_configuration_request import PaymentAssignmentConfigurationRequest
from ...types import Response

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "POST"
PATH_TEMPLATE = "/v2/merchant-payment-accounts/{merchant_payment_account_ident}/assignment-configuration"


def _get_kwargs(
    merchant_payment_account_ident: str,
    *,
    body: PaymentAssignmentConfigurationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/merchant-payment-accounts/{merchant_payment_account_ident}/assignment-configuration".format(
            merchant_payment_account_ident=quote(str(merchant_payment_account_ident), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _is_documented(status_code: int) -> bool:
    return status_code == 201 or 400 <= status_code <= 499 or 500 <= status_code <= 599


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CommonError | None:
    if response.status_code == 201:
        return None

    if 400 <= response.status_code <= 499:
        response_4xx = CommonError.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = CommonError.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise client.error_factory.unexpected_status(response)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[None, CommonError]:
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
    merchant_payment_account_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: PaymentAssignmentConfigurationRequest,
) -> Response[None, CommonError]:
    """Create or update payment-assignment configuration

     Sets how over- and underpayments on the merchant payment account are assigned to documents and
    orders (facts 3, R10). Its error answers use the newer `CommonError` body (R13).

    Args:
        merchant_payment_account_ident (str):
        body (PaymentAssignmentConfigurationRequest): How over- and underpayments are assigned.
            The deprecated `overpaymentAssignment` and `underpaymentAssignment` are published without
            a visible type, so they are not declared and pass through unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None, CommonError]
    """

    kwargs = _get_kwargs(
        merchant_payment_account_ident=merchant_payment_account_ident,
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
    merchant_payment_account_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: PaymentAssignmentConfigurationRequest,
) -> CommonError | None:
    """Create or update payment-assignment configuration

     Sets how over- and underpayments on the merchant payment account are assigned to documents and
    orders (facts 3, R10). Its error answers use the newer `CommonError` body (R13).

    Args:
        merchant_payment_account_ident (str):
        body (PaymentAssignmentConfigurationRequest): How over- and underpayments are assigned.
            The deprecated `overpaymentAssignment` and `underpaymentAssignment` are published without
            a visible type, so they are not declared and pass through unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommonError | None
    """

    return sync_detailed(
        merchant_payment_account_ident=merchant_payment_account_ident,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    merchant_payment_account_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: PaymentAssignmentConfigurationRequest,
) -> Response[None, CommonError]:
    """Create or update payment-assignment configuration

     Sets how over- and underpayments on the merchant payment account are assigned to documents and
    orders (facts 3, R10). Its error answers use the newer `CommonError` body (R13).

    Args:
        merchant_payment_account_ident (str):
        body (PaymentAssignmentConfigurationRequest): How over- and underpayments are assigned.
            The deprecated `overpaymentAssignment` and `underpaymentAssignment` are published without
            a visible type, so they are not declared and pass through unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None, CommonError]
    """

    kwargs = _get_kwargs(
        merchant_payment_account_ident=merchant_payment_account_ident,
        body=body,
    )

    http_client = client.get_async_httpx_client()
    try:
        response = await http_client.request(**kwargs)
    except decoding_errors(http_client) as error:
        raise client.error_factory.undecodable_response(error) from error

    return _build_response(client=client, response=response)


async def asyncio(
    merchant_payment_account_ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: PaymentAssignmentConfigurationRequest,
) -> CommonError | None:
    """Create or update payment-assignment configuration

     Sets how over- and underpayments on the merchant payment account are assigned to documents and
    orders (facts 3, R10). Its error answers use the newer `CommonError` body (R13).

    Args:
        merchant_payment_account_ident (str):
        body (PaymentAssignmentConfigurationRequest): How over- and underpayments are assigned.
            The deprecated `overpaymentAssignment` and `underpaymentAssignment` are published without
            a visible type, so they are not declared and pass through unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommonError | None
    """

    return (
        await asyncio_detailed(
            merchant_payment_account_ident=merchant_payment_account_ident,
            client=client,
            body=body,
        )
    ).parsed
