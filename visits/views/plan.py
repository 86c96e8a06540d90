"""The supervisor's visit plan: "te plannen en te verslaan" (annex 3, 8.2.2)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from core.views import StaffRequiredMixin
from visits.selectors import plan_overview


class PlanView(StaffRequiredMixin, TemplateView):
    """The visits to plan, the planned visits still to record and the overdue visits of the
    placements the user supervises; a coordinator also sees the school's overdue visits.

    The visits to plan cover the whole school year, a few per placement: they come a page at
    a time, the soonest first. The lists are a ``{% fresh %}`` fragment, cached until the
    school's data changes."""

    template_name = "visits/plan.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(shown=SimpleLazyObject(self.shown), **kwargs)

    def shown(self) -> dict:
        """The page's ``{% fresh %}`` fragment, read only when it is not cached."""
        overview = plan_overview(
            self.request.principal, school_year=self.request.school_year, today=timezone.localdate()
        )
        to_plan = Paginator(overview.to_plan, settings.PAGINATE_BY).get_page(
            self.request.GET.get("page")
        )
        return {
            "overview": overview,
            "to_plan": to_plan,
            "is_paginated": to_plan.has_other_pages(),
            "page_obj": to_plan,
            "paginator": to_plan.paginator,
            "elided_page_range": to_plan.paginator.get_elided_page_range(
                to_plan.number, on_each_side=2, on_ends=1
            ),
        }
