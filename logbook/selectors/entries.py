"""A placement's logbook as its pages, cards and the dossier show it, in a fixed number of
queries however many entries and comments there are."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from core.principals import (
    Anonymous,
    ApiClient,
    Capability,
    GuardianLink,
    MentorLink,
    Principal,
    PupilLink,
    SignatoryLink,
    StaffMember,
    unknown_principal,
)
from internships.models import Placement
from logbook.models import TEXT_FIELDS, LogbookComment, LogbookEntry
from logbook.selectors.access import child_is_minor, logbook_is_open

LATEST = 3


def _with_comments(entries: QuerySet[LogbookEntry]) -> QuerySet[LogbookEntry]:
    comments = LogbookComment.objects.select_related("author_mentor", "author_user")
    return entries.prefetch_related(Prefetch("comments", queryset=comments), "activities")


def logbook_entries(placement: Placement) -> list[LogbookEntry]:
    """Every entry of the placement, newest first, with its activity lines and comments: 3
    queries."""
    return list(_with_comments(placement.logbook_entries.all()))


DOSSIER_ORDER = ("date", "created_at", "pk")


def dossier_prefetch() -> Prefetch:
    """For the documents app's dossier query: ``prefetch_related(dossier_prefetch())`` on
    placements loads what :func:`dossier_logbook` shows for all of them at once."""
    return Prefetch(
        "logbook_entries",
        queryset=_with_comments(LogbookEntry.objects.order_by(*DOSSIER_ORDER)),
        to_attr="dossier_logbook_entries",
    )


def dossier_logbook(placement: Placement) -> list[LogbookEntry]:
    """The registratiedocument for the individual dossier (annex 2): every entry in the order
    it was written about, with its comments. The dossier checked who asks already."""
    prefetched = getattr(placement, "dossier_logbook_entries", None)
    if prefetched is not None:
        return prefetched
    return list(_with_comments(placement.logbook_entries.order_by(*DOSSIER_ORDER)))


@dataclass(frozen=True)
class Version:
    """An earlier version of an entry, as its history kept it."""

    saved_at: datetime.datetime
    fields: list[tuple[str, str]]


def earlier_versions(entries: list[LogbookEntry]) -> dict[int, list[Version]]:
    """Each edited entry's earlier versions, newest first, in one query. One version per save
    of the entry: the record that setting a new entry's activity lines adds carries the same
    save time as the entry's first record, and counts as the same version."""
    edited = [entry.pk for entry in entries if entry.was_edited]
    if not edited:
        return {}
    records = LogbookEntry.history.filter(id__in=edited).order_by("id", "history_date")
    saves: dict[int, dict] = {}
    for record in records:
        saves.setdefault(record.id, {})[record.updated_at] = record
    labels = {name: LogbookEntry._meta.get_field(name).verbose_name for name in TEXT_FIELDS}
    versions = {}
    for entry in entries:
        by_save = list(saves.get(entry.pk, {}).values())[:-1]
        versions[entry.pk] = [
            Version(
                saved_at=record.updated_at,
                fields=[
                    (str(labels[name]), getattr(record, name))
                    for name in TEXT_FIELDS
                    if getattr(record, name)
                ],
            )
            for record in reversed(by_save)
        ]
    return versions


def _annotated(entries: QuerySet[LogbookEntry], **authors) -> QuerySet[LogbookEntry]:
    commented = LogbookComment.objects.filter(entry=OuterRef("pk"), **authors)
    return entries.annotate(commented=Exists(commented))


@dataclass(frozen=True)
class StaffCard:
    """The logbook card of the staff placement page."""

    total: int
    latest: list[LogbookEntry]
    without_supervisor_comment: int | None  # None: the placement has no supervisor yet


def staff_card(placement: Placement) -> StaffCard:
    """2 queries: the counts and the latest entries, each marked ``commented`` by the
    supervisor (the second only when there are entries)."""
    entries = placement.logbook_entries.all()
    supervisor = placement.supervisor_id
    if supervisor is None:
        total = entries.count()
        return StaffCard(
            total=total,
            latest=list(entries[:LATEST]) if total else [],
            without_supervisor_comment=None,
        )
    entries = _annotated(entries, author_user_id=supervisor)
    counts = entries.aggregate(total=Count("pk"), without=Count("pk", filter=Q(commented=False)))
    return StaffCard(
        total=counts["total"],
        latest=list(entries[:LATEST]) if counts["total"] else [],
        without_supervisor_comment=counts["without"],
    )


PUPIL, MENTOR, GUARDIAN = "pupil", "mentor", "guardian"


@dataclass(frozen=True)
class PortalCard:
    """The logbook card of a link holder's placement page; ``role`` says whose."""

    role: str
    total: int = 0
    latest: list[LogbookEntry] = field(default_factory=list)
    to_comment: int = 0
    can_write: bool = False
    reflection_missing: bool = False

    @property
    def is_pupil(self) -> bool:
        return self.role == PUPIL

    @property
    def is_mentor(self) -> bool:
        return self.role == MENTOR


def portal_card(principal: Principal, placement: Placement) -> PortalCard | None:
    """What the card shows this principal, or None when they do not read the logbook: the
    pupil writes, the mentor comments on what has no mentor comment yet, the guardian of a
    minor reads."""
    entries = placement.logbook_entries.all()
    match principal:
        case PupilLink() if principal.student_id == placement.student_id:
            counts = entries.aggregate(
                total=Count("pk"),
                reflections=Count("pk", filter=Q(kind=LogbookEntry.Kind.REFLECTION)),
            )
            return PortalCard(
                role=PUPIL,
                total=counts["total"],
                latest=list(entries[:1]),
                can_write=logbook_is_open(placement) and principal.can(Capability.WRITE_LOGBOOK),
                reflection_missing=placement.status == Placement.Status.COMPLETED
                and not counts["reflections"],
            )
        case MentorLink() if principal.mentor_id == placement.mentor_id:
            waiting = entries.exclude(
                Exists(
                    LogbookComment.objects.filter(entry=OuterRef("pk"), author_mentor__isnull=False)
                )
            )
            return PortalCard(
                role=MENTOR,
                total=entries.count(),
                latest=list(waiting[:LATEST]),
                to_comment=waiting.count(),
            )
        case GuardianLink() if principal.student_id == placement.student_id:
            if not child_is_minor(principal):
                return None
            return PortalCard(role=GUARDIAN, total=entries.count(), latest=list(entries[:1]))
        case PupilLink() | MentorLink() | GuardianLink() | SignatoryLink():
            return None
        case StaffMember() | ApiClient() | Anonymous():
            return None
        case _:
            unknown_principal(principal)
