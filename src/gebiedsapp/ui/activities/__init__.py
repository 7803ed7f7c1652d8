"""The Activiteiten screen: bewonersavonden, dorpsschouwen and other gatherings, and the agenda."""

from gebiedsapp.ui.activities.screen import ActivitiesScreen

__all__ = ["ActivitiesScreen"]
