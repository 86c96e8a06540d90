"""The Django admin: scoped to the staff account's school, and a finalised evaluation (with its
scores) shown read-only, never changed or deleted there."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from evaluations.models import Evaluation
from internships.models import User
from tests.evaluations.factories import CriterionFactory, advised, finalised, opened
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db


def admin_staff(user: User) -> User:
    """``user`` with admin access and every permission on the evaluations models."""
    user = User.objects.get(pk=user.pk)
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="evaluations"))
    return user


def change_url(evaluation: Evaluation) -> str:
    return reverse("admin:evaluations_evaluation_change", args=[evaluation.pk])


def test_staff_see_only_their_schools_rows(school_a, school_b, client_for):
    mine = opened(school_a.placement)
    theirs = opened(school_b.placement)
    CriterionFactory(programme=school_b.school_class.programme)
    client = client_for(admin_staff(school_a.coordinator))

    evaluations = client.get(reverse("admin:evaluations_evaluation_changelist"))
    criteria = client.get(reverse("admin:evaluations_criterion_changelist"))

    assert list(evaluations.context["cl"].queryset) == [mine]
    assert {c.programme.school_id for c in criteria.context["cl"].queryset} == {school_a.school.pk}
    assert client.get(change_url(theirs)).status_code == 302  # back to the index: not found


@pytest.mark.parametrize("who", ["staff", "superuser"])
def test_a_finalised_evaluation_is_read_only(school_a, client_for, who):
    evaluation = finalised(advised(opened(school_a.placement)))
    user = admin_staff(school_a.coordinator) if who == "staff" else SuperuserFactory()
    client = client_for(user)

    page = client.get(change_url(evaluation))
    posted = client.post(change_url(evaluation), {"conclusion": "Herschreven", "_save": "1"})
    deleted = client.post(
        reverse("admin:evaluations_evaluation_delete", args=[evaluation.pk]), {"post": "yes"}
    )

    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert 'name="_save"' not in page.content.decode()
    assert posted.status_code == 403 and deleted.status_code == 403
    evaluation.refresh_from_db()
    assert evaluation.conclusion == "Haalt de meeste doelen."
    [scores] = list(page.context["inline_admin_formsets"])
    assert not scores.has_change_permission and not scores.has_add_permission


def test_an_unfinished_evaluation_can_still_be_edited(school_a, client_for):
    evaluation = opened(school_a.placement)

    page = client_for(admin_staff(school_a.coordinator)).get(change_url(evaluation))

    assert page.context["has_change_permission"]
    assert 'name="_save"' in page.content.decode()


def test_there_is_no_bulk_delete(school_a, client_for):
    opened(school_a.placement)

    page = client_for(admin_staff(school_a.coordinator)).get(
        reverse("admin:evaluations_evaluation_changelist")
    )

    assert "delete_selected" not in page.content.decode()
