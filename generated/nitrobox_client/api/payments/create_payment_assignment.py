from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.global_error_response import GlobalErrorResponse
from ...models.payment_assignment_create_request import PaymentAssignmentCreateRequest
from ...types import Response

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "POST"
PATH_TEMPLATE = "/v2/payment-assignments"


def _get_kwargs(
    *,
    body: PaymentAssignmentCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/payment-assignments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GlobalErrorResponse | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 201:
        response_201 = cast(Any, None)
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
    *,
    client: AuthenticatedClient | Client,
    body: PaymentAssignmentCreateRequest,
) -> Response[Any | GlobalErrorResponse]:
    """Assign Payment

     Creates a manual assignment between a payment and a DOCUMENT (invoice, credit memo, ...) or an
    ORDER. If the order has exactly one document, the payment goes to that document.

    Args:
        body (PaymentAssignmentCreateRequest): Only `amount` is named on the page (default: the
            remaining transaction amount, or the batch item's amount). The other fields had hidden
            names: the assignment ident (required, 1..100, `[a-zA-Z0-9_.~-]*`), a batch item ident,
            the payment transaction ident (required, 1..255, `^\\S(.*\\S)?$`), the target ident
            (document or order ident; required, 1..255, `^\\S(.*\\S)?$`) and the target type
            (required, DOCUMENT | ORDER). Send them as extra properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PaymentAssignmentCreateRequest,
) -> Any | GlobalErrorResponse | None:
    """Assign Payment

     Creates a manual assignment between a payment and a DOCUMENT (invoice, credit memo, ...) or an
    ORDER. If the order has exactly one document, the payment goes to that document.

    Args:
        body (PaymentAssignmentCreateRequest): Only `amount` is named on the page (default: the
            remaining transaction amount, or the batch item's amount). The other fields had hidden
            names: the assignment ident (required, 1..100, `[a-zA-Z0-9_.~-]*`), a batch item ident,
            the payment transaction ident (required, 1..255, `^\\S(.*\\S)?$`), the target ident
            (document or order ident; required, 1..255, `^\\S(.*\\S)?$`) and the target type
            (required, DOCUMENT | ORDER). Send them as extra properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GlobalErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PaymentAssignmentCreateRequest,
) -> Response[Any | GlobalErrorResponse]:
    """Assign Payment

     Creates a manual assignment between a payment and a DOCUMENT (invoice, credit memo, ...) or an
    ORDER. If the order has exactly one document, the payment goes to that document.

    Args:
        body (PaymentAssignmentCreateRequest): Only `amount` is named on the page (default: the
            remaining transaction amount, or the batch item's amount). The other fields had hidden
            names: the assignment ident (required, 1..100, `[a-zA-Z0-9_.~-]*`), a batch item ident,
            the payment transaction ident (required, 1..255, `^\\S(.*\\S)?$`), the target ident
            (document or order ident; required, 1..255, `^\\S(.*\\S)?$`) and the target type
            (required, DOCUMENT | ORDER). Send them as extra properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GlobalErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PaymentAssignmentCreateRequest,
) -> Any | GlobalErrorResponse | None:
    """Assign Payment

     Creates a manual assignment between a payment and a DOCUMENT (invoice, credit memo, ...) or an
    ORDER. If the order has exactly one document, the payment goes to that document.

    Args:
        body (PaymentAssignmentCreateRequest): Only `amount` is named on the page (default: the
            remaining transaction amount, or the batch item's amount). The other fields had hidden
            names: the assignment ident (required, 1..100, `[a-zA-Z0-9_.~-]*`), a batch item ident,
            the payment transaction ident (required, 1..255, `^\\S(.*\\S)?$`), the target ident
            (document or order ident; required, 1..255, `^\\S(.*\\S)?$`) and the target type
            (required, DOCUMENT | ORDER). Send them as extra properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GlobalErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
