import datetime
from collections import defaultdict

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from compliance import services
from compliance.engine import Exemptions, ScheduleInputError, check
from compliance.engine.patterns import Pattern, PatternKind, WorkDay
from compliance.forms import ExemptionForm, ScheduleExceptionForm, ScheduleTryForm
from compliance.models import Exemption, ScheduleException
from compliance.presentation import placement_violation_groups, violation_groups
from compliance.schedules import schedules_for_student_year, trial_schedule
from compliance.selectors import StoredViolation, placement_compliance
from core.views import ServiceFormView, StaffRequiredMixin, file_response
from internships.models import Placement
from internships.selectors.placements import students_visible_to
from internships.selectors.school import classes_visible_to
from internships.views.placements import PlacementChildMixin


class ExemptionFormView(PlacementChildMixin, ServiceFormView):
    """Records an exemption on a placement; the placement's schedule is checked again."""

    template_name = "compliance/exemption_form.html"
    form_class = ExemptionForm
    success_message = gettext_lazy("Afwijking bewaard; het rooster is opnieuw gecontroleerd.")

    @cached_property
    def placement(self) -> Placement:
        return self.get_placement()

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, **kwargs)

    def perform(self, form) -> Exemption:
        return services.exemption_save(placement=self.placement, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("internships:placement-detail", args=[self.placement.pk])


class ExemptionDeleteView(PlacementChildMixin, View):
    http_method_names = ["post"]

    def post(self, request, placement_pk, pk):
        placement = self.get_placement()
        services.exemption_delete(exemption=get_object_or_404(placement.exemptions, pk=pk))
        return self.done(placement, _("Afwijking verwijderd."))


class ExemptionDocumentView(PlacementChildMixin, View):
    """The exemption's supporting document, for staff who may see the placement."""

    def get(self, request, placement_pk, pk):
        exemption = get_object_or_404(self.get_placement().exemptions, pk=pk)
        return file_response(exemption.document)


class ScheduleExceptionFormView(PlacementChildMixin, ServiceFormView):
    """Records how one day of a placement differs from the plan (``?date=`` fills in the day)."""

    template_name = "compliance/exception_form.html"
    form_class = ScheduleExceptionForm
    success_message = gettext_lazy("Afwijkende dag bewaard.")

    @cached_property
    def placement(self) -> Placement:
        return self.get_placement()

    def get_initial(self) -> dict:
        date = self.request.GET.get("date")
        return {"date": date} if date else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, **kwargs)

    def perform(self, form) -> ScheduleException:
        return services.schedule_exception_save(placement=self.placement, **form.exception_data())

    def get_success_url(self) -> str:
        return reverse("internships:placement-detail", args=[self.placement.pk])


class ScheduleExceptionDeleteView(PlacementChildMixin, View):
    http_method_names = ["post"]

    def post(self, request, placement_pk, pk):
        placement = self.get_placement()
        exception = get_object_or_404(placement.schedule_exceptions, pk=pk)
        services.schedule_exception_delete(exception=exception)
        return self.done(placement, _("Afwijkende dag verwijderd."))


def _weeks(first: datetime.date, last: datetime.date) -> list[list[datetime.date]]:
    monday = first - datetime.timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append([monday + datetime.timedelta(days=offset) for offset in range(7)])
        monday += datetime.timedelta(days=7)
    return weeks


class PlacementScheduleView(PlacementChildMixin, View):
    """The placement's planned days week by week, lessons included, with the violations."""

    template_name = "compliance/placement_schedule.html"

    def get(self, request, placement_pk):
        placement = self.get_placement()
        schedules = schedules_for_student_year(placement.student_id, placement.school_year)
        own = next((s for s in schedules if s.placement.pk == placement.pk), None)
        entries_by_day = defaultdict(list)
        if own is not None:
            for entry in own.schedule.entries:
                entries_by_day[entry.date].append(entry)
        compliance = placement_compliance(placement)
        violations_by_day = defaultdict(list)
        for violation in compliance.violations:
            violations_by_day[violation.date].append(violation)
        weeks = [
            [
                {
                    "date": day,
                    "entries": entries_by_day.get(day, []),
                    "own": own is not None and day in own.own_days,
                    "violations": violations_by_day.get(day, []),
                }
                for day in week
            ]
            for week in _weeks(placement.start_date, placement.end_date)
        ]
        context = {
            "placement": placement,
            "weeks": weeks,
            "compliance": compliance,
            "groups": placement_violation_groups(placement, compliance),
        }
        return render(request, self.template_name, context)


class ScheduleTryView(StaffRequiredMixin, View):
    """Try a schedule against the rules before saving it on a placement."""

    template_name = "compliance/try.html"

    def get_form(self, data=None, refresh=None):
        """The pupils and classes to choose from are those of the school year worked in (and
        pupils not in a class yet): a school's earlier years would make the lists several times
        longer. Of a pupil the page needs the name, the birth date and the class's key only."""
        principal = self.request.principal
        school_year = self.request.school_year
        form = ScheduleTryForm(
            data,
            initial={"school_year": school_year},
            students=students_visible_to(principal)
            .filter(Q(school_class__school_year=school_year) | Q(school_class__isnull=True))
            .only("first_name", "last_name", "birth_date", "school_class"),
            school_classes=classes_visible_to(principal, school_year),
            refresh=refresh,
        )
        fields = ("student", "birth_date", "start_date", "start_time", "end_time")
        form.refresh_breaks_on_change(self.request.path, *fields)
        return form

    def get(self, request):
        form = self.get_form(refresh=request.GET or None)
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = self.get_form(request.POST)
        context = {"form": form}
        if form.is_valid():
            data = form.cleaned_data
            pattern = Pattern(
                kind=PatternKind(data["kind"]),
                start_date=data["start_date"],
                end_date=data["end_date"],
                weekdays=frozenset(data["weekdays"]),
                every_n_weeks=data["every_n_weeks"],
                day=WorkDay(
                    start=data["start_time"],
                    end=data["end_time"],
                    breaks=tuple(
                        (datetime.time.fromisoformat(s), datetime.time.fromisoformat(e))
                        for s, e in data["breaks"]
                    ),
                ),
            )
            student, school_class = data["student"], data["school_class"]
            if school_class is not None:
                school_class_id = school_class.pk
            else:
                school_class_id = student.school_class_id if student is not None else None
            trial = trial_schedule(
                school_id=request.user.school_id,
                birth_date=data["birth_date"],
                school_year=data["school_year"],
                pattern=pattern,
                school_class_id=school_class_id,
                exemptions=Exemptions(**dict.fromkeys(data["exemptions"], True)),
                requires_minimum_volume=data["requires_minimum_volume"],
            )
            try:
                result = check(trial.schedule)
            except ScheduleInputError as error:
                for message in error.errors:
                    form.add_error(None, message)
            else:
                context.update(
                    result=result,
                    trial=trial,
                    groups=violation_groups(
                        map(StoredViolation.from_engine, result.violations),
                        birth_date=data["birth_date"],
                        exemptions=data["exemptions"],
                    ),
                )
        template = self.template_name
        if request.htmx:
            template = "compliance/partials/try_result.html"
        return render(request, template, context)
