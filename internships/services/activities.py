"""The activity lists: a programme's reusable activities and each pupil's list (8.1.3, 8.2.3).

The pupil's list is an annex of the agreement. While a version that is ready or signed holds
it, what the pupil must, may and may not do is frozen (an amendment changes it); ticking
activities off as done, with a date and a comment, goes on during the internship.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.principals import Capability, MentorLink, Principal, StaffMember, require_capability
from internships.models import Activity, ActivityList, Placement, Programme, ProgrammeActivity, User
from internships.selectors.agreements import agreement_locks_annexes
from internships.services.audit import acting_as
from internships.services.common import model_update

PROGRAMME_ACTIVITY_FIELDS = ["curriculum_goal", "description", "position"]
ACTIVITY_FIELDS = ["curriculum_goal", "description", "permission"]


def _next_position(queryset) -> int:
    return (queryset.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def programme_activity_create(
    *,
    programme: Programme,
    description: str,
    curriculum_goal: str = "",
    position: int | None = None,
) -> ProgrammeActivity:
    activity = ProgrammeActivity(
        programme=programme,
        description=description,
        curriculum_goal=curriculum_goal,
        position=position if position is not None else _next_position(programme.activities),
    )
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def programme_activity_update(
    *, activity: ProgrammeActivity, data: dict[str, Any]
) -> ProgrammeActivity:
    model_update(instance=activity, fields=PROGRAMME_ACTIVITY_FIELDS, data=data)
    return activity


@transaction.atomic
def programme_activity_delete(*, activity: ProgrammeActivity) -> None:
    """Removes it from the programme's list; pupils' lists keep their own copy."""
    activity.delete()


def _check_unlocked(placement: Placement) -> None:
    if agreement_locks_annexes(placement):
        raise ValidationError(
            _(
                "De stageactiviteitenlijst hoort bij een overeenkomst die klaar is voor "
                "ondertekening of ondertekend is; een wijziging vraagt een aanhangsel."
            )
        )


@transaction.atomic
def activity_list_create(*, placement: Placement, user: User) -> ActivityList:
    """Draws up the pupil's list from the activities of the programme of the placement's class;
    every line starts as 'may' until supervisor and mentor decide."""
    if ActivityList.objects.filter(placement=placement).exists():
        raise ValidationError(_("Deze stage heeft al een stageactiviteitenlijst."))
    activity_list = ActivityList.objects.create(placement=placement, drawn_up_by=user)
    school_class = placement.school_class or placement.student.school_class
    if school_class is not None:
        templates = school_class.programme.activities.order_by("position", "pk")
        lines = [
            Activity(
                activity_list=activity_list,
                programme_activity=template,
                curriculum_goal=template.curriculum_goal,
                description=template.description,
                permission=Activity.Permission.MAY,
                position=position,
            )
            for position, template in enumerate(templates, start=1)
        ]
        bulk_create_with_history(lines, Activity, default_user=user)
    return activity_list


@transaction.atomic
def activity_add(
    *,
    activity_list: ActivityList,
    description: str,
    permission: str,
    curriculum_goal: str = "",
) -> Activity:
    """Adds a line of the pupil's own to the list."""
    _check_unlocked(activity_list.placement)
    activity = Activity(
        activity_list=activity_list,
        description=description,
        curriculum_goal=curriculum_goal,
        permission=permission,
        position=_next_position(activity_list.activities),
    )
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, data: dict[str, Any]) -> Activity:
    """Changes what a line says or whether the pupil must, may or may not do it; a line ticked
    off as done cannot become 'may not' (the model's constraint says so in Dutch)."""
    if any(field in data and data[field] != getattr(activity, field) for field in ACTIVITY_FIELDS):
        _check_unlocked(activity.activity_list.placement)
    model_update(instance=activity, fields=ACTIVITY_FIELDS, data=data)
    return activity


def _check_mentor(principal: Principal, placement: Placement, capability: Capability) -> None:
    """A link holder acts only on the placements it guides, and only with the capability."""
    if isinstance(principal, StaffMember):
        return
    require_capability(principal, capability)
    if not isinstance(principal, MentorLink) or principal.mentor_id != placement.mentor_id:
        raise PermissionDenied


@transaction.atomic
def activity_mark_done(
    *,
    activity: Activity,
    done: bool,
    principal: Principal,
    done_on: datetime.date | None = None,
    comment: str | None = None,
) -> Activity:
    """Ticks a line off as done (on ``done_on``, today by default) or unticks it (8.2.3): the
    supervisor, or the mentor through their link."""
    _check_mentor(principal, activity.activity_list.placement, Capability.TICK_ACTIVITIES)
    acting_as(activity, principal)
    if done and activity.permission == Activity.Permission.MAY_NOT:
        raise ValidationError(
            _("Een activiteit die niet mag, kan niet als uitgevoerd aangevinkt worden.")
        )
    if done:
        done_on = done_on or timezone.localdate()
        if done_on > timezone.localdate():
            raise ValidationError({"done_on": [_("Deze datum ligt in de toekomst.")]})
    data: dict[str, Any] = {"done": done, "done_on": done_on if done else None}
    if comment is not None:
        data["comment"] = comment.strip()
    model_update(instance=activity, fields=["done", "done_on", "comment"], data=data)
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity) -> None:
    _check_unlocked(activity.activity_list.placement)
    activity.delete()


@transaction.atomic
def activity_list_confirm(*, activity_list: ActivityList, principal: Principal) -> ActivityList:
    """Records that the mentor confirmed the list (annex 3: 'bevestigt de stageactiviteiten'):
    the mentor through their link, or staff who received the confirmation on paper or by mail."""
    placement = activity_list.placement
    _check_mentor(principal, placement, Capability.CONFIRM_ACTIVITIES)
    _check_unlocked(placement)
    if placement.mentor_id is None:
        raise ValidationError(_("Deze stage heeft nog geen stagementor."))
    acting_as(activity_list, principal)
    activity_list.mentor_confirmed_at = timezone.now()
    activity_list.mentor_confirmed_by_id = placement.mentor_id
    activity_list.save(update_fields=["mentor_confirmed_at", "mentor_confirmed_by"])
    return activity_list
