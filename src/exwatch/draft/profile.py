"""The author's profile (name, role, position, address), set once and used by every draft.

Kept in ``profile.yaml`` in the user's configuration directory (``EXWATCH_CONFIG_DIR`` overrides it): it
is the author's own data, not the team's case data.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import yaml
from platformdirs import user_config_dir
from pydantic import BaseModel, ConfigDict, Field, model_validator

from exwatch.errors import InputError
from exwatch.model.validation import validate
from exwatch.model.vocab import Lang
from exwatch.private import private_dir, write_private

Role = Literal["mep", "mp", "ngo", "counsel", "other"]
ROLE_LABELS: dict[str, dict[str, str]] = {
    "mep": {
        "en": "a Member of the European Parliament",
        "fr": "membre du Parlement européen",
        "ru": "депутат Европейского парламента",
    },
    "mp": {"en": "a Member of Parliament", "fr": "membre du Parlement", "ru": "член парламента"},
    "ngo": {
        "en": "a representative of {organisation}",
        "fr": "représentant de l'organisation {organisation}",
        "ru": "представитель организации {organisation}",
    },
    "counsel": {
        "en": "counsel for the person concerned",
        "fr": "conseil de l'intéressé",
        "ru": "защитник заинтересованного лица",
    },
    "other": {"en": "{position}", "fr": "{position}", "ru": "{position}"},
}


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    role: Role
    organisation: str = ""
    position: list[str] = Field(default_factory=list, description="lines under the name, e.g. committee seats")
    address: list[str] = Field(default_factory=list)
    city: str = Field(min_length=1, description="where the letter is signed, e.g. Brussels / Bruxelles")
    email: str = ""

    @model_validator(mode="after")
    def _says_who_the_author_speaks_for(self) -> Profile:
        # The letters introduce the author by role: "a representative of {organisation}", or the position.
        if self.role == "ngo" and not self.organisation.strip():
            raise ValueError("role 'ngo' needs the organisation's name (--organisation)")
        if self.role == "other" and not (self.position and self.position[0].strip()):
            raise ValueError("role 'other' needs a position, e.g. --position 'Adviser to the Human Rights Committee'")
        return self

    def for_template(self, lang: Lang) -> dict[str, Any]:
        label = ROLE_LABELS[self.role][lang].format(
            organisation=self.organisation, position=self.position[0] if self.position else ""
        )
        return {**self.model_dump(), "role_label": label}


def profile_path() -> Path:
    base = os.environ.get("EXWATCH_CONFIG_DIR") or user_config_dir("exwatch", appauthor=False)
    return Path(base) / "profile.yaml"


def load_profile() -> Profile:
    path = profile_path()
    if not path.exists():
        raise InputError(
            "no author profile yet: set it once with `exwatch profile set --name ... --role "
            "mep|mp|ngo|counsel|other --city ...`"
        )
    return validate(Profile, yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


def save_profile(profile: Profile) -> Path:
    path = profile_path()
    private_dir(path.parent)
    write_private(path, yaml.safe_dump(profile.model_dump(), allow_unicode=True, sort_keys=False))
    return path
