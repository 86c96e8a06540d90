"""The monthly travel expense report (7.2): a supervisor's own, any of the school's for a
coordinator; as a page and as CSV. The PDF is made by the documents app."""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import TemplateView

from core.views import StaffRequiredMixin
from visits.exports import expense_csv, expense_csv_name
from visits.forms import ExpenseForm
from visits.selectors import expense_report_for, supervisors_visible_to
from visits.selectors.expenses import ExpenseReport


class ExpenseReportMixin(StaffRequiredMixin):
    """``?maand=YYYY-MM&begeleider=<pk>``; by default the user's current month. Anyone the
    user may not see answers 404."""

    @cached_property
    def form(self) -> ExpenseForm:
        form = ExpenseForm(
            {
                "maand": self.request.GET.get("maand") or f"{timezone.localdate():%Y-%m}",
                "begeleider": self.request.GET.get("begeleider") or self.request.user.pk,
            },
            supervisors=supervisors_visible_to(self.request.principal),
        )
        if not form.is_valid():
            raise Http404
        return form

    @cached_property
    def report(self) -> ExpenseReport:
        return expense_report_for(
            self.request.principal,
            supervisor=self.form.cleaned_data["begeleider"],
            month=self.form.cleaned_data["maand"],
        )


class ExpenseView(ExpenseReportMixin, TemplateView):
    template_name = "visits/expenses.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, report=self.report, **kwargs)


class ExpenseCsvView(ExpenseReportMixin, View):
    def get(self, request, *args, **kwargs) -> HttpResponse:
        report = self.report
        response = HttpResponse(expense_csv(report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{expense_csv_name(report)}"'
        response["Cache-Control"] = "private, no-store"
        return response
