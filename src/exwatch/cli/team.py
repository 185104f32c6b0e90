"""``exwatch serve`` (the team's web application) and ``exwatch user`` (its users and who sees which case)."""

from __future__ import annotations

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

    from exwatch.logic import users
    from exwatch.web.app import create_app
    from exwatch.web.process import prepare

    database = open_chosen(ctx)
    with database.transaction() as session:
        password = users.first_admin(session)
    url = f"http://{host}:{port}/"
    if password:
        typer.echo(f"First run: created user 'admin' with password {password}  (shown once; keep it safe)")
    else:
        typer.echo("Log in with your user name (an admin adds users: `exwatch user add NAME --role editor`)")
    typer.echo(f"Extradition Watch is at {url}  (Ctrl-C stops it)", err=False)
    prepare()
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
