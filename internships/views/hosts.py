from abc import ABC, abstractmethod

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, ListView

from core.views import (
    CoordinatorRequiredMixin,
    FilteredListMixin,
    StaffRequiredMixin,
)
from internships.filters import HostFilter
from internships.forms.hosts import HostForm, MentorForm, WorkplaceForm
from internships.selectors.agreements import group_agreements_visible_to
from internships.selectors.hosts import (
    host_get_for,
    hosts_visible_to,
    mentor_get_for,
    workplace_get_for,
)
from internships.selectors.placements import placements_visible_to
from internships.services import hosts as services


class HostListView(StaffRequiredMixin, FilteredListMixin, ListView):
    template_name = "internships/host_list.html"
    filterset_class = HostFilter
    context_object_name = "hosts"

    def get_queryset(self):
        self.queryset = hosts_visible_to(self.request.principal)
        return super().get_queryset()


class HostDetailView(StaffRequiredMixin, DetailView):
    template_name = "internships/host_detail.html"
    context_object_name = "host"

    def get_object(self):
        return host_get_for(self.request.principal, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        placements = (
            placements_visible_to(self.request.principal)
            .filter(host=self.object, school_year=self.request.school_year)
            .select_related("student", "workplace", "mentor")
        )
        return super().get_context_data(
            workplaces=self.object.workplaces.all(),
            mentors=self.object.mentors.all(),
            placements=placements,
            group_agreements=group_agreements_visible_to(self.request.principal).filter(
                host=self.object, school_year=self.request.school_year
            ),
            **kwargs,
        )


class HostFormView(CoordinatorRequiredMixin, View):
    template_name = "internships/host_form.html"

    def get_host(self):
        if "pk" not in self.kwargs:
            return None
        return host_get_for(self.request.principal, self.kwargs["pk"])

    def get(self, request, pk=None):
        host = self.get_host()
        return self.render(host, HostForm(instance=host))

    def post(self, request, pk=None):
        host = self.get_host()
        form = HostForm(request.POST, instance=host)
        if form.is_valid():
            try:
                if host is None:
                    host = services.host_create(school=request.user.school, **form.cleaned_data)
                    messages.success(
                        request,
                        _(
                            "Stagegever %(name)s toegevoegd, met de maatschappelijke zetel als "
                            "eerste stageplaats."
                        )
                        % {"name": host},
                    )
                else:
                    services.host_update(host=host, data=form.cleaned_data)
                    messages.success(request, _("Stagegever bewaard."))
                return redirect("internships:host-detail", host.pk)
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(host, form)

    def render(self, host, form):
        return render(self.request, self.template_name, {"host": host, "form": form})


class HostChildFormView(CoordinatorRequiredMixin, View, ABC):
    """Creates (the URL names the host) or edits (the URL names the object) a host's child."""

    template_name = "internships/host_child_form.html"
    form_class: type = None
    noun = ""

    @abstractmethod
    def get_existing(self, pk: int):
        """The object named in the URL, if the user may see it (else 404)."""

    @abstractmethod
    def save(self, host, obj, data: dict) -> None:
        """Creates the object under ``host`` when ``obj`` is None, else updates ``obj``."""

    def get_objects(self):
        if "pk" in self.kwargs:
            obj = self.get_existing(self.kwargs["pk"])
            return obj.host, obj
        return host_get_for(self.request.principal, self.kwargs["host_pk"]), None

    def get(self, request, **kwargs):
        host, obj = self.get_objects()
        return self.render(host, obj, self.form_class(instance=obj))

    def post(self, request, **kwargs):
        host, obj = self.get_objects()
        form = self.form_class(request.POST, instance=obj)
        if form.is_valid():
            self.save(host, obj, form.cleaned_data)
            messages.success(request, _("%(noun)s bewaard.") % {"noun": self.noun})
            return redirect("internships:host-detail", host.pk)
        return self.render(host, obj, form)

    def render(self, host, obj, form):
        context = {"host": host, "object": obj, "form": form, "noun": self.noun}
        return render(self.request, self.template_name, context)


class WorkplaceFormView(HostChildFormView):
    form_class = WorkplaceForm
    noun = gettext_lazy("Stageplaats")

    def get_existing(self, pk):
        return workplace_get_for(self.request.principal, pk)

    def save(self, host, obj, data):
        if obj is None:
            services.workplace_create(host=host, **data)
        else:
            services.workplace_update(workplace=obj, data=data)


class MentorFormView(HostChildFormView):
    form_class = MentorForm
    noun = gettext_lazy("Stagementor")

    def get_existing(self, pk):
        return mentor_get_for(self.request.principal, pk)

    def save(self, host, obj, data):
        if obj is None:
            services.mentor_create(host=host, **data)
        else:
            services.mentor_update(mentor=obj, data=data)
