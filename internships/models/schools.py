"""The school side: school boards, schools, school years, programmes and classes."""

import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from compliance.engine.calendar import school_year_bounds, school_year_containing
from core.tenancy import school_scoped
from core.validators import (
    format_enterprise_number,
    validate_enterprise_number,
    validate_institution_number,
    validate_postal_code,
)


class Address(models.Model):
    """A Belgian postal address."""

    street = models.CharField(_("straat en nummer"), max_length=200)
    postal_code = models.CharField(_("postcode"), max_length=4, validators=[validate_postal_code])
    city = models.CharField(_("gemeente"), max_length=100)

    class Meta:
        abstract = True

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"


class SchoolBoard(Address):
    """The legal entity behind a school; it insures the pupils (6.1.2) and files Dimona (5.5)."""

    name = models.CharField(_("naam"), max_length=200)
    enterprise_number = models.CharField(
        _("ondernemingsnummer"), max_length=10, validators=[validate_enterprise_number]
    )
    insurer = models.CharField(
        _("verzekeraar arbeidsongevallen"),
        max_length=200,
        help_text=_("De verzekeraar bij wie het schoolbestuur de leerling-stagiairs verzekert."),
    )
    policy_number = models.CharField(_("polisnummer"), max_length=50)

    objects = school_scoped("schools")

    class Meta:
        verbose_name = _("schoolbestuur")
        verbose_name_plural = _("schoolbesturen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def enterprise_number_display(self) -> str:
        return format_enterprise_number(self.enterprise_number)


class School(Address):
    """A secondary school (onderwijsinstelling)."""

    board = models.ForeignKey(
        SchoolBoard,
        verbose_name=_("schoolbestuur"),
        on_delete=models.PROTECT,
        related_name="schools",
    )
    name = models.CharField(_("naam"), max_length=200)
    institution_number = models.CharField(
        _("instellingsnummer"),
        max_length=6,
        unique=True,
        validators=[validate_institution_number],
    )
    head_name = models.CharField(_("directeur"), max_length=200)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoon"), max_length=30)
    logo = models.ImageField(_("logo"), upload_to="school-logos/", blank=True)
    mileage_rate = models.DecimalField(
        _("kilometervergoeding per km"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.4326"),
        validators=[MinValueValidator(0)],
        help_text=_("Het bedrag per kilometer van omzendbrief SO/2015/01 (7.2)."),
    )
    mileage_reduction_percent = models.PositiveSmallIntegerField(
        _("vermindering van de kilometervergoeding (%)"),
        default=0,
        validators=[MaxValueValidator(10)],
        help_text=_(
            "Het schoolbestuur mag het bedrag met hoogstens 10 % verminderen als het een "
            "omniumverzekering voor dienstverplaatsingen heeft (7.2)."
        ),
    )

    objects = school_scoped("pk")

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("scholen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SchoolYearQuerySet(models.QuerySet):
    def for_date(self, day: datetime.date) -> "SchoolYear":
        """The school year containing ``day``, created when it does not exist yet."""
        school_year, _created = self.get_or_create(start_year=school_year_containing(day))
        return school_year


class SchoolYear(models.Model):
    """A school year, 1 September to 31 August (section 4)."""

    start_year = models.PositiveSmallIntegerField(_("beginjaar"), unique=True)

    objects = SchoolYearQuerySet.as_manager()

    class Meta:
        verbose_name = _("schooljaar")
        verbose_name_plural = _("schooljaren")
        ordering = ["-start_year"]

    def __str__(self) -> str:
        return f"{self.start_year}–{self.start_year + 1}"

    def __contains__(self, day: datetime.date) -> bool:
        return self.start_date <= day <= self.end_date

    @property
    def start_date(self) -> datetime.date:
        return school_year_bounds(self.start_year)[0]

    @property
    def end_date(self) -> datetime.date:
        return school_year_bounds(self.start_year)[1]


class Programme(models.Model):
    """A structuuronderdeel: grade and finality decide the minimum volume (section 3)."""

    class Grade(models.IntegerChoices):
        SECOND = 2, _("tweede graad")
        THIRD = 3, _("derde graad")

    class Finality(models.TextChoices):
        LABOUR_MARKET = "labour_market", _("arbeidsmarktfinaliteit")
        DOUBLE = "double", _("dubbele finaliteit")
        TRANSITION = "transition", _("doorstroomfinaliteit")

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="programmes"
    )
    name = models.CharField(_("naam"), max_length=200)
    grade = models.PositiveSmallIntegerField(_("graad"), choices=Grade.choices)
    year_in_grade = models.PositiveSmallIntegerField(
        _("leerjaar binnen de graad"),
        choices=[(1, _("eerste leerjaar")), (2, _("tweede leerjaar")), (3, _("7de leerjaar"))],
    )
    finality = models.CharField(_("finaliteit"), max_length=20, choices=Finality.choices)
    requires_workplace_learning = models.BooleanField(
        _("minstens 18 halve dagen werkplekleren verplicht"),
        default=False,
        help_text=_("Verplicht in de derde graad met arbeidsmarkt- of dubbele finaliteit (3)."),
    )
    visit_interval_weeks = models.PositiveSmallIntegerField(
        _("bezoek om de hoeveel weken"),
        default=4,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Elke blokperiode krijgt minstens één bezoek; een alternerende stage om de zoveel "
            "weken (bijlage 3: alle leerlingen op regelmatige tijdstippen bezocht)."
        ),
    )
    internship_lesson_hours = models.PositiveSmallIntegerField(
        _("lesuren stage in de lessentabel"),
        default=0,
        help_text=_(
            "Alternerend: 4 lesuren per week = een halve dag; blokstage: 1 lesuur = 1 week (4.1.1)."
        ),
    )

    objects = school_scoped("school")

    class Meta:
        verbose_name = _("studierichting")
        verbose_name_plural = _("studierichtingen")
        ordering = ["grade", "year_in_grade", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name", "grade", "year_in_grade"], name="unique_programme"
            ),
            models.CheckConstraint(
                condition=models.Q(year_in_grade__lte=2) | models.Q(grade=3),
                name="seventh_year_only_in_third_grade",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_year_in_grade_display()} {self.get_grade_display()} – {self.name}"

    @staticmethod
    def workplace_learning_required_by_law(grade: int, finality: str) -> bool:
        """Section 3: third-grade programmes with labour-market or double finality."""
        return grade == Programme.Grade.THIRD and finality in (
            Programme.Finality.LABOUR_MARKET,
            Programme.Finality.DOUBLE,
        )


class SchoolClass(models.Model):
    """A class group in one school year, with its weekly timetable."""

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="classes"
    )
    school_year = models.ForeignKey(
        SchoolYear, verbose_name=_("schooljaar"), on_delete=models.PROTECT, related_name="classes"
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("studierichting"),
        on_delete=models.PROTECT,
        related_name="classes",
    )
    name = models.CharField(_("naam"), max_length=30)

    objects = school_scoped("school")

    class Meta:
        verbose_name = _("klas")
        verbose_name_plural = _("klassen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year", "name"],
                name="unique_class_name_per_year",
                violation_error_message=_("Deze klasnaam bestaat al in dit schooljaar."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class TimetableSlot(models.Model):
    """One lesson period of a class's weekly timetable (a lesson hour lasts 50 minutes)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")
        SATURDAY = 5, _("zaterdag")

    school_class = models.ForeignKey(
        SchoolClass, verbose_name=_("klas"), on_delete=models.CASCADE, related_name="timetable"
    )
    weekday = models.PositiveSmallIntegerField(_("weekdag"), choices=Weekday.choices)
    start_time = models.TimeField(_("van"))
    end_time = models.TimeField(_("tot"))

    objects = school_scoped("school_class__school")

    class Meta:
        verbose_name = _("lesuur")
        verbose_name_plural = _("lessenrooster")
        ordering = ["weekday", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="timetable_slot_ends_after_start",
                violation_error_message=_("Een lesuur eindigt na zijn begin."),
            ),
            models.UniqueConstraint(
                fields=["school_class", "weekday", "start_time"], name="unique_timetable_slot"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"


class SchoolHoliday(models.Model):
    """One of the school's own free days or periods: a pedagogical study day, a local free day.

    They come on top of the Flemish school calendar, which the application computes for every
    school year (``compliance.engine.school_calendar``: herfst-, kerst-, krokus-, paas- and
    zomervakantie, the Friday after Ascension) and which is therefore not stored. On all of
    them no lessons take place and alternating internship patterns skip the days (section 4);
    read them through ``internships.selectors.schedules.school_holidays_of``.
    """

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="holidays"
    )
    school_year = models.ForeignKey(
        SchoolYear, verbose_name=_("schooljaar"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(
        _("naam"), max_length=100, help_text=_("Bijvoorbeeld: pedagogische studiedag.")
    )
    start_date = models.DateField(_("van"))
    end_date = models.DateField(_("tot en met"))

    objects = school_scoped("school")
    # Who added, moved or removed a free day: it changes the pupils' lesson and internship days.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("eigen vrije dag")
        verbose_name_plural = _("eigen vrije dagen")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="holiday_ends_after_start",
                violation_error_message=_("De einddatum ligt voor de begindatum."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.start_date:%d/%m/%Y}–{self.end_date:%d/%m/%Y}"
