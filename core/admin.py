"""The Django admin inside a school scope, like every other way in.

A staff account with admin access works inside its own school's scope; a support superuser
sees every school (:func:`core.tenancy.all_schools`). The response is rendered inside the scope,
since the admin's templates read their querysets while rendering.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import wraps

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from core.tenancy import all_schools, principal_scope, school_scope


@contextmanager
def admin_scope(request) -> Iterator[None]:
    user = request.user
    if user.is_active and user.is_superuser:
        with all_schools():
            yield
    elif user.is_active and getattr(user, "school_id", None):
        with school_scope(user.school_id):
            yield
    else:
        with principal_scope(request.principal):
            yield


class ScopedAdminSite(admin.AdminSite):
    def admin_view(self, view, cacheable=False):
        protected = super().admin_view(view, cacheable)

        @wraps(view)
        def scoped(request, *args, **kwargs):
            with admin_scope(request):
                response = protected(request, *args, **kwargs)
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                return response

        return scoped


class ScopedAdminConfig(AdminConfig):
    default_site = "core.admin.ScopedAdminSite"
