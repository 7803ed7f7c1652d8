"""What things are: typed SQLAlchemy models and enums. No I/O beyond the ORM, no Qt.

Importing this package registers every model on `Base.metadata` (Alembic and tests rely on it).
"""

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
