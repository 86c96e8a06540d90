"""Writes of the logbook: the pupil's entries, the mentor's and the school's comments.

The pupil keeps the registratiedocument through their portal link (annex 2): what was done and
which activities of the list it concerns (8.2.3), experiences, a self-evaluation, strengths and
points to work on, and after the internship the reflection (8.3). The mentor and the supervisor
follow it up with comments (8.2.2). Each service checks the link's capability again, after the
view did, and the history names the link's holder (``acting_as``).
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.principals import Capability, MentorLink, Principal, StaffMember, require_capability
from internships.models import Activity, Placement
from internships.selectors.placements import placements_visible_to
from internships.services.audit import acting_as
from internships.services.common import model_update
from logbook.models import TEXT_FIELDS, LogbookComment, LogbookEntry
from logbook.selectors.access import (
    is_comment_author,
    is_mentor_of,
    is_own_pupil_placement,
    logbook_is_open,
)

ENTRY_FIELDS = ["kind", "date", "feeling", *TEXT_FIELDS]
Kind = LogbookEntry.Kind


def _check_writer(principal: Principal, placement: Placement) -> None:
    """Only the pupil writes their logbook, through a link that allows it, once it is open."""
    require_capability(principal, Capability.WRITE_LOGBOOK)
    if not is_own_pupil_placement(principal, placement):
        raise PermissionDenied
    if not logbook_is_open(placement):
        raise ValidationError(
            _(
                "Je logboek gaat open zodra je stage gestart is; een geannuleerde stage heeft "
                "er geen."
            )
        )


def entry_date(kind: str, date: datetime.date) -> datetime.date:
    """The date an entry is filed under: the Monday of its week for a week's entry."""
    if kind == Kind.WEEK:
        return date - datetime.timedelta(days=date.weekday())
    return date


def _check_date(placement: Placement, kind: str, date: datetime.date) -> None:
    if date > timezone.localdate():
        raise ValidationError({"date": [_("Deze datum ligt in de toekomst.")]})
    span = {
        "start": date_format(placement.start_date, "j F Y"),
        "end": date_format(placement.end_date, "j F Y"),
    }
    if kind == Kind.WEEK:
        if date + datetime.timedelta(days=6) < placement.start_date or date > placement.end_date:
            raise ValidationError(
                {"date": [_("Deze week valt buiten je stage (%(start)s – %(end)s).") % span]}
            )
    elif kind == Kind.DAY:
        if not placement.start_date <= date <= placement.end_date:
            raise ValidationError(
                {"date": [_("Deze dag valt buiten je stage (%(start)s – %(end)s).") % span]}
            )
    elif date < placement.start_date:
        raise ValidationError(
            {"date": [_("Je reflectie schrijf je na het begin van je stage (%(start)s).") % span]}
        )


def _check_activities(placement: Placement, activities: Iterable[Activity]) -> None:
    """The lines belong to the placement's own activity list and are allowed (8.1.3)."""
    activity_list = getattr(placement, "activity_list", None)
    for activity in activities:
        if activity_list is None or activity.activity_list_id != activity_list.pk:
            raise ValidationError(
                {"activities": [_("Kies activiteiten van je eigen stageactiviteitenlijst.")]}
            )
        if activity.is_forbidden:
            raise ValidationError(
                {
                    "activities": [
                        _("'%(activity)s' mag je op deze stage niet doen.")
                        % {"activity": activity.description}
                    ]
                }
            )


def _texts(values: dict[str, Any]) -> dict[str, Any]:
    return {
        name: value.strip() if name in TEXT_FIELDS and isinstance(value, str) else value
        for name, value in values.items()
    }


@transaction.atomic
def logbook_entry_create(
    *,
    placement: Placement,
    principal: Principal,
    kind: str,
    date: datetime.date,
    work_done: str = "",
    activities: Iterable[Activity] = (),
    experiences: str = "",
    feeling: str = "",
    self_evaluation: str = "",
    strengths: str = "",
    points_to_work_on: str = "",
) -> LogbookEntry:
    """The pupil writes about a day or a week of the placement, or the reflection after it."""
    _check_writer(principal, placement)
    activities = list(activities)
    date = entry_date(kind, date)
    entry = LogbookEntry(
        placement=placement,
        kind=kind,
        date=date,
        **_texts(
            {
                "work_done": work_done,
                "experiences": experiences,
                "feeling": feeling,
                "self_evaluation": self_evaluation,
                "strengths": strengths,
                "points_to_work_on": points_to_work_on,
            }
        ),
    )
    entry.full_clean()
    _check_date(placement, kind, date)
    _check_activities(placement, activities)
    acting_as(entry, principal)
    entry.save()
    if activities:
        entry.activities.set(activities)
    return entry


@transaction.atomic
def logbook_entry_update(
    *, entry: LogbookEntry, principal: Principal, data: dict[str, Any]
) -> LogbookEntry:
    """The pupil changes an entry, also one that was commented on: the history keeps each
    version, with the activity lines it had."""
    placement = entry.placement
    _check_writer(principal, placement)
    data = _texts(dict(data))
    activities = data.pop("activities", None)
    kind = data.get("kind", entry.kind)
    data["date"] = entry_date(kind, data.get("date", entry.date))
    _check_date(placement, kind, data["date"])
    lines_changed = False
    if activities is not None:
        activities = list(activities)
        _check_activities(placement, activities)
        lines_changed = {activity.pk for activity in activities} != set(
            entry.activities.values_list("pk", flat=True)
        )
    acting_as(entry, principal)
    if lines_changed:
        # The version is recorded once, by the save below, with the new lines in it.
        entry.skip_history_when_saving = True
        try:
            entry.activities.set(activities)
        finally:
            del entry.skip_history_when_saving
    changed = model_update(instance=entry, fields=ENTRY_FIELDS, data=data)
    if lines_changed and not changed:
        entry.save(update_fields=["updated_at"])
    return entry


def _check_commenter(principal: Principal, placement: Placement) -> None:
    """The placement's mentor through a link that allows it, or staff who see the placement."""
    match principal:
        case StaffMember():
            if not placements_visible_to(principal).filter(pk=placement.pk).exists():
                raise PermissionDenied
        case MentorLink():
            require_capability(principal, Capability.COMMENT_LOGBOOK)
            if not is_mentor_of(principal, placement):
                raise PermissionDenied
        case _:
            raise PermissionDenied


def _record_author(comment: LogbookComment, principal: Principal) -> None:
    """The history names the author: the link's holder, or the staff member (also outside a
    request, as for the demo data)."""
    acting_as(comment, principal)
    if isinstance(principal, StaffMember):
        comment._history_user = principal.user


@transaction.atomic
def logbook_comment_create(
    *, entry: LogbookEntry, principal: Principal, text: str
) -> LogbookComment:
    """The mentor or a staff member comments on an entry; the comment names its author."""
    _check_commenter(principal, entry.placement)
    comment = LogbookComment(entry=entry, text=text.strip())
    if isinstance(principal, MentorLink):
        comment.author_mentor_id = principal.mentor_id
    else:
        comment.author_user = principal.user
    comment.full_clean()
    _record_author(comment, principal)
    comment.save()
    return comment


@transaction.atomic
def logbook_comment_update(
    *, comment: LogbookComment, principal: Principal, text: str
) -> LogbookComment:
    """Only the author changes a comment."""
    _check_commenter(principal, comment.entry.placement)
    if not is_comment_author(principal, comment):
        raise PermissionDenied
    _record_author(comment, principal)
    model_update(instance=comment, fields=["text"], data={"text": text.strip()})
    return comment
