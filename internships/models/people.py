"""People: staff accounts with their role, pupils and their guardians."""

import datetime

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from compliance.engine.calendar import birthday
from core.tenancy import school_scoped
from core.validators import format_national_number, validate_national_number
from internships.models.schools import Address, School, SchoolClass


class User(AbstractUser):
    """A staff member of one school, or a support superuser without a school.

    The roles nest: a school admin can do everything a coordinator can and also manages the
    school's users; a coordinator sees the whole school; a supervisor sees only the placements
    they supervise (4.2).
    """

    class Role(models.TextChoices):
        SUPERVISOR = "supervisor", _("stagebegeleider")
        COORDINATOR = "coordinator", _("stagecoördinator")
        SCHOOL_ADMIN = "school_admin", _("schoolbeheerder")

    school = models.ForeignKey(
        School,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="staff",
        null=True,
        blank=True,
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="") | models.Q(school__isnull=False),
                name="staff_role_requires_school",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def sees_whole_school(self) -> bool:
        return self.role in (self.Role.COORDINATOR, self.Role.SCHOOL_ADMIN)

    @property
    def manages_users(self) -> bool:
        return self.role == self.Role.SCHOOL_ADMIN


class Student(Address):
    """A pupil (leerling-stagiair, 4.2)."""

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="students"
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("familienaam"), max_length=100)
    birth_date = models.DateField(_("geboortedatum"))
    national_number = models.CharField(
        _("rijksregisternummer"),
        max_length=11,
        blank=True,
        validators=[validate_national_number],
        help_text=_("Nodig voor de Dimona-aangifte (5.5)."),
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    school_class = models.ForeignKey(
        SchoolClass,
        verbose_name=_("klas"),
        on_delete=models.PROTECT,
        related_name="students",
        null=True,
        blank=True,
    )

    objects = school_scoped("school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("leerling")
        verbose_name_plural = _("leerlingen")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "national_number"],
                condition=~models.Q(national_number=""),
                name="unique_national_number_per_school",
            )
        ]
        indexes = [models.Index(fields=["school", "last_name", "first_name"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def national_number_display(self) -> str:
        return format_national_number(self.national_number)

    def birthday(self, age: int) -> datetime.date:
        """The day the pupil turns ``age``; born on 29 February, it is 1 March in other years."""
        return birthday(self.birth_date, age)

    def is_minor_on(self, day: datetime.date) -> bool:
        return day < self.birthday(18)

    @property
    def is_minor_today(self) -> bool:
        return self.is_minor_on(timezone.localdate())


class Guardian(models.Model):
    """A parent or guardian; for a minor pupil one of them signs the agreement (8.1.2)."""

    class Relationship(models.TextChoices):
        MOTHER = "mother", _("moeder")
        FATHER = "father", _("vader")
        GUARDIAN = "guardian", _("voogd")
        OTHER = "other", _("andere gevolmachtigde vertegenwoordiger")

    student = models.ForeignKey(
        Student, verbose_name=_("leerling"), on_delete=models.CASCADE, related_name="guardians"
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("familienaam"), max_length=100)
    relationship = models.CharField(
        _("relatie"), max_length=20, choices=Relationship.choices, default=Relationship.MOTHER
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    may_sign = models.BooleanField(
        _("mag tekenen voor de minderjarige leerling"),
        default=True,
    )

    objects = school_scoped("student__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ouder of voogd")
        verbose_name_plural = _("ouders en voogden")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} ({self.get_relationship_display()})"
