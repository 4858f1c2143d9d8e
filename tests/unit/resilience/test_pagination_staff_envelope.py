"""Issue 9's case, exactly: a server answering the documents query the way Nitrobox staff code
reads it, ``{"_embedded": [...7 documents...]}``, must give every document, typed."""

from __future__ import annotations

from http_under_test import httpx
from nitrobox_client.api.documents import query_documents
from nitrobox_client.models import Document

from nitrobox_auth import NitroboxSettings, create_client, paginate

SETTINGS = NitroboxSettings(
    tenant="acme", client_id="client-id", client_secret="client-secret", base_url="https://nb.test"
)
DOCUMENTS = [{"ident": f"INV-{n:06d}", "documentType": "INVOICE"} for n in range(7)]


def _nitrobox(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/oauth2/token"):
        return httpx.Response(
            200, json={"access_token": "t-0123456789", "token_type": "bearer", "expires_in": 300}
        )
    # No page metadata at all, as in the staff demo's reading of the answer.
    body = {"_embedded": DOCUMENTS} if request.url.params.get("page") == "0" else {"_embedded": []}
    return httpx.Response(200, json=body)


def test_seven_embedded_documents_without_metadata_all_come_back_as_documents() -> None:
    """The walk that used to yield 0 items silently yields all 7, as Document models."""
    with create_client(SETTINGS, transport=httpx.MockTransport(_nitrobox)) as client:
        found = list(paginate(query_documents, client=client))
    assert [d.ident for d in found] == [d["ident"] for d in DOCUMENTS]
    assert all(isinstance(d, Document) for d in found)
