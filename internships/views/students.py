from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, ListView

from core.views import (
    CoordinatorRequiredMixin,
    FilteredListMixin,
    ServiceFormView,
    StaffRequiredMixin,
)
from internships.filters import StudentFilter
from internships.forms.students import GuardianForm, StudentForm
from internships.models import Guardian, Student
from internships.selectors.placements import (
    placements_visible_to,
    student_get_for,
    students_visible_to,
)
from internships.selectors.school import classes_visible_to
from internships.services import students as services


class StudentListView(StaffRequiredMixin, FilteredListMixin, ListView):
    template_name = "internships/student_list.html"
    filterset_class = StudentFilter
    context_object_name = "students"

    def get_queryset(self):
        self.queryset = students_visible_to(self.request.principal).select_related(
            "school_class__programme"
        )
        return super().get_queryset()


class StudentDetailView(StaffRequiredMixin, DetailView):
    template_name = "internships/student_detail.html"
    context_object_name = "student"

    def get_object(self):
        return student_get_for(self.request.principal, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        placements = (
            placements_visible_to(self.request.principal)
            .filter(student=self.object)
            .select_related("school_year", "host", "workplace", "mentor", "supervisor")
            .order_by("-start_date")
        )
        return super().get_context_data(
            guardians=self.object.guardians.all(), placements=placements, **kwargs
        )


class StudentFormView(CoordinatorRequiredMixin, ServiceFormView):
    """Creates a pupil, or edits one when the URL names it."""

    template_name = "internships/student_form.html"
    form_class = StudentForm

    @cached_property
    def student(self) -> Student | None:
        if "pk" not in self.kwargs:
            return None
        return student_get_for(self.request.principal, self.kwargs["pk"])

    def get_form_kwargs(self) -> dict:
        classes = classes_visible_to(self.request.principal, self.request.school_year)
        return {**super().get_form_kwargs(), "instance": self.student, "school_classes": classes}

    def get_context_data(self, **kwargs):
        return super().get_context_data(student=self.student, **kwargs)

    def perform(self, form) -> Student:
        if self.student is None:
            return services.student_create(school=self.request.user.school, **form.cleaned_data)
        return services.student_update(student=self.student, data=form.cleaned_data)

    def get_success_message(self, student: Student) -> str:
        if self.student is None:
            return _("Leerling %(name)s toegevoegd.") % {"name": student}
        return _("Gegevens van %(name)s bewaard.") % {"name": student}

    def get_success_url(self) -> str:
        return reverse("internships:student-detail", args=[self.result.pk])


class GuardianFormView(CoordinatorRequiredMixin, ServiceFormView):
    """Adds a guardian to a pupil, or edits one when the URL names it."""

    template_name = "internships/guardian_form.html"
    form_class = GuardianForm
    success_message = gettext_lazy("Ouder of voogd bewaard.")

    @cached_property
    def student(self) -> Student:
        return student_get_for(self.request.principal, self.kwargs["student_pk"])

    @cached_property
    def guardian(self) -> Guardian | None:
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.student.guardians, pk=self.kwargs["pk"])

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.guardian}

    def get_context_data(self, **kwargs):
        return super().get_context_data(student=self.student, guardian=self.guardian, **kwargs)

    def perform(self, form) -> Guardian:
        if self.guardian is None:
            return services.guardian_create(student=self.student, **form.cleaned_data)
        return services.guardian_update(guardian=self.guardian, data=form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("internships:student-detail", args=[self.student.pk])


class GuardianDeleteView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, student_pk, pk):
        student = student_get_for(request.principal, student_pk)
        guardian = get_object_or_404(student.guardians, pk=pk)
        services.guardian_delete(guardian=guardian)
        messages.success(request, _("%(name)s verwijderd.") % {"name": guardian})
        return redirect("internships:student-detail", student.pk)
