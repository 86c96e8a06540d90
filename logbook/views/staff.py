"""The logbook for staff: a placement's entries with their comments, and the supervisor's or
coordinator's comment box under each entry (8.2.2; annex 2: the supervisor follows the document
up with the pupil). Staff read the placements they see; others answer 404."""

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.views import StaffRequiredMixin
from logbook import selectors
from logbook.views import common


class StaffLogbookMixin(StaffRequiredMixin, common.LogbookPlacementMixin):
    page_name = "logbook:placement"


class LogbookView(StaffLogbookMixin, TemplateView):
    """Every entry, newest first, with its comments, its earlier versions and a comment box."""

    template_name = "logbook/placement_logbook.html"

    def get_context_data(self, **kwargs):
        context = self.logbook_context()
        supervisor = self.placement.supervisor_id
        versions = selectors.earlier_versions(context["entries"])
        rows = [
            {
                "entry": entry,
                "versions": versions.get(entry.pk, []),
                "supervisor_commented": any(
                    comment.author_user_id == supervisor for comment in entry.comments.all()
                ),
            }
            for entry in context["entries"]
        ]
        return super().get_context_data(
            **context,
            rows=rows,
            can_comment=True,
            comment_url_name="logbook:comment-create",
            comment_edit_url_name="logbook:comment-update",
            **kwargs,
        )


class CommentCreateView(StaffLogbookMixin, common.CommentCreateView):
    """A staff member's comment on an entry."""


class CommentUpdateView(StaffLogbookMixin, common.CommentUpdateView):
    template_name = "internships/child_form.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Commentaar aanpassen"),
            parent=_("Logboek van %(student)s") % {"student": self.placement.student},
            parent_url=self.logbook_url(),
            cancel_url=self.logbook_url(f"#entry-{self.comment.entry_id}"),
            **kwargs,
        )
