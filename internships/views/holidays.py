"""The school calendar (section 4): the fixed holidays and the school's own free days.

Coordinators and school admins see the whole calendar of a school year and manage the own
free days; like the programmes, it is school set-up, so supervisors get 403. The form to add
a day sits on the calendar page itself, and editing one shows the calendar beside the form.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from core.views import CoordinatorRequiredMixin, ServiceFormView
from internships.forms.holidays import SchoolHolidayForm
from internships.models import SchoolHoliday, SchoolYear
from internships.selectors.holidays import school_calendar_for, school_holiday_get_for
from internships.services import holidays as services

TEMPLATE = "internships/school_calendar.html"


def calendar_context(request: HttpRequest, school_year: SchoolYear) -> dict:
    return {
        "school_year": school_year,
        "entries": school_calendar_for(request.principal, school_year),
    }


class SchoolCalendarView(CoordinatorRequiredMixin, View):
    """The calendar of the school year chosen in the navigation, with the form to add a day."""

    def get(self, request: HttpRequest) -> HttpResponse:
        context = {**calendar_context(request, request.school_year), "form": SchoolHolidayForm()}
        return render(request, TEMPLATE, context)


class SchoolHolidayFormView(CoordinatorRequiredMixin, ServiceFormView):
    """Adds an own free day to the chosen school year, or edits the one the URL names."""

    template_name = TEMPLATE
    form_class = SchoolHolidayForm

    @cached_property
    def holiday(self) -> SchoolHoliday | None:
        if "pk" not in self.kwargs:
            return None
        return school_holiday_get_for(self.request.principal, self.kwargs["pk"])

    @property
    def school_year(self) -> SchoolYear:
        return self.holiday.school_year if self.holiday else self.request.school_year

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.holiday}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            holiday=self.holiday, **calendar_context(self.request, self.school_year), **kwargs
        )

    def perform(self, form) -> SchoolHoliday:
        principal = self.request.principal
        if self.holiday is None:
            return services.school_holiday_create(
                principal=principal, school_year=self.school_year, **form.cleaned_data
            )
        return services.school_holiday_update(
            principal=principal, holiday=self.holiday, data=form.cleaned_data
        )

    def get_success_message(self, holiday: SchoolHoliday) -> str:
        return _("Eigen vrije dag ‘%(name)s’ bewaard in schooljaar %(year)s.") % {
            "name": holiday.name,
            "year": holiday.school_year,
        }

    def get_success_url(self) -> str:
        return reverse("internships:school-calendar")


class SchoolHolidayDeleteView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        holiday = school_holiday_get_for(request.principal, pk)
        services.school_holiday_delete(principal=request.principal, holiday=holiday)
        messages.success(
            request,
            _("Eigen vrije dag ‘%(name)s’ verwijderd: op die dagen is er weer les.")
            % {"name": holiday.name},
        )
        return redirect("internships:school-calendar")
