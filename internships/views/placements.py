from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from core.views import (
    FilteredListMixin,
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
from internships.models import Placement, PlacementPeriod, SchoolYear
from internships.selectors.hosts import hosts_visible_to, mentors_visible_to, workplaces_visible_to
from internships.selectors.panels import activity_panel, agreement_panel, risk_panel, start_blockers
from internships.selectors.placements import (
    placement_get_for,
    placements_visible_to,
    students_visible_to,
)
from internships.selectors.schedules import planned_hours_by_period
from internships.selectors.school import supervisors_of_school
from internships.services import absences as absence_services
from internships.services import placements as services


class PlacementListView(StaffRequiredMixin, FilteredListMixin, ListView):
    template_name = "internships/placement_list.html"
    filterset_class = PlacementFilter
    context_object_name = "placements"

    def get_queryset(self):
        self.queryset = (
            placements_visible_to(self.request.principal)
            .filter(school_year=self.request.school_year)
            .select_related(
                "student__school_class", "host", "workplace", "mentor", "supervisor", "compliance"
            )
        )
        return super().get_queryset()


class PlacementDetailView(StaffRequiredMixin, DetailView):
    template_name = "internships/placement_detail.html"
    context_object_name = "placement"

    def get_object(self):
        return placement_get_for(self.request.principal, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        placement = self.object
        hours = planned_hours_by_period(placement)
        period_rows = [
            {"period": period, "planned_hours": hours[period.pk]}
            for period in placement.periods.select_related("make_up")
        ]
        history = placement.history.select_related("history_user").order_by("-history_date")[:20]
        return super().get_context_data(
            period_rows=period_rows,
            absences=placement.absences.select_related("recorded_by"),
            make_ups=placement.make_ups.select_related("period").prefetch_related("absences"),
            visits=placement.visits.select_related("visited_by"),
            history=history,
            transitions=services.ALLOWED_TRANSITIONS[placement.status],
            agreement_panel=agreement_panel(placement),
            activity_panel=activity_panel(placement),
            risk_panel=risk_panel(placement),
            start_blockers=start_blockers(placement),
            **kwargs,
        )


class PlacementFormView(StaffRequiredMixin, View):
    """Creates a placement (coordinators) or edits one (coordinators, its supervisor)."""

    template_name = "internships/placement_form.html"

    def get_placement(self) -> Placement | None:
        if "pk" not in self.kwargs:
            if not self.request.principal.sees_whole_school:
                raise PermissionDenied
            return None
        return placement_get_for(self.request.principal, self.kwargs["pk"])

    def get_form(self, placement, data=None):
        principal = self.request.principal
        initial = {}
        if placement is None:
            initial = {"school_year": self.request.school_year}
            if student_id := self.request.GET.get("student"):
                initial["student"] = students_visible_to(principal).filter(pk=student_id).first()
        form = PlacementForm(
            data,
            instance=placement,
            initial=initial,
            students=students_visible_to(principal).select_related("school_class"),
            hosts=hosts_visible_to(principal),
            workplaces=workplaces_visible_to(principal),
            mentors=mentors_visible_to(principal),
            supervisors=supervisors_of_school(principal),
            school_years=SchoolYear.objects.all(),
        )
        form.set_host_options_url(reverse("internships:host-options"))
        return form

    def get(self, request, pk=None):
        placement = self.get_placement()
        return self.render(placement, self.get_form(placement))

    def post(self, request, pk=None):
        placement = self.get_placement()
        form = self.get_form(placement, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if placement is None:
                    placement = services.placement_create(school=request.user.school, **data)
                    messages.success(request, _("Stage aangemaakt. Voeg nu de stageperiodes toe."))
                else:
                    services.placement_update(placement=placement, data=data)
                    messages.success(request, _("Stage bewaard."))
                return redirect("internships:placement-detail", placement.pk)
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(placement, form)

    def render(self, placement, form):
        return render(self.request, self.template_name, {"placement": placement, "form": form})


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
    """Views on something inside a placement the user may see."""

    def get_placement(self) -> Placement:
        return placement_get_for(self.request.principal, self.kwargs["placement_pk"])

    def done(self, placement: Placement, message: str) -> HttpResponse:
        messages.success(self.request, message)
        return redirect("internships:placement-detail", placement.pk)


class PeriodFormView(PlacementChildMixin, View):
    template_name = "internships/period_form.html"

    def get_period(self, placement) -> PlacementPeriod | None:
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(placement.periods, pk=self.kwargs["pk"])

    def get(self, request, **kwargs):
        placement = self.get_placement()
        period = self.get_period(placement)
        initial = {"start_date": placement.start_date, "end_date": placement.end_date}
        form = PeriodForm(instance=period, initial=initial if period is None else None)
        return self.render(placement, period, form)

    def post(self, request, **kwargs):
        placement = self.get_placement()
        period = self.get_period(placement)
        form = PeriodForm(request.POST, instance=period)
        if form.is_valid():
            try:
                if period is None:
                    services.period_create(placement=placement, **form.period_data())
                else:
                    services.period_update(period=period, data=form.period_data())
                return self.done(placement, _("Stageperiode bewaard."))
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(placement, period, form)

    def render(self, placement, period, form):
        context = {"placement": placement, "period": period, "form": form}
        return render(self.request, self.template_name, context)


class PeriodDeleteView(PlacementChildMixin, View):
    http_method_names = ["post"]

    def post(self, request, placement_pk, pk):
        placement = self.get_placement()
        period = get_object_or_404(placement.periods, pk=pk)
        services.period_delete(period=period)
        return self.done(placement, _("Stageperiode verwijderd."))


class AbsenceFormView(PlacementChildMixin, View):
    template_name = "internships/absence_form.html"

    def get(self, request, **kwargs):
        return self.render(self.get_placement(), AbsenceForm())

    def post(self, request, **kwargs):
        placement = self.get_placement()
        form = AbsenceForm(request.POST)
        if form.is_valid():
            try:
                absence_services.absence_record(
                    placement=placement, recorded_by=request.user, **form.cleaned_data
                )
                return self.done(placement, _("Afwezigheid geregistreerd."))
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(placement, form)

    def render(self, placement, form):
        return render(self.request, self.template_name, {"placement": placement, "form": form})


class MakeUpFormView(PlacementChildMixin, View):
    template_name = "internships/makeup_form.html"

    def get_form(self, placement, data=None):
        absences = placement.absences.all()
        return MakeUpForm(data, absences=absences)

    def get(self, request, **kwargs):
        placement = self.get_placement()
        return self.render(placement, self.get_form(placement))

    def post(self, request, **kwargs):
        placement = self.get_placement()
        form = self.get_form(placement, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                absence_services.make_up_create(
                    placement=placement,
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
                return self.done(placement, _("Inhaalstage gepland."))
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(placement, form)

    def render(self, placement, form):
        return render(self.request, self.template_name, {"placement": placement, "form": form})
