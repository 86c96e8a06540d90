"""Staff send a mentor, a pupil or a guardian their personal portal link by e-mail."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from core.views import StaffRequiredMixin
from internships.selectors.hosts import mentor_get_for
from internships.selectors.placements import student_get_for
from internships.services.portal_links import portal_link_send


class PortalLinkSendView(StaffRequiredMixin, View):
    """POST: a fresh link for the person in the URL; earlier portal links of theirs stop."""

    http_method_names = ["post"]

    def post(self, request, kind: str, pk: int, student_pk: int | None = None) -> HttpResponse:
        principal = request.principal
        if kind == "mentor":
            mentor = mentor_get_for(principal, pk)
            person = {"mentor": mentor}
            back = reverse("internships:host-detail", args=[mentor.host_id])
        elif kind == "pupil":
            student = student_get_for(principal, pk)
            person, back = {"student": student}, reverse("internships:student-detail", args=[pk])
        else:
            student = student_get_for(principal, student_pk)
            guardian = get_object_or_404(student.guardians, pk=pk)
            person = {"guardian": guardian}
            back = reverse("internships:student-detail", args=[student.pk])
        name = next(iter(person.values()))
        if portal_link_send(created_by=request.user, **person) is None:
            messages.error(
                request,
                _("%(name)s heeft geen e-mailadres: vul het eerst aan.") % {"name": name},
            )
        else:
            messages.success(
                request, _("Een persoonlijke link is verstuurd naar %(name)s.") % {"name": name}
            )
        next_url = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            back = next_url
        return redirect(back)
