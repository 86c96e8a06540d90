"""Mixins shared by the staff views: who may open a page at all.

Which *objects* a user may see is decided by ``internships.selectors``; these mixins only decide
which *pages* a role may open (403 for a role that may not).
"""

from django.conf import settings
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from internships.models import User


class StaffRequiredMixin(AccessMixin):
    """A signed-in staff member of a school, with at least ``required_role``'s rights."""

    required_role: str = User.Role.SUPERVISOR

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return self.handle_no_permission()
        if not user.school_id or not user.role or not self.role_allowed(user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def role_allowed(self, user: User) -> bool:
        if self.required_role == User.Role.SCHOOL_ADMIN:
            return user.manages_users
        if self.required_role == User.Role.COORDINATOR:
            return user.sees_whole_school
        return True


class CoordinatorRequiredMixin(StaffRequiredMixin):
    required_role = User.Role.COORDINATOR


class SchoolAdminRequiredMixin(StaffRequiredMixin):
    required_role = User.Role.SCHOOL_ADMIN


class FilteredListMixin:
    """A paginated list narrowed by a django-filter FilterSet, with an elided page range."""

    filterset_class = None
    paginate_by = settings.PAGINATE_BY

    def get_filterset_kwargs(self) -> dict:
        return {"data": self.request.GET or None, "request": self.request}

    def get_queryset(self):
        queryset = super().get_queryset()
        self.filterset = self.filterset_class(queryset=queryset, **self.get_filterset_kwargs())
        # Without a query string the filterset is unbound (and so not "valid"): show everything.
        if self.filterset.is_bound and not self.filterset.is_valid():
            return queryset.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filter=self.filterset, **kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["elided_page_range"] = page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            )
        return context
