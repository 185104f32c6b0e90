"""``exwatch serve`` (the team's web application) and ``exwatch user`` (its users and who sees which case)."""

from __future__ import annotations

import gc

import typer

from exwatch.cli.context import open_chosen, transaction

user_app = typer.Typer(no_args_is_help=True, help="Users of the web application and their access to cases.")


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on; keep 127.0.0.1 behind a TLS proxy"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
) -> None:
    """Serve the web application over this database; on first run, create an admin and print its password."""
    import uvicorn

    from exwatch.kb.evidence.loader import load_evidence
    from exwatch.kb.evidence.rulebook import load_rules
    from exwatch.kb.loader import load_knowledge, pin_files
    from exwatch.logic import users
    from exwatch.procedure.loader import procedures
    from exwatch.web.app import create_app

    database = open_chosen(ctx)
    with database.transaction() as session:
        password = users.first_admin(session)
    url = f"http://{host}:{port}/"
    if password:
        typer.echo(f"First run: created user 'admin' with password {password}  (shown once; keep it safe)")
    else:
        typer.echo("Log in with your user name (an admin adds users: `exwatch user add NAME --role editor`)")
    typer.echo(f"Extradition Watch is at {url}  (Ctrl-C stops it)", err=False)
    # A page builds tens of thousands of ORM objects; the default collector thresholds spend ~40 % of a dashboard
    # request collecting (py-spy, bench/web_load.py). Collect less often in the long-lived server process.
    gc.set_threshold(50_000, 20, 100)
    pin_files()  # the knowledge files are read once; an edit to them is served after a restart
    # The knowledge base, the evidence and the procedures live as long as the process: read them now and put
    # them out of the collector's reach, so that a full collection (which stops every request) scans a third
    # fewer objects (bench/web_load.py: 200 -> 135 ms per full collection in a warm process).
    load_knowledge(), load_evidence(), load_rules(), procedures()
    gc.collect()
    gc.freeze()
    try:
        uvicorn.run(create_app(database), host=host, port=port, log_level="warning", server_header=False)
    finally:
        database.close()


@user_app.command("add")
def add(
    ctx: typer.Context,
    username: str = typer.Argument(..., metavar="NAME"),
    role: str = typer.Option("viewer", "--role", help="admin, editor or viewer"),
    admin: bool = typer.Option(False, "--admin", help="same as --role admin"),
) -> None:
    """Add a user with a generated password, printed once."""
    from exwatch.logic import users

    with transaction(ctx) as session:
        password = users.add_user(session, username, "admin" if admin else role, by="cli")
    typer.echo(f"added {username} ({'admin' if admin else role}); password: {password}  (shown once)")


@user_app.command("list")
def list_users(ctx: typer.Context) -> None:
    """The users and their roles."""
    from exwatch.logic import users

    with transaction(ctx, write=False) as session:
        for row in users.users(session):
            state = "" if row.active else "  (disabled)"
            typer.echo(f"{row.username}\t{row.role}{state}")


@user_app.command("share")
def share(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    username: str = typer.Argument(..., metavar="NAME"),
) -> None:
    """Let a user see (and, as editor, change) a case."""
    from exwatch.logic import users

    with transaction(ctx) as session:
        users.share(session, case_id, username, by="cli")
    typer.echo(f"{case_id} shared with {username}")
