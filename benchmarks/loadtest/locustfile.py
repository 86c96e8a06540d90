"""Locust scenarios for Stagebeheer: who opens which pages, with a person's think time.

Started by ``benchmarks/load.py``, which seeds the database and writes the fixture this file
reads: ``LOADTEST_FIXTURE`` names a JSON file with the sessions of the staff logins, the
coordinator's placement and pupil ids, the supervisor's placements and the portal links of
mentors and pupils (token and the placement ids each may open). ``LOADTEST_THINK=0`` drops the
think time, for the throughput runs.

Every request is named by the kind of page (``"placement page"``), not by its address, so the
statistics add up per page whatever pk a user picked. A staff page that lands on the login form
counts as a failure: a lost session must not pass as a fast page.
"""

import itertools
import json
import os
import random

from locust import HttpUser, between, constant, events, task
from locust.env import Environment

with open(os.environ["LOADTEST_FIXTURE"], encoding="utf-8") as fixture_file:
    FIXTURE = json.load(fixture_file)

THINK = os.environ.get("LOADTEST_THINK", "1") != "0"
# Someone reading a page and clicking on: 0.5–1.5 s (issue 10).
WAIT = between(0.5, 1.5) if THINK else constant(0)
LOGIN_PATH = "/accounts/login/"
ERRORS_PATH = os.environ.get("LOADTEST_ERRORS", "")
# The next session of each login, for the users as they start.
SESSIONS = {"coordinator": itertools.count(), "supervisor": itertools.count()}
PHONE_USER_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@events.init.add_listener
def errors_on_quit(environment: Environment, **kwargs) -> None:
    """Writes the run's distinct failed requests and exceptions in users to ``LOADTEST_ERRORS``
    once every user has stopped (locust's own CSV of failures is written periodically and may
    miss the last second)."""

    def write(**kwargs) -> None:
        if ERRORS_PATH:
            errors = list(environment.stats.serialize_errors().values())
            errors += [
                {"name": "exception in a user", "error": e["msg"], "occurrences": e["count"]}
                for e in environment.runner.exceptions.values()
            ]
            with open(ERRORS_PATH, "w", encoding="utf-8") as errors_file:
                json.dump(errors, errors_file)

    events.quit.add_listener(write)


class PageUser(HttpUser):
    """A visitor whose GETs are checked: a 2xx that is the page asked for, not the login."""

    abstract = True
    wait_time = WAIT

    def page(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
            elif LOGIN_PATH in (response.url or "") and path != LOGIN_PATH:
                response.failure("sent to the login page")


class StaffUser(PageUser):
    """A staff member at work: signed in already, with one of the sessions the fixture made for
    their login (each simulated user its own, as each person has their browser)."""

    abstract = True
    login = ""

    def on_start(self) -> None:
        login = FIXTURE[self.login]
        session = login["sessions"][next(SESSIONS[self.login]) % len(login["sessions"])]
        self.client.cookies.set(FIXTURE["session_cookie"], session)
        self.page("/", f"{self.login} signed in")


class CoordinatorUser(StaffUser):
    """A coordinator clicking through the pages the dashboard links to."""

    weight = 3
    login = "coordinator"

    @task(3)
    def dashboard(self) -> None:
        self.page("/", "dashboard")

    @task(2)
    def placement_list(self) -> None:
        self.page("/stages/", "placement list")

    @task(3)
    def placement(self) -> None:
        pk = random.choice(FIXTURE["coordinator"]["placements"])
        self.page(f"/stages/{pk}/", "placement page")

    @task(2)
    def pupil_list(self) -> None:
        self.page("/leerlingen/", "pupil list")

    @task(2)
    def pupil(self) -> None:
        pk = random.choice(FIXTURE["coordinator"]["pupils"])
        self.page(f"/leerlingen/{pk}/", "pupil page")

    @task
    def host_list(self) -> None:
        self.page("/stagegevers/", "host list")

    @task
    def visits(self) -> None:
        self.page("/bezoeken/", "visits")

    @task
    def schedule_try(self) -> None:
        self.page("/rooster-testen/", "schedule try page")

    @task
    def workload(self) -> None:
        self.page("/werklast/", "workload")


class SupervisorUser(StaffUser):
    """A supervisor on a phone, between visits: the dashboard, the visits and their interns."""

    weight = 2
    login = "supervisor"

    def on_start(self) -> None:
        self.client.headers["User-Agent"] = PHONE_USER_AGENT
        super().on_start()

    @task(2)
    def dashboard(self) -> None:
        self.page("/", "dashboard (phone)")

    @task(2)
    def visits(self) -> None:
        self.page("/bezoeken/", "visits (phone)")

    @task(3)
    def placement(self) -> None:
        pk = random.choice(FIXTURE["supervisor"]["placements"])
        self.page(f"/stages/{pk}/", "placement page (phone)")


class LinkUser(PageUser):
    """A holder of a portal link: opens it once for a session, then reads their pages."""

    abstract = True
    holders = ""
    kind = ""

    def on_start(self) -> None:
        self.link = random.choice(FIXTURE[self.holders])
        self.page(f"/link/{self.link['token']}/", f"{self.kind} link opened")

    @task(2)
    def home(self) -> None:
        self.page("/portaal/", f"{self.kind} portal home")

    @task(3)
    def placement(self) -> None:
        pk = random.choice(self.link["placements"])
        self.page(f"/portaal/stage/{pk}/", f"{self.kind} portal placement")


class MentorUser(LinkUser):
    """A mentor at the workplace following their interns through their personal link."""

    weight = 2
    holders = "mentors"
    kind = "mentor"


class PupilUser(LinkUser):
    """A pupil looking at their own internship through their personal link."""

    weight = 2
    holders = "pupils"
    kind = "pupil"


class LoginPageUser(PageUser):
    """The yardstick: the login form, a page that does almost nothing."""

    @task
    def login_page(self) -> None:
        self.page(LOGIN_PATH, "login page")
