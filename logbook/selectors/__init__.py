"""Reads of the logbook (registratiedocument, annex 2): who reads which logbook (``access``), the
pages, cards and dossier section (``entries``), and the to-dos and new entries (``todos``)."""

from logbook.selectors.access import (
    comment_of,
    entry_of,
    is_comment_author,
    is_mentor_of,
    is_own_pupil_placement,
    logbook_entries_visible_to,
    logbook_is_open,
    logbook_placement_get_for,
    logbook_placements_visible_to,
)
from logbook.selectors.entries import (
    PortalCard,
    StaffCard,
    Version,
    dossier_logbook,
    dossier_prefetch,
    earlier_versions,
    logbook_entries,
    portal_card,
    staff_card,
)
from logbook.selectors.todos import new_entries, todos_for

__all__ = [
    "PortalCard",
    "StaffCard",
    "Version",
    "comment_of",
    "dossier_logbook",
    "dossier_prefetch",
    "earlier_versions",
    "entry_of",
    "is_comment_author",
    "is_mentor_of",
    "is_own_pupil_placement",
    "logbook_entries",
    "logbook_entries_visible_to",
    "logbook_is_open",
    "logbook_placement_get_for",
    "logbook_placements_visible_to",
    "new_entries",
    "portal_card",
    "staff_card",
    "todos_for",
]
