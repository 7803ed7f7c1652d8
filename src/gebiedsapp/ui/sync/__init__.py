"""The window's part of team sync (issue 16): the Synchroniseren action, the status bar, the
password, attempts in the background, and the Conflicten screen."""
