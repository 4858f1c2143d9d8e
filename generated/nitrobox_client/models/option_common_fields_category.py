from enum import StrEnum


class OptionCommonFieldsCategory(StrEnum):
    DIGITAL_PRODUCT = "DIGITAL_PRODUCT"
    DIGITAL_PRODUCT_RENTAL = "DIGITAL_PRODUCT_RENTAL"
    ELECTRICITY = "ELECTRICITY"
    ELECTRICITY_RESALE = "ELECTRICITY_RESALE"
    LABOR_COST = "LABOR_COST"
    LOGISTIC_COST = "LOGISTIC_COST"
    PHYSICAL_PRODUCT = "PHYSICAL_PRODUCT"
    PHYSICAL_PRODUCT_RENTAL = "PHYSICAL_PRODUCT_RENTAL"
    SERVICE = "SERVICE"
    VOUCHER = "VOUCHER"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "OptionCommonFieldsCategory | None":
        # APIs add enum values without a new version; keep an unknown value as a
        # pseudo-member (name == value) instead of failing to parse the whole response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member
