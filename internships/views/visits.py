"""The supervisor's visits of a placement (8.2.2): plan one, record what was found, remove one.

Whoever may open the placement may record its visits: its supervisor, and the coordinators
and school admins of its school. The placement comes through ``placement_get_for``, so
anyone else gets 404. A new visit may start on a proposed date (``?datum=YYYY-MM-DD``, from the
visit plan).
"""

import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.views import ServiceFormView
from internships.forms.visits import VisitForm
from internships.models import Placement, Visit
from internships.selectors.school import supervisors_of_school
from internships.services import visits as services
from internships.views.placements import PlacementChildMixin


def visit_of(placement: Placement, pk: int) -> Visit:
    return get_object_or_404(placement.visits, pk=pk)


class VisitFormView(PlacementChildMixin, ServiceFormView):
    """Adds a visit to a placement (no ``pk`` in the URL) or edits one."""

    template_name = "internships/visit_form.html"
    form_class = VisitForm
    success_message = gettext_lazy("Stagebezoek bewaard.")

    @cached_property
    def visit(self) -> Visit | None:
        if "pk" not in self.kwargs:
            return None
        return visit_of(self.placement, self.kwargs["pk"])

    def get_initial(self) -> dict:
        if self.visit is not None:
            return {}
        placement = self.placement
        return {
            "date": self.proposed_date()
            or min(max(timezone.localdate(), placement.start_date), placement.end_date),
            "visited_by": placement.supervisor or self.request.user,
        }

    def proposed_date(self) -> datetime.date | None:
        """The date the visit plan proposes, when the link carries a valid one."""
        try:
            return datetime.date.fromisoformat(self.request.GET.get("datum", ""))
        except ValueError:
            return None

    def get_form_kwargs(self) -> dict:
        staff = supervisors_of_school(self.request.principal)
        return {
            **super().get_form_kwargs(),
            "instance": self.visit,
            "staff": staff,
            "placement": self.placement,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(placement=self.placement, visit=self.visit, **kwargs)

    def perform(self, form) -> Visit:
        if self.visit is None:
            return services.visit_create(placement=self.placement, **form.visit_data())
        return services.visit_update(visit=self.visit, data=form.visit_data())


class VisitDeleteView(PlacementChildMixin, View):
    http_method_names = ["post"]

    def post(self, request, placement_pk, pk):
        placement = self.get_placement()
        services.visit_delete(visit=visit_of(placement, pk))
        return self.done(placement, _("Stagebezoek verwijderd."))
