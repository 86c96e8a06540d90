"""The supervisor's visits of a placement (8.2.2): plan one, record what was found, remove one.

Whoever may open the placement may record its visits: its supervisor, and the coordinators
and school admins of its school. The placement comes through ``placement_get_for``, so
anyone else gets 404.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from internships.forms.visits import VisitForm
from internships.models import Placement, Visit
from internships.selectors.school import supervisors_of_school
from internships.services import visits as services
from internships.views.placements import PlacementChildMixin


def visit_of(placement: Placement, pk: int) -> Visit:
    return get_object_or_404(placement.visits, pk=pk)


class VisitFormView(PlacementChildMixin, View):
    """Adds a visit to a placement (no ``pk`` in the URL) or edits one."""

    template_name = "internships/visit_form.html"

    def get_visit(self, placement: Placement) -> Visit | None:
        if "pk" not in self.kwargs:
            return None
        return visit_of(placement, self.kwargs["pk"])

    def get_form(self, placement: Placement, visit: Visit | None, data=None) -> VisitForm:
        initial = None
        if visit is None:
            initial = {
                "date": min(max(timezone.localdate(), placement.start_date), placement.end_date),
                "visited_by": placement.supervisor or self.request.user,
            }
        staff = supervisors_of_school(self.request.principal)
        return VisitForm(data, instance=visit, initial=initial, staff=staff)

    def get(self, request, **kwargs):
        placement = self.get_placement()
        visit = self.get_visit(placement)
        return self.render(placement, visit, self.get_form(placement, visit))

    def post(self, request, **kwargs):
        placement = self.get_placement()
        visit = self.get_visit(placement)
        form = self.get_form(placement, visit, request.POST)
        if form.is_valid():
            try:
                if visit is None:
                    services.visit_create(placement=placement, **form.visit_data())
                else:
                    services.visit_update(visit=visit, data=form.visit_data())
                return self.done(placement, _("Stagebezoek bewaard."))
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(placement, visit, form)

    def render(self, placement, visit, form):
        context = {"placement": placement, "visit": visit, "form": form}
        return render(self.request, self.template_name, context)


class VisitDeleteView(PlacementChildMixin, View):
    http_method_names = ["post"]

    def post(self, request, placement_pk, pk):
        placement = self.get_placement()
        services.visit_delete(visit=visit_of(placement, pk))
        return self.done(placement, _("Stagebezoek verwijderd."))
