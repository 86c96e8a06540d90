"""Agreements, signatures, activity lists and risk documents of school A stay school A's.

School B's coordinator gets 404 and changes nothing; a supervisor of school A gets 404 for a
placement they do not supervise, and 403 for the coordinators' pages; the school's own
coordinator succeeds with the very same request (the control).
"""

import pytest
from django.urls import reverse

from internships.models import (
    Activity,
    ActivityList,
    Agreement,
    AgreementVersion,
    GroupAgreement,
    HealthAssessment,
    Placement,
    ProgrammeActivity,
    RiskAssessment,
    Signature,
    SignatureRequest,
    WorkstationSheet,
)
from tests.internships.document_views import (
    COORDINATOR_VIEWS,
    PLACEMENT_VIEWS,
    VIEWS,
    requests_of,
)

MODELS = [
    Agreement,
    AgreementVersion,
    GroupAgreement,
    SignatureRequest,
    Signature,
    ActivityList,
    Activity,
    ProgrammeActivity,
    RiskAssessment,
    WorkstationSheet,
    HealthAssessment,
]


def database_state() -> dict:
    """Rows and history rows of every model involved, and what may change in place."""
    state = {model.__name__: model.objects.count() for model in MODELS}
    state |= {f"{model.__name__} history": model.history.count() for model in MODELS}
    state["statuses"] = list(Agreement.objects.order_by("pk").values_list("status", "travel_costs"))
    state["versions"] = list(
        AgreementVersion.objects.order_by("pk").values_list("status", "content_hash")
    )
    state["requests"] = list(
        SignatureRequest.objects.order_by("pk").values_list("link__revoked_at", "used_at")
    )
    state["activities"] = list(
        Activity.objects.order_by("pk").values_list("permission", "done", "description")
    )
    state["placements"] = list(Placement.objects.order_by("pk").values_list("status", flat=True))
    return state


def send(client, name: str, method: str, world):
    kwargs, data = VIEWS[name](world)
    before = database_state()
    response = getattr(client, method)(reverse(f"internships:{name}", kwargs=kwargs), data)
    if response.streaming:
        b"".join(response.streaming_content)  # a download: reading it all closes the file
    return response, before


@pytest.mark.parametrize(("name", "method"), requests_of(VIEWS))
def test_it_rejects_other_school(shared_schools, db, client_for, name, method):
    school_a, school_b = shared_schools

    response, before = send(client_for(school_b.coordinator), name, method, school_a)

    assert response.status_code == 404
    assert database_state() == before


@pytest.mark.parametrize(("name", "method"), requests_of(VIEWS))
def test_the_same_request_succeeds_within_the_school(shared_schools, db, client_for, name, method):
    school_a, _school_b = shared_schools

    response, before = send(client_for(school_a.coordinator), name, method, school_a)

    if method == "get":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert database_state() != before


@pytest.mark.parametrize(("name", "method"), requests_of(PLACEMENT_VIEWS))
def test_it_rejects_a_placement_of_another_supervisor(shared_schools, db, client_for, name, method):
    school_a, _school_b = shared_schools

    response, before = send(client_for(school_a.other_supervisor), name, method, school_a)

    assert response.status_code == 404
    assert database_state() == before


@pytest.mark.parametrize(("name", "method"), requests_of(COORDINATOR_VIEWS))
def test_supervisors_may_not_open_the_coordinators_pages(
    shared_schools, db, client_for, name, method
):
    school_a, _school_b = shared_schools

    response, before = send(client_for(school_a.supervisor), name, method, school_a)

    assert response.status_code == 403
    assert database_state() == before
