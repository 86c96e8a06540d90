"""Writes for the school's user accounts (school admins only)."""

from typing import Any

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from internships.models import School, User
from internships.selectors.signatures import signatures_recorded_by
from internships.services.common import model_update

STAFF_FIELDS = ["first_name", "last_name", "email", "phone", "role", "is_active"]


class _InvitationForm(PasswordResetForm):
    """Django's password-reset mail, addressed to the invited user only.

    The stock form skips users without a usable password, which is every invited user, and
    would also write to any other account that shares the e-mail address.
    """

    def __init__(self, user: User) -> None:
        super().__init__(data={"email": user.email})
        self.invited_user = user

    def get_users(self, email: str) -> list[User]:
        return [self.invited_user] if self.invited_user.is_active else []


def _send_invitation(user: User, *, domain_override: str | None, use_https: bool) -> None:
    """E-mails the new user a link to choose their own password (Django's reset token)."""
    form = _InvitationForm(user)
    if form.is_valid():
        form.save(
            domain_override=domain_override,
            use_https=use_https,
            subject_template_name="registration/invitation_subject.txt",
            email_template_name="registration/invitation_email.txt",
            extra_email_context={"school": user.school, "invited_user": user},
        )


@transaction.atomic
def staff_create(
    *,
    school: School,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    phone: str = "",
    domain: str | None = None,
    use_https: bool = True,
) -> User:
    """Creates a staff account without a usable password and e-mails an invitation."""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": [_("Deze gebruikersnaam is al in gebruik.")]})
    user = User(
        school=school,
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone=phone,
        role=role,
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    transaction.on_commit(
        lambda: _send_invitation(user, domain_override=domain, use_https=use_https)
    )
    return user


def _keep_a_school_admin(member: User) -> None:
    """A school must keep at least one active school admin, or nobody can manage its users."""
    if member.role == User.Role.SCHOOL_ADMIN and member.is_active:
        return
    others = User.objects.filter(
        school_id=member.school_id, role=User.Role.SCHOOL_ADMIN, is_active=True
    ).exclude(pk=member.pk)
    if not others.exists():
        raise ValidationError(_("De school moet minstens één actieve schoolbeheerder houden."))


def _not_a_support_account(member: User) -> None:
    """A support account (admin access or superuser) is managed by support only: a school admin
    who changed its e-mail address could take it over through a password reset."""
    if member.is_staff or member.is_superuser:
        raise ValidationError(
            _("Een ondersteuningsaccount wordt alleen door de ondersteuning beheerd.")
        )


def staff_email_changed_notify(*, member: User, old_email: str) -> None:
    """Tells the account's previous address, after the commit, that its address changed: if
    someone else changed it to take the account over, its owner hears of it."""
    if not old_email or old_email == member.email:
        return
    context = {"member": member, "school": member.school}

    def send() -> None:
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_to_string("registration/email_changed_subject.txt", context)
            body = render_to_string("registration/email_changed_email.txt", context)
        send_mail(" ".join(subject.split()), body, None, [old_email])

    transaction.on_commit(send)


@transaction.atomic
def staff_update(*, member: User, data: dict[str, Any]) -> User:
    _not_a_support_account(member)
    was_admin = member.role == User.Role.SCHOOL_ADMIN and member.is_active
    validate = _keep_a_school_admin if was_admin else None
    old_email = member.email
    model_update(instance=member, fields=STAFF_FIELDS, data=data, validate=validate)
    staff_email_changed_notify(member=member, old_email=old_email)
    return member


@transaction.atomic
def staff_delete(*, member: User) -> str:
    """Deletes the account, or deactivates it when it recorded a signature; says which.

    A signature names who recorded it and never changes (the database refuses it), so that
    account stays, unable to sign in, instead of leaving the evidence without its author.
    """
    _not_a_support_account(member)
    name = member.get_full_name() or member.get_username()
    if signatures_recorded_by(member):
        member.is_active = False
        member.save(update_fields=["is_active"])
        return _(
            "%(name)s is niet verwijderd maar gedeactiveerd: deze gebruiker registreerde een "
            "handtekening, die als bewijs bewaard blijft met wie ze registreerde."
        ) % {"name": name}
    member.delete()
    return _("%(name)s is verwijderd.") % {"name": name}
