"""What the logbook expects of a principal now (``core.todo``), and the week's new entries.

- the pupil: write in the logbook of a running placement when nothing was written for a week;
  after the internship, the reflection (8.3);
- the mentor: give feedback on entries of their interns that no mentor commented on yet
  (8.2.2: "voldoende tijd vrijmaakt om de leerling-stagiair te begeleiden en feedback te geven");
- staff: the entries of the pupils they supervise written since their last comment.

Only placements that run or ended in the last two weeks count for the mentor and the staff: an
old logbook is for the dossier, not for feedback.
"""

import datetime

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
from core.todo import Todo
from internships.models import Placement
from internships.selectors.placements import placements_visible_to
from logbook.models import LogbookComment, LogbookEntry
from logbook.selectors.access import logbook_entries_visible_to

WRITE_EVERY_DAYS = 7
REFLECTION_WITHIN_DAYS = 30
FEEDBACK_WITHIN_DAYS = 14


def todos_for(principal: Principal) -> list[Todo]:
    match principal:
        case PupilLink():
            return _pupil_todos(principal) if principal.can(Capability.WRITE_LOGBOOK) else []
        case MentorLink():
            return _mentor_todos(principal) if principal.can(Capability.COMMENT_LOGBOOK) else []
        case StaffMember():
            return _staff_todos(principal)
        case GuardianLink() | SignatoryLink() | ApiClient() | Anonymous():
            return []
        case _:
            unknown_principal(principal)


def _pupil_todos(principal: PupilLink) -> list[Todo]:
    today = timezone.localdate()
    week_ago = timezone.now() - datetime.timedelta(days=WRITE_EVERY_DAYS)
    own = placements_visible_to(principal).select_related("host")
    running = own.filter(
        status=Placement.Status.STARTED, start_date__lte=today, end_date__gte=today
    ).annotate(last_written=Max("logbook_entries__created_at"))
    todos = [
        Todo(
            text=_("Schrijf in je logboek over je stage bij %(host)s") % {"host": placement.host},
            url=reverse("logbook:portal-entry-create", args=[placement.pk]),
            due_on=today,
        )
        for placement in running
        if placement.last_written is None or placement.last_written < week_ago
    ]
    reflection = LogbookEntry.objects.filter(
        placement=OuterRef("pk"), kind=LogbookEntry.Kind.REFLECTION
    )
    ended = own.filter(
        status__in=(Placement.Status.STARTED, Placement.Status.COMPLETED),
        end_date__lt=today,
        end_date__gte=today - datetime.timedelta(days=REFLECTION_WITHIN_DAYS),
    ).exclude(Exists(reflection))
    todos += [
        Todo(
            text=_("Schrijf je reflectie na de stage bij %(host)s (8.3)")
            % {"host": placement.host},
            url=reverse("logbook:portal-entry-create", args=[placement.pk])
            + f"?kind={LogbookEntry.Kind.REFLECTION.value}",
            due_on=placement.end_date + datetime.timedelta(days=REFLECTION_WITHIN_DAYS),
        )
        for placement in ended
    ]
    return todos


def _recent(placements: QuerySet[Placement]) -> QuerySet[Placement]:
    since = timezone.localdate() - datetime.timedelta(days=FEEDBACK_WITHIN_DAYS)
    return placements.active().filter(end_date__gte=since)


def _mentor_todos(principal: MentorLink) -> list[Todo]:
    mentor_commented = LogbookComment.objects.filter(
        entry=OuterRef("pk"), author_mentor__isnull=False
    )
    waiting = (
        LogbookEntry.objects.filter(placement__in=_recent(placements_visible_to(principal)))
        .exclude(Exists(mentor_commented))
        .values("placement_id", "placement__student__first_name", "placement__student__last_name")
        .annotate(count=Count("pk"), oldest=Min("date"))
        .order_by("oldest", "placement_id")
    )
    return [
        Todo(
            text=ngettext(
                "Geef feedback op %(count)s logboeknotitie van %(student)s",
                "Geef feedback op %(count)s logboeknotities van %(student)s",
                row["count"],
            )
            % {
                "count": row["count"],
                "student": f"{row['placement__student__first_name']} "
                f"{row['placement__student__last_name']}",
            },
            url=reverse("logbook:portal", args=[row["placement_id"]]),
        )
        for row in waiting
    ]


def _staff_todos(principal: StaffMember) -> list[Todo]:
    """New entries of the pupils the staff member supervises since their last comment on
    that pupil's logbook ("nieuwe logboeknotities")."""
    user = principal.user
    last_comment = (
        LogbookComment.objects.filter(entry__placement=OuterRef("pk"), author_user=user)
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    placements = (
        _recent(placements_visible_to(principal).filter(supervisor=user))
        .select_related("student")
        .annotate(last_comment_at=Subquery(last_comment))
        .annotate(
            new=Count(
                "logbook_entries",
                filter=Q(last_comment_at__isnull=True)
                | Q(logbook_entries__created_at__gt=F("last_comment_at")),
            )
        )
        .filter(new__gt=0)
        .order_by("student__last_name", "student__first_name", "pk")
    )
    return [
        Todo(
            text=ngettext(
                "Nieuwe logboeknotitie van %(student)s",
                "%(count)s nieuwe logboeknotities van %(student)s",
                placement.new,
            )
            % {"student": placement.student, "count": placement.new},
            url=reverse("logbook:placement", args=[placement.pk]),
        )
        for placement in placements
    ]


def new_entries(
    principal: Principal, *, since: datetime.datetime | datetime.date
) -> QuerySet[LogbookEntry]:
    """Entries written from ``since`` on (a date counts from its start), newest first: for staff
    those of the pupils they supervise (the supervisor's "mijn week"), for a link holder those
    of the logbooks they read."""
    if not isinstance(since, datetime.datetime):
        since = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    match principal:
        case StaffMember():
            entries = LogbookEntry.objects.filter(
                placement__in=placements_visible_to(principal).filter(supervisor=principal.user)
            )
        case MentorLink() | PupilLink() | GuardianLink():
            entries = logbook_entries_visible_to(principal)
        case SignatoryLink() | ApiClient() | Anonymous():
            return LogbookEntry.objects.none()
        case _:
            unknown_principal(principal)
    return (
        entries.filter(created_at__gte=since)
        .select_related("placement__student", "placement__host")
        .order_by("-created_at", "-pk")
    )
