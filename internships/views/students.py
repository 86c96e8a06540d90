from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from core.views import (
    CoordinatorRequiredMixin,
    FilteredListMixin,
    StaffRequiredMixin,
)
from internships.filters import StudentFilter
from internships.forms.students import GuardianForm, StudentForm
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


class StudentFormView(CoordinatorRequiredMixin, View):
    """Creates a pupil, or edits one when the URL names it."""

    template_name = "internships/student_form.html"

    def get_student(self):
        if "pk" not in self.kwargs:
            return None
        return student_get_for(self.request.principal, self.kwargs["pk"])

    def get_form(self, student, data=None):
        return StudentForm(
            data,
            instance=student,
            school_classes=classes_visible_to(self.request.principal, self.request.school_year),
        )

    def get(self, request, pk=None):
        student = self.get_student()
        return self.render(student, self.get_form(student))

    def post(self, request, pk=None):
        student = self.get_student()
        form = self.get_form(student, request.POST)
        if form.is_valid():
            try:
                if student is None:
                    student = services.student_create(
                        school=request.user.school, **form.cleaned_data
                    )
                    messages.success(
                        request, _("Leerling %(name)s toegevoegd.") % {"name": student}
                    )
                else:
                    services.student_update(student=student, data=form.cleaned_data)
                    messages.success(
                        request, _("Gegevens van %(name)s bewaard.") % {"name": student}
                    )
                return redirect("internships:student-detail", student.pk)
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(student, form)

    def render(self, student, form):
        return render(self.request, self.template_name, {"student": student, "form": form})


class GuardianFormView(CoordinatorRequiredMixin, View):
    """Adds a guardian to a pupil, or edits one when the URL names it."""

    template_name = "internships/guardian_form.html"

    def setup_objects(self):
        student = student_get_for(self.request.principal, self.kwargs["student_pk"])
        guardian = None
        if "pk" in self.kwargs:
            guardian = get_object_or_404(student.guardians, pk=self.kwargs["pk"])
        return student, guardian

    def get(self, request, **kwargs):
        student, guardian = self.setup_objects()
        return self.render(student, guardian, GuardianForm(instance=guardian))

    def post(self, request, **kwargs):
        student, guardian = self.setup_objects()
        form = GuardianForm(request.POST, instance=guardian)
        if form.is_valid():
            if guardian is None:
                services.guardian_create(student=student, **form.cleaned_data)
            else:
                services.guardian_update(guardian=guardian, data=form.cleaned_data)
            messages.success(request, _("Ouder of voogd bewaard."))
            return redirect("internships:student-detail", student.pk)
        return self.render(student, guardian, form)

    def render(self, student, guardian, form):
        context = {"student": student, "guardian": guardian, "form": form}
        return render(self.request, self.template_name, context)


class GuardianDeleteView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, student_pk, pk):
        student = student_get_for(request.principal, student_pk)
        guardian = get_object_or_404(student.guardians, pk=pk)
        services.guardian_delete(guardian=guardian)
        messages.success(request, _("%(name)s verwijderd.") % {"name": guardian})
        return redirect("internships:student-detail", student.pk)
