"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .address_create_request import AddressCreateRequest
from .address_create_request_address_type import AddressCreateRequestAddressType
from .address_create_request_e_invoicing_parameters_type_0 import AddressCreateRequestEInvoicingParametersType0
from .address_create_request_gender import AddressCreateRequestGender
from .address_create_request_preferred_document_delivery import AddressCreateRequestPreferredDocumentDelivery
from .address_page import AddressPage
from .address_validation_config import AddressValidationConfig
from .agreed_deposit_dto import AgreedDepositDto
from .agreed_deposit_dto_debit_credit_indicator import AgreedDepositDtoDebitCreditIndicator
from .allowance_create_request import AllowanceCreateRequest
from .allowance_create_request_applicability import AllowanceCreateRequestApplicability
from .allowance_create_request_applicability_details_type_0 import AllowanceCreateRequestApplicabilityDetailsType0
from .allowance_create_request_type import AllowanceCreateRequestType
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
from .common_error import CommonError
from .common_error_item import CommonErrorItem
from .contract import Contract
from .contract_create_request import ContractCreateRequest
from .contract_create_request_contract_items_type_0_item import ContractCreateRequestContractItemsType0Item
from .contract_create_request_contract_price_adaptation_type_0 import ContractCreateRequestContractPriceAdaptationType0
from .contract_created_notification import ContractCreatedNotification
from .contract_details import ContractDetails
from .contract_end_date_request import ContractEndDateRequest
from .contract_extraordinary_termination_request import ContractExtraordinaryTerminationRequest
from .contract_notification import ContractNotification
from .contract_option_quantities import ContractOptionQuantities
from .contract_option_quantity import ContractOptionQuantity
from .contract_page import ContractPage
from .contract_renewed_notification import ContractRenewedNotification
from .contract_terminated_notification import ContractTerminatedNotification
from .contract_termination_request import ContractTerminationRequest
from .create_debtor_request import CreateDebtorRequest
from .create_scheduled_report_request import CreateScheduledReportRequest
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
from .customer_notification import CustomerNotification
from .customer_page import CustomerPage
from .customer_payment_account_create_request import CustomerPaymentAccountCreateRequest
from .customer_payment_account_create_request_payment_card_type import (
    CustomerPaymentAccountCreateRequestPaymentCardType,
)
from .customer_payment_account_create_request_payment_method import CustomerPaymentAccountCreateRequestPaymentMethod
from .customer_type import CustomerType
from .customer_update_request import CustomerUpdateRequest
from .deposit_invoice_create_request import DepositInvoiceCreateRequest
from .deposit_invoice_item import DepositInvoiceItem
from .deposit_invoice_item_billing_period_type_0 import DepositInvoiceItemBillingPeriodType0
from .deposit_invoice_item_category import DepositInvoiceItemCategory
from .deposit_invoice_item_extras_type_0_item import DepositInvoiceItemExtrasType0Item
from .document import Document
from .document_attachment_archived_notification import DocumentAttachmentArchivedNotification
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
from .merchant_payment_account_create_request import MerchantPaymentAccountCreateRequest
from .merchant_payment_account_create_request_payment_collection_config_type_0 import (
    MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0,
)
from .merchant_payment_account_create_request_settlements_processing_schedule_type_0 import (
    MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0,
)
from .money import Money
from .multipart_file_schema import MultipartFileSchema
from .notification_amount import NotificationAmount
from .opos_case_decision_create_request import OposCaseDecisionCreateRequest
from .opos_case_decision_create_request_type import OposCaseDecisionCreateRequestType
from .option import Option
from .option_common_fields import OptionCommonFields
from .option_common_fields_category import OptionCommonFieldsCategory
from .option_price import OptionPrice
from .option_price_tier import OptionPriceTier
from .option_pricing_criteria import OptionPricingCriteria
from .option_pricing_group import OptionPricingGroup
from .option_pricing_rule import OptionPricingRule
from .option_time_period import OptionTimePeriod
from .order import Order
from .order_create_request import OrderCreateRequest
from .order_create_request_allowances_type_0_item import OrderCreateRequestAllowancesType0Item
from .order_create_request_auto_create_document import OrderCreateRequestAutoCreateDocument
from .order_create_request_billing_time import OrderCreateRequestBillingTime
from .order_create_request_line_items_type_0_item import OrderCreateRequestLineItemsType0Item
from .order_create_request_payment_information_type_0 import OrderCreateRequestPaymentInformationType0
from .order_create_request_payment_term_type_0 import OrderCreateRequestPaymentTermType0
from .order_notification import OrderNotification
from .page_info import PageInfo
from .payment_assignment_configuration_request import PaymentAssignmentConfigurationRequest
from .payment_assignment_configuration_request_regex_matching_strategies_type_0_item import (
    PaymentAssignmentConfigurationRequestRegexMatchingStrategiesType0Item,
)
from .payment_assignment_create_request import PaymentAssignmentCreateRequest
from .payment_assignment_notification import PaymentAssignmentNotification
from .payment_intent import PaymentIntent
from .payment_intent_create_request import PaymentIntentCreateRequest
from .payment_intent_result_notification import PaymentIntentResultNotification
from .payment_intent_result_notification_payment_intent_response_type_0 import (
    PaymentIntentResultNotificationPaymentIntentResponseType0,
)
from .payment_transaction import PaymentTransaction
from .payment_transaction_create_request import PaymentTransactionCreateRequest
from .payment_transaction_create_request_batch_items_type_0_item import (
    PaymentTransactionCreateRequestBatchItemsType0Item,
)
from .payment_transaction_create_request_credit_debit_indicator import (
    PaymentTransactionCreateRequestCreditDebitIndicator,
)
from .plan import Plan
from .plan_page import PlanPage
from .plan_phase import PlanPhase
from .plan_phase_option import PlanPhaseOption
from .plan_phase_request import PlanPhaseRequest
from .plan_phase_request_billing_config_type_0 import PlanPhaseRequestBillingConfigType0
from .plan_phase_request_linked_options_type_0_item import PlanPhaseRequestLinkedOptionsType0Item
from .plan_phase_request_notice_period_type_0 import PlanPhaseRequestNoticePeriodType0
from .plan_request import PlanRequest
from .plan_request_pending_contract_terms_type_0 import PlanRequestPendingContractTermsType0
from .property_ import Property
from .reissue_document_request import ReissueDocumentRequest
from .report_config_dto import ReportConfigDto
from .scheduled_report import ScheduledReport
from .scheduled_report_config_dto import ScheduledReportConfigDto
from .settlement_created_notification import SettlementCreatedNotification
from .settlement_created_notification_batch_items_type_0_item import SettlementCreatedNotificationBatchItemsType0Item
from .settlement_created_notification_exchange_rate_type_0 import SettlementCreatedNotificationExchangeRateType0
from .settlement_created_notification_fees_type_0_item import SettlementCreatedNotificationFeesType0Item
from .settlement_created_notification_merchant_payment_account_type_0 import (
    SettlementCreatedNotificationMerchantPaymentAccountType0,
)
from .settlement_created_notification_payment_category_type_0 import SettlementCreatedNotificationPaymentCategoryType0
from .settlement_created_notification_payment_transaction_type_0 import (
    SettlementCreatedNotificationPaymentTransactionType0,
)
from .settlement_created_notification_properties_type_0 import SettlementCreatedNotificationPropertiesType0
from .settlement_created_notification_settlement_report_type_0 import SettlementCreatedNotificationSettlementReportType0
from .sort_direction import SortDirection
from .splitting_config import SplittingConfig
from .termination_adaptation_request import TerminationAdaptationRequest
from .unit_quantity import UnitQuantity
from .usage import Usage
from .usage_create_request import UsageCreateRequest
from .use_debtor_request import UseDebtorRequest

__all__ = (
    "Address",
    "AddressCreateRequest",
    "AddressCreateRequestAddressType",
    "AddressCreateRequestEInvoicingParametersType0",
    "AddressCreateRequestGender",
    "AddressCreateRequestPreferredDocumentDelivery",
    "AddressPage",
    "AddressValidationConfig",
    "AgreedDepositDto",
    "AgreedDepositDtoDebitCreditIndicator",
    "AllowanceCreateRequest",
    "AllowanceCreateRequestApplicability",
    "AllowanceCreateRequestApplicabilityDetailsType0",
    "AllowanceCreateRequestType",
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
    "CommonError",
    "CommonErrorItem",
    "Contract",
    "ContractCreatedNotification",
    "ContractCreateRequest",
    "ContractCreateRequestContractItemsType0Item",
    "ContractCreateRequestContractPriceAdaptationType0",
    "ContractDetails",
    "ContractEndDateRequest",
    "ContractExtraordinaryTerminationRequest",
    "ContractNotification",
    "ContractOptionQuantities",
    "ContractOptionQuantity",
    "ContractPage",
    "ContractRenewedNotification",
    "ContractTerminatedNotification",
    "ContractTerminationRequest",
    "CreateDebtorRequest",
    "CreateScheduledReportRequest",
    "CreditBillableItemRequest",
    "CreditBillableItemRequestBillablePostTaxItemExtrasType0Item",
    "CreditBillableItemRequestDetailedPerformanceLocationType0",
    "CreditBillableItemRequestDetailedTaxLocationType0",
    "Customer",
    "CustomerCreateRequest",
    "CustomerDetail",
    "CustomerNotification",
    "CustomerPage",
    "CustomerPaymentAccountCreateRequest",
    "CustomerPaymentAccountCreateRequestPaymentCardType",
    "CustomerPaymentAccountCreateRequestPaymentMethod",
    "CustomerType",
    "CustomerUpdateRequest",
    "DepositInvoiceCreateRequest",
    "DepositInvoiceItem",
    "DepositInvoiceItemBillingPeriodType0",
    "DepositInvoiceItemCategory",
    "DepositInvoiceItemExtrasType0Item",
    "Document",
    "DocumentAttachmentArchivedNotification",
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
    "MerchantPaymentAccountCreateRequest",
    "MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0",
    "MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0",
    "Money",
    "MultipartFileSchema",
    "NotificationAmount",
    "OposCaseDecisionCreateRequest",
    "OposCaseDecisionCreateRequestType",
    "Option",
    "OptionCommonFields",
    "OptionCommonFieldsCategory",
    "OptionPrice",
    "OptionPriceTier",
    "OptionPricingCriteria",
    "OptionPricingGroup",
    "OptionPricingRule",
    "OptionTimePeriod",
    "Order",
    "OrderCreateRequest",
    "OrderCreateRequestAllowancesType0Item",
    "OrderCreateRequestAutoCreateDocument",
    "OrderCreateRequestBillingTime",
    "OrderCreateRequestLineItemsType0Item",
    "OrderCreateRequestPaymentInformationType0",
    "OrderCreateRequestPaymentTermType0",
    "OrderNotification",
    "PageInfo",
    "PaymentAssignmentConfigurationRequest",
    "PaymentAssignmentConfigurationRequestRegexMatchingStrategiesType0Item",
    "PaymentAssignmentCreateRequest",
    "PaymentAssignmentNotification",
    "PaymentIntent",
    "PaymentIntentCreateRequest",
    "PaymentIntentResultNotification",
    "PaymentIntentResultNotificationPaymentIntentResponseType0",
    "PaymentTransaction",
    "PaymentTransactionCreateRequest",
    "PaymentTransactionCreateRequestBatchItemsType0Item",
    "PaymentTransactionCreateRequestCreditDebitIndicator",
    "Plan",
    "PlanPage",
    "PlanPhase",
    "PlanPhaseOption",
    "PlanPhaseRequest",
    "PlanPhaseRequestBillingConfigType0",
    "PlanPhaseRequestLinkedOptionsType0Item",
    "PlanPhaseRequestNoticePeriodType0",
    "PlanRequest",
    "PlanRequestPendingContractTermsType0",
    "Property",
    "ReissueDocumentRequest",
    "ReportConfigDto",
    "ScheduledReport",
    "ScheduledReportConfigDto",
    "SettlementCreatedNotification",
    "SettlementCreatedNotificationBatchItemsType0Item",
    "SettlementCreatedNotificationExchangeRateType0",
    "SettlementCreatedNotificationFeesType0Item",
    "SettlementCreatedNotificationMerchantPaymentAccountType0",
    "SettlementCreatedNotificationPaymentCategoryType0",
    "SettlementCreatedNotificationPaymentTransactionType0",
    "SettlementCreatedNotificationPropertiesType0",
    "SettlementCreatedNotificationSettlementReportType0",
    "SortDirection",
    "SplittingConfig",
    "TerminationAdaptationRequest",
    "UnitQuantity",
    "Usage",
    "UsageCreateRequest",
    "UseDebtorRequest",
)
