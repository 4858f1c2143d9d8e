from enum import StrEnum


class AllowanceCreateRequestType(StrEnum):
    DISCOUNT = "DISCOUNT"
    SINGLE_PURPOSE_VOUCHER = "SINGLE_PURPOSE_VOUCHER"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AllowanceCreateRequestType | None":
        # APIs add enum values without a new version; keep an unknown value as a
        # pseudo-member (name == value) instead of failing to parse the whole response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member
