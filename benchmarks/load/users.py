"""The simulated visitors for benchmarks.load (a Locust file, used as a library).

`PublicVisitor` reads the public site with no pause between requests, so N visitors keep N
requests in flight. `Practitioner` signs in through /plans/sign-in/ (with its CSRF token),
opens its team's plans, and adds goals, needs and actions and changes its own goals, pausing
briefly between steps. Every change carries a unique marker text and is written to the
`Ledger` before it is sent and again with its outcome, so the database can be checked against
what the client was told afterwards.
"""

from __future__ import annotations

import itertools
import random
import re
import time
from dataclasses import dataclass, field
from http.cookiejar import DefaultCookiePolicy

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

from benchmarks.load.posts import action_fields, goal_fields

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REVISION = re.compile(r'name="revision" value="(\d*)"')
GOAL_EDIT = re.compile(r"/plans/(\d+)/goals/(\d+)/edit/")
RNG = random.Random()  # noqa: S311  # nosec B311 - choosing pages, not secrets

# What a write ended as, from the client's side.
ACKED = "acknowledged"  # 302 to the plan page: the practitioner was told it is saved
CONFLICT = "conflict"  # 409: told someone else saved first; must not be stored
REJECTED = "rejected"  # 200 with the form again: told it was not saved; must not be stored
FAILED = "failed"  # an error response or no response: may or may not be stored
SENT = "sent"  # no outcome recorded (the request was cut off)


@dataclass
class Write:
    kind: str  # goal, need, action, goal-edit
    marker: str
    phase: str
    plan_id: int
    goal_id: int | None = None
    status: str = SENT
    http_status: int | None = None
    sent_at: float = field(default_factory=time.time)


class Ledger:
    """Every change sent, in order, with what the server answered."""

    def __init__(self, run_id: str):
        self.run_id = run_id
        self.writes: list[Write] = []
        self.phase = ""
        self._counter = itertools.count(1)

    def marker(self) -> str:
        return f"LOAD-{self.run_id}-{next(self._counter):07d}"

    def add(self, write: Write) -> Write:
        self.writes.append(write)
        return write


class Shared:
    """Set by benchmarks.load before each run: the seed data, the ledger, the accounts."""

    seed: dict = {}
    ledger: Ledger | None = None
    accounts: itertools.cycle | None = None

    @classmethod
    def seed_paths(cls) -> list[str]:
        """One of each public page, to warm a new server up."""
        seed = cls.seed
        return [
            seed["home"],
            seed["library"],
            seed["directory"],
            seed["resources"][0],
            seed["organisations"][0],
            "/en/search/?q=dementia",
        ]

    @classmethod
    def configure(cls, seed: dict, ledger: Ledger) -> None:
        cls.seed = seed
        cls.ledger = ledger
        cls.accounts = itertools.cycle(
            [
                (team, user)
                for members in itertools.zip_longest(
                    *[[(team, user) for user in team["users"]] for team in seed["teams"]]
                )
                for team, user in (pair for pair in members if pair)
            ]
        )


class LoopbackCookies(DefaultCookiePolicy):
    """Production's cookies are Secure. Browsers still send them to http://127.0.0.1 (a
    trustworthy origin), so the load test does too; the server is only ever on loopback."""

    def return_ok_secure(self, cookie, request):
        return True


class Visitor(FastHttpUser):
    abstract = True
    network_timeout = 20.0
    connection_timeout = 5.0
    max_retries = 0  # a retried POST could store a change twice; we want to see that

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.client.cookiejar.set_policy(LoopbackCookies())

    def call(self, method: str, url: str, name: str, ok=(200,), **kwargs):
        """One request; any status not in `ok` is a failure. Returns (status, text, headers);
        status 0 means no HTTP response at all (connection refused or reset, timeout)."""
        with self.client.request(
            method, url, name=name, catch_response=True, allow_redirects=False, **kwargs
        ) as response:
            status = response.status_code or 0
            if status in ok:
                response.success()
            else:
                error = getattr(response, "error", None)
                response.failure(f"HTTP {status}" if status else f"no response: {error!r}")
            try:
                text = (response.text or "") if status else ""
            except Exception:  # a body cut off mid-way
                text = ""
            headers = response.headers if status else {}
        return status, text, headers


class PublicVisitor(Visitor):
    """Home, the library (plain and filtered), resources, the directory and search."""

    wait_time = between(0, 0)

    @task(2)
    def home(self):
        self.call("GET", Shared.seed["home"], "public: home")

    @task(2)
    def library(self):
        page = RNG.choice(["", "", "?page=2", "?page=3"])
        self.call("GET", Shared.seed["library"] + page, "public: library")

    @task(3)
    def library_filtered(self):
        seed = Shared.seed
        query = f"?topic={RNG.choice(seed['topics'])}"
        if RNG.random() < 0.6:
            query += f"&audience={RNG.choice(seed['audiences'])}"
        if RNG.random() < 0.4:
            query += f"&type={RNG.choice(seed['types'])}"
        self.call("GET", seed["library"] + query, "public: library, filtered")

    @task(4)
    def resource(self):
        self.call("GET", RNG.choice(Shared.seed["resources"]), "public: resource page")

    @task(1)
    def directory(self):
        self.call("GET", Shared.seed["directory"], "public: directory")

    @task(1)
    def organisation(self):
        self.call("GET", RNG.choice(Shared.seed["organisations"]), "public: organisation")

    @task(3)
    def search(self):
        words = Shared.seed["words"]
        if RNG.random() < 0.5:  # common searches, which the cache can answer
            query = RNG.choice(["dementia", "carers", "living well", "memory", "guide"])
        else:  # two words, rarely the same pair twice
            query = " ".join(RNG.sample(words, 2))
        self.call("GET", "/en/search/", "public: search", params={"q": query})


class Practitioner(Visitor):
    """Signs in, works on its team's plans, and changes only the goals it added itself."""

    wait_time = between(0.2, 1.0)

    def on_start(self):
        self.team, account = next(Shared.accounts)
        self.plans = self.team["plans"]
        self.own_goals: list[dict] = []
        self.signed_in = False
        self.sign_in(account)

    def sign_in(self, account: dict) -> None:
        status, text, _ = self.call("GET", "/plans/sign-in/", "plans: sign-in form")
        token = CSRF.search(text)
        if status != 200 or not token:
            return
        status, _, headers = self.call(
            "POST",
            "/plans/sign-in/",
            "plans: sign in",
            ok=(302,),
            data={
                "csrfmiddlewaretoken": token.group(1),
                "username": account["username"],
                "password": account["password"],
            },
        )
        self.signed_in = status == 302 and "/plans/" in headers.get("location", "")
        self.account = account

    def ensure_signed_in(self) -> bool:
        if not self.signed_in:
            self.sign_in(self.account)
        return self.signed_in

    def form(self, url: str, name: str) -> tuple[str, str] | None:
        """Open a form: (CSRF token, plan revision), or None (and sign in again if sent away)."""
        status, text, headers = self.call("GET", url, name)
        if status == 302 and "sign-in" in headers.get("location", ""):
            self.signed_in = False
        token, revision = CSRF.search(text), REVISION.search(text)
        if status != 200 or not token:
            return None
        return token.group(1), revision.group(1) if revision else ""

    def submit(self, write: Write, url: str, name: str, data: dict) -> str:
        """POST a change; the ledger has it before it is sent and gets the outcome after."""
        Shared.ledger.add(write)
        status, text, headers = self.call("POST", url, name, ok=(302, 409), data=data)
        write.http_status = status
        location = headers.get("location", "") if status == 302 else ""
        if status == 302 and location.startswith(f"/plans/{write.plan_id}/"):
            write.status = ACKED
        elif status == 409:
            write.status = CONFLICT
        elif status == 200:
            write.status = REJECTED
        else:
            write.status = FAILED
        if write.status != ACKED:
            return ""
        # Follow the redirect to the plan page, as a browser does, and read the change there.
        status, text, _ = self.call("GET", location.split("#")[0], "plans: plan page")
        return text if status == 200 else ""

    @task(1)
    def plan_list(self):
        if self.ensure_signed_in():
            query = RNG.choice(["", "?page=2", "?q=Person+00", "?review=overdue"])
            self.call("GET", f"/plans/{query}", "plans: plan list")

    @task(2)
    def open_plan(self):
        if self.ensure_signed_in():
            self.call("GET", f"/plans/{RNG.choice(self.plans)}/", "plans: plan page")

    @task(3)
    def add_goal(self):
        if not self.ensure_signed_in():
            return
        plan_id = RNG.choice(self.plans)
        opened = self.form(f"/plans/{plan_id}/goals/add/", "plans: goal form")
        if not opened:
            return
        token, revision = opened
        marker = Shared.ledger.marker()
        goal = goal_fields(marker)
        write = Write("goal", marker, Shared.ledger.phase, plan_id)
        page = self.submit(
            write,
            f"/plans/{plan_id}/goals/add/",
            "plans: add goal",
            {"csrfmiddlewaretoken": token, "revision": revision, **goal},
        )
        # The new goal's own "Change" link follows its text on the plan page.
        at = page.find(marker)
        found = GOAL_EDIT.search(page, at) if at >= 0 else None
        if found and int(found.group(1)) == plan_id:
            self.own_goals.append({"plan_id": plan_id, "goal_id": int(found.group(2)), **goal})

    @task(1)
    def add_need(self):
        if not self.ensure_signed_in():
            return
        plan_id = RNG.choice(self.plans)
        opened = self.form(f"/plans/{plan_id}/needs/add/", "plans: need form")
        if not opened:
            return
        token, revision = opened
        marker = Shared.ledger.marker()
        self.submit(
            Write("need", marker, Shared.ledger.phase, plan_id),
            f"/plans/{plan_id}/needs/add/",
            "plans: add need",
            {
                "csrfmiddlewaretoken": token,
                "revision": revision,
                "text": f"{marker} Getting lost on the way home",
            },
        )

    @task(1)
    def add_action(self):
        if not self.own_goals or not self.ensure_signed_in():
            return
        goal = RNG.choice(self.own_goals)
        url = f"/plans/{goal['plan_id']}/goals/{goal['goal_id']}/actions/add/"
        opened = self.form(url, "plans: action form")
        if not opened:
            return
        token, revision = opened
        marker = Shared.ledger.marker()
        self.submit(
            Write("action", marker, Shared.ledger.phase, goal["plan_id"], goal["goal_id"]),
            url,
            "plans: add action",
            {"csrfmiddlewaretoken": token, "revision": revision, **action_fields(marker)},
        )

    @task(2)
    def change_goal(self):
        """Change a goal this practitioner added: its area of life gets a new marker. The
        form carries the plan's revision, so a teammate's save in between is a 409."""
        if not self.own_goals or not self.ensure_signed_in():
            return
        goal = RNG.choice(self.own_goals)
        url = f"/plans/{goal['plan_id']}/goals/{goal['goal_id']}/edit/"
        opened = self.form(url, "plans: goal change form")
        if not opened:
            return
        token, revision = opened
        marker = Shared.ledger.marker()
        data = {**goal, "area": marker, "csrfmiddlewaretoken": token, "revision": revision}
        del data["plan_id"], data["goal_id"]
        self.submit(
            Write("goal-edit", marker, Shared.ledger.phase, goal["plan_id"], goal["goal_id"]),
            url,
            "plans: change goal",
            data,
        )
