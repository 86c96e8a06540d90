from abc import abstractmethod

from django.db.models import Model
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from core.views import (
    CoordinatorRequiredMixin,
    FilteredListMixin,
    ServiceFormView,
    StaffRequiredMixin,
)
from internships.filters import HostFilter
from internships.forms.hosts import HostForm, MentorForm, WorkplaceForm
from internships.models import Host, Mentor, Workplace
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


class HostFormView(CoordinatorRequiredMixin, ServiceFormView):
    """Creates a host (its registered office becomes its first workplace), or edits one when
    the URL names it."""

    template_name = "internships/host_form.html"
    form_class = HostForm

    @cached_property
    def host(self) -> Host | None:
        if "pk" not in self.kwargs:
            return None
        return host_get_for(self.request.principal, self.kwargs["pk"])

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.host}

    def get_context_data(self, **kwargs):
        return super().get_context_data(host=self.host, **kwargs)

    def perform(self, form) -> Host:
        if self.host is None:
            return services.host_create(school=self.request.user.school, **form.cleaned_data)
        return services.host_update(host=self.host, data=form.cleaned_data)

    def get_success_message(self, host: Host) -> str:
        if self.host is None:
            return _(
                "Stagegever %(name)s toegevoegd, met de maatschappelijke zetel als "
                "eerste stageplaats."
            ) % {"name": host}
        return _("Stagegever bewaard.")

    def get_success_url(self) -> str:
        return reverse("internships:host-detail", args=[self.result.pk])


class HostChildFormView(CoordinatorRequiredMixin, ServiceFormView):
    """Creates (the URL names the host) or edits (the URL names the object) a host's child."""

    template_name = "internships/host_child_form.html"
    noun = ""

    @abstractmethod
    def get_existing(self, pk: int) -> Model:
        """The object named in the URL, if the user may see it (else 404)."""

    @cached_property
    def existing(self) -> Model | None:
        if "pk" not in self.kwargs:
            return None
        return self.get_existing(self.kwargs["pk"])

    @cached_property
    def host(self) -> Host:
        if self.existing is not None:
            return self.existing.host
        return host_get_for(self.request.principal, self.kwargs["host_pk"])

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.existing}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            host=self.host, object=self.existing, noun=self.noun, **kwargs
        )

    def get_success_message(self, result) -> str:
        return _("%(noun)s bewaard.") % {"noun": self.noun}

    def get_success_url(self) -> str:
        return reverse("internships:host-detail", args=[self.host.pk])


class WorkplaceFormView(HostChildFormView):
    """Adds a workplace to a host, or edits one."""

    form_class = WorkplaceForm
    noun = gettext_lazy("Stageplaats")

    def get_existing(self, pk) -> Workplace:
        return workplace_get_for(self.request.principal, pk)

    def perform(self, form) -> Workplace:
        if self.existing is None:
            return services.workplace_create(host=self.host, **form.cleaned_data)
        return services.workplace_update(workplace=self.existing, data=form.cleaned_data)


class MentorFormView(HostChildFormView):
    """Adds a mentor to a host, or edits one."""

    form_class = MentorForm
    noun = gettext_lazy("Stagementor")

    def get_existing(self, pk) -> Mentor:
        return mentor_get_for(self.request.principal, pk)

    def perform(self, form) -> Mentor:
        if self.existing is None:
            return services.mentor_create(host=self.host, **form.cleaned_data)
        return services.mentor_update(mentor=self.existing, data=form.cleaned_data)
