"""PySide6 only: the main window, one module per screen, Qt models, dialogs.

The UI reaches data only through `gebiedsapp.services` (and the open `Database`).
"""
