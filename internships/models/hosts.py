"""The host side: hosts (stagegevers), their workplaces and mentors (4.2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.constraints import FieldCheckConstraint
from core.tenancy import school_scoped
from core.validators import (
    format_enterprise_number,
    validate_enterprise_number,
    validate_joint_committee,
)
from internships.models.schools import Address, School


class Host(Address):
    """An organisation or sole trader that takes pupils on; the address is the registered office."""

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="hosts"
    )
    name = models.CharField(_("naam"), max_length=200)
    enterprise_number = models.CharField(
        _("ondernemingsnummer"), max_length=10, validators=[validate_enterprise_number]
    )
    joint_committee = models.CharField(
        _("paritair comité"),
        max_length=6,
        blank=True,
        validators=[validate_joint_committee],
        help_text=_("Sommige cao's beschermen ook leerling-stagiairs (5.6)."),
    )
    employs_staff = models.BooleanField(
        _("stelt minstens één werknemer tewerk of betaalt sociale bijdragen als zelfstandige"),
        default=False,
        help_text=_("Voorwaarde om stagegever te zijn (4.2)."),
    )
    representative_name = models.CharField(_("vertegenwoordiger"), max_length=200, blank=True)
    representative_title = models.CharField(
        _("functie vertegenwoordiger"), max_length=100, blank=True
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    notes = models.TextField(_("notities"), blank=True)

    objects = school_scoped("school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stagegever")
        verbose_name_plural = _("stagegevers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "enterprise_number"],
                name="unique_enterprise_number_per_school",
                violation_error_message=_("Met dit ondernemingsnummer bestaat al een stagegever."),
            ),
            FieldCheckConstraint(
                field="employs_staff",
                condition=models.Q(employs_staff=True),
                name="host_employs_staff",
                violation_error_message=_(
                    "Een stagegever moet minstens één werknemer tewerkstellen of sociale "
                    "bijdragen als zelfstandige betalen (4.2)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def enterprise_number_display(self) -> str:
        return format_enterprise_number(self.enterprise_number)


class Workplace(Address):
    """The address where the internship happens; it may differ from the host's (4.2)."""

    host = models.ForeignKey(
        Host, verbose_name=_("stagegever"), on_delete=models.CASCADE, related_name="workplaces"
    )
    name = models.CharField(_("naam"), max_length=200)
    latitude = models.DecimalField(
        _("breedtegraad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("lengtegraad"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    objects = school_scoped("host__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stageplaats")
        verbose_name_plural = _("stageplaatsen")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"


class Mentor(models.Model):
    """The host's person who guides the pupil on the work floor (4.2)."""

    host = models.ForeignKey(
        Host, verbose_name=_("stagegever"), on_delete=models.CASCADE, related_name="mentors"
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("familienaam"), max_length=100)
    job_title = models.CharField(_("functie"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    objects = school_scoped("host__school")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stagementor")
        verbose_name_plural = _("stagementoren")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"
