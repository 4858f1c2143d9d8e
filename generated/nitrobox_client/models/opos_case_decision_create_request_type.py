from enum import StrEnum


class OposCaseDecisionCreateRequestType(StrEnum):
    BANK_FEE = "BANK_FEE"
    CASH_DISCOUNT = "CASH_DISCOUNT"
    DISCOUNT = "DISCOUNT"
    DOUBTFUL_RECEIVABLE = "DOUBTFUL_RECEIVABLE"
    EXTERNAL_CLOSED = "EXTERNAL_CLOSED"
    OTHER_REVENUE = "OTHER_REVENUE"
    UNCOLLECTABLE_RECEIVABLE = "UNCOLLECTABLE_RECEIVABLE"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "OposCaseDecisionCreateRequestType | None":
        # APIs add enum values without a new version; keep an unknown value as a
        # pseudo-member (name == value) instead of failing to parse the whole response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member
