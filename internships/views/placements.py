from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, ListView

from core.views import (
    FilteredListMixin,
    ServiceFormView,
    StaffRequiredMixin,
)
from internships.filters import PlacementFilter
from internships.forms.placements import (
    AbsenceForm,
    MakeUpForm,
    PeriodForm,
    PlacementForm,
    TransitionForm,
)
from internships.models import Absence, MakeUpPlacement, Placement, PlacementPeriod, SchoolYear
from internships.selectors.history import history_rows
from internships.selectors.hosts import hosts_visible_to, mentors_visible_to, workplaces_visible_to
from internships.selectors.panels import (
    activity_panel,
    agreement_panel,
    placement_make_ups,
    placement_page_prefetch,
    risk_panel,
    start_blockers,
)
from internships.selectors.placements import (
    placement_get_for,
    placements_visible_to,
    students_visible_to,
)
from internships.selectors.schedules import placement_holiday_internship, planned_hours_by_period
from internships.selectors.school import supervisors_of_school
from internships.services import absences as absence_services
from internships.services import placements as services


class PlacementListView(StaffRequiredMixin, FilteredListMixin, ListView):
    template_name = "internships/placement_list.html"
    filterset_class = PlacementFilter
    context_object_name = "placements"

    def get_queryset(self):
        # Joining all eight tables costs PostgreSQL more to plan (some 20 ms: it weighs every
        # join order) than two more small queries for the mentors and supervisors of the page.
        self.queryset = (
            placements_visible_to(self.request.principal)
            .filter(school_year=self.request.school_year)
            .select_related("student__school_class", "host", "workplace", "compliance")
            .defer("compliance__violations", "compliance__totals")
            .prefetch_related("mentor", "supervisor")
        )
        return super().get_queryset()


class PlacementDetailView(StaffRequiredMixin, DetailView):
    """The header comes from the placement the staff member may see; the actions and the cards
    (``{% fresh %}`` fragments, cached until the school's data changes) read the rest only when
    they are not cached: :meth:`shown`."""

    template_name = "internships/placement_detail.html"
    context_object_name = "placement"

    def get_object(self):
        return placement_get_for(self.request.principal, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(shown=SimpleLazyObject(self.shown), **kwargs)

    def shown(self) -> dict:
        """What the actions and cards show, each row read once (onto the page's placement)."""
        placement = placement_page_prefetch(self.object)
        periods = list(placement.periods.all())
        hours = planned_hours_by_period(placement)
        history = history_rows(placement.history.all())
        agreement = agreement_panel(placement)
        return {
            "period_rows": [
                {"period": period, "planned_hours": hours[period.pk]} for period in periods
            ],
            "holiday_internship": placement_holiday_internship(placement, periods=periods),
            "absences": placement.absences.all(),
            "make_ups": placement_make_ups(placement),
            "visits": placement.visits.all(),
            "history": history,
            "transitions": services.ALLOWED_TRANSITIONS[placement.status],
            "agreement_panel": agreement,
            "activity_panel": activity_panel(placement),
            "risk_panel": risk_panel(placement),
            "start_blockers": start_blockers(placement, agreement),
        }


class PlacementFormView(StaffRequiredMixin, ServiceFormView):
    """Creates a placement (coordinators) or edits one (coordinators, its supervisor)."""

    template_name = "internships/placement_form.html"
    form_class = PlacementForm

    @cached_property
    def placement(self) -> Placement | None:
        if "pk" not in self.kwargs:
            if not self.request.principal.sees_whole_school:
                raise PermissionDenied
            return None
        return placement_get_for(self.request.principal, self.kwargs["pk"])

    def get_initial(self) -> dict:
        if self.placement is not None:
            return {}
        initial = {"school_year": self.request.school_year}
        if student_id := self.request.GET.get("student"):
            students = students_visible_to(self.request.principal)
            initial["student"] = students.filter(pk=student_id).first()
        return initial

    def get_form_kwargs(self) -> dict:
        principal = self.request.principal
        return {
            **super().get_form_kwargs(),
            "instance": self.placement,
            "students": students_visible_to(principal).select_related("school_class"),
            "hosts": hosts_visible_to(principal),
            "workplaces": workplaces_visible_to(principal),
            "mentors": mentors_visible_to(principal),
            "supervisors": supervisors_of_school(principal),
            "school_years": SchoolYear.objects.all(),
        }

    def get_form(self, form_class=None) -> PlacementForm:
        form = super().get_form(form_class)
        form.set_host_options_url(reverse("internships:host-options"))
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, **kwargs)

    def perform(self, form) -> Placement:
        if self.placement is None:
            return services.placement_create(school=self.request.user.school, **form.cleaned_data)
        return services.placement_update(placement=self.placement, data=form.cleaned_data)

    def get_success_message(self, placement: Placement) -> str:
        if self.placement is None:
            return _("Stage aangemaakt. Voeg nu de stageperiodes toe.")
        return _("Stage bewaard.")

    def get_success_url(self) -> str:
        return reverse("internships:placement-detail", args=[self.result.pk])


class HostOptionsView(StaffRequiredMixin, View):
    """The workplace and mentor options of one host, swapped into the placement form (htmx)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        host = get_object_or_404(hosts_visible_to(request.principal), pk=request.GET.get("host"))
        context = {
            "workplaces": workplaces_visible_to(request.principal).filter(host=host),
            "mentors": mentors_visible_to(request.principal).filter(host=host),
        }
        return render(request, "internships/partials/host_options.html", context)


class PlacementTransitionView(StaffRequiredMixin, View):
    """Moves a placement to another status (a button on its page); a refusal becomes an error
    message on that page."""

    http_method_names = ["post"]

    def post(self, request, pk):
        placement = placement_get_for(request.principal, pk)
        form = TransitionForm(request.POST)
        if form.is_valid():
            try:
                services.placement_transition(placement=placement, **form.cleaned_data)
                messages.success(
                    request,
                    _("Status gewijzigd naar ‘%(status)s’.")
                    % {"status": placement.get_status_display()},
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
        return redirect("internships:placement-detail", placement.pk)


class PlacementChildMixin(StaffRequiredMixin):
    """Views on something inside a placement the user may see; they return to its page."""

    def get_placement(self) -> Placement:
        return placement_get_for(self.request.principal, self.kwargs["placement_pk"])

    @cached_property
    def placement(self) -> Placement:
        return self.get_placement()

    def done(self, placement: Placement, message: str) -> HttpResponse:
        messages.success(self.request, message)
        return redirect("internships:placement-detail", placement.pk)

    def get_success_url(self) -> str:
        return reverse("internships:placement-detail", args=[self.placement.pk])


class ProposedBreaksFormMixin:
    """A form that plans new days of the placement's pupil proposes the legal break for the
    hours (5.2); htmx asks this page again, with the form's values, when the hours change."""

    refresh_fields = ("start_date", "start_time", "end_time")

    def proposes_breaks(self) -> bool:
        return True

    def get_form_kwargs(self) -> dict:
        kwargs = {**super().get_form_kwargs(), "birth_date": self.placement.student.birth_date}
        if self.request.method == "GET" and self.request.GET:
            kwargs["refresh"] = self.request.GET
        return kwargs

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.proposes_breaks():
            form.refresh_breaks_on_change(self.request.path, *self.refresh_fields)
        return form


class PeriodFormView(ProposedBreaksFormMixin, PlacementChildMixin, ServiceFormView):
    """Adds a period to a placement (its dates proposed), or edits one when the URL names it."""

    template_name = "internships/period_form.html"
    form_class = PeriodForm
    success_message = gettext_lazy("Stageperiode bewaard.")

    @cached_property
    def period(self) -> PlacementPeriod | None:
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.placement.periods, pk=self.kwargs["pk"])

    def get_initial(self) -> dict:
        if self.period is not None:
            return {}
        return {"start_date": self.placement.start_date, "end_date": self.placement.end_date}

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.period}

    def proposes_breaks(self) -> bool:
        return self.period is None

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, period=self.period, **kwargs)

    def perform(self, form) -> PlacementPeriod:
        if self.period is None:
            return services.period_create(placement=self.placement, **form.period_data())
        return services.period_update(period=self.period, data=form.period_data())


class PeriodDeleteView(PlacementChildMixin, View):
    http_method_names = ["post"]

    def post(self, request, placement_pk, pk):
        placement = self.get_placement()
        period = get_object_or_404(placement.periods, pk=pk)
        services.period_delete(period=period)
        return self.done(placement, _("Stageperiode verwijderd."))


class AbsenceFormView(PlacementChildMixin, ServiceFormView):
    """Records an absence of the pupil on one day of the placement."""

    template_name = "internships/absence_form.html"
    form_class = AbsenceForm
    success_message = gettext_lazy("Afwezigheid geregistreerd.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, **kwargs)

    def perform(self, form) -> Absence:
        return absence_services.absence_record(
            placement=self.placement, recorded_by=self.request.user, **form.cleaned_data
        )


class AbsenceDecideView(PlacementChildMixin, View):
    """POST: the school judges an absence the mentor reported: justified or not (section 4)."""

    http_method_names = ["post"]

    def post(self, request, placement_pk: int, pk: int) -> HttpResponse:
        absence = get_object_or_404(self.placement.absences, pk=pk)
        try:
            absence_services.absence_decide(
                absence=absence,
                justification=request.POST.get("justification", ""),
                user=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("internships:placement-detail", self.placement.pk)
        return self.done(
            self.placement,
            _("Afwezigheid van %(date)s: %(decision)s.")
            % {
                "date": absence.date.strftime("%d/%m/%Y"),
                "decision": absence.get_justification_display(),
            },
        )


class MakeUpFormView(ProposedBreaksFormMixin, PlacementChildMixin, ServiceFormView):
    """Plans an inhaalstage for some of the placement's absences."""

    template_name = "internships/makeup_form.html"
    form_class = MakeUpForm
    success_message = gettext_lazy("Inhaalstage gepland.")

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "absences": self.placement.absences.all()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, **kwargs)

    def perform(self, form) -> MakeUpPlacement:
        data = form.cleaned_data
        return absence_services.make_up_create(
            placement=self.placement,
            reason=data["reason"],
            decided_on=data["decided_on"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            weekdays=data["weekdays"],
            start_time=data["start_time"],
            end_time=data["end_time"],
            breaks=data["breaks"],
            absences=list(data["absences"]),
        )
