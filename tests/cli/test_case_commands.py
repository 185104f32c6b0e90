from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.conftest import Cli
from tests.factories import case_data


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_import_export_import_is_lossless_in_json_and_yaml(cli: Cli, tmp_path: Path) -> None:
    cli("case", "import", str(_write(tmp_path, "case.yaml", case_data())))
    exported_json = cli("case", "export", "doe-2020", "--format", "json").stdout
    exported_yaml = cli("case", "export", "doe-2020", "--format", "yaml").stdout
    (tmp_path / "again.json").write_text(exported_json, encoding="utf-8")
    cli("case", "import", "--update", str(tmp_path / "again.json"))
    assert cli("case", "export", "doe-2020", "--format", "json").stdout == exported_json
    assert yaml.safe_load(exported_yaml) == json.loads(exported_json)


def test_case_list_json_has_id_and_subject(cli: Cli, tmp_path: Path) -> None:
    assert json.loads(cli("case", "list", "--format", "json").stdout) == []
    cli("case", "import", str(_write(tmp_path, "case.json", case_data())))
    (entry,) = json.loads(cli("case", "list", "--format", "json").stdout)
    assert (entry["id"], entry["subject"]) == ("doe-2020", "Jane Doe")


def test_importing_an_existing_case_fails_and_says_how_to_replace_it(cli: Cli, tmp_path: Path) -> None:
    path = _write(tmp_path, "case.yaml", case_data())
    cli("case", "import", str(path))
    result = cli("case", "import", str(path), ok=False)
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert "--update" in result.output


def test_an_invalid_file_is_rejected_whole_with_every_fault(cli: Cli, tmp_path: Path) -> None:
    data = case_data()
    data["events"][0]["date"] = "2020-13-01"
    data["states"][0]["state"] = "Tadjikistan"
    data["requests"][0]["priority"] = "high"
    result = cli("case", "import", str(_write(tmp_path, "bad.yaml", data)), ok=False)
    assert result.exit_code == 1
    assert "bad.yaml" in result.output
    assert "events[0].date" in result.output
    assert "Tajikistan (TJ)" in result.output
    assert "requests[0].priority: unknown field" in result.output
    assert json.loads(cli("case", "list", "--format", "json").stdout) == []


def test_malformed_files_name_the_place(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"id": "x",\n "subject": }', encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("id: x\nsubject: [\n", encoding="utf-8")
    (tmp_path / "case.txt").write_text("id: x", encoding="utf-8")
    assert "line 2" in cli("case", "import", str(tmp_path / "broken.json"), ok=False).output
    assert "malformed YAML" in cli("case", "import", str(tmp_path / "broken.yaml"), ok=False).output
    assert "*.json, *.yaml" in cli("case", "import", str(tmp_path / "case.txt"), ok=False).output
    assert "no such file" in cli("case", "import", str(tmp_path / "missing.yaml"), ok=False).output


def test_a_case_built_command_by_command(cli: Cli) -> None:
    created = json.loads(
        cli(
            "case",
            "new",
            "--name",
            "Ivan Petrov",
            "--nationality",
            "Russia",
            "--profile",
            "activist",
            "--format",
            "json",
        ).stdout
    )
    case_id = created["id"]
    assert case_id == "ivan-petrov"
    cli(
        "case",
        "add-source",
        case_id,
        "--id",
        "hudoc",
        "--title",
        "Petrov v. Latvia",
        "--kind",
        "judgment",
        "--date",
        "2019-05-14",
        "--url",
        "https://hudoc.echr.coe.int/eng?i=001-1",
    )
    cli(
        "case",
        "add-role",
        case_id,
        "--state",
        "RU",
        "--role",
        "persecuting",
        "--role",
        "requesting",
        "--source",
        "hudoc:§ 6",
    )
    cli(
        "case",
        "add-request",
        case_id,
        "--kind",
        "red_notice",
        "--issuer",
        "RU",
        "--to",
        "INTERPOL",
        "--date",
        "2017",
        "--charge",
        "extremism",
        "--status",
        "pending",
        "--source",
        "hudoc",
    )
    cli(
        "case",
        "add-event",
        case_id,
        "--date",
        "2018-02",
        "--jurisdiction",
        "Latvia",
        "--body",
        "Riga police",
        "--action",
        "arrest",
        "--request",
        "ru-red-notice",
        "--source",
        "hudoc:§ 7",
    )
    cli(
        "case",
        "add-fact",
        case_id,
        "--kind",
        "refugee_status",
        "--text",
        "Asylum granted in Latvia.",
        "--state",
        "LV",
        "--source",
        "hudoc",
    )
    cli("case", "add-name", case_id, "Иван Петров", "--kind", "native", "--script", "Cyrl", "--lang", "ru")
    shown = json.loads(cli("case", "show", case_id, "--format", "json").stdout)
    case = shown["case"]
    assert case["events"][0]["jurisdiction"] == "LV"
    assert case["events"][0]["sources"] == [{"source": "hudoc", "pinpoint": "§ 7"}]
    assert case["requests"][0]["addressed_to"] == "INTERPOL"
    assert [n["name"] for n in case["subject"]["names"]] == ["Ivan Petrov", "Иван Петров"]
    assert shown["standing"][0]["jurisdiction"] == "LV"
    assert shown["standing"][0]["open_requests"] == ["ru-red-notice"]


def test_amendments_with_bad_input_say_what_to_fix_and_store_nothing(cli: Cli) -> None:
    cli("case", "new", "--name", "Ivan Petrov")
    before = cli("case", "export", "ivan-petrov").stdout
    result = cli(
        "case",
        "add-event",
        "ivan-petrov",
        "--date",
        "2018-02-30",
        "--jurisdiction",
        "Latvija",
        "--body",
        "x",
        "--action",
        "arest",
        "--source",
        "nowhere",
        ok=False,
    )
    assert result.exit_code == 1
    for expected in ("February 2018 has days 01-28", "Latvia (LV)", "did you mean arrest"):
        assert expected in result.output
    missing_source = cli(
        "case",
        "add-event",
        "ivan-petrov",
        "--date",
        "2018-02",
        "--jurisdiction",
        "LV",
        "--body",
        "x",
        "--action",
        "arrest",
        "--source",
        "nowhere",
        ok=False,
    )
    assert "'nowhere', which is not in `sources`" in missing_source.output
    assert cli("case", "export", "ivan-petrov").stdout == before


def test_unknown_case_is_an_error_naming_known_cases(cli: Cli) -> None:
    cli("case", "new", "--name", "Ivan Petrov")
    result = cli("case", "show", "ivan", ok=False)
    assert result.exit_code == 1
    assert "known cases: ivan-petrov" in result.output


def test_schema_command_prints_the_published_schema() -> None:
    from exwatch.model.schema import case_schema
    from tests.conftest import REPO

    published = json.loads((REPO / "docs" / "case.schema.json").read_text(encoding="utf-8"))
    assert published == case_schema(), "docs/case.schema.json is stale: run `exwatch schema > docs/case.schema.json`"
