from enum import StrEnum


class CustomerPaymentAccountCreateRequestPaymentCardType(StrEnum):
    AMERICANEXPRESS = "AMERICANEXPRESS"
    CARTE_BANCAIRE = "CARTE_BANCAIRE"
    DINERSCLUB = "DINERSCLUB"
    DISCOVERCARD = "DISCOVERCARD"
    JCB = "JCB"
    MASTERCARD = "MASTERCARD"
    OTHER = "OTHER"
    VISA = "VISA"
    YANDEXBANKCARD = "YANDEXBANKCARD"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "CustomerPaymentAccountCreateRequestPaymentCardType | None":
        # APIs add enum values without a new version; keep an unknown value as a
        # pseudo-member (name == value) instead of failing to parse the whole response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member
