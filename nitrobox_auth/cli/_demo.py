"""``nitrobox demo``: the end-to-end billing flow, step by step, with timings.

token -> customer -> contract -> usages -> billing run -> invoice -> PDF, through the
generated endpoint functions and ``create_client``, as user code would do it: ``unwrap``
for the success model (or the typed error), ``paginate`` and ``where`` for the search.
Against the embedded sandbox the invoice is found the way Nitrobox documents it: a
notification receiver on loopback waits for ``invoice.archived`` and the PDF it names is
downloaded. A real tenant cannot reach a receiver on this machine, so there the demo polls
the documents query.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from nitrobox_auth.cli._errors import CommandError
from nitrobox_auth.cli._output import Output
from nitrobox_auth.cli._parser import add_sandbox_flag
from nitrobox_auth.cli._sandbox_seam import inbox_class, sandbox_errors
from nitrobox_auth.cli._target import Target, open_target, shared_token_cache

if TYPE_CHECKING:
    from nitrobox_client import Client
    from nitrobox_client.models import Document

    from nitrobox_auth.cli._sandbox_seam import NotificationInbox

DEFAULT_PRODUCT = "demo-charging-kwh"
# A real environment may book documents a little after the billing run answers.
POLL_INTERVAL = 2.0


NAME = "demo"
HELP = "run an end-to-end billing flow (sandbox unless NITROBOX_* is set)"
DESCRIPTION = (
    "Fetch a token, create a customer, a contract and usages, start a billing run, "
    "find the invoice and download its PDF, printing each step with its timing. "
    "Runs against an embedded sandbox unless NITROBOX_* credentials are set."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="where to write the PDF: a file, or an existing directory (default: a temp dir)",
    )
    parser.add_argument("--usages", type=int, default=3, help="usages to create (default 3)")
    parser.add_argument(
        "--plan-id",
        type=int,
        help="plan for the contract (required against a real environment)",
    )
    parser.add_argument(
        "--product-ident",
        default=None,
        help=f"usage product of that plan (required against a real environment; "
        f"sandbox default {DEFAULT_PRODUCT})",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="how long to wait for the invoice after the billing run (default 120)",
    )
    add_sandbox_flag(parser)


class CallCounter:
    """Counts requests and the distinct bearer tokens they carried (as hashes, never tokens)."""

    def __init__(self) -> None:
        self.requests = 0
        self._tokens: set[str] = set()

    @property
    def distinct_tokens(self) -> int:
        return len(self._tokens)

    def on_request(self, request: httpx.Request) -> None:
        self.requests += 1
        authorization = request.headers.get("Authorization")
        if authorization:
            self._tokens.add(hashlib.sha256(authorization.encode()).hexdigest())


class CountingTransport(httpx.BaseTransport):
    """Wraps the token provider's transport to count token requests, whatever the server."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self._inner = inner
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def run(args: argparse.Namespace, output: Output) -> int:
    if args.usages < 1:
        raise CommandError("--usages must be at least 1")
    if args.output is not None and not args.output.is_dir() and not args.output.parent.is_dir():
        raise CommandError(
            f"--output {args.output}: the directory {args.output.parent} does not exist"
        )
    with open_target(output, force_sandbox=args.sandbox) as target:
        if target.sandbox is None and (args.plan_id is None or args.product_ident is None):
            raise CommandError(
                "against a real environment, give --plan-id (a plan of your tenant) and "
                "--product-ident (a usage product of that plan): the demo creates a contract "
                "on that plan and usages for that product"
            )
        return _run_flow(args, output, target)


def _run_flow(args: argparse.Namespace, output: Output, target: Target) -> int:
    from nitrobox_auth import TokenHTTP, TokenProvider, create_client
    from nitrobox_auth._redact import mask_secret

    run_id = f"demo-{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S}-{secrets.token_hex(3)}"
    output.line(f"Nitrobox demo {run_id} against {target.description}")
    # The provider leaves a transport it was given open (it may be shared): closed here.
    token_transport = CountingTransport(httpx.HTTPTransport())
    calls = CallCounter()
    with (
        token_transport,
        TokenProvider.from_settings(
            target.settings,
            http=TokenHTTP(transport=token_transport),
            cache=shared_token_cache(target),
        ) as provider,
    ):
        client = create_client(
            target.settings, provider=provider, event_hooks={"request": [calls.on_request]}
        )
        with client, _inbox_for(target) as inbox:
            with output.step("fetch an access token") as step:
                token = provider.get_token()
                step.detail = (
                    f"{token.token_type} {mask_secret(token.value)}, "
                    f"expires in {token.expires_in:.0f} s"
                )
            pdf_path = _billing_flow(args, output, client, run_id, inbox)

    token_requests = token_transport.requests
    output.line(
        f"{token_requests} token request{'s' if token_requests != 1 else ''} served "
        f"{calls.requests} API call{'s' if calls.requests != 1 else ''} "
        f"({calls.distinct_tokens} distinct bearer token{'s' if calls.distinct_tokens != 1 else ''}"
        f" sent) in {output.total_ms:.0f} ms"
    )
    if target.sandbox is not None:
        stats = target.sandbox.stats()
        output.line(
            "sandbox counters: "
            + ", ".join(
                f"{name}={stats[name]}"
                for name in ("token_requests", "api_requests", "unauthorized")
                if name in stats
            )
        )
    output.line(f"PDF written to {pdf_path}")
    return 0


@contextmanager
def _inbox_for(target: Target) -> Iterator[NotificationInbox | None]:
    """A receiver for ``invoice.archived`` subscribed to the embedded sandbox; ``None`` for a
    real environment (no public URL to give it)."""
    if target.sandbox is None:
        yield None
        return
    with inbox_class()() as inbox:
        inbox.subscribe_to(target.sandbox, types=["invoice.archived"])
        yield inbox


def _billing_flow(
    args: argparse.Namespace,
    output: Output,
    client: Client,
    run_id: str,
    inbox: NotificationInbox | None = None,
) -> Path:
    from nitrobox_client.api.billing_runs import billing_run
    from nitrobox_client.api.contracts import create_contract
    from nitrobox_client.api.customers import create_customer
    from nitrobox_client.api.usages import create_usage
    from nitrobox_client.models import (
        BillingRunRequest,
        ContractCreateRequest,
        CustomerCreateRequest,
        UsageCreateRequest,
    )

    from nitrobox_auth import unwrap

    customer_ident = f"{run_id}-customer"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)

    with output.step("create customer") as step:
        customer_body = CustomerCreateRequest.from_dict(
            {
                "customerIdent": customer_ident,
                "customerType": "B2B",
                "language": "en",
                "addresses": [
                    {
                        "addressType": "INVOICE",
                        "addressIdent": f"{run_id}-invoice",
                        "company": "Demo Charging GmbH",
                        "city": "Hamburg",
                        "country": "DE",
                    }
                ],
            }
        )
        customer = unwrap(create_customer.sync_detailed(client=client, body=customer_body))
        step.detail = str(customer.customer_ident)

    with output.step("create contract") as step:
        contract_body: dict[str, Any] = {
            "contractIdent": f"{run_id}-contract",
            "debtorIdent": customer_ident,
            "date": (now - dt.timedelta(hours=2)).isoformat(),
            "startDate": (now - dt.timedelta(hours=2)).isoformat(),
        }
        if args.plan_id is not None:
            contract_body["planId"] = args.plan_id
        contract = unwrap(
            create_contract.sync_detailed(
                client=client, body=ContractCreateRequest.from_dict(contract_body)
            )
        )
        contract_id = contract.contract_id if isinstance(contract.contract_id, int) else None
        step.detail = str(contract_body["contractIdent"])
        if contract_id is not None:
            step.detail += f" (contractId {contract_id})"

    product = args.product_ident or DEFAULT_PRODUCT
    with output.step(f"create {args.usages} usage{'s' if args.usages != 1 else ''}") as step:
        for n in range(args.usages):
            started = now - dt.timedelta(hours=1, minutes=10 * (args.usages - n))
            usage: dict[str, Any] = {
                "usageIdent": f"{run_id}-usage-{n + 1}",
                "productIdent": product,
                "startDate": started.isoformat(),
                "endDate": (started + dt.timedelta(minutes=5)).isoformat(),
                "unitQuantities": [{"unitQuantity": 10 * (n + 1), "unitQuantityType": "KWH"}],
                "taxLocation": {"country": "DE"},
            }
            if contract_id is not None:
                usage["contractId"] = contract_id
            unwrap(
                create_usage.sync_detailed(client=client, body=UsageCreateRequest.from_dict(usage))
            )
        step.detail = f"{product}, {args.usages} x kWh"

    with output.step("start billing run") as step:
        processing = dt.datetime.now(dt.UTC).replace(microsecond=0)
        response = billing_run.sync_detailed(
            client=client,
            body=BillingRunRequest.from_dict(
                {"debtorIdent": customer_ident, "processingDate": processing.isoformat()}
            ),
        )
        unwrap(response)  # no success body: None, or the typed error raised
        step.detail = f"debtorIdent {customer_ident}, HTTP {response.status_code}"

    if inbox is not None:
        with output.step("wait for invoice.archived") as step:
            document_ident = _wait_for_archived(inbox, customer_ident, args.wait)
            step.detail = f"notification names {document_ident}"
    else:
        with output.step("query the customer's documents") as step:
            documents = _wait_for_documents(client, customer_ident, args.wait)
            step.detail = ", ".join(_describe(d) for d in documents)
            document_ident = str(documents[0].ident)

    with output.step("download the invoice PDF") as step:
        pdf, name = _download(client, document_ident)
        path = _pdf_path(args.output, name)
        path.write_bytes(pdf)
        step.detail = f"{len(pdf)} bytes"
    return path


def _wait_for_documents(
    client: Client,
    customer_ident: str,
    wait: float,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> list[Document]:
    from nitrobox_client.api.documents import query_documents

    from nitrobox_auth import paginate, where

    search = where("customerDetail.customerIdent").eq(customer_ident)
    deadline = clock() + wait
    while True:
        documents: list[Document] = list(paginate(query_documents, client=client, search=search))
        if documents:
            return documents
        if clock() >= deadline:
            raise CommandError(
                f"the billing run produced no document for {customer_ident} within {wait:g} s "
                "(raise --wait, or check the tenant's billing configuration)"
            )
        sleep(POLL_INTERVAL)


def _wait_for_archived(inbox: NotificationInbox, customer_ident: str, wait: float) -> str:
    """The ident of the file ``invoice.archived`` names for this customer's invoice."""
    _, timeout_error = sandbox_errors()
    try:
        event = inbox.wait_for("invoice.archived", timeout=wait, customer_ident=customer_ident)
    except timeout_error as exc:
        raise CommandError(str(exc)) from None
    ident = event.raw.get("invoice_ident")
    if not isinstance(ident, str) or not ident:
        raise CommandError("the invoice.archived notification names no invoice_ident")
    return ident


def _describe(document: Document) -> str:
    """The ident, and the gross total when the server sends one (the spec does not promise it)."""
    total = document.additional_properties.get("totalGrossAmount")
    if isinstance(total, dict) and isinstance(total.get("amount"), int | float):
        currency = f" {total['currency']}" if total.get("currency") else ""
        return f"{document.ident} (gross {total['amount']:.2f}{currency})"
    return str(document.ident)


def _download(client: Client, document_ident: str) -> tuple[bytes, str]:
    from nitrobox_client.api.files import retrieve_file

    from nitrobox_auth import unwrap

    file = unwrap(retrieve_file.sync_detailed(document_ident, client=client))
    content = file.payload.read()
    if not content.startswith(b"%PDF"):
        raise CommandError(f"the file of {document_ident} is not a PDF (starts {content[:8]!r})")
    return content, f"{document_ident}.pdf"


def _pdf_path(option: Path | None, name: str) -> Path:
    if option is None:
        return Path(tempfile.mkdtemp(prefix="nitrobox-demo-")) / name
    return option / name if option.is_dir() else option
