"""What things are: typed SQLAlchemy models and enums. No I/O beyond the ORM, no Qt.

A name taken from this package (`from gebiedsapp.domain import Signal`, also `Base`) registers
every model on `Base.metadata` first (Alembic, sync and tests rely on it); a submodule imported
by itself (`gebiedsapp.domain.areas`) registers its own models and what they import. A start
imports only the few models its first paint reads (issue 19: declaring all of them was a
fifth of a second before the window showed); SQLAlchemy's mapper configuration, which every
ORM query needs first, imports the others before it resolves a relationship (`load_models`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy.orm import Mapper

if TYPE_CHECKING:
    from gebiedsapp.domain.activities import (
        Activity,
        activity_action,
        activity_initiative,
        activity_signal,
        activity_theme,
    )
    from gebiedsapp.domain.areas import Area, CbsBuurt, CbsWijk, area_buurt
    from gebiedsapp.domain.audit import AuditEntry, AuditHead
    from gebiedsapp.domain.base import Base, Tracked, reference_id, utcnow
    from gebiedsapp.domain.cbs_figures import CbsFigures
    from gebiedsapp.domain.contacts import Contact, FollowUp, contact_theme
    from gebiedsapp.domain.drafts import Draft, RecordVersion
    from gebiedsapp.domain.enums import (
        ActionStatus,
        ActivityKind,
        AreaKind,
        AuditAction,
        ConsentPurpose,
        ContactType,
        ContactWith,
        DeadlineLabel,
        DraftKind,
        Handling,
        InitiativeStatus,
        PartnerKind,
        Priority,
        Role,
        SignalField,
        SignalSource,
        SignalStatus,
        TermUnit,
    )
    from gebiedsapp.domain.initiatives import (
        Initiative,
        InitiativeMilestone,
        initiative_partner,
        initiative_theme,
    )
    from gebiedsapp.domain.koffiekar import (
        Conversation,
        KoffiekarSession,
        conversation_theme,
        session_staff,
    )
    from gebiedsapp.domain.people import Consent, Meedenker, Resident, meedenker_theme
    from gebiedsapp.domain.settings import AppSetting
    from gebiedsapp.domain.signals import Signal, SignalFeedback, SignalHistory, SignalPhoto
    from gebiedsapp.domain.survey import SurveyResult
    from gebiedsapp.domain.sync import SyncConflict
    from gebiedsapp.domain.taxonomy import Partner, SignalCategory, Theme
    from gebiedsapp.domain.teams import Assignment, TeamMember

MODEL_MODULES = (
    "activities",
    "areas",
    "audit",
    "base",
    "cbs_figures",
    "contacts",
    "drafts",
    "enums",
    "initiatives",
    "koffiekar",
    "people",
    "settings",
    "signals",
    "survey",
    "sync",
    "taxonomy",
    "teams",
)

# which submodule defines each name of the package
_WHERE = {
    "ActionStatus": "enums",
    "Activity": "activities",
    "ActivityKind": "enums",
    "AppSetting": "settings",
    "Area": "areas",
    "AreaKind": "enums",
    "Assignment": "teams",
    "AuditAction": "enums",
    "AuditEntry": "audit",
    "AuditHead": "audit",
    "Base": "base",
    "CbsBuurt": "areas",
    "CbsFigures": "cbs_figures",
    "CbsWijk": "areas",
    "Consent": "people",
    "ConsentPurpose": "enums",
    "Contact": "contacts",
    "ContactType": "enums",
    "ContactWith": "enums",
    "Conversation": "koffiekar",
    "DeadlineLabel": "enums",
    "Draft": "drafts",
    "DraftKind": "enums",
    "FollowUp": "contacts",
    "Handling": "enums",
    "Initiative": "initiatives",
    "InitiativeMilestone": "initiatives",
    "InitiativeStatus": "enums",
    "KoffiekarSession": "koffiekar",
    "Meedenker": "people",
    "Partner": "taxonomy",
    "PartnerKind": "enums",
    "Priority": "enums",
    "RecordVersion": "drafts",
    "Resident": "people",
    "Role": "enums",
    "Signal": "signals",
    "SignalCategory": "taxonomy",
    "SignalFeedback": "signals",
    "SignalField": "enums",
    "SignalHistory": "signals",
    "SignalPhoto": "signals",
    "SignalSource": "enums",
    "SignalStatus": "enums",
    "SurveyResult": "survey",
    "SyncConflict": "sync",
    "TeamMember": "teams",
    "TermUnit": "enums",
    "Theme": "taxonomy",
    "Tracked": "base",
    "activity_action": "activities",
    "activity_initiative": "activities",
    "activity_signal": "activities",
    "activity_theme": "activities",
    "area_buurt": "areas",
    "contact_theme": "contacts",
    "conversation_theme": "koffiekar",
    "initiative_partner": "initiatives",
    "initiative_theme": "initiatives",
    "meedenker_theme": "people",
    "reference_id": "base",
    "session_staff": "koffiekar",
    "utcnow": "base",
}


def load_models() -> None:
    """Import every model module: all tables on Base.metadata, all mappers registered."""
    for module in MODEL_MODULES:
        importlib.import_module(f"{__name__}.{module}")


def __getattr__(name: str) -> object:
    """A package name: every model loaded first, then the name (kept for the next time)."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    load_models()
    for known, home in _WHERE.items():
        globals()[known] = getattr(importlib.import_module(f"{__name__}.{home}"), known)
    return globals()[name]


@event.listens_for(Mapper, "before_configured")
def _every_model_before_configuring() -> None:
    """A relationship names its target by class name: every model must be there before the
    mappers are configured (the first ORM query of a start that imported only some)."""
    load_models()


__all__ = [
    "ActionStatus",
    "Activity",
    "ActivityKind",
    "AppSetting",
    "Area",
    "AreaKind",
    "Assignment",
    "AuditAction",
    "AuditEntry",
    "AuditHead",
    "Base",
    "CbsBuurt",
    "CbsFigures",
    "CbsWijk",
    "Consent",
    "ConsentPurpose",
    "Contact",
    "ContactType",
    "ContactWith",
    "Conversation",
    "DeadlineLabel",
    "Draft",
    "DraftKind",
    "FollowUp",
    "Handling",
    "Initiative",
    "InitiativeMilestone",
    "InitiativeStatus",
    "KoffiekarSession",
    "Meedenker",
    "Partner",
    "PartnerKind",
    "Priority",
    "RecordVersion",
    "Resident",
    "Role",
    "Signal",
    "SignalCategory",
    "SignalFeedback",
    "SignalField",
    "SignalHistory",
    "SignalPhoto",
    "SignalSource",
    "SignalStatus",
    "SurveyResult",
    "SyncConflict",
    "TeamMember",
    "TermUnit",
    "Theme",
    "Tracked",
    "activity_action",
    "activity_initiative",
    "activity_signal",
    "activity_theme",
    "area_buurt",
    "contact_theme",
    "conversation_theme",
    "initiative_partner",
    "initiative_theme",
    "meedenker_theme",
    "reference_id",
    "session_staff",
    "utcnow",
]
