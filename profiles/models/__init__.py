"""Firms, their consultants and their client files (DESIGN.md §2, §6)."""

from .access import FileAccess
from .clients import Client
from .documents import DocumentEvent, DocumentFile, DocumentItem, DocumentKind, Message
from .facts import EducationCredential, LanguageTestResult, WorkPeriod
from .firms import Firm, Membership
from .history import Erasure, ScoreChange
from .imports import ClientImport
from .preferences import LanguagePreference
from .workflow import KeyDate, StageChange

__all__ = [
    "Client",
    "ClientImport",
    "DocumentEvent",
    "DocumentFile",
    "DocumentItem",
    "DocumentKind",
    "EducationCredential",
    "Erasure",
    "FileAccess",
    "Firm",
    "KeyDate",
    "LanguagePreference",
    "LanguageTestResult",
    "Membership",
    "Message",
    "ScoreChange",
    "StageChange",
    "WorkPeriod",
]
