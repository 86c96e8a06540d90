from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import ListView

from core.views import SchoolAdminRequiredMixin, ServiceFormView
from internships.forms.staff import StaffCreateForm, StaffUpdateForm
from internships.models import User
from internships.selectors.school import accounts_managed_by, staff_member_get_for
from internships.services import staff as services


class StaffListView(SchoolAdminRequiredMixin, ListView):
    template_name = "internships/staff_list.html"
    context_object_name = "members"

    def get_queryset(self):
        return accounts_managed_by(self.request.principal).order_by("-is_active", "last_name")


class StaffFormView(SchoolAdminRequiredMixin, ServiceFormView):
    """Creates a staff account and e-mails its invitation, or edits one when the URL names it."""

    template_name = "internships/staff_form.html"

    @cached_property
    def member(self) -> User | None:
        if "pk" not in self.kwargs:
            return None
        # Support accounts are out of reach (404), like another school's accounts.
        return staff_member_get_for(self.request.principal, self.kwargs["pk"])

    def get_form_class(self) -> type[StaffCreateForm | StaffUpdateForm]:
        return StaffCreateForm if self.member is None else StaffUpdateForm

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.member}

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.member, **kwargs)

    def perform(self, form) -> User:
        if self.member is None:
            return services.staff_create(
                school=self.request.user.school,
                domain=self.request.get_host(),
                use_https=self.request.is_secure(),
                **form.cleaned_data,
            )
        return services.staff_update(member=self.member, data=form.cleaned_data)

    def get_success_message(self, member: User) -> str:
        if self.member is None:
            return _(
                "Account voor %(name)s aangemaakt; de uitnodiging is verstuurd naar %(email)s."
            ) % {"name": member, "email": member.email}
        return _("Account van %(name)s bewaard.") % {"name": member}

    def get_success_url(self) -> str:
        return reverse("internships:staff-list")
