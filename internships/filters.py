"""Search and filter forms of the list pages (django-filter). Their lists of hosts, classes
and supervisors run long: ``core.widgets.Select`` writes them without a template per option."""

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core import widgets
from core.forms import DateInput
from internships.models import (
    Host,
    Notification,
    Placement,
    Programme,
    SchoolClass,
    Student,
    User,
)


def _search(queryset: QuerySet, fields: list[str], value: str) -> QuerySet:
    """Every word of ``value`` must appear in one of ``fields``."""
    for word in value.split():
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def _school_classes(request) -> QuerySet[SchoolClass]:
    return SchoolClass.objects.filter(
        school_id=request.user.school_id, school_year=request.school_year
    )


def _programmes(request) -> QuerySet[Programme]:
    return Programme.objects.filter(school_id=request.user.school_id)


class StudentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="filter_search")
    school_class = django_filters.ModelChoiceFilter(
        label=_("Klas"),
        queryset=_school_classes,
        empty_label=_("Alle klassen"),
        widget=widgets.Select,
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Studierichting"),
        field_name="school_class__programme",
        queryset=_programmes,
        empty_label=_("Alle studierichtingen"),
        widget=widgets.Select,
    )
    without_placement = django_filters.BooleanFilter(
        label=_("Zonder stage dit schooljaar"),
        method="filter_without_placement",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = Student
        fields = ["q", "school_class", "programme", "without_placement"]

    def filter_search(self, queryset, name, value):
        return _search(queryset, ["first_name", "last_name", "email", "city"], value)

    def filter_without_placement(self, queryset, name, value):
        if value is None:
            return queryset
        placed = Exists(
            Placement.objects.active().filter(
                student=OuterRef("pk"), school_year=self.request.school_year
            )
        )
        return queryset.exclude(placed) if value else queryset.filter(placed)


class HostFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="filter_search")
    city = django_filters.CharFilter(label=_("Gemeente"), lookup_expr="icontains")
    joint_committee = django_filters.CharFilter(label=_("Paritair comité"))

    class Meta:
        model = Host
        fields = ["q", "city", "joint_committee"]

    def filter_search(self, queryset, name, value):
        return _search(
            queryset, ["name", "enterprise_number", "city", "workplaces__name"], value
        ).distinct()


def _hosts(request) -> QuerySet[Host]:
    return Host.objects.filter(school_id=request.user.school_id)


def _supervisors(request) -> QuerySet[User]:
    return User.objects.filter(school_id=request.user.school_id).exclude(role="")


class PlacementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="filter_search")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Placement.Status.choices,
        empty_label=_("Alle statussen"),
        widget=widgets.Select,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Soort"),
        choices=Placement.Kind.choices,
        empty_label=_("Alle soorten"),
        widget=widgets.Select,
    )
    host = django_filters.ModelChoiceFilter(
        label=_("Stagegever"),
        queryset=_hosts,
        empty_label=_("Alle stagegevers"),
        widget=widgets.Select,
    )
    supervisor = django_filters.ModelChoiceFilter(
        label=_("Stagebegeleider"),
        queryset=_supervisors,
        empty_label=_("Alle begeleiders"),
        widget=widgets.Select,
    )
    starts_after = django_filters.DateFilter(
        label=_("Start vanaf"),
        field_name="start_date",
        lookup_expr="gte",
        widget=DateInput(),
    )

    class Meta:
        model = Placement
        fields = ["q", "status", "kind", "host", "supervisor", "starts_after"]

    def filter_search(self, queryset, name, value):
        return _search(
            queryset,
            ["student__first_name", "student__last_name", "host__name", "workplace__city"],
            value,
        )


class NotificationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="filter_search")
    kind = django_filters.ChoiceFilter(
        label=_("Soort"),
        choices=Notification.Kind.choices,
        empty_label=_("Alle soorten"),
        widget=widgets.Select,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Notification.Status.choices,
        empty_label=_("Alle"),
        widget=widgets.Select,
    )

    class Meta:
        model = Notification
        fields = ["q", "kind", "status"]

    def filter_search(self, queryset, name, value):
        return _search(queryset, ["recipient_name", "recipient_email", "reason", "subject"], value)
