"""Sending the annual survey and answering it (section 10)."""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.principals import Capability, MentorLink, Principal, PupilLink, require_capability
from internships.models import Notification, Placement, School, SchoolYear, User
from internships.services.audit import acting_as
from internships.services.notifications import notification_queue
from internships.services.portal_links import portal_link_create
from surveys.models import Survey, SurveyResponse
from surveys.questions import Audience, Kind, questions_for
from surveys.selectors import surveyed_placements

RATINGS = {1, 2, 3, 4}
YES_NO = {"yes", "partly", "no"}


@transaction.atomic
def survey_open(
    *,
    school: School,
    school_year: SchoolYear,
    title: str,
    closes_on: datetime.date,
    created_by: User | None,
) -> Survey:
    """Opens the school year's survey and e-mails every mentor (once, for all their interns) and
    every pupil of the year's placements their portal link to it."""
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": [_("Deze datum ligt in het verleden.")]})
    survey = Survey(
        school=school, school_year=school_year, title=title.strip(), closes_on=closes_on
    )
    survey.created_by = created_by
    survey.full_clean()
    survey.save()
    placements = surveyed_placements(survey).select_related("mentor", "student")
    mentors = {placement.mentor for placement in placements if placement.mentor_id}
    students = {placement.student for placement in placements}
    for person in [*mentors, *students]:
        is_mentor = person in mentors
        link = portal_link_create(
            created_by=created_by,
            **({"mentor": person} if is_mentor else {"student": person}),
        )
        notification_queue(
            school=school,
            kind=Notification.Kind.SURVEY,
            recipient_name=f"{person.first_name} {person.last_name}",
            recipient_email=person.email,
            reason=_("%(title)s voor %(name)s.")
            % {"title": survey.title, "name": f"{person.first_name} {person.last_name}"},
            template="surveys/emails/survey",
            context={
                "name": f"{person.first_name} {person.last_name}",
                "title": survey.title,
                "is_mentor": is_mentor,
                "closes_on": closes_on.isoformat(),
            },
            access_link=link,
            dedupe_key=f"survey:{survey.pk}:{'mentor' if is_mentor else 'student'}:{person.pk}",
        )
    return survey


def _audience(principal: Principal, placement: Placement) -> str:
    if isinstance(principal, MentorLink) and principal.mentor_id == placement.mentor_id:
        return Audience.MENTOR
    if isinstance(principal, PupilLink) and principal.student_id == placement.student_id:
        return Audience.STUDENT
    raise PermissionDenied


def clean_answers(audience: str, answers: dict[str, Any]) -> dict[str, Any]:
    """Keeps the answers to the audience's questions, each of the right kind; Dutch errors."""
    cleaned, errors = {}, {}
    for question in questions_for(audience):
        value = answers.get(question.key)
        if question.kind is Kind.TEXT:
            cleaned[question.key] = str(value or "").strip()[:2000]
        elif question.kind is Kind.RATING:
            try:
                value = int(value)
            except (TypeError, ValueError):
                value = None
            if value not in RATINGS:
                errors[question.key] = [_("Kies een waardering van 1 tot 4.")]
            cleaned[question.key] = value
        else:
            if value not in YES_NO:
                errors[question.key] = [_("Kies ja, gedeeltelijk of nee.")]
            cleaned[question.key] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def survey_answer(
    *, survey: Survey, placement: Placement, principal: Principal, answers: dict[str, Any]
) -> SurveyResponse:
    """Records (or changes, while the survey is open) a mentor's or pupil's answers."""
    require_capability(principal, Capability.ANSWER_SURVEY)
    audience = _audience(principal, placement)
    if not survey.is_open:
        raise ValidationError(
            _("Deze bevraging is afgesloten op %(date)s.")
            % {"date": survey.closes_on.strftime("%d/%m/%Y")}
        )
    if not surveyed_placements(survey).filter(pk=placement.pk).exists():
        raise PermissionDenied
    response = SurveyResponse.objects.filter(
        survey=survey, placement=placement, respondent=audience
    ).first() or SurveyResponse(survey=survey, placement=placement, respondent=audience)
    response.answers = clean_answers(audience, answers)
    acting_as(response, principal)
    response.save()
    return response
