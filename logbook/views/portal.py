"""The logbook in the portal: the pupil writes and edits their entries, the mentor comments on
their interns' entries, the guardian of a minor reads (annex 2, 8.2.2).

Every page reads the placement through ``logbook_placement_get_for`` with the link's principal,
so another mentor's intern, or an adult pupil's logbook for a guardian, answers 404. The
actions check the link's capability here and again in the service.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.principals import Capability, GuardianLink, MentorLink, PupilLink
from core.views import LinkRequiredMixin, ServiceFormView
from logbook import selectors, services
from logbook.forms import EntryForm
from logbook.models import LogbookEntry
from logbook.views import common

PAGE = "logbook:portal"


class PortalLogbookMixin(LinkRequiredMixin, common.LogbookPlacementMixin):
    link_kinds = (PupilLink, MentorLink, GuardianLink)
    page_name = PAGE


class LogbookView(PortalLogbookMixin, TemplateView):
    """The logbook of one placement, newest entry first."""

    template_name = "logbook/portal_logbook.html"

    def get_context_data(self, **kwargs):
        principal = self.request.principal
        placement = self.placement
        return super().get_context_data(
            **self.logbook_context(),
            can_write=selectors.is_own_pupil_placement(principal, placement)
            and principal.can(Capability.WRITE_LOGBOOK),
            is_open=selectors.logbook_is_open(placement),
            can_comment=selectors.is_mentor_of(principal, placement)
            and principal.can(Capability.COMMENT_LOGBOOK),
            comment_url_name="logbook:portal-comment-create",
            comment_edit_url_name="logbook:portal-comment-update",
            **kwargs,
        )


class EntryFormMixin(PortalLogbookMixin):
    required_capability = Capability.WRITE_LOGBOOK
    link_kinds = (PupilLink,)
    template_name = "logbook/entry_form.html"
    form_class = EntryForm

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "placement": self.placement}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            placement=self.placement,
            is_open=selectors.logbook_is_open(self.placement),
            cancel_url=self.logbook_url(),
            **kwargs,
        )

    def get_success_url(self) -> str:
        return self.logbook_url(f"#entry-{self.result.pk}")


class EntryCreateView(EntryFormMixin, ServiceFormView):
    """'Nieuwe notitie': ``?kind=reflection`` opens it as the reflection after the internship."""

    def get_initial(self) -> dict:
        kind = self.request.GET.get("kind")
        return {"kind": kind if kind in LogbookEntry.Kind.values else LogbookEntry.Kind.DAY}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Nieuwe notitie"), **kwargs)

    def perform(self, form) -> LogbookEntry:
        return services.logbook_entry_create(
            placement=self.placement, principal=self.request.principal, **form.cleaned_data
        )

    def get_success_message(self, entry: LogbookEntry) -> str:
        return _("Bewaard in je logboek.")


class EntryUpdateView(EntryFormMixin, ServiceFormView):
    """The pupil changes an entry, also after a comment: the history keeps each version."""

    @cached_property
    def entry(self) -> LogbookEntry:
        return selectors.entry_of(self.placement, self.kwargs["pk"])

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.entry}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Notitie aanpassen"), entry=self.entry, **kwargs)

    def perform(self, form) -> LogbookEntry:
        return services.logbook_entry_update(
            entry=self.entry, principal=self.request.principal, data=form.cleaned_data
        )

    def get_success_message(self, entry: LogbookEntry) -> str:
        return _("Je notitie is aangepast.")


class CommentCreateView(PortalLogbookMixin, common.CommentCreateView):
    """The mentor's comment box under an entry of their intern."""

    required_capability = Capability.COMMENT_LOGBOOK
    link_kinds = (MentorLink,)


class CommentUpdateView(PortalLogbookMixin, common.CommentUpdateView):
    required_capability = Capability.COMMENT_LOGBOOK
    link_kinds = (MentorLink,)
    template_name = "portal/form.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            placement=self.placement,
            title=_("Commentaar aanpassen"),
            cancel_url=self.logbook_url(f"#entry-{self.comment.entry_id}"),
            **kwargs,
        )
