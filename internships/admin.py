"""Django admin for support staff.

Superusers see everything; any other staff account with admin access sees only its own
school's rows, exactly as in the application (``school_path`` names the way to the school).
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from internships import models
from internships.selectors.signatures import signatures_recorded_by
from internships.services.staff import staff_email_changed_notify


class ScopedChoicesMixin:
    """Offers and accepts in foreign keys only rows that the user sees in the related model's
    own admin: a staff account of one school never picks (or types the id of) another's."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return self._scope_choices(field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return self._scope_choices(field, request)

    def _scope_choices(self, field, request):
        if field is None or request.user.is_superuser:
            return field
        try:
            related_admin = self.admin_site.get_model_admin(field.queryset.model)
        except admin.sites.NotRegistered:
            return field  # a model without an admin of its own keeps the choices Django gives
        visible = related_admin.get_queryset(request).values("pk")
        field.queryset = field.queryset.filter(pk__in=visible)
        return field


class ScopedInline(ScopedChoicesMixin, admin.TabularInline):
    extra = 0


class SchoolScopedAdmin(ScopedChoicesMixin, SimpleHistoryAdmin):
    school_path = "school"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.school_path}_id": request.user.school_id})

    # simple_history's views read the history table directly, past ``get_queryset``, and fail
    # on models without history: check the scope first and fall back to the admin's log.
    def history_view(self, request, object_id, extra_context=None):
        self._check_in_scope(request, object_id)
        if not self._has_history():
            return admin.ModelAdmin.history_view(self, request, object_id, extra_context)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_in_scope(request, object_id)
        if not self._has_history():
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _has_history(self) -> bool:
        return hasattr(self.model._meta, "simple_history_manager_attribute")

    def _check_in_scope(self, request, object_id) -> None:
        if request.user.is_superuser:
            return
        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404


@admin.register(models.User)
class UserAdmin(ScopedChoicesMixin, DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "school", "role", "is_active"]
    list_filter = ["school", "role", "is_active", "is_staff"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("School"), {"fields": ["school", "role", "phone"]}),
    ]

    # Only a superuser hands out rights: anyone else with "change user" could grant them to
    # themselves, and a superuser sees every school.
    rights_fields = ["is_superuser", "is_staff", "groups", "user_permissions"]

    def get_queryset(self, request):
        """A superuser's account is out of reach for anyone else, as another school's is."""
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(school_id=request.user.school_id, is_superuser=False)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return readonly
        return [*readonly, *self.rights_fields]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "email" in form.changed_data:
            staff_email_changed_notify(member=obj, old_email=form.initial.get("email") or "")

    def get_deleted_objects(self, objs, request):
        """A user who recorded a signature is protected by it: the delete page lists those
        signatures and offers no delete (the database would refuse to unlink them)."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for user in objs:
            protected.extend(
                _(
                    "Handtekening van %(signer)s op %(date)s, geregistreerd door %(user)s: "
                    "die blijft bewaard als bewijs. Zet de gebruiker op inactief in plaats "
                    "van te verwijderen."
                )
                % {
                    "signer": signature.signer_name,
                    "date": date_format(timezone.localtime(signature.signed_at), "j F Y"),
                    "user": user.get_username(),
                }
                for signature in signatures_recorded_by(user)
            )
        return deleted, model_count, perms_needed, protected


@admin.register(models.SchoolBoard)
class SchoolBoardAdmin(ScopedChoicesMixin, admin.ModelAdmin):
    list_display = ["name", "enterprise_number", "insurer"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(schools__id=request.user.school_id)


@admin.register(models.School)
class SchoolAdmin(ScopedChoicesMixin, admin.ModelAdmin):
    list_display = ["name", "institution_number", "city", "board"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk=request.user.school_id)


@admin.register(models.SchoolYear)
class SchoolYearAdmin(admin.ModelAdmin):
    """School years are shared by every school: only a superuser adds, changes or deletes one."""

    list_display = ["__str__", "start_year"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(models.Programme)
class ProgrammeAdmin(SchoolScopedAdmin):
    list_display = ["name", "grade", "year_in_grade", "finality", "requires_workplace_learning"]
    list_filter = ["grade", "finality"]


class TimetableSlotInline(ScopedInline):
    model = models.TimetableSlot


@admin.register(models.SchoolClass)
class SchoolClassAdmin(SchoolScopedAdmin):
    list_display = ["name", "school_year", "programme"]
    list_filter = ["school_year"]
    inlines = [TimetableSlotInline]


class GuardianInline(ScopedInline):
    model = models.Guardian


@admin.register(models.Student)
class StudentAdmin(SchoolScopedAdmin):
    list_display = ["last_name", "first_name", "birth_date", "school_class"]
    search_fields = ["last_name", "first_name"]
    inlines = [GuardianInline]


class WorkplaceInline(ScopedInline):
    model = models.Workplace


class MentorInline(ScopedInline):
    model = models.Mentor


@admin.register(models.Host)
class HostAdmin(SchoolScopedAdmin):
    list_display = ["name", "enterprise_number", "city", "joint_committee"]
    search_fields = ["name", "enterprise_number"]
    inlines = [WorkplaceInline, MentorInline]


@admin.register(models.Workplace)
class WorkplaceAdmin(SchoolScopedAdmin):
    school_path = "host__school"
    list_display = ["name", "host", "city"]
    search_fields = ["name", "host__name"]


@admin.register(models.Mentor)
class MentorAdmin(SchoolScopedAdmin):
    school_path = "host__school"
    list_display = ["last_name", "first_name", "host", "email"]
    search_fields = ["last_name", "first_name", "host__name"]


class PlacementPeriodInline(ScopedInline):
    model = models.PlacementPeriod


@admin.register(models.Placement)
class PlacementAdmin(SchoolScopedAdmin):
    list_display = ["student", "host", "school_year", "kind", "status", "start_date", "end_date"]
    list_filter = ["school_year", "kind", "status"]
    search_fields = ["student__last_name", "host__name"]
    raw_id_fields = ["student", "host", "workplace", "mentor", "supervisor"]
    inlines = [PlacementPeriodInline]


@admin.register(models.Absence)
class AbsenceAdmin(SchoolScopedAdmin):
    school_path = "placement__school"
    list_display = ["placement", "date", "hours", "justification"]


@admin.register(models.Visit)
class VisitAdmin(SchoolScopedAdmin):
    school_path = "placement__school"
    list_display = ["placement", "date", "kind", "status", "visited_by"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["placement", "visited_by"]
