"""The nitrobox_notifications fixture as a user's suite meets it: only the public fixtures."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.integration

USER_SUITE = '''
import datetime as dt

from nitrobox_client.api.billing_runs import billing_run
from nitrobox_client.api.contracts import create_contract
from nitrobox_client.api.customers import create_customer
from nitrobox_client.api.files import retrieve_file
from nitrobox_client.models import BillingRunRequest, ContractCreateRequest, CustomerCreateRequest
from nitrobox_client.types import File

from nitrobox_auth import raise_for_error
from nitrobox_auth.webhooks import InvoiceArchivedNotification

START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC).isoformat()


def customer(client, ident):
    body = CustomerCreateRequest.from_dict({
        "customerIdent": ident, "customerType": "B2C", "language": "en",
        "addresses": [{"addressType": "INVOICE", "city": "Berlin", "country": "DE"}],
    })
    raise_for_error(create_customer.sync_detailed(client=client, body=body))


def contract(client, customer_ident):
    body = ContractCreateRequest.from_dict({
        "contractIdent": f"{customer_ident}-contract", "debtorIdent": customer_ident,
        "date": START, "startDate": START,
    })
    raise_for_error(create_contract.sync_detailed(client=client, body=body))


def bill(client, customer_ident):
    now = dt.datetime.now(dt.UTC).isoformat()
    body = BillingRunRequest.from_dict({"debtorIdent": customer_ident, "processingDate": now})
    raise_for_error(billing_run.sync_detailed(client=client, body=body))


def test_invoice_archived_names_the_pdf(nitrobox_client, nitrobox_notifications):
    """The documented path: billing run, wait for invoice.archived, fetch the file it names."""
    customer(nitrobox_client, "user-1")
    contract(nitrobox_client, "user-1")
    bill(nitrobox_client, "user-1")

    event = nitrobox_notifications.wait_for("invoice.archived", customer_ident="user-1")

    assert isinstance(event, InvoiceArchivedNotification)
    response = retrieve_file.sync_detailed(event.file_ident, client=nitrobox_client)
    assert isinstance(response.parsed, File)
    assert response.parsed.payload.read().startswith(b"%PDF")
    types = [e.notification_type for e in nitrobox_notifications.received]
    assert types.index("invoice.created") < types.index("invoice.archived")
    assert types[:3] == ["customer.created", "address.created", "contract.created"]


def test_each_test_gets_only_its_own_notifications(nitrobox_notifications):
    assert nitrobox_notifications.received == []


def test_waiting_in_vain_lists_what_arrived(nitrobox_client, nitrobox_notifications):
    customer(nitrobox_client, "user-2")
    nitrobox_notifications.wait_for("address.created")
    nitrobox_notifications.wait_for("invoice.archived", timeout=0.3)
'''


def test_a_users_suite_waits_for_invoice_archived(pytester: pytest.Pytester) -> None:
    """Passing tests pass; a wait in vain fails (not errors) and lists what did arrive."""
    pytester.makepyfile(USER_SUITE)
    # In-process: a fresh interpreter is not the point (see test_plugin_fixtures.py).
    result = pytester.runpytest_inprocess(
        "-W", "error", "-p", "no:cacheprovider", "-p", "no:asyncio"
    )
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*NotificationTimeout: no invoice.archived notification within 0.3 s; 2 arrived:*",
            "*customer.created (customerIdent='user-2')*",
            "*address.created (customerIdent='user-2'*",
        ]
    )
