"""``exwatch draft`` and ``exwatch profile``: documents to send, and who signs them."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from exwatch.cli.context import FORMAT_OPTION, ReadFormat, print_json, transaction
from exwatch.cli.status import AS_OF, parse_as_of

# The drafting machinery and the profile model (pydantic) are imported inside each command: see exwatch.cli.context.

profile_app = typer.Typer(no_args_is_help=True, help="The author's profile used to sign drafts.")


class DraftKind(StrEnum):
    letter = "letter"
    ccf_request = "ccf-request"
    rule39 = "rule39"
    brief = "brief"


class DraftLang(StrEnum):
    en = "en"
    fr = "fr"
    ru = "ru"


class DraftFormat(StrEnum):
    md = "md"
    docx = "docx"
    pdf = "pdf"


def draft(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    kind: DraftKind = typer.Option(DraftKind.letter, "--kind"),
    lang: DraftLang = typer.Option(DraftLang.en, "--lang", help="the addressee's language"),
    fmt: DraftFormat = typer.Option(DraftFormat.md, "--format", "-f"),
    to: str | None = typer.Option(None, "--to", help="another addressee of the procedure, by name"),
    as_of: str | None = AS_OF,
    output: Path | None = typer.Option(None, "--output", "-o", help="file to write (stdout for md)"),
) -> None:
    """Draft a letter, CCF request, Rule 39 request or brief for the next decision-maker, with footnoted sources."""
    from exwatch.logic.draft import draft as run
    from exwatch.private import write_private

    day = parse_as_of(as_of)
    with transaction(ctx) as session:
        result = run(
            session, case_id, kind.value, lang.value, fmt.value, day, to, file_name=output.name if output else None
        )
    if output is None:
        if fmt is not DraftFormat.md:
            raise typer.BadParameter("DOCX and PDF need --output FILE", param_hint="--output")
        typer.echo(result.content.decode("utf-8"), nl=False)
        return
    write_private(output, result.content)
    typer.echo(
        f"wrote {output} ({kind.value}, {lang.value}, to {result.addressee}); register entry "
        f"{result.register_id} — record sending with `exwatch sent mark {result.register_id} --on DATE`",
        err=True,
    )


@profile_app.command("set")
def set_profile(
    name: str = typer.Option(..., "--name"),
    role: str = typer.Option(..., "--role", help="mep, mp, ngo, counsel or other"),
    city: str = typer.Option(..., "--city", help="where you sign, e.g. Bruxelles"),
    organisation: str = typer.Option("", "--organisation"),
    position: list[str] = typer.Option([], "--position", help="a line under your name; repeatable"),
    address: list[str] = typer.Option([], "--address", help="an address line; repeatable"),
    email: str = typer.Option("", "--email"),
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Set the profile once (in your configuration directory, not in the database); every draft is signed with it."""
    from exwatch.draft.profile import Profile, save_profile
    from exwatch.model.validation import validate

    profile = validate(
        Profile,
        {
            "name": name,
            "role": role,
            "city": city,
            "organisation": organisation,
            "position": position,
            "address": address,
            "email": email,
        },
        "profile",
    )
    path = save_profile(profile)
    if fmt is ReadFormat.json:
        print_json({"path": str(path), **profile.model_dump()})
    else:
        typer.echo(f"profile saved to {path}")


@profile_app.command("show")
def show_profile(fmt: ReadFormat = FORMAT_OPTION) -> None:
    """Show the profile drafts are signed with."""
    from exwatch.draft.profile import load_profile, profile_path

    profile = load_profile()
    if fmt is ReadFormat.json:
        print_json({"path": str(profile_path()), **profile.model_dump()})
    else:
        for key, value in profile.model_dump().items():
            typer.echo(f"{key}: {value}")
