from enum import StrEnum


class AllowanceCreateRequestApplicability(StrEnum):
    NEXT_INVOICE = "NEXT_INVOICE"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AllowanceCreateRequestApplicability | None":
        # APIs add enum values without a new version; keep an unknown value as a
        # pseudo-member (name == value) instead of failing to parse the whole response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member
