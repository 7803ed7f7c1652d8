"""Checks of free-text fields shared by services; each raises ValidationError in Dutch."""

from __future__ import annotations

import re

from gebiedsapp.services.errors import ValidationError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"[0-9+()\- ]{6,20}")


def clean_name(name: str, *, limit: int, message: str = "Vul een naam in.") -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError(message, field="name")
    if len(name) > limit:
        raise ValidationError(f"De naam is te lang (hoogstens {limit} tekens).", field="name")
    return name


def clean_email(email: str) -> str:
    email = email.strip()
    if email and not _EMAIL.match(email):
        raise ValidationError(f"'{email}' is geen geldig e-mailadres.", field="email")
    return email


def clean_phone(phone: str) -> str:
    phone = phone.strip()
    if phone and not _PHONE.fullmatch(phone):
        raise ValidationError(f"'{phone}' is geen geldig telefoonnummer.", field="phone")
    return phone
