"""Every query lives here (Polar's rule); services call these, the UI calls services."""
