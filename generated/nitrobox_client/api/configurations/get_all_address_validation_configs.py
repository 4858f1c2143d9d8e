from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client, decoding_errors
from ...models.address_validation_config import AddressValidationConfig
from ...models.global_error_response import GlobalErrorResponse
from ...types import Response

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "GET"
PATH_TEMPLATE = "/v2/configurations/address-validation"


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/configurations/address-validation",
    }

    return _kwargs


def _is_documented(status_code: int) -> bool:
    return status_code == 200 or 400 <= status_code <= 499 or 500 <= status_code <= 599


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GlobalErrorResponse | list[AddressValidationConfig] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = AddressValidationConfig.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[list[AddressValidationConfig], GlobalErrorResponse]:
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
    *,
    client: AuthenticatedClient | Client,
) -> Response[list[AddressValidationConfig], GlobalErrorResponse]:
    """Get all address validation configs

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[AddressValidationConfig], GlobalErrorResponse]
    """

    kwargs = _get_kwargs()

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
    *,
    client: AuthenticatedClient | Client,
) -> GlobalErrorResponse | list[AddressValidationConfig] | None:
    """Get all address validation configs

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GlobalErrorResponse | list[AddressValidationConfig] | None
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[list[AddressValidationConfig], GlobalErrorResponse]:
    """Get all address validation configs

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[AddressValidationConfig], GlobalErrorResponse]
    """

    kwargs = _get_kwargs()

    http_client = client.get_async_httpx_client()
    try:
        response = await http_client.request(**kwargs)
    except decoding_errors(http_client) as error:
        raise client.error_factory.undecodable_response(error) from error

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> GlobalErrorResponse | list[AddressValidationConfig] | None:
    """Get all address validation configs

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.MalformedResponse: If a documented success body cannot be parsed as documented.
        errors.ClientClosed: If the client was closed.
        httpx.DecodingError: If the body's Content-Encoding cannot be decoded.
        (Each is what the default Client.error_factory builds; a Client can be given its own.)
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GlobalErrorResponse | list[AddressValidationConfig] | None
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
