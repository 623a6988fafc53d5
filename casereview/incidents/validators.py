"""Checks for the identifying details kept in the restricted record."""

import re

from django.core.exceptions import ValidationError

UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


def nhs_number_is_valid(value: str) -> bool:
    """NHS numbers are 10 digits whose last is a modulus-11 check digit."""
    digits = re.sub(r"[\s-]", "", value)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def validate_nhs_number(value):
    if value and not nhs_number_is_valid(value):
        raise ValidationError("Enter a valid 10-digit NHS number, like 943 476 5919")


def validate_postcode(value):
    if value and not UK_POSTCODE.match(value.strip().upper()):
        raise ValidationError("Enter a real UK postcode, like SE1 2QH")
