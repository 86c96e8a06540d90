from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from core.views import SchoolAdminRequiredMixin
from internships.forms.staff import StaffCreateForm, StaffUpdateForm
from internships.selectors.school import staff_member_get_for, staff_visible_to
from internships.services import staff as services


class StaffListView(SchoolAdminRequiredMixin, ListView):
    template_name = "internships/staff_list.html"
    context_object_name = "members"

    def get_queryset(self):
        return staff_visible_to(self.request.principal).order_by("-is_active", "last_name")


class StaffFormView(SchoolAdminRequiredMixin, View):
    template_name = "internships/staff_form.html"

    def get_member(self):
        if "pk" not in self.kwargs:
            return None
        return staff_member_get_for(self.request.principal, self.kwargs["pk"])

    def get_form(self, member, data=None):
        if member is None:
            return StaffCreateForm(data)
        return StaffUpdateForm(data, instance=member)

    def get(self, request, pk=None):
        member = self.get_member()
        return self.render(member, self.get_form(member))

    def post(self, request, pk=None):
        member = self.get_member()
        form = self.get_form(member, request.POST)
        if form.is_valid():
            try:
                if member is None:
                    member = services.staff_create(
                        school=request.user.school,
                        domain=request.get_host(),
                        use_https=request.is_secure(),
                        **form.cleaned_data,
                    )
                    messages.success(
                        request,
                        _(
                            "Account voor %(name)s aangemaakt; de uitnodiging is verstuurd naar "
                            "%(email)s."
                        )
                        % {"name": member, "email": member.email},
                    )
                else:
                    services.staff_update(member=member, data=form.cleaned_data)
                    messages.success(request, _("Account van %(name)s bewaard.") % {"name": member})
                return redirect("internships:staff-list")
            except ValidationError as error:
                form.add_error(None, error)
        return self.render(member, form)

    def render(self, member, form):
        return render(self.request, self.template_name, {"member": member, "form": form})
