"""Personal links: make one, issue its token, open it, revoke it.

A link is made without a token; :func:`access_link_issue` mints the token when the link is about
to be handed over (in the e-mail task, or printed by support), stores its SHA-256 and returns
the token once. Issuing again replaces the token, so an earlier copy stops working. Opening
(:func:`access_link_open`) looks the token up by hash, refuses links that expired or were
revoked, counts failed attempts per client address, and records the use.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.principals import Capability
from core.ratelimit import attempt_record, attempts_exceeded
from core.tenancy import all_schools, school_scope
from core.tokens import digests_match, new_token, plausible_token, token_hash
from internships.models import AccessLink, Guardian, Mentor, School, Student, User

MAX_VALID_DAYS = 366


class TooManyAttempts(Exception):
    """This client tried too many unknown, expired or revoked tokens in a short time."""


class LinkUnusable(Exception):
    """The token is a real link's, but the link expired or was revoked; says why, in Dutch."""


def access_link_problem(link: AccessLink) -> str | None:
    """Why a link cannot be used (any more), in Dutch; None when it can."""
    if link.revoked_at is not None:
        return _("Deze link is ingetrokken. Vraag de school zo nodig een nieuwe link.")
    if link.is_expired:
        return _("Deze link is verlopen op %(date)s. Vraag de school een nieuwe link.") % {
            "date": timezone.localtime(link.expires_at).strftime("%d/%m/%Y")
        }
    return None


@transaction.atomic
def access_link_create(
    *,
    school: School,
    holder: str,
    email: str,
    capabilities: list[Capability],
    valid_days: int,
    created_by: User | None,
    mentor: Mentor | None = None,
    student: Student | None = None,
    guardian: Guardian | None = None,
) -> AccessLink:
    """A link for one holder, valid ``valid_days``; it has no token until it is issued."""
    errors = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Geef een geldig e-mailadres.")]
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        errors["valid_days"] = [
            _("Een link is 1 tot %(days)s dagen geldig.") % {"days": MAX_VALID_DAYS}
        ]
    if errors:
        raise ValidationError(errors)
    link = AccessLink(
        school=school,
        holder=holder,
        mentor=mentor,
        student=student,
        guardian=guardian,
        email=email,
        capabilities=sorted(Capability(capability) for capability in capabilities),
        created_by=created_by,
        expires_at=timezone.now() + datetime.timedelta(days=valid_days),
    )
    link.full_clean()
    link.save()
    return link


def access_link_issue(*, link: AccessLink) -> str:
    """Mints the link's token and returns it; only its hash is kept. An earlier token of the
    same link stops working."""
    problem = access_link_problem(link)
    if problem:
        raise ValidationError(problem)
    token = new_token()
    link.token_hash = token_hash(token)
    link.issued_at = timezone.now()
    link.save(update_fields=["token_hash", "issued_at"])
    return token


def access_link_url(token: str) -> str:
    """The address the holder opens; the page takes the token out of the address bar."""
    return settings.SITE_URL.rstrip("/") + reverse("portal:open", args=[token])


@transaction.atomic
def access_link_revoke(*, link: AccessLink) -> AccessLink:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def access_link_open(*, token: str, client: str) -> AccessLink | None:
    """The usable link ``token`` belongs to, its use recorded; None for an unknown token.

    A link that expired or was revoked raises :class:`LinkUnusable` with the reason. Looked up
    before any school is known, so across schools (``all_schools``): the token is the only key.
    A client that tried too many unusable tokens in the window is refused
    (:class:`TooManyAttempts`), whatever token it brings now.
    """
    key = f"access-link-open:{client}"
    if attempts_exceeded(key, limit=settings.ACCESS_LINK_ATTEMPTS_PER_WINDOW):
        raise TooManyAttempts
    link = None
    if plausible_token(token):
        digest = token_hash(token)
        with all_schools():
            link = AccessLink.objects.filter(token_hash=digest).first()
        if link is not None and not digests_match(link.token_hash, digest):
            link = None
    problem = access_link_problem(link) if link is not None else None
    if link is None or problem:
        attempt_record(key, window_seconds=settings.ACCESS_LINK_ATTEMPT_WINDOW_SECONDS)
        if problem:
            raise LinkUnusable(problem)
        return None
    with school_scope(link.school_id):
        AccessLink.objects.filter(pk=link.pk).update(
            last_used_at=timezone.now(), use_count=F("use_count") + 1
        )
    link.refresh_from_db(fields=["last_used_at", "use_count"])
    return link
