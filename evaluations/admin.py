"""Django admin for support staff, scoped like the app (``internships.admin``).

A finalised evaluation is shown read-only with its scores: it was reported to the pupil and the
parents (9.1.2) and never changes; the database refuses it too.
"""

from django.contrib import admin

from evaluations.models import Criterion, Evaluation, Score
from internships.admin import SchoolScopedAdmin, ScopedInline


@admin.register(Criterion)
class CriterionAdmin(SchoolScopedAdmin):
    school_path = "programme__school"
    list_display = ["curriculum_goal", "description", "programme", "moments", "scale", "position"]
    list_filter = ["scale", "moments"]
    search_fields = ["curriculum_goal", "description", "programme__name"]


class ScoreInline(ScopedInline):
    model = Score
    fields = [
        "position",
        "criterion",
        "curriculum_goal",
        "description",
        "scale",
        "mentor_level",
        "mentor_comment",
        "level",
        "comment",
    ]
    raw_id_fields = ["criterion"]

    def has_add_permission(self, request, obj=None) -> bool:
        return not _finalised(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return not _finalised(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return not _finalised(obj) and super().has_delete_permission(request, obj)


def _finalised(evaluation: Evaluation | None) -> bool:
    return evaluation is not None and evaluation.is_finalised


@admin.register(Evaluation)
class EvaluationAdmin(SchoolScopedAdmin):
    school_path = "placement__school"
    list_display = ["placement", "moment", "status", "due_on", "finalised_by", "finalised_at"]
    list_filter = ["moment", "status"]
    search_fields = ["placement__student__last_name", "placement__host__name"]
    raw_id_fields = ["placement", "advised_by", "finalised_by"]
    inlines = [ScoreInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return not _finalised(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return not _finalised(obj) and super().has_delete_permission(request, obj)

    def get_actions(self, request):
        """No bulk delete: it would not look at each evaluation, and a finalised one stays."""
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions
