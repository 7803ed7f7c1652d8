"""Errors services raise for input a user can correct; the message is Dutch and shown as is."""

from __future__ import annotations


class ValidationError(ValueError):
    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFoundError(LookupError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
