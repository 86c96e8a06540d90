"""What the portal's and the staff's logbook pages share: one placement read through the logbook's
own selector (404 outside the principal's reach), the page's context, and the comment forms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.views import ServiceFormView
from internships.models import Placement
from logbook import selectors, services
from logbook.forms import CommentForm
from logbook.models import LogbookComment, LogbookEntry


class LogbookPlacementMixin:
    """A page of one placement's logbook; ``page_name`` is the URL of its logbook page."""

    page_name = ""

    @cached_property
    def placement(self) -> Placement:
        return selectors.logbook_placement_get_for(
            self.request.principal, self.kwargs["placement_pk"]
        )

    def logbook_url(self, anchor: str = "") -> str:
        return reverse(self.page_name, args=[self.placement.pk]) + anchor

    def logbook_context(self) -> dict:
        """The entries with their comments and which of those the principal may change."""
        principal = self.request.principal
        entries = selectors.logbook_entries(self.placement)
        editable = {
            comment.pk
            for entry in entries
            for comment in entry.comments.all()
            if selectors.is_comment_author(principal, comment)
        }
        return {"placement": self.placement, "entries": entries, "editable_comments": editable}


class CommentCreateView(View):
    """A comment on one entry, from the comment box under it (with a
    :class:`LogbookPlacementMixin` page before it)."""

    http_method_names = ["post"]

    def post(self, request, **kwargs) -> HttpResponse:
        entry: LogbookEntry = selectors.entry_of(self.placement, self.kwargs["entry_pk"])
        form = CommentForm(request.POST)
        anchor = f"#entry-{entry.pk}"
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
            return redirect(self.logbook_url(anchor))
        try:
            services.logbook_comment_create(
                entry=entry, principal=request.principal, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Bedankt: uw commentaar staat bij de notitie."))
        return redirect(self.logbook_url(anchor))


class CommentUpdateView(ServiceFormView):
    """The author changes their own comment; anyone else gets 403 (with a
    :class:`LogbookPlacementMixin` page before it)."""

    form_class = CommentForm
    success_message = gettext_lazy("Commentaar bewaard.")

    @cached_property
    def comment(self) -> LogbookComment:
        comment = selectors.comment_of(self.placement, self.kwargs["pk"])
        if not selectors.is_comment_author(self.request.principal, comment):
            raise PermissionDenied
        return comment

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.comment}

    def perform(self, form) -> LogbookComment:
        return services.logbook_comment_update(
            comment=self.comment, principal=self.request.principal, text=form.cleaned_data["text"]
        )

    def get_success_url(self) -> str:
        return self.logbook_url(f"#entry-{self.comment.entry_id}")
