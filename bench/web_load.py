"""Load on the team web application: latency per request kind, errors and server memory under concurrent users.

Run from the repository root (PostgreSQL: a URL such as postgresql://exwatch@127.0.0.1:55432/postgres):

    .venv/bin/python -m bench.web_load [--db-url URL] [--users 50] [--seconds 120] [--cases 1000] [--think 1.0]

It builds a fresh store (an SQLite file in a temporary directory, or a new schema in the PostgreSQL database,
dropped at the end): the bundled example and ``--cases`` generated copies of it (new ids, invented subject names,
dates moved by whole years, cut at different stages), an admin, and one editor per virtual user with every case
shared with them. It starts ``exwatch --db URL serve`` in a separate process and drives it with ``--users``
concurrent virtual users (httpx, asyncio). Each logs in, then for ``--seconds`` picks from a mix: the dashboard
(20 %), a case page (25 %), the case's assessment as of a random day (25 %), a knowledge-base state page (20 %,
in place of search, which does not exist yet) and an edit (10 %: the case is read, then an event is posted with
the version read; a 409 is the correct answer to a concurrent edit and is counted as a conflict, not an error).
Half the picks go to 20 "active" cases. A user pauses ``--think`` seconds (± 50 %) between requests (0:
saturation). Printed: per kind count, errors, p50/p95/p99 ms; overall p95 and errors; the peak RSS of the
server process and its children (sampled every 0.5 s); beside the targets p95 <= 100 ms, 0 errors, RSS <= 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from exwatch.logic import example, users
from exwatch.model.case import CaseFile
from exwatch.store.db import open_database, resolve_url
from exwatch.store.mapping import to_row
from exwatch.store.tables import CaseRow
from exwatch.store.team_tables import CaseAccessRow, UserRow

GIVEN = ("Aidar", "Dana", "Timur", "Aigerim", "Ruslan", "Madina", "Serik", "Zhanna", "Arman", "Leyla", "Bakyt")
FAMILY = ("Almatov", "Seitkali", "Orynbekov", "Tulegenova", "Karimov", "Nurlanova", "Bekov", "Sadykova", "Esenov")
PASSWORD = "load-test-password"  # of the throwaway users of a throwaway store
MIX = {"dashboard": 20, "case page": 25, "assessment": 25, "kb (search)": 20, "edit": 10}
KINDS = ("login", *MIX)
ACTIVE, TIMEOUT_S, P95_MS, RSS_MB = 20, 60.0, 100.0, 200.0


def _shift(value: Any, years: int) -> Any:
    """Every date of a dumped case moved by whole years (29 February becomes the 28th)."""
    if isinstance(value, dict):
        dated = ("date", "birth_date")
        return {k: _year(v, years) if k in dated and v else _shift(v, years) for k, v in value.items()}
    return [_shift(v, years) for v in value] if isinstance(value, list) else value


def _year(text: str, years: int) -> str:
    year, *rest = text.split("-")
    return "-".join([str(int(year) + years), *(["02", "28"] if rest == ["02", "29"] else rest)])


def generated_case(base: CaseFile, index: int, rng: random.Random) -> CaseFile:
    data = _shift(base.model_dump(), rng.randint(-6, 3))
    name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    data["id"] = f"load-{index:05d}"
    data["title"] = f"{name}: extradition requests (generated case {index})"
    data["summary"] = "Generated for the web load benchmark from the bundled example; not a real case."
    data["subject"]["names"] = [{"name": name, "kind": "primary", "script": "Latn", "lang": "en"}]
    data["events"] = data["events"][: rng.randint(4, len(data["events"]))]  # cases at different stages
    return CaseFile.model_validate(data)


def build_store(url: str, n_cases: int, n_editors: int) -> list[str]:
    """The example, the generated cases, the users and the grants; returns the case ids."""
    db, rng, base = open_database(url), random.Random(20261204), example.example_case()
    try:
        with db.transaction() as session:
            example.load_example(session)
            for name, role in [("admin", "admin"), *((f"editor{u:03d}", "editor") for u in range(n_editors))]:
                users.add_user(session, name, role, PASSWORD, by="bench")
        for start in range(0, n_cases, 100):
            with db.transaction() as session:
                # Not cases.import_case: its duplicate check reads every stored case (quadratic in bulk); these
                # ids are new by construction.
                session.add_all(to_row(generated_case(base, i, rng)) for i in range(start, min(n_cases, start + 100)))
        with db.transaction() as session:
            ids = list(session.scalars(select(CaseRow.id).order_by(CaseRow.id)))
            editors = session.scalars(select(UserRow.pk).where(UserRow.role == "editor")).all()
            # users.share reads the whole case for every grant: the grants are stored in bulk instead.
            session.add_all(CaseAccessRow(case_id=c, user_pk=e, granted_by="admin") for c in ids for e in editors)
        return ids
    finally:
        db.close()


@contextmanager
def fresh_store(db_url: str | None, tmp: Path) -> Iterator[tuple[str, str]]:
    """(URL, backend) of an empty store: a file in ``tmp``, or a new PostgreSQL schema, dropped afterwards."""
    if db_url is None:
        yield f"sqlite:///{tmp / 'exwatch.sqlite3'}", "SQLite"
        return
    schema, admin = f"load_{uuid.uuid4().hex[:12]}", create_engine(resolve_url(db_url))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        version = conn.exec_driver_sql("SHOW server_version").scalar()
    url = make_url(resolve_url(db_url)).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False), f"PostgreSQL {version} (schema {schema})"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def start_server(url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [str(Path(sys.executable).with_name("exwatch")), "--db", url, "serve", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 60
    while server.poll() is None and time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/login", timeout=2)
            return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"the server did not start:\n{log.read_text(errors='replace')}")


def tree_rss_mb(pid: int) -> float:
    """VmRSS of ``pid`` and all its descendants, in MB (0 for a process gone meanwhile)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        children = [int(c) for f in Path(f"/proc/{pid}/task").glob("*/children") for c in f.read_text().split()]
    except OSError:
        return 0.0
    own = sum(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")) / 1024
    return own + sum(tree_rss_mb(child) for child in children)


@dataclass
class Stats:
    ms: defaultdict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    conflicts: int = 0
    phase: str = "logins"
    rss: dict[str, float] = field(default_factory=lambda: {"logins": 0.0, "load": 0.0})
    seconds: float = 0.0
    loadavg: str = f"{os.getloadavg()[0]:.2f}"  # other work on the machine skews the figures


async def timed(client: httpx.AsyncClient, stats: Stats, kind: str, method: str, url: str, **kw: Any) -> Any:
    """One request, timed; its response when it succeeded, else None. A 409 to an edit is a conflict."""
    start = time.perf_counter()
    try:
        response: httpx.Response | None = await client.request(method, url, **kw)
    except httpx.HTTPError as exc:
        response, reason = None, type(exc).__name__
    stats.ms[kind].append((time.perf_counter() - start) * 1000)
    if response is not None and response.status_code in (200, 201):
        return response
    if response is not None and response.status_code == 409 and kind == "edit":
        stats.conflicts += 1
        return None
    if response is not None:
        json = response.headers.get("content-type", "").startswith("application/json")
        reason = f"HTTP {response.status_code} {response.json().get('error', '')[:80] if json else ''}"
    stats.errors[kind] += 1
    stats.reasons[f"{kind}: {reason}"] += 1
    return None


async def log_in(client: httpx.AsyncClient, stats: Stats, username: str) -> bool:
    body = {"username": username, "password": PASSWORD}
    if (opened := await timed(client, stats, "login", "POST", "/api/v1/session", json=body)) is None:
        return False
    # The cookie is Secure, which a client sends only over https: over plain http it is sent by hand.
    cookie = next(c for c in opened.headers.get_list("set-cookie") if c.startswith("exwatch_session="))
    client.cookies.clear()
    client.headers.update({"Cookie": cookie.split(";")[0], "X-CSRF-Token": opened.json()["csrf"]})
    return True


async def virtual_user(base: str, n: int, ids: list[str], stop: float, think: float, stats: Stats) -> None:
    rng, today, first = random.Random(n), dt.date.today(), dt.date(2013, 1, 1)
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT_S) as client:
        if not await log_in(client, stats, f"editor{n:03d}"):
            return
        while time.monotonic() < stop:
            kind = rng.choices(list(MIX), list(MIX.values()))[0]
            case = rng.choice(ids[:ACTIVE]) if rng.random() < 0.5 else rng.choice(ids)
            day = first + dt.timedelta(days=rng.randrange((today - first).days))
            if kind == "dashboard":
                await timed(client, stats, kind, "GET", "/api/v1/dashboard")
            elif kind == "case page":
                await timed(client, stats, kind, "GET", f"/cases/{case}")
            elif kind == "assessment":
                await timed(client, stats, kind, "GET", f"/api/v1/cases/{case}", params={"as_of": day.isoformat()})
            elif kind == "kb (search)":
                await timed(client, stats, kind, "GET", "/api/v1/kb/states/KZ")
            elif (read := await timed(client, stats, "assessment", "GET", f"/api/v1/cases/{case}")) is not None:
                seen = read.json()
                event = {"version": seen["version"], "date": (today - dt.timedelta(days=rng.randrange(30))).isoformat()}
                event |= {"jurisdiction": "FR", "body": "Cour d'appel de Paris", "action": "hearing"}
                event |= {"source": seen["sources"][0]["id"], "outcome": "Recorded by the web load benchmark."}
                await timed(client, stats, kind, "POST", f"/api/v1/cases/{case}/events", json=event)
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))


async def drive(base: str, pid: int, ids: list[str], args: argparse.Namespace, stats: Stats) -> None:
    async def sample() -> None:
        while True:
            stats.rss[stats.phase] = max(stats.rss[stats.phase], tree_rss_mb(pid))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    warm = Stats()  # the first requests load the knowledge base, the procedure models, the templates: not counted
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT_S) as client:
        await log_in(client, warm, "admin")
        for url in ("/api/v1/dashboard", f"/cases/{ids[0]}", f"/api/v1/cases/{ids[0]}", "/api/v1/kb/states/KZ"):
            await timed(client, warm, "warm-up", "GET", url)
    if warm.errors:
        raise SystemExit(f"warm-up failed: {dict(warm.reasons)}")
    started = time.monotonic()
    tasks = [
        asyncio.create_task(virtual_user(base, n, ids, started + args.seconds, args.think, stats))
        for n in range(args.users)
    ]
    while len(stats.ms["login"]) < args.users and not all(t.done() for t in tasks):
        await asyncio.sleep(0.05)
    stats.phase = "load"
    await asyncio.gather(*tasks)
    stats.seconds = time.monotonic() - started
    sampler.cancel()


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else sum(values)


def report(stats: Stats, backend: str, n_cases: int, args: argparse.Namespace) -> None:
    def row(name: str, v: list[float], errors: int) -> str:
        figures = "".join(f"{pct(v, q):>9.0f}" for q in (50, 95, 99)) if v else f"{'-':>9}" * 3
        return f"{name:<12}{len(v):>7}{errors:>7}{figures}"

    every = [v for kind in KINDS for v in stats.ms[kind]]
    errors, p95 = sum(stats.errors.values()), pct(every, 95)
    peak, verdict = max(stats.rss.values()), {True: "ok", False: "MISSED"}
    print(f"\nbackend: {backend}; cases: {n_cases}; users: {args.users}; {args.seconds:.0f} s; think {args.think} s")
    print(
        f"machine: {os.cpu_count()} CPUs, load average {stats.loadavg} before the run, {os.getloadavg()[0]:.2f} after"
    )
    print("search does not exist yet: the knowledge-base page GET /api/v1/kb/states/KZ is measured in its place")
    print(f"{'kind':<12}{'count':>7}{'errors':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    print("\n".join(row(kind, stats.ms[kind], stats.errors[kind]) for kind in KINDS))
    print(row("all", every, errors))
    print(f"edit conflicts (409, correct answers): {stats.conflicts}")
    print(f"throughput: {len(every) / stats.seconds:.1f} requests/s over {stats.seconds:.0f} s")
    print(f"overall p95      {p95:>7.0f} ms   target <= {P95_MS:.0f} ms   {verdict[p95 <= P95_MS]}")
    print(f"errors           {errors:>7}      target 0           {verdict[errors == 0]}")
    print(f"server RSS peak  {peak:>7.0f} MB   target <= {RSS_MB:.0f} MB   {verdict[peak <= RSS_MB]}", end="")
    print(f"   (during logins {stats.rss['logins']:.0f} MB, after {stats.rss['load']:.0f} MB)")
    for reason, count in stats.reasons.most_common(8):
        print(f"  {count} x {reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--db-url", help="a PostgreSQL URL (default: an SQLite file in a temporary directory)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a user's requests (s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="exwatch-load-") as tmp, fresh_store(args.db_url, Path(tmp)) as store:
        (url, backend), started = store, time.perf_counter()
        ids = build_store(url, args.cases, args.users)
        print(
            f"store: {backend}, {len(ids)} cases, {args.users} editors, built in {time.perf_counter() - started:.0f} s"
        )
        server, base = start_server(url, Path(tmp) / "server.log")
        stats = Stats()
        try:
            asyncio.run(drive(base, server.pid, ids, args, stats))
        finally:
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        report(stats, backend, len(ids), args)
        if log := (Path(tmp) / "server.log").read_text(errors="replace").strip():
            print("server log, last lines:\n" + "\n".join(log.splitlines()[-15:]))


if __name__ == "__main__":
    main()
