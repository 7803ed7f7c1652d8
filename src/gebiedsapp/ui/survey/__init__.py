"""The inwonersenquête: its import dialog."""
