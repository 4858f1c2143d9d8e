"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .address_create_request import AddressCreateRequest
from .address_create_request_address_type import AddressCreateRequestAddressType
from .address_create_request_e_invoicing_parameters_type_0 import AddressCreateRequestEInvoicingParametersType0
from .address_create_request_gender import AddressCreateRequestGender
from .address_create_request_preferred_document_delivery import AddressCreateRequestPreferredDocumentDelivery
from .address_page import AddressPage
from .address_validation_config import AddressValidationConfig
from .billing_group import BillingGroup
from .billing_group_create_request import BillingGroupCreateRequest
from .billing_group_create_request_business_segments_item import BillingGroupCreateRequestBusinessSegmentsItem
from .billing_group_create_request_currency_rounding_overrides_item import (
    BillingGroupCreateRequestCurrencyRoundingOverridesItem,
)
from .billing_group_page import BillingGroupPage
from .billing_group_request import BillingGroupRequest
from .billing_group_request_late_usage_behaviour import BillingGroupRequestLateUsageBehaviour
from .billing_group_response import BillingGroupResponse
from .billing_run_request import BillingRunRequest
from .bulk_contract_termination_request import BulkContractTerminationRequest
from .bulk_extraordinary_termination_request import BulkExtraordinaryTerminationRequest
from .business_segment import BusinessSegment
from .business_segment_page import BusinessSegmentPage
from .business_segment_request import BusinessSegmentRequest
from .cancel_billable_item_request import CancelBillableItemRequest
from .cancel_contracts_request import CancelContractsRequest
from .contract import Contract
from .contract_create_request import ContractCreateRequest
from .contract_create_request_contract_items_type_0_item import ContractCreateRequestContractItemsType0Item
from .contract_create_request_contract_price_adaptation_type_0 import ContractCreateRequestContractPriceAdaptationType0
from .contract_created_notification import ContractCreatedNotification
from .contract_end_date_request import ContractEndDateRequest
from .contract_extraordinary_termination_request import ContractExtraordinaryTerminationRequest
from .contract_notification import ContractNotification
from .contract_page import ContractPage
from .contract_renewed_notification import ContractRenewedNotification
from .contract_terminated_notification import ContractTerminatedNotification
from .contract_termination_request import ContractTerminationRequest
from .credit_billable_item_request import CreditBillableItemRequest
from .credit_billable_item_request_billable_post_tax_item_extras_type_0_item import (
    CreditBillableItemRequestBillablePostTaxItemExtrasType0Item,
)
from .credit_billable_item_request_detailed_performance_location_type_0 import (
    CreditBillableItemRequestDetailedPerformanceLocationType0,
)
from .credit_billable_item_request_detailed_tax_location_type_0 import CreditBillableItemRequestDetailedTaxLocationType0
from .customer import Customer
from .customer_create_request import CustomerCreateRequest
from .customer_detail import CustomerDetail
from .customer_page import CustomerPage
from .customer_type import CustomerType
from .customer_update_request import CustomerUpdateRequest
from .deposit_invoice_create_request import DepositInvoiceCreateRequest
from .deposit_invoice_item import DepositInvoiceItem
from .deposit_invoice_item_billing_period_type_0 import DepositInvoiceItemBillingPeriodType0
from .deposit_invoice_item_category import DepositInvoiceItemCategory
from .deposit_invoice_item_extras_type_0_item import DepositInvoiceItemExtrasType0Item
from .document import Document
from .document_page import DocumentPage
from .document_relation import DocumentRelation
from .global_error_item import GlobalErrorItem
from .global_error_response import GlobalErrorResponse
from .invoice_archived_notification import InvoiceArchivedNotification
from .invoice_notification import InvoiceNotification
from .invoice_origin_reference import InvoiceOriginReference
from .legacy_debtor import LegacyDebtor
from .legacy_debtor_address import LegacyDebtorAddress
from .line_item_request import LineItemRequest
from .location import Location
from .money import Money
from .multipart_file_schema import MultipartFileSchema
from .page_info import PageInfo
from .property_ import Property
from .reissue_document_request import ReissueDocumentRequest
from .sort_direction import SortDirection
from .splitting_config import SplittingConfig
from .termination_adaptation_request import TerminationAdaptationRequest
from .unit_quantity import UnitQuantity
from .usage import Usage
from .usage_create_request import UsageCreateRequest

__all__ = (
    "Address",
    "AddressCreateRequest",
    "AddressCreateRequestAddressType",
    "AddressCreateRequestEInvoicingParametersType0",
    "AddressCreateRequestGender",
    "AddressCreateRequestPreferredDocumentDelivery",
    "AddressPage",
    "AddressValidationConfig",
    "BillingGroup",
    "BillingGroupCreateRequest",
    "BillingGroupCreateRequestBusinessSegmentsItem",
    "BillingGroupCreateRequestCurrencyRoundingOverridesItem",
    "BillingGroupPage",
    "BillingGroupRequest",
    "BillingGroupRequestLateUsageBehaviour",
    "BillingGroupResponse",
    "BillingRunRequest",
    "BulkContractTerminationRequest",
    "BulkExtraordinaryTerminationRequest",
    "BusinessSegment",
    "BusinessSegmentPage",
    "BusinessSegmentRequest",
    "CancelBillableItemRequest",
    "CancelContractsRequest",
    "Contract",
    "ContractCreatedNotification",
    "ContractCreateRequest",
    "ContractCreateRequestContractItemsType0Item",
    "ContractCreateRequestContractPriceAdaptationType0",
    "ContractEndDateRequest",
    "ContractExtraordinaryTerminationRequest",
    "ContractNotification",
    "ContractPage",
    "ContractRenewedNotification",
    "ContractTerminatedNotification",
    "ContractTerminationRequest",
    "CreditBillableItemRequest",
    "CreditBillableItemRequestBillablePostTaxItemExtrasType0Item",
    "CreditBillableItemRequestDetailedPerformanceLocationType0",
    "CreditBillableItemRequestDetailedTaxLocationType0",
    "Customer",
    "CustomerCreateRequest",
    "CustomerDetail",
    "CustomerPage",
    "CustomerType",
    "CustomerUpdateRequest",
    "DepositInvoiceCreateRequest",
    "DepositInvoiceItem",
    "DepositInvoiceItemBillingPeriodType0",
    "DepositInvoiceItemCategory",
    "DepositInvoiceItemExtrasType0Item",
    "Document",
    "DocumentPage",
    "DocumentRelation",
    "GlobalErrorItem",
    "GlobalErrorResponse",
    "InvoiceArchivedNotification",
    "InvoiceNotification",
    "InvoiceOriginReference",
    "LegacyDebtor",
    "LegacyDebtorAddress",
    "LineItemRequest",
    "Location",
    "Money",
    "MultipartFileSchema",
    "PageInfo",
    "Property",
    "ReissueDocumentRequest",
    "SortDirection",
    "SplittingConfig",
    "TerminationAdaptationRequest",
    "UnitQuantity",
    "Usage",
    "UsageCreateRequest",
)
