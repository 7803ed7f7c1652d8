"""Answering the passphrase dialog in the UI tests as a user does: type into its fields, tick
"Onthouden", click its OK button (or cancel). Shared by test_passphrase and
test_passphrase_marker."""

from __future__ import annotations

from collections.abc import Callable

from gebiedsapp.ui.passphrase import PassphraseDialog


def answers(
    *replies: dict[str, str | bool] | None,
) -> tuple[Callable[[PassphraseDialog], bool], list[PassphraseDialog]]:
    """Answers to the dialogs in turn: fields to type (and 'remember'), or None to cancel;
    the dialogs seen, for the test to look at."""
    seen: list[PassphraseDialog] = []
    queue = list(replies)

    def ask(dialog: PassphraseDialog) -> bool:
        seen.append(dialog)
        reply = queue.pop(0)
        if reply is None:
            return False
        for name, value in reply.items():
            if name == "remember":
                dialog.keep.setChecked(bool(value))
            else:
                getattr(dialog, name).setText(value)
        if not dialog.ok_button.isEnabled():
            return False
        dialog.ok_button.click()
        return dialog.result() == PassphraseDialog.DialogCode.Accepted

    return ask, seen
