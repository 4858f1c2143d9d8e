"""The answers the second facts file describes parse into typed models through the generated
modules, and the request forms the staff code uses are sent as it sends them."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generated_helpers import SETTINGS, MockNitrobox
from nitrobox_client.api.contracts import retrieve_contract, retrieve_contract_details
from nitrobox_client.api.debtors_deprecated import list_debtors
from nitrobox_client.api.documents import query_documents
from nitrobox_client.api.options import retrieve_option_v_2
from nitrobox_client.api.plans import get_all_plans_v_2
from nitrobox_client.api.usages import create_usage
from nitrobox_client.models import (
    Contract,
    ContractDetails,
    LegacyDebtor,
    Option,
    Plan,
    SortDirection,
    UnitQuantity,
    UsageCreateRequest,
)

from nitrobox_auth import create_client

OPTION = {
    "optionIdent": "per-minute",
    "optionName": "Charging per minute",
    "name": "Charging time",
    "quantityType": "MINUTE",
    "pricingGroups": [
        {
            "pricingRules": [
                {
                    "criteria": {"timePeriod": {"start": "08:00:00", "end": "20:00:00"}},
                    "price": {"amount": 0.35, "currency": "EUR"},
                    "priceTiers": [{"quantity": 5.0, "price": 0.0, "type": "FLAT"}],
                }
            ]
        }
    ],
}


def test_retrieve_contract_by_numeric_id_reads_status_and_properties() -> None:
    nitrobox = MockNitrobox(
        200,
        json={
            # The identity fields the spec requires (the demo's contracts have both, R20).
            "contractId": 2118902,
            "contractIdent": "6f1c2c4e",
            "status": "ACTIVE",
            "properties": [{"propertyIdent": "partner-id", "propertyValue": "p-7"}],
        },
    )
    client = create_client(SETTINGS, **nitrobox.transports())
    contract = retrieve_contract.sync(2118902, client=client)
    assert isinstance(contract, Contract)
    assert contract.status == "ACTIVE"
    assert isinstance(contract.properties, list)
    assert [(p.property_ident, p.property_value) for p in contract.properties] == [
        ("partner-id", "p-7")
    ]
    assert nitrobox.api_requests[0].url.path == "/v2/contracts/2118902"


def test_contract_details_read_option_idents() -> None:
    body = {"optionQuantities": [{"optionQuantity": [{"optionIdent": "per-minute"}]}]}
    nitrobox = MockNitrobox(200, json=body)
    client = create_client(SETTINGS, **nitrobox.transports())
    details = retrieve_contract_details.sync("6f1c2c4e", client=client)
    assert isinstance(details, ContractDetails)
    assert details.to_dict() == body
    groups = details.option_quantities
    assert isinstance(groups, list)
    quantities = groups[0].option_quantity
    assert isinstance(quantities, list)
    assert quantities[0].option_ident == "per-minute"
    assert nitrobox.api_requests[0].url.path == "/v2/contracts/6f1c2c4e/details"


def test_retrieve_option_reads_the_pricing() -> None:
    nitrobox = MockNitrobox(200, json=OPTION)
    client = create_client(SETTINGS, **nitrobox.transports())
    option = retrieve_option_v_2.sync("per-minute", client=client)
    assert isinstance(option, Option)
    assert option.quantity_type == "MINUTE"
    assert isinstance(option.pricing_groups, list)
    rules = option.pricing_groups[0].pricing_rules
    assert isinstance(rules, list)
    assert rules[0].to_dict()["criteria"]["timePeriod"] == {"start": "08:00:00", "end": "20:00:00"}
    tiers = rules[0].price_tiers
    assert isinstance(tiers, list)
    assert (tiers[0].quantity, tiers[0].price, tiers[0].type_) == (5.0, 0.0, "FLAT")
    assert option.to_dict() == OPTION


def test_plans_list_and_debtors_list_are_plain_arrays() -> None:
    plans = [{"planId": 1, "planIdent": "basic", "name": "Basic", "phases": [{"options": []}]}]
    nitrobox = MockNitrobox(200, json=plans)
    client = create_client(SETTINGS, **nitrobox.transports())
    answer = get_all_plans_v_2.sync(client=client, search="name==Basic")
    assert isinstance(answer, list)
    assert all(isinstance(plan, Plan) for plan in answer)
    assert [plan.to_dict() for plan in answer] == plans
    nitrobox.response = {
        "json": [{"debtorId": 7, "debtorIdent": "D-1", "addresses": [{"addressId": 9}]}]
    }
    debtors = list_debtors.sync(client=client)
    assert isinstance(debtors, list)
    assert isinstance(debtors[0], LegacyDebtor)
    assert debtors[0].debtor_id == 7
    assert [r.url.path for r in nitrobox.api_requests] == ["/v2/plans", "/v2/debtors"]


def test_direction_is_sent_in_the_case_chosen() -> None:
    nitrobox = MockNitrobox(200, json={"content": []})
    client = create_client(SETTINGS, **nitrobox.transports())
    query_documents.sync_detailed(client=client, direction=SortDirection.DESC_UPPER)
    query_documents.sync_detailed(client=client, direction=SortDirection.DESC)
    sent = [r.url.params["direction"] for r in nitrobox.api_requests]
    assert sent == ["DESC", "desc"]


def test_usage_contract_id_is_sent_as_given() -> None:
    """A string of digits goes out as a JSON string, a number as a number."""
    nitrobox = MockNitrobox(201, json={"usageIdent": "U-1"})
    client = create_client(SETTINGS, **nitrobox.transports())
    for contract_id in ("2118902", 2118902):
        body = UsageCreateRequest(
            product_ident="charging",
            usage_ident="U-1",
            start_date=dt.datetime(2025, 8, 1, 10),
            end_date=dt.datetime(2025, 8, 1, 10),
            contract_id=contract_id,
            unit_quantities=[UnitQuantity(unit_quantity=1, unit_quantity_type="PC")],
        )
        create_usage.sync_detailed(client=client, body=body)
    sent = [json.loads(r.content)["contractId"] for r in nitrobox.api_requests]
    assert sent == ["2118902", 2118902]
