"""Programmes' reusable activities (coordinators) and each pupil's activity list (8.1.3, 8.2.3).

The pupil's list is built for a phone: one compact row per activity whose must / may / may not
buttons and done tick post through htmx and swap only that row.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView

from core.views import CoordinatorRequiredMixin, ServiceFormView
from internships.forms.activities import (
    ActivityDoneForm,
    ActivityForm,
    ActivityPermissionForm,
    ProgrammeActivityForm,
)
from internships.models import Activity, ActivityList, Placement, Programme, ProgrammeActivity
from internships.selectors.agreements import agreement_locks_annexes
from internships.selectors.school import (
    programme_activity_get_for,
    programme_get_for,
    programmes_visible_to,
)
from internships.services import activities as services
from internships.views.placements import PlacementChildMixin


class ProgrammeListView(CoordinatorRequiredMixin, ListView):
    template_name = "internships/programme_list.html"
    context_object_name = "programmes"

    def get_queryset(self):
        return programmes_visible_to(self.request.principal).annotate(
            activity_count=Count("activities")
        )


class ProgrammeDetailView(CoordinatorRequiredMixin, View):
    def get(self, request, pk):
        programme = programme_get_for(request.principal, pk)
        context = {
            "programme": programme,
            "activities": programme.activities.all(),
            "form": ProgrammeActivityForm(),
        }
        return render(request, "internships/programme_detail.html", context)


class ProgrammeActivityFormView(CoordinatorRequiredMixin, ServiceFormView):
    """Adds an activity to a programme (the URL names it) or edits one (the URL names that)."""

    form_class = ProgrammeActivityForm
    success_message = gettext_lazy("Activiteit bewaard.")

    @cached_property
    def activity(self) -> ProgrammeActivity | None:
        if "pk" not in self.kwargs:
            return None
        return programme_activity_get_for(self.request.principal, self.kwargs["pk"])

    @cached_property
    def programme(self) -> Programme:
        if self.activity is not None:
            return self.activity.programme
        return programme_get_for(self.request.principal, self.kwargs["programme_pk"])

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.activity}

    def get_context_data(self, **kwargs):
        url = reverse("internships:programme-detail", args=[self.programme.pk])
        return super().get_context_data(
            title=_("Activiteit bewerken") if self.activity else _("Activiteit toevoegen"),
            parent=self.programme,
            parent_url=url,
            cancel_url=url,
            **kwargs,
        )

    def perform(self, form) -> ProgrammeActivity:
        if self.activity is None:
            return services.programme_activity_create(programme=self.programme, **form.cleaned_data)
        return services.programme_activity_update(activity=self.activity, data=form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("internships:programme-detail", args=[self.programme.pk])


class ProgrammeActivityDeleteView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        activity = programme_activity_get_for(request.principal, pk)
        programme = activity.programme
        services.programme_activity_delete(activity=activity)
        messages.success(request, _("Activiteit verwijderd uit de lijst van de studierichting."))
        return redirect("internships:programme-detail", programme.pk)


def _list_context(placement: Placement) -> dict:
    activity_list = ActivityList.objects.filter(placement=placement).first()
    return {
        "placement": placement,
        "activity_list": activity_list,
        "activities": activity_list.activities.all() if activity_list else [],
        "locked": agreement_locks_annexes(placement),
        "permissions": Activity.Permission.choices,
    }


class ActivityListView(PlacementChildMixin, View):
    def get(self, request, **kwargs):
        placement = self.get_placement()
        return render(request, "internships/activity_list.html", _list_context(placement))


class ActivityListCreateView(PlacementChildMixin, View):
    http_method_names = ["post"]

    def post(self, request, **kwargs):
        placement = self.get_placement()
        try:
            services.activity_list_create(placement=placement, user=request.user)
            messages.success(
                request,
                _("Activiteitenlijst opgesteld: duid per activiteit moet, mag of mag niet aan."),
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("internships:activity-list", placement.pk)


class ActivityRowMixin(PlacementChildMixin):
    """Acts on one line of the placement's list; htmx gets the row back, a browser the page."""

    http_method_names = ["post"]

    def get_activity(self, placement: Placement) -> Activity:
        activities = Activity.objects.filter(activity_list__placement=placement)
        return get_object_or_404(activities, pk=self.kwargs["pk"])

    def respond(self, placement, activity, error: ValidationError | None = None):
        if self.request.htmx:
            context = {
                **_list_context(placement),
                "activity": activity,
                "error": " ".join(error.messages) if error else "",
            }
            return render(self.request, "internships/partials/activity_row.html", context)
        if error:
            for message in error.messages:
                messages.error(self.request, message)
        return redirect(
            reverse("internships:activity-list", args=[placement.pk]) + f"#a{activity.pk}"
        )


class ActivityPermissionView(ActivityRowMixin, View):
    def post(self, request, **kwargs):
        placement = self.get_placement()
        activity = self.get_activity(placement)
        form = ActivityPermissionForm(request.POST)
        error = None
        if form.is_valid():
            try:
                services.activity_update(activity=activity, data=form.cleaned_data)
            except ValidationError as refused:
                error = refused
                activity.refresh_from_db()
        return self.respond(placement, activity, error)


class ActivityDoneView(ActivityRowMixin, View):
    def post(self, request, **kwargs):
        placement = self.get_placement()
        activity = self.get_activity(placement)
        form = ActivityDoneForm(request.POST)
        error = None
        if form.is_valid():
            data = form.cleaned_data
            if "comment" not in request.POST:
                data.pop("comment")  # the quick tick keeps the comment as it is
            try:
                services.activity_mark_done(activity=activity, principal=request.principal, **data)
            except ValidationError as refused:
                error = refused
                activity.refresh_from_db()
        else:
            error = ValidationError(next(iter(form.errors.values())))
        return self.respond(placement, activity, error)


class ActivityFormView(PlacementChildMixin, ServiceFormView):
    """A line of the pupil's own (the URL names no activity) or an edit of an existing one;
    404 while the placement has no activity list."""

    form_class = ActivityForm
    success_message = gettext_lazy("Activiteit bewaard.")

    @cached_property
    def activity_list(self) -> ActivityList:
        return get_object_or_404(ActivityList, placement=self.placement)

    @cached_property
    def activity(self) -> Activity | None:
        """The line the URL names, or None for a new one; either way 404 without a list."""
        activities = self.activity_list.activities
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(activities, pk=self.kwargs["pk"])

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.activity}

    def get_context_data(self, **kwargs):
        url = reverse("internships:activity-list", args=[self.placement.pk])
        return super().get_context_data(
            title=_("Activiteit bewerken") if self.activity else _("Activiteit toevoegen"),
            parent=_("Activiteitenlijst van %(student)s") % {"student": self.placement.student},
            parent_url=url,
            cancel_url=url,
            **kwargs,
        )

    def perform(self, form) -> Activity:
        if self.activity is None:
            return services.activity_add(activity_list=self.activity_list, **form.cleaned_data)
        return services.activity_update(activity=self.activity, data=form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("internships:activity-list", args=[self.placement.pk])


class ActivityDeleteView(ActivityRowMixin, View):
    def post(self, request, **kwargs):
        placement = self.get_placement()
        activity = self.get_activity(placement)
        try:
            services.activity_delete(activity=activity)
            messages.success(request, _("Activiteit verwijderd."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("internships:activity-list", placement.pk)


class ActivityListConfirmView(PlacementChildMixin, View):
    http_method_names = ["post"]

    def post(self, request, **kwargs):
        placement = self.get_placement()
        activity_list = get_object_or_404(ActivityList, placement=placement)
        try:
            services.activity_list_confirm(activity_list=activity_list, principal=request.principal)
            messages.success(request, _("Bevestiging door de stagementor geregistreerd."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("internships:activity-list", placement.pk)
