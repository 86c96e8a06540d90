"""Writes on a placement's evaluations: open, the mentor's advice, the supervisor's decision.

The mentor advises through their personal link; the supervisor of the placement (or a
coordinator) fills in the final levels, the conclusion and the remediation and finalises it:
the final responsibility lies with the supervisor, not the mentor (9.1.1). A finalised
evaluation never changes: every service here refuses it in Dutch, and the database refuses it
too (``evaluations/migrations/0002_finalised_evaluations.py``).

``scores`` maps a score's primary key to the level and the comment given for it.
"""

import datetime
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.principals import Capability, MentorLink, Principal, StaffMember, require_capability
from evaluations.models import Evaluation, Moment, Score, due_on_for
from evaluations.selectors.criteria import programme_of
from internships.models import Placement, User
from internships.services.audit import acting_as

ScoreInput = Mapping[int, tuple[int | None, str]]


def _refuse_finalised(evaluation: Evaluation) -> None:
    if evaluation.is_finalised:
        raise ValidationError(
            _(
                "Deze evaluatie is afgerond en gerapporteerd aan de leerling en de ouders; "
                "ze kan niet meer wijzigen (9.1.2)."
            )
        )


def _locked(evaluation: Evaluation) -> Evaluation:
    """The evaluation as it is in the database now, locked for this transaction, so advice and
    finalising cannot cross."""
    current = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    _refuse_finalised(current)
    return current


def _check_decides(principal: Principal, placement: Placement) -> User:
    """Only the placement's supervisor, or a coordinator or school admin, decides (9.1.1)."""
    if not isinstance(principal, StaffMember):
        raise PermissionDenied
    if not principal.sees_whole_school and placement.supervisor_id != principal.user.pk:
        raise PermissionDenied
    return principal.user


def _check_mentor(principal: Principal, placement: Placement) -> None:
    require_capability(principal, Capability.EVALUATE)
    if not isinstance(principal, MentorLink) or principal.mentor_id != placement.mentor_id:
        raise PermissionDenied


def _apply(
    evaluation: Evaluation,
    scores: ScoreInput,
    *,
    level_field: str,
    comment_field: str,
    principal: Principal,
) -> list[Score]:
    """Sets the level and comment of each score given; returns the evaluation's scores."""
    rows = list(evaluation.scores.order_by("position", "pk"))
    known = {row.pk for row in rows}
    if set(scores) - known:
        raise ValidationError(_("Een criterium hoort niet bij deze evaluatie."))
    for row in rows:
        if row.pk not in scores:
            continue
        level, comment = scores[row.pk]
        comment = (comment or "").strip()
        if (getattr(row, level_field), getattr(row, comment_field)) == (level, comment):
            continue
        setattr(row, level_field, level)
        setattr(row, comment_field, comment)
        try:
            row.full_clean()
        except ValidationError as error:
            raise ValidationError(
                f"{row.curriculum_goal} {row.description}: {' '.join(error.messages)}"
            ) from None
        acting_as(row, principal)
        row.save(update_fields=[level_field, comment_field])
    return rows


def _missing(rows: list[Score], level_field: str) -> list[Score]:
    return [row for row in rows if getattr(row, level_field) is None]


def _missing_error(message: str, rows: list[Score]) -> ValidationError:
    names = "; ".join(f"{row.curriculum_goal} {row.description}" for row in rows)
    return ValidationError(f"{message} {names}")


@transaction.atomic
def evaluation_open(
    *, placement: Placement, moment: str, opened_by: User | None = None
) -> Evaluation:
    """Opens the interim or final evaluation of a placement with the programme's active
    criteria for that moment, copied onto its scores; due in the middle of the placement
    (interim) or on its last day (final)."""
    if placement.status == Placement.Status.CANCELLED:
        raise ValidationError(_("Een geannuleerde stage wordt niet geëvalueerd."))
    moment = Moment(moment)
    programme = programme_of(placement)
    if programme is None:
        raise ValidationError(
            _(
                "De leerling zit niet in een klas met een studierichting: er zijn geen "
                "observatiecriteria om op te evalueren."
            )
        )
    criteria = list(programme.criteria.active().used_at(moment).order_by("position", "pk"))
    if not criteria:
        raise ValidationError(
            _(
                "%(programme)s heeft nog geen observatiecriteria voor de %(moment)s: de "
                "stagecoördinator stelt ze op vanuit de leerplandoelen (9.1.2)."
            )
            % {"programme": programme.name, "moment": moment.label}
        )
    evaluation = Evaluation(
        placement=placement, moment=moment, due_on=due_on_for(placement, moment)
    )
    evaluation.full_clean()
    evaluation.save()
    scores = [
        Score(
            evaluation=evaluation,
            criterion=criterion,
            position=position,
            curriculum_goal=criterion.curriculum_goal,
            description=criterion.description,
            scale=criterion.scale,
        )
        for position, criterion in enumerate(criteria, start=1)
    ]
    bulk_create_with_history(scores, Score, default_user=opened_by)
    return evaluation


@transaction.atomic
def evaluation_advise(
    *, evaluation: Evaluation, principal: Principal, scores: ScoreInput, comment: str = ""
) -> Evaluation:
    """The mentor's advice through their link: a level (and a comment) for every criterion and
    an overall comment (9.1.1). It can be changed until the evaluation is finalised."""
    _check_mentor(principal, evaluation.placement)
    current = _locked(evaluation)
    rows = _apply(
        current,
        scores,
        level_field="mentor_level",
        comment_field="mentor_comment",
        principal=principal,
    )
    missing = _missing(rows, "mentor_level")
    if missing:
        raise _missing_error(_("Kies een niveau voor elk criterium. Nog open:"), missing)
    current.mentor_comment = comment.strip()
    current.status = Evaluation.Status.ADVISED
    current.advised_at = timezone.now()
    current.advised_by_id = principal.mentor_id
    acting_as(current, principal)
    current.save(
        update_fields=["mentor_comment", "status", "advised_at", "advised_by"],
    )
    return current


@transaction.atomic
def evaluation_complete(
    *,
    evaluation: Evaluation,
    principal: Principal,
    scores: ScoreInput,
    conclusion: str = "",
    remediation: str = "",
    due_on: datetime.date | None = None,
) -> Evaluation:
    """The supervisor's final level and comment per criterion, the conclusion and the targeted
    remediation and advice (9.1.3); saved without finalising. Staff may move the due date."""
    _check_decides(principal, evaluation.placement)
    current = _locked(evaluation)
    _apply(current, scores, level_field="level", comment_field="comment", principal=principal)
    current.conclusion = conclusion.strip()
    current.remediation = remediation.strip()
    if due_on is not None:
        current.due_on = due_on
    current.full_clean()
    current.save(update_fields=["conclusion", "remediation", "due_on"])
    return current


@transaction.atomic
def evaluation_finalise(*, evaluation: Evaluation, principal: Principal) -> Evaluation:
    """Finalises the evaluation: the supervisor of the placement or a coordinator decides
    (9.1.1). From now on it is reported to the pupil and, for a minor, to the parents (9.1.2),
    and it never changes again."""
    user = _check_decides(principal, evaluation.placement)
    current = _locked(evaluation)
    rows = list(current.scores.order_by("position", "pk"))
    missing = _missing(rows, "level")
    if missing:
        raise _missing_error(_("Geef elk criterium een eindniveau. Nog open:"), missing)
    if not current.conclusion:
        raise ValidationError(_("Schrijf een besluit voor de leerling en de ouders (9.1.3)."))
    current.status = Evaluation.Status.FINALISED
    current.finalised_at = timezone.now()
    current.finalised_by = user
    current.save(update_fields=["status", "finalised_at", "finalised_by"])
    return current
