"""What every view shares: who may open it, the form-to-service cycle, lists and downloads.

Every view declares who may open it by inheriting one :class:`AccessDeclared` mixin:

- :class:`StaffRequiredMixin` and its narrower :class:`CoordinatorRequiredMixin` and
  :class:`SchoolAdminRequiredMixin`: a signed-in staff member of a school with that reach;
- :class:`LinkRequiredMixin`: the holder of a personal link with ``required_capability``;
- :class:`PublicMixin`: anyone (the page itself checks what it needs, like a token).

Which *objects* a principal sees is decided by the selectors (404 outside its reach); these
mixins decide which *pages* it may open: anonymous visitors are sent to the login page, other
principals without the right get 403.
"""

import os
from abc import ABC, abstractmethod
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.fields.files import FieldFile
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject
from django.views.generic.edit import FormView

from core.principals import Capability, LinkHolder, Principal, StaffMember
from core.validators import DOCUMENT_CONTENT_TYPES, document_extension


class AccessDeclared(ABC):
    """The base of the access mixins; a test checks that every URL's view has one."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        principal: Principal = request.principal
        if not self.principal_allowed(principal):
            return self.refuse(request, principal)
        return super().dispatch(request, *args, **kwargs)

    def refuse(self, request: HttpRequest, principal: Principal) -> HttpResponse:
        """Anonymous visitors go to the login page; anyone else gets 403."""
        if not request.user.is_authenticated and not isinstance(principal, LinkHolder):
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied

    @abstractmethod
    def principal_allowed(self, principal: Principal) -> bool:
        """Whether ``principal`` may open this page at all."""


class PublicMixin(AccessDeclared):
    """Anyone may open the page; it checks what it needs itself (a token, a form)."""

    def principal_allowed(self, principal: Principal) -> bool:
        return True


class StaffRequiredMixin(AccessDeclared):
    """A signed-in staff member of a school (any role)."""

    def principal_allowed(self, principal: Principal) -> bool:
        return isinstance(principal, StaffMember) and self.role_allowed(principal)

    def role_allowed(self, staff: StaffMember) -> bool:
        return True


class CoordinatorRequiredMixin(StaffRequiredMixin):
    """A coordinator or school admin: someone who sees the whole school."""

    def role_allowed(self, staff: StaffMember) -> bool:
        return staff.sees_whole_school


class SchoolAdminRequiredMixin(StaffRequiredMixin):
    """A school admin: manages the school's accounts."""

    def role_allowed(self, staff: StaffMember) -> bool:
        return staff.manages_users


class LinkRequiredMixin(AccessDeclared):
    """The holder of a personal link that allows ``required_capability``."""

    required_capability: Capability = Capability.VIEW
    link_kinds: tuple[type[LinkHolder], ...] = (LinkHolder,)

    def principal_allowed(self, principal: Principal) -> bool:
        return isinstance(principal, self.link_kinds) and principal.can(self.required_capability)

    def refuse(self, request: HttpRequest, principal: Principal) -> HttpResponse:
        """Without a usable link (never opened, expired or revoked since): ask to open it again,
        not to log in: link holders have no account."""
        if isinstance(principal, LinkHolder):
            raise PermissionDenied
        response = render(request, "portal/link_needed.html", status=403)
        add_never_cache_headers(response)
        return response


class ServiceFormView(FormView, ABC):
    """One form whose valid data goes to one service.

    form → :meth:`perform` (the service call) → a ``ValidationError`` lands on the form, which
    is shown again; else the success message and a redirect to :meth:`get_success_url`. The
    objects the form acts on are ``cached_property``s of the view, read after the access check.
    """

    template_name = "internships/child_form.html"
    success_message = ""
    http_method_names = ["get", "post", "head", "options"]

    @abstractmethod
    def perform(self, form: Form) -> Any:
        """Calls the service with the form's cleaned data; returns what it made or changed."""

    def get_success_message(self, result: Any) -> str:
        return self.success_message

    def form_valid(self, form: Form) -> HttpResponse:
        try:
            self.result = self.perform(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        message = self.get_success_message(self.result)
        if message:
            messages.success(self.request, message)
        return HttpResponseRedirect(self.get_success_url())


class FilteredListMixin:
    """A paginated list narrowed by a django-filter FilterSet, with an elided page range.

    The page and its rows are lazy: a list the template wraps in ``{% fresh %}`` counts and reads
    them only when its fragment is not cached."""

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
        listed = SimpleLazyObject(lambda: self.listed(**kwargs))
        names = [
            "object_list",
            self.get_context_object_name(self.object_list),
            "page_obj",
            "paginator",
            "is_paginated",
            "elided_page_range",
        ]
        lazy = {name: SimpleLazyObject(partial(_item, listed, name)) for name in names if name}
        return {**kwargs, "view": self, "filter": self.filterset, **lazy}

    def listed(self, **kwargs) -> dict:
        """The list's context as Django's ListView makes it: the page, counted and sliced."""
        context = super().get_context_data(filter=self.filterset, **kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["elided_page_range"] = page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            )
        return context


def _item(context: dict, name: str):
    return context.get(name)


def file_response(file: FieldFile) -> FileResponse:
    """A private file as a download, never cached; 404 when there is none."""
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = os.path.basename(file.name)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=DOCUMENT_CONTENT_TYPES.get(
            document_extension(name), "application/octet-stream"
        ),
    )
    add_never_cache_headers(response)
    return response
