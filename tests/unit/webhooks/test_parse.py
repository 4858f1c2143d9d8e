"""parse_notification: typed events, amounts, timestamps and malformed bodies."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from nitrobox_auth import NitroboxError
from nitrobox_auth.webhooks import (
    ContractCreatedNotification,
    InvalidNotificationError,
    InvoiceArchivedNotification,
    InvoiceNotification,
    OrderNotification,
    PaymentIntentResultNotification,
    SettlementCreatedNotification,
    UnknownNotification,
    parse_notification,
    parse_timestamp,
)

UTC = dt.UTC


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (11.9, Decimal("11.9")),
        (10, Decimal("10")),
        ("2.76", Decimal("2.76")),
        (" 0.10 ", Decimal("0.10")),
        ("-3.5", Decimal("-3.5")),
        (0.1, Decimal("0.1")),  # the JSON text, not the binary float's expansion
    ],
)
def test_amounts_are_decimal_from_numbers_and_strings(sent: object, expected: Decimal) -> None:
    """A number and a decimal string both give the exact Decimal."""
    event = parse_notification({"notification_type": "invoice.created", "outstanding": sent})
    assert isinstance(event, InvoiceNotification)
    assert event.outstanding == expected
    assert isinstance(event.outstanding, Decimal)


def test_amount_from_a_json_body_keeps_its_text() -> None:
    """1.9 in the JSON text is Decimal("1.9"), not the binary float's long expansion."""
    event = parse_notification(
        b'{"notification_type": "invoice.created", "invoice_total_vat": 1.9}'
    )
    assert isinstance(event, InvoiceNotification)
    assert str(event.invoice_total_vat) == "1.9"


@pytest.mark.parametrize("sent", ["abc", "NaN", "Infinity", True, [1], {"amount": 1}, ""])
def test_a_bad_amount_names_the_field(sent: object) -> None:
    """Anything that is not a finite number or decimal string is refused, naming the field."""
    with pytest.raises(InvalidNotificationError, match="'outstanding'") as caught:
        parse_notification({"notification_type": "invoice.created", "outstanding": sent})
    assert caught.value.field == "outstanding"


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (1658818761, dt.datetime(2022, 7, 26, 6, 59, 21, tzinfo=UTC)),  # epoch seconds
        (1658818761000, dt.datetime(2022, 7, 26, 6, 59, 21, tzinfo=UTC)),  # epoch ms
        (1658818761500, dt.datetime(2022, 7, 26, 6, 59, 21, 500000, tzinfo=UTC)),
        ("1658818761", dt.datetime(2022, 7, 26, 6, 59, 21, tzinfo=UTC)),  # digits in a string
        ("1658818761000", dt.datetime(2022, 7, 26, 6, 59, 21, tzinfo=UTC)),
        (1658818761.25, dt.datetime(2022, 7, 26, 6, 59, 21, 250000, tzinfo=UTC)),
        ("2023-01-24T00:00:00Z", dt.datetime(2023, 1, 24, tzinfo=UTC)),
        ("2023-03-31T23:59:59.999Z", dt.datetime(2023, 3, 31, 23, 59, 59, 999000, tzinfo=UTC)),
        (
            "2023-01-24T01:00:00+01:00",
            dt.datetime(2023, 1, 24, 1, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        ),
        ("2023-01-25T00:00:00", dt.datetime(2023, 1, 25, tzinfo=UTC)),  # naive ISO is UTC
        ("2025-02-03", dt.datetime(2025, 2, 3, tzinfo=UTC)),  # a date is midnight UTC
    ],
)
def test_timestamps_in_every_form_are_aware(sent: object, expected: dt.datetime) -> None:
    """Epoch seconds, epoch milliseconds and ISO 8601 all give the same aware instant."""
    parsed = parse_timestamp(sent)
    assert parsed == expected
    assert parsed.tzinfo is not None
    assert parsed.utcoffset() == expected.utcoffset()


def test_seconds_and_milliseconds_are_told_apart_at_10_to_the_11() -> None:
    """Below 10**11 an epoch value is seconds (up to year 5138), from there milliseconds."""
    assert parse_timestamp(10**11 - 1).year == 5138
    assert parse_timestamp(10**11) == dt.datetime(1973, 3, 3, 9, 46, 40, tzinfo=UTC)


@pytest.mark.parametrize("sent", ["yesterday", True, "2023-13-01T00:00:00Z", [], 10**20])
def test_a_bad_timestamp_names_the_field(sent: object) -> None:
    """A value that is no timestamp is refused with the field's name."""
    with pytest.raises(InvalidNotificationError, match="'startDate'"):
        parse_notification({"notification_type": "contract.created", "startDate": sent})


def test_one_class_per_type_and_python_names() -> None:
    """camelCase payloads become Python attribute names; .raw keeps what was sent."""
    payload = {
        "contractIdent": "C-1",
        "startDate": "2023-01-24T00:00:00Z",
        "endDate": None,
        "tenantId": 7,
        "notification_type": "contract.created",
        "somethingNew": [1],
    }
    event = parse_notification(payload)
    assert isinstance(event, ContractCreatedNotification)
    assert (event.contract_ident, event.tenant_id, event.end_date) == ("C-1", "7", None)
    assert event.start_date == dt.datetime(2023, 1, 24, tzinfo=UTC)
    assert event.raw == payload
    assert event.raw["somethingNew"] == [1]


def test_archived_is_an_invoice_notification_with_its_extra_fields() -> None:
    """invoice.archived keeps the invoice.created fields and names the file to download."""
    event = parse_notification(
        {
            "notification_type": "invoice.archived",
            "invoice_ident": "INV-1",
            "invoice_total_due": "2.76",
            "document_relation": {"documentReason": "CORRECTION", "documentRelatedIdent": "I-0"},
        }
    )
    assert isinstance(event, InvoiceArchivedNotification)
    assert isinstance(event, InvoiceNotification)
    assert event.file_ident == "INV-1"
    assert event.invoice_total_due == Decimal("2.76")
    assert event.document_relation is not None
    assert event.document_relation.document_related_ident == "I-0"


def test_nested_money_amounts_are_decimal() -> None:
    event = parse_notification(
        {
            "notification_type": "paymentintent.result",
            "amount": {"amount": "10.50", "currency": "EUR"},
        }
    )
    assert isinstance(event, PaymentIntentResultNotification)
    assert event.amount is not None
    assert event.amount.amount == Decimal("10.50")


def test_unknown_types_keep_the_raw_mapping() -> None:
    """A type this version does not know is no error: UnknownNotification with .raw."""
    event = parse_notification('{"notification_type": "voucher.redeemed", "voucherIdent": "V-1"}')
    assert type(event) is UnknownNotification
    assert event.notification_type == "voucher.redeemed"
    assert event.raw["voucherIdent"] == "V-1"


def test_type_names_are_matched_ignoring_case() -> None:
    """paymentintent.result and paymentIntent.result both reach the typed class."""
    event = parse_notification({"notification_type": "ORDER.Created", "orderIdent": "O-1"})
    assert isinstance(event, OrderNotification)
    assert event.notification_type == "ORDER.Created"  # as sent


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[1, 2]", "must be a JSON object, got a JSON array"),
        (b'"invoice.archived"', "got a JSON string"),
        (b"{}", r"'notificationType'\) is missing"),
        (b'{"notification_type": 3}', "must be a non-empty string"),
        (b'{"notification_type": "  "}', "must be a non-empty string"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
    ],
)
def test_malformed_bodies_raise_a_typed_error(body: bytes, message: str) -> None:
    """Every malformed body is an InvalidNotificationError (a NitroboxError) saying why."""
    with pytest.raises(InvalidNotificationError, match=message) as caught:
        parse_notification(body)
    assert isinstance(caught.value, NitroboxError)
    assert isinstance(caught.value, ValueError)


def test_a_wrong_input_type_is_refused() -> None:
    with pytest.raises(InvalidNotificationError, match="takes bytes, str or a mapping"):
        parse_notification(42)  # type: ignore[arg-type]


def test_the_error_message_shows_only_an_excerpt_of_the_value() -> None:
    """A long bad value is cut, so a log line stays short."""
    with pytest.raises(InvalidNotificationError) as caught:
        parse_notification({"notification_type": "invoice.created", "outstanding": "x" * 5000})
    assert len(str(caught.value)) < 200


def test_str_and_bytes_and_mapping_give_equal_events() -> None:
    payload = {"notification_type": "order.created", "orderIdent": "O-9", "tenantId": 1}
    text = json.dumps(payload)
    assert (
        parse_notification(text) == parse_notification(text.encode()) == parse_notification(payload)
    )


def test_the_type_is_read_from_either_key() -> None:
    """OPOS decisions send notificationType (facts 3, R2); notification_type wins if both."""
    from nitrobox_auth.webhooks import OposCaseDecisionNotification

    event = parse_notification(
        {"notificationType": "oposCaseDecision.reversion", "amount": {"amount": 9.99}}
    )
    assert isinstance(event, OposCaseDecisionNotification)
    assert event.notification_type == "oposCaseDecision.reversion"
    assert event.amount is not None
    assert str(event.amount.amount) == "9.99"
    both = parse_notification({"notification_type": "order.created", "notificationType": "x"})
    assert both.notification_type == "order.created"


def test_upper_snake_opos_case_updated_is_typed() -> None:
    from nitrobox_auth.webhooks import OposCaseUpdatedNotification

    event = parse_notification(
        {
            "notification_type": "OPOS_CASE_UPDATED",
            "balance": 9.99,
            "assignments": [{"creationDate": "2024-12-24T09:35:10.678", "amount": 9.99}],
        }
    )
    assert isinstance(event, OposCaseUpdatedNotification)
    (assignment,) = event.assignments
    assert assignment.creation_date is not None
    assert assignment.creation_date.tzinfo is not None


def test_lenient_parsing_names_the_unreadable_fields() -> None:
    body = {"notification_type": "settlement.created", "baseAmount": 3, "ident": "S-1"}
    with pytest.raises(InvalidNotificationError, match="baseAmount"):
        parse_notification(body)
    event = parse_notification(body, strict=False)
    assert isinstance(event, SettlementCreatedNotification)
    assert (event.ident, event.base_amount, event.unreadable) == ("S-1", None, ("baseAmount",))
