"""After the run: each plan change the client sent, looked for in the database by its marker,
against what the client was told; then the consistency queries and `manage.py check`."""

from __future__ import annotations

import subprocess
from collections import Counter, defaultdict

from benchmarks.load import PYTHON, ROOT, say
from benchmarks.load.database import Database
from benchmarks.load.users import ACKED, CONFLICT, FAILED, REJECTED, SENT, Ledger

ROW_TABLES = {  # kind -> (table, text column, the audit record's description of a new row)
    "goal": ("plan_builder_goal", "description", "goal"),
    "need": ("plan_builder_statement", "text", "strength or need"),
    "action": ("plan_builder_action", "description", "action"),
}


def stored_changes(database: Database, run_id: str) -> tuple[Counter, dict[int, str]]:
    """How often each marker is stored, and each goal's stored area (the edit marker)."""
    pattern = f"LOAD-{run_id}-%"
    counts: Counter = Counter()
    for table, column, _label in ROW_TABLES.values():
        for (text,) in database.query(
            f"SELECT {column} FROM {table} WHERE {column} LIKE %s",  # noqa: S608  # nosec B608 - table and column from ROW_TABLES, value a parameter
            (pattern,),
        ):
            counts[text.split(" ", 1)[0]] += 1
    areas = dict(
        database.query("SELECT id, area FROM plan_builder_goal WHERE area LIKE %s", (pattern,))
    )
    for area in areas.values():
        counts[area] += 1
    return counts, areas


def check_writes(ledger: Ledger, counts: Counter, areas: dict[int, str]) -> dict[str, Counter]:
    """Per phase: what was sent and told, and what the database holds."""
    by_phase: dict[str, Counter] = defaultdict(Counter)
    edits: dict[int, list] = defaultdict(list)
    for write in ledger.writes:
        tally = by_phase[write.phase]
        tally["total"] += 1
        tally[write.status] += 1
        if write.kind == "goal-edit":
            edits[write.goal_id].append(write)
            continue
        stored = counts.get(write.marker, 0)
        tally["stored"] += min(stored, 1)
        if stored > 1:
            tally["duplicated"] += 1
        if write.status == ACKED and stored == 0:
            tally["lost"] += 1
        elif write.status in (CONFLICT, REJECTED) and stored:
            tally["stored after refusal"] += 1
        elif write.status in (FAILED, SENT) and stored:
            tally["stored, not acknowledged"] += 1
    for goal_id, writes in edits.items():
        stored_marker = areas.get(goal_id)
        acked = [n for n, write in enumerate(writes) if write.status == ACKED]
        after = writes[acked[-1] + 1 :] if acked else writes
        allowed = {writes[acked[-1]].marker} if acked else {None}
        allowed |= {write.marker for write in after if write.status in (FAILED, SENT)}
        for write in writes[: acked[-1]] if acked else []:
            if write.status == ACKED:  # replaced by a later acknowledged change, as it should
                by_phase[write.phase]["stored"] += 1
        for write in writes:
            if write.marker == stored_marker:
                by_phase[write.phase]["stored"] += 1
                if write.status in (FAILED, SENT):
                    by_phase[write.phase]["stored, not acknowledged"] += 1
        holder = writes[acked[-1]] if acked else writes[-1]
        tally = by_phase[holder.phase]
        if stored_marker not in allowed:
            refused = {w.marker for w in writes if w.status in (CONFLICT, REJECTED)}
            tally["stored after refusal" if stored_marker in refused else "lost"] += 1
    return by_phase


WRITE_HEADER = [
    "sent",
    "acknowledged",
    "conflict (409)",
    "refused (form)",
    "failed",
    "stored",
    "lost",
    "stored twice",
    "stored after refusal",
    "stored, no answer",
]


def write_row(label: list, tally: Counter) -> list:
    return [
        *label,
        tally["total"],
        tally[ACKED],
        tally[CONFLICT],
        tally[REJECTED],
        tally[FAILED] + tally[SENT],
        tally["stored"],
        tally["lost"],
        tally["duplicated"],
        tally["stored after refusal"],
        tally["stored, not acknowledged"],
    ]


def bad(tally: Counter) -> int:
    return tally["lost"] + tally["duplicated"] + tally["stored after refusal"]


def plan_snapshot(database: Database, team_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Each of the load teams' plans: its edit revision and its number of change records."""
    rows = database.query(
        """
        SELECT plan.id, plan.edit_revision,
               (SELECT count(*) FROM plan_builder_auditevent event
                 WHERE event.plan_id = plan.id AND event.action = 'change')
          FROM plan_builder_plan plan JOIN plan_builder_person person ON person.id = plan.person_id
         WHERE person.team_id = ANY(%s)
        """,
        (team_ids,),
    )
    return {plan_id: (revision, changes) for plan_id, revision, changes in rows}


def consistency(
    database: Database, run_id: str, team_ids: list[int], before: dict, env: dict
) -> list[tuple[str, int]]:
    """(check, number of problems) for each consistency check; every number should be 0."""
    after = plan_snapshot(database, team_ids)
    drift = sum(
        1
        for plan_id, (revision, changes) in after.items()
        if plan_id in before and revision - before[plan_id][0] != changes - before[plan_id][1]
    )
    pattern = f"LOAD-{run_id}-%"
    checks = [
        ("plans whose edit revision moved by other than their change records", drift),
        (
            "people without exactly one current plan",
            database.query(
                """SELECT count(*) FROM (SELECT person.id FROM plan_builder_person person
                   LEFT JOIN plan_builder_plan plan
                     ON plan.person_id = person.id AND plan.is_current
                   WHERE person.team_id = ANY(%s) GROUP BY person.id
                   HAVING count(plan.id) <> 1) AS odd""",
                (team_ids,),
            )[0][0],
        ),
        (
            "plans with two goals in the same place (sort order)",
            database.query(
                """SELECT count(*) FROM (SELECT goal.plan_id FROM plan_builder_goal goal
                   JOIN plan_builder_plan plan ON plan.id = goal.plan_id
                   JOIN plan_builder_person person ON person.id = plan.person_id
                   WHERE person.team_id = ANY(%s)
                   GROUP BY goal.plan_id, goal.sort_order HAVING count(*) > 1) AS twice""",
                (team_ids,),
            )[0][0],
        ),
    ]
    for kind, (table, column, label) in ROW_TABLES.items():
        plan = "item.plan_id" if kind != "action" else "goal.plan_id"
        join = "JOIN plan_builder_goal goal ON goal.id = item.goal_id" if kind == "action" else ""
        # Table and column names come from ROW_TABLES; the values are parameters.
        sql = (
            f"SELECT count(*) FROM {table} item {join} "  # noqa: S608  # nosec B608
            f"WHERE item.{column} LIKE %s AND (SELECT count(*) FROM plan_builder_auditevent a "
            f"WHERE a.plan_id = {plan} AND a.detail = %s || item.id) <> 1"
        )
        problems = database.query(sql, (pattern, f"Added {label} "))[0][0]
        checks.append((f"new {kind}s without exactly one audit record", problems))
    result = subprocess.run(  # noqa: S603  # nosec B603 - our own interpreter, fixed arguments
        [PYTHON, "manage.py", "check", "--database", "default"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        say(result.stdout + result.stderr)
    checks.append(("`manage.py check --database default` (exit status)", result.returncode))
    return checks
