"""Who is asking: the principal of a request, a task or a command.

Every read that depends on who asks takes a principal, never a bare user: a staff member with a
role, the holder of a personal link (mentor, pupil, guardian, or someone who signs one document
for the host or the school), or an API client. Each knows its school; what it may see is decided
by the selectors, which handle every kind explicitly and call :func:`unknown_principal` for
anything else, so a new kind cannot silently inherit someone else's access.

Links carry capabilities: what their holder may do. A view declares the capability it needs and
the service checks it again (:func:`require_capability`), so portal and API cannot drift apart.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NoReturn

from django.core.exceptions import PermissionDenied


class Capability(StrEnum):
    """What the holder of a personal link may do."""

    VIEW = "view"
    SIGN = "sign"
    CONFIRM_ACTIVITIES = "confirm_activities"
    TICK_ACTIVITIES = "tick_activities"
    REPORT_ABSENCE = "report_absence"
    REPORT_INCIDENT = "report_incident"
    CONFIRM_HOURS = "confirm_hours"
    EVALUATE = "evaluate"
    WRITE_LOGBOOK = "write_logbook"
    COMMENT_LOGBOOK = "comment_logbook"
    ANSWER_SURVEY = "answer_survey"


class Principal:
    """Base of every principal; subclasses are frozen dataclasses with a ``school_id``."""

    school_id: int | None

    def can(self, capability: Capability) -> bool:
        return False


@dataclass(frozen=True)
class Anonymous(Principal):
    """Nobody signed in and no link opened: sees nothing of any school."""

    school_id: None = None


@dataclass(frozen=True)
class StaffMember(Principal):
    """A signed-in staff member of a school; the role decides the reach (4.2)."""

    user: Any
    school_id: int

    @classmethod
    def of(cls, user: Any) -> "StaffMember":
        if not user.school_id or not user.role:
            raise ValueError("Only a user with a school and a role is a staff member.")
        return cls(user=user, school_id=user.school_id)

    @property
    def role(self) -> str:
        return self.user.role

    @property
    def sees_whole_school(self) -> bool:
        return self.user.sees_whole_school

    @property
    def manages_users(self) -> bool:
        return self.user.manages_users


@dataclass(frozen=True)
class LinkHolder(Principal):
    """Whoever opened a personal link: bound to that link for the rest of the session."""

    link_id: int
    school_id: int
    capabilities: frozenset[Capability]

    def can(self, capability: Capability) -> bool:
        return capability in self.capabilities


@dataclass(frozen=True)
class MentorLink(LinkHolder):
    """A mentor (stagementor, 4.2): sees the placements they guide, nothing else."""

    mentor_id: int


@dataclass(frozen=True)
class PupilLink(LinkHolder):
    """A pupil: sees their own placements."""

    student_id: int


@dataclass(frozen=True)
class GuardianLink(LinkHolder):
    """A parent or guardian (8.1.2): sees the placements of their child."""

    guardian_id: int
    student_id: int


@dataclass(frozen=True)
class SignatoryLink(LinkHolder):
    """Someone who signs one document for the host or the school: sees only that document."""

    signature_request_id: int


@dataclass(frozen=True)
class ApiClient(Principal):
    """A school system calling the API with the school's key."""

    token_id: int
    school_id: int
    scopes: frozenset[str]


class UnknownPrincipal(TypeError):
    """A read was asked for by something that is not one of the principals above."""


def unknown_principal(principal: object) -> NoReturn:
    raise UnknownPrincipal(f"No access rule for {type(principal).__name__}.")


def require_capability(principal: Principal, capability: Capability) -> None:
    """Services call this again after the view did: the link must allow ``capability``."""
    if not principal.can(capability):
        raise PermissionDenied
