from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.global_error_response import GlobalErrorResponse
from ...models.multipart_file_schema import MultipartFileSchema
from ...types import Response

# The operation this module calls, so tools (tests, the CLI) can map spec operations to modules.
HTTP_METHOD = "POST"
PATH_TEMPLATE = "/v2/documents/{ident}/attachments"


def _get_kwargs(
    ident: str,
    *,
    body: MultipartFileSchema,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/documents/{ident}/attachments".format(
            ident=quote(str(ident), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

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
    ident: str,
    *,
    client: AuthenticatedClient | Client,
    body: MultipartFileSchema,
) -> Response[Any | GlobalErrorResponse]:
    """Add attachment

     Attaches a file to a document.

    Args:
        ident (str):
        body (MultipartFileSchema): A file upload. Allowed extensions: .csv .json .pdf .txt .xls
            .xlsx .xml.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GlobalErrorResponse]
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
    body: MultipartFileSchema,
) -> Any | GlobalErrorResponse | None:
    """Add attachment

     Attaches a file to a document.

    Args:
        ident (str):
        body (MultipartFileSchema): A file upload. Allowed extensions: .csv .json .pdf .txt .xls
            .xlsx .xml.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GlobalErrorResponse
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
    body: MultipartFileSchema,
) -> Response[Any | GlobalErrorResponse]:
    """Add attachment

     Attaches a file to a document.

    Args:
        ident (str):
        body (MultipartFileSchema): A file upload. Allowed extensions: .csv .json .pdf .txt .xls
            .xlsx .xml.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GlobalErrorResponse]
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
    body: MultipartFileSchema,
) -> Any | GlobalErrorResponse | None:
    """Add attachment

     Attaches a file to a document.

    Args:
        ident (str):
        body (MultipartFileSchema): A file upload. Allowed extensions: .csv .json .pdf .txt .xls
            .xlsx .xml.

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
            body=body,
        )
    ).parsed
