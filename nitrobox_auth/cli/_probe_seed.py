"""Resources for ``nitrobox probe``'s self-check against the embedded sandbox.

An empty sandbox answers every list with no items, so no path parameter could be followed.
Before the run, the embedded sandbox gets one of each resource the GET operations read.
They are sent through the sandbox's in-process transport with the run's token, not through
the probe's client: the probe itself stays read-only, and a real tenant is never written to.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import httpx

from nitrobox_auth.cli._output import Output
from nitrobox_auth.cli._target import Target

if TYPE_CHECKING:
    from nitrobox_auth import TokenProvider

CUSTOMER = "probe-customer"


def _writes(now: dt.datetime) -> list[tuple[str, dict[str, Any]]]:
    """(path, body) in order; ``{debtorId}`` and ``{contractId}`` come from earlier answers."""

    def stamp(hours_ago: float) -> str:
        return (now - dt.timedelta(hours=hours_ago)).isoformat()

    return [
        (
            "/v2/customers",
            {
                "customerIdent": CUSTOMER,
                "customerType": "B2B",
                "language": "en",
                "addresses": [
                    {
                        "addressType": "INVOICE",
                        "addressIdent": "probe-invoice-address",
                        "company": "Probe GmbH",
                        "city": "Hamburg",
                        "country": "DE",
                    }
                ],
            },
        ),
        (
            "/v2/contracts",
            {
                "contractIdent": "probe-contract",
                "debtorIdent": CUSTOMER,
                "date": stamp(2),
                "startDate": stamp(2),
            },
        ),
        (
            "/v2/usages",
            {
                "usageIdent": "probe-usage",
                "contractId": "{contractId}",
                "productIdent": "probe-kwh",
                "startDate": stamp(1),
                "endDate": stamp(0.9),
                "unitQuantities": [{"unitQuantity": 10, "unitQuantityType": "KWH"}],
                "taxLocation": {"country": "DE"},
            },
        ),
        ("/v2/billingrun", {"debtorIdent": CUSTOMER, "processingDate": stamp(0)}),
        ("/v2/debtors", {"name": "Probe GmbH"}),
        ("/v2/debtors/{debtorId}/addresses", {"city": "Hamburg", "country": "DE"}),
        (
            "/v2/billing-groups",
            {
                "billingGroupIdent": "probe-billing-group",
                "businessSegments": [{"businessSegmentIdent": "probe-segment"}],
                "currencyRoundingOverrides": [],
            },
        ),
        (
            "/v2/billing-groups/probe-billing-group/business-segments",
            {"businessSegmentIdent": "probe-segment-2"},
        ),
        ("/v2/configurations/address-validation", {"ident": "probe-address-validation"}),
    ]


def seed_sandbox(target: Target, provider: TokenProvider, output: Output) -> None:
    """Create the resources; a refusal is a note (the run goes on with what there is)."""
    from nitrobox_auth.token._auth import NitroboxAuth

    if target.sandbox is None:
        return
    known: dict[str, Any] = {}
    refused = 0
    auth = NitroboxAuth(provider, api_base_url=target.settings.api_base_url)
    with httpx.Client(
        transport=target.sandbox.transport(),
        base_url=target.settings.api_base_url,
        auth=auth,
        timeout=10.0,
    ) as http:
        for path, body in _writes(dt.datetime.now(dt.UTC).replace(microsecond=0)):
            try:
                path = path.format(**known)
            except KeyError as missing:  # the write that would have made it was refused
                refused += 1
                output.note(f"could not seed the sandbox: POST {path} needs {missing} first")
                continue
            body = {
                k: known.get(v[1:-1], v) if v in ("{contractId}",) else v for k, v in body.items()
            }
            response = http.post(path, json=body)
            if not response.is_success:
                refused += 1
                output.note(
                    f"could not seed the sandbox: POST {path} answered {response.status_code}"
                )
                continue
            answer = response.json() if "json" in response.headers.get("content-type", "") else None
            if isinstance(answer, dict):
                for name in ("contractId", "debtorId"):
                    if name in answer:
                        known[name] = answer[name]
    if not refused:
        output.note("seeded the sandbox with one resource of each kind the reads follow")
