"""Every payload the sandbox sends is valid against the spec's x-webhooks schema of its type."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from http_under_test import httpx
from notification_helpers import BILLING_RUN, CONTRACT, CUSTOMER, Endpoint, keep
from spec.spec_helpers import schema_validator

from nitrobox_auth._bundled_spec import load_bundled_spec, resolve
from nitrobox_sandbox import Sandbox

pytestmark = pytest.mark.integration

ORDER = {"orderIdent": "ORD-1", "debtorOrderDetails": {"debtorIdent": "CUST-1"}}


def test_sent_payloads_match_the_documented_schemas(
    sandbox: Sandbox, endpoint: Callable[..., Endpoint], api: httpx.Client
) -> None:
    target = endpoint()
    received = keep(target.receiver)
    target.subscribe(sandbox)
    assert api.post("/v2/customers", json=CUSTOMER).status_code == 201
    assert api.post("/v2/contracts", json=CONTRACT).status_code == 201
    assert api.post("/v2/orders", json=ORDER).status_code == 201, "create order"
    assert api.post("/v2/contracts/actions/cancel", json={"idents": ["CON-1"]}).is_success
    assert api.post("/v2/billingrun", json=BILLING_RUN).is_success
    assert sandbox.wait_for_notifications(10)
    sent = {e.notification_type for e in received}
    assert sent == {
        "customer.created",
        "address.created",
        "contract.created",
        "order.created",
        "contract.cancelled",
        "invoice.created",
        "invoice.archived",
    }
    document = load_bundled_spec()
    for event in received:
        operation = document["x-webhooks"][event.notification_type]["post"]
        schema = resolve(
            document, operation["requestBody"]["content"]["application/json"]["schema"]
        )
        errors = list(schema_validator(document, schema).iter_errors(dict(event.raw)))
        assert errors == [], (event.notification_type, [e.message for e in errors])
