"""The evaluations (9.1): the placements' interim and final evaluations, on the criteria of
each programme (``demo.criteria``), as the school and the mentors would make them.

A placement that ended has both evaluations finalised by its supervisor after the mentor's
advice; a running one has the interim advised (and, once its due date passed, sometimes
finalised) and the final still open. The mentor advises through their personal link, as in the
portal.

The evaluations, thousands at scale 10, are written in bulk as their services would write them
(``demo.bulk``): the same rows and the same history.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from core.principals import StaffMember
from demo.bulk import Batch, link_reason
from demo.criteria import criteria_create
from demo.links import PortalLinks
from evaluations.models import Criterion, Evaluation, Moment, Score, due_on_for
from evaluations.selectors.criteria import programme_of
from internships.models import Placement, School, User

COMMENTS = {
    "low": (
        "Heeft nog veel sturing nodig.",
        "Lukt nog niet zelfstandig; blijven oefenen.",
        "Vergeet nog stappen van de procedure.",
    ),
    "mid": (
        "Lukt met wat begeleiding.",
        "Gaat vooruit; het tempo mag nog omhoog.",
        "Meestal correct, soms nog een herinnering nodig.",
    ),
    "high": (
        "Zelfstandig en nauwkeurig uitgevoerd.",
        "Vlot en veilig, ook bij drukte.",
        "Neemt hier zelf initiatief.",
    ),
}
MENTOR_COMMENTS = (
    "{name} is gemotiveerd en leergierig en past zich goed aan in het team.",
    "{name} werkt rustig en zorgvuldig; mag nog wat meer initiatief nemen.",
    "Goede inzet. {name} stelt de juiste vragen en neemt feedback goed op.",
    "{name} heeft een goede start gemaakt; het tempo ligt nog wat laag.",
)
CONCLUSIONS = {
    "low": "{name} haalt de doelen van deze stage nog niet voldoende. Inzet en houding zijn in "
    "orde, maar verschillende taken lukken nog niet zonder sturing.",
    "mid": "{name} haalt de meeste doelen van deze stage. De basis zit goed; enkele taken "
    "vragen nog oefening.",
    "high": "{name} haalt de doelen van deze stage ruim en werkt zelfstandig en betrouwbaar.",
}
REMEDIATION = (
    "Oefent op school in de praktijkles verder op: {points}. De stagebegeleider bespreekt de "
    "vorderingen bij de volgende stageperiode."
)
KEEP_GROWING = (
    "Blijft werken aan zelfstandigheid en tempo; kan in een volgende stage meer "
    "verantwoordelijkheid opnemen."
)


@dataclass
class Opened:
    """An evaluation as ``evaluation_open`` makes it: with a score per criterion of its moment."""

    evaluation: Evaluation
    scores: list[Score]


class Evaluator:
    """Makes the evaluations of one school's placements, with one random source.

    It writes what the services would (``evaluation_open``, ``evaluation_advise``,
    ``evaluation_complete``, ``evaluation_finalise``), for all the placements at once: each
    evaluation and score as it ends up, with a history record for every save.
    """

    def __init__(self, school: School, today: datetime.date, rng: random.Random) -> None:
        self.school = school
        self.today = today
        self.rng = rng
        self.coordinator = (
            User.objects.filter(school=school, role=User.Role.COORDINATOR).order_by("pk").first()
        )
        self.batch = Batch()
        self.links = PortalLinks(school, self.batch)
        self.criteria: dict[tuple[int, str], list[Criterion]] = {}
        self.finalised: list[tuple[Evaluation, str]] = []  # with the status before

    def decider(self, placement: Placement) -> StaffMember | None:
        user = placement.supervisor or self.coordinator
        return StaffMember.of(user) if user is not None else None

    def _tier(self, level: int, highest: int) -> str:
        share = (level - 1) / (highest - 1)
        return "low" if share < 0.4 else "high" if share > 0.7 else "mid"

    def _level(self, ability: float, highest: int) -> int:
        value = round(1 + (highest - 1) * min(1.0, max(0.0, ability + self.rng.gauss(0, 0.15))))
        return min(highest, max(1, value))

    def open(self, placement: Placement, moment: str) -> Opened | None:
        """As ``evaluation_open``: the programme's active criteria for the moment copied onto
        the scores; None where it refuses (no programme, or no criteria for the moment)."""
        programme = programme_of(placement)
        if programme is None:
            return None
        key = (programme.pk, moment)
        if key not in self.criteria:
            criteria = programme.criteria.active().used_at(moment).order_by("position", "pk")
            self.criteria[key] = list(criteria)
        if not self.criteria[key]:
            return None
        evaluation = Evaluation(
            placement=placement,
            moment=moment,
            due_on=due_on_for(placement, moment),
        )
        self.batch.add(evaluation)
        scores = [
            Score(
                evaluation=evaluation,
                criterion=criterion,
                position=position,
                curriculum_goal=criterion.curriculum_goal,
                description=criterion.description,
                scale=criterion.scale,
            )
            for position, criterion in enumerate(self.criteria[key], start=1)
        ]
        for score in scores:
            self.batch.add(score)
        return Opened(evaluation, scores)

    def _apply(
        self,
        scores: list[Score],
        given: list[tuple[int, str]],
        *,
        level_field: str,
        comment_field: str,
        reason: str | None,
    ) -> None:
        """As the services' ``_apply``: each score that changes is saved."""
        for score, (level, comment) in zip(scores, given, strict=True):
            comment = comment.strip()
            if (getattr(score, level_field), getattr(score, comment_field)) == (level, comment):
                continue
            setattr(score, level_field, level)
            setattr(score, comment_field, comment)
            self.batch.changed(score, reason=reason)

    def advise(self, opened: Opened, ability: float) -> None:
        """As ``evaluation_advise``, by the mentor through their link."""
        evaluation = opened.evaluation
        placement = evaluation.placement
        if placement.mentor is None:
            return
        given = []
        for score in opened.scores:
            level = self._level(ability, score.scale_choice.highest)
            tier = self._tier(level, score.scale_choice.highest)
            comment = self.rng.choice(COMMENTS[tier]) if self.rng.random() < 0.4 else ""
            given.append((level, comment))
        link = self.links.of(mentor=placement.mentor)
        comment = self.rng.choice(MENTOR_COMMENTS).format(name=placement.student.first_name)
        reason = link_reason(link)
        self._apply(
            opened.scores,
            given,
            level_field="mentor_level",
            comment_field="mentor_comment",
            reason=reason,
        )
        evaluation.mentor_comment = comment.strip()
        evaluation.status = Evaluation.Status.ADVISED
        evaluation.advised_at = timezone.now()
        evaluation.advised_by_id = link.mentor_id
        self.batch.changed(evaluation, reason=reason)

    def finalise(self, opened: Opened, principal: StaffMember, ability: float) -> None:
        """As ``evaluation_complete`` and then ``evaluation_finalise``, by the supervisor."""
        given, weak, total = [], [], 0.0
        for score in opened.scores:
            highest = score.scale_choice.highest
            level = score.mentor_level or self._level(ability, highest)
            if self.rng.random() < 0.2:
                level = min(highest, max(1, level + self.rng.choice((-1, 1))))
            tier = self._tier(level, highest)
            if tier == "low":
                weak.append(score.description[0].lower() + score.description[1:])
            total += (level - 1) / (highest - 1)
            comment = self.rng.choice(COMMENTS[tier]) if tier != "mid" else ""
            given.append((level, comment))
        evaluation = opened.evaluation
        name = evaluation.placement.student.first_name
        share = total / max(1, len(given))
        overall = "low" if share < 0.4 else "high" if share > 0.7 else "mid"
        remediation = REMEDIATION.format(points="; ".join(weak[:3])) if weak else KEEP_GROWING
        self._apply(opened.scores, given, level_field="level", comment_field="comment", reason=None)
        evaluation.conclusion = CONCLUSIONS[overall].format(name=name).strip()
        evaluation.remediation = remediation.strip()
        self.batch.changed(evaluation)
        self.finalised.append((evaluation, evaluation.status))
        evaluation.status = Evaluation.Status.FINALISED
        evaluation.finalised_at = timezone.now()
        evaluation.finalised_by = principal.user
        self.batch.changed(evaluation)

    def run(self, placement: Placement) -> None:
        principal = self.decider(placement)
        ended = placement.status == Placement.Status.COMPLETED or (
            placement.status == Placement.Status.STARTED and placement.end_date < self.today
        )
        running = (
            placement.status == Placement.Status.STARTED
            and placement.start_date <= self.today <= placement.end_date
        )
        if principal is None or not (ended or running):
            return
        ability = self.rng.betavariate(5, 2.2)
        interim = self.open(placement, Moment.INTERIM)
        final = interim and self.open(placement, Moment.FINAL)
        if final is None:
            return  # a pupil without a programme with criteria is not evaluated
        self.advise(interim, max(0.0, ability - 0.12))
        if ended or (interim.evaluation.due_on <= self.today and self.rng.random() < 0.4):
            self.finalise(interim, principal, max(0.0, ability - 0.12))
        if ended:
            self.advise(final, ability)
            self.finalise(final, principal, ability)

    def write(self) -> None:
        """Inserts the evaluations and their scores, then finalises the evaluations that were:
        the database takes no score on a finalised evaluation."""
        for evaluation, before in self.finalised:
            evaluation.status = before
        self.batch.insert()
        finalised = [evaluation for evaluation, _before in self.finalised]
        Evaluation.objects.filter(pk__in=[evaluation.pk for evaluation in finalised]).update(
            status=Evaluation.Status.FINALISED
        )
        for evaluation in finalised:
            evaluation.status = Evaluation.Status.FINALISED
        self.batch.write()


def evaluations_seed(*, school: School, today: datetime.date, rng: random.Random) -> None:
    """The school's criteria and the evaluations of its placements, through the services."""
    criteria_create(school)
    evaluator = Evaluator(school, today, rng)
    placements = (
        Placement.objects.filter(school=school)
        .exclude(status=Placement.Status.CANCELLED)
        .exclude(evaluations__isnull=False)
        .select_related("student__school_class__programme", "school_class__programme")
        .select_related("mentor", "supervisor")
        .order_by("start_date", "pk")
    )
    for placement in placements:
        evaluator.run(placement)
    evaluator.write()
