"""The seed case's letter of 25 May 2015 in Russian: official Russian register, state names and the
subject's name in the cases the sentences need, the bars and instruments under their Russian titles, every
footnote called in order, and Cyrillic that survives into the PDF."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest

from exwatch.assess.assessment import assess_case
from exwatch.draft.compose import compose
from exwatch.draft.context import format_date, ru_name_cases, state_name
from exwatch.draft.document import Document
from exwatch.draft.profile import Profile
from exwatch.draft.render import to_markdown, to_pdf
from exwatch.logic.draft import resolve_addressee
from exwatch.logic.example import example_case
from exwatch.model.case import CaseFile
from exwatch.model.dates import PartialDate
from tests.conftest import tool

LETTER_DAY = dt.date(2015, 5, 25)
AUTHOR = Profile(
    name="Мади Дельво-Стерес",
    role="mep",
    city="Брюссель",
    position=["Депутат Европейского парламента, группа S&D"],
    address=["Европейский парламент, ул. Вирц, 60, B-1047 Брюссель"],
)


def _compose(case: CaseFile, to: dict[str, object] | None = None) -> Document:
    assessment = assess_case(case, LETTER_DAY)
    if to is None:
        (france,) = [s for s in assessment.procedure if s.jurisdiction == "FR"]
        assert france.position is not None
        assert france.position.stage is not None
        to = resolve_addressee("FR", france.position.stage.next, None, "ru", LETTER_DAY)
    return compose("letter", "ru", assessment, AUTHOR.for_template("ru"), dict(to), LETTER_DAY)


@cache
def _letter() -> tuple[Document, str]:
    document = _compose(example_case())
    return document, to_markdown(document, "ru")


def _body(text: str) -> str:
    return text.partition("## Примечания")[0]


POINTS = [
    ("addressed-in-the-dative", "Премьер-министру Французской Республики"),
    ("official-salutation", "Уважаемый господин Премьер-министр!"),
    ("subject-line-genitive", "О запросах России и Украины о выдаче г-на Мухтара Аблязова"),
    ("nationality-genitive", "гражданина Казахстана"),
    ("custodial-state-locative", "содержащегося под стражей во Франции"),
    ("proxy-requests-with-kazakhstan", "от России и Украины, а не от Казахстана"),
    ("political-persecution", "служит политическим целям"),
    ("uk-refugee-status", "власти Великобритании предоставили ему статус беженца в 2011 г."),
    ("torture-risk-kazakhstan", "В Казахстане существует реальный и серьёзный риск пыток"),
    # Elevated, not high, for him: the finding that raised Russia's level (I. v. Sweden) concerns people returned
    # there; a person surrendered for prosecution is in the group of criminal suspects in custody (issue 15).
    ("torture-risk-russia", "В России существует серьёзный риск пыток"),
    ("ecthr-case-law-in-russian", "Kaboulov против Украины, жалоба № 41015/04"),
    ("un-cat-observations", "заключительных замечаний Комитета ООН против пыток"),
    ("onward-return-to-kazakhstan", "Выдача в Россию означала бы для г-на Мухтара Аблязова реальную угрозу"),
    ("onward-from-ukraine", "последующей передачи в Казахстан: в отношениях Украины и Казахстана"),
    (
        "minsk-convention-path",
        "Минская конвенция 1993 года о правовой помощи и правовых отношениях по гражданским, семейным и "
        "уголовным делам",
    ),
    ("echr-article-3", "статья 3 Конвенции о защите прав человека и основных свобод"),
    ("cat-article-3", "статья 3 Конвенции ООН против пыток"),
    ("ets-24-article-3-2", "пункт 2 статьи 3 Европейской конвенции о выдаче"),
    ("french-political-purpose-bar", "пункт 2 статьи 696-4 Уголовно-процессуального кодекса Франции"),
    ("request-not-to-sign", "не подписывать декрет о выдаче г-на Мухтара Аблязова в Россию или в Украину"),
    ("closing-formula", "С уважением,"),
    ("dated-in-russian", "Брюссель, 25 мая 2015 г."),
]


@pytest.mark.parametrize("expected", [text for _, text in POINTS], ids=[pid for pid, _ in POINTS])
def test_the_russian_letter_makes_the_point(expected: str) -> None:
    assert expected in _body(_letter()[1])


# The only Latin-script words the body may carry: the applicants' names in the Court's case titles, the
# UN document symbols, the European Parliament group, the Brussels postcode, and the postal address of
# Matignon, which stays as the French post reads it.
LATIN_ALLOWED = {"Kaboulov", "Oshlakov", "Baysakov", "I", "CAT", "C", "KAZ", "CO", "RUS", "S", "D", "B"}
POSTAL = {"Hôtel", "de", "Matignon", "rue", "Varenne", "Paris"}


def test_the_russian_letter_body_has_no_english() -> None:
    body = _body(_letter()[1])
    latin = set(re.findall(r"[A-Za-zÀ-ÿ]+", body))
    assert latin <= LATIN_ALLOWED | POSTAL, sorted(latin - LATIN_ALLOWED - POSTAL)
    for foreign in ("Monsieur", "Dear", "Yours", " v. ", "no. ", "para. ", "police"):
        assert foreign not in body


def test_every_footnote_is_called_and_numbered_in_reading_order() -> None:
    document, text = _letter()
    body, _, notes = text.partition("## Примечания")
    calls = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", body)]
    assert list(dict.fromkeys(calls)) == list(range(1, len(document.notes) + 1))
    assert notes.count("[^") == len(document.notes) >= 20
    assert "(дата обращения: 29 ноября 2026 г.)" in notes


def test_a_letter_of_may_2015_cites_nothing_published_later() -> None:
    document, _ = _letter()
    sources = {s.id: s for s in example_case().sources}
    assert document.cited
    for source_id in document.cited:
        date = sources[source_id].date
        assert date is None or PartialDate.parse(date).earliest() <= LETTER_DAY, source_id


def test_a_woman_is_written_about_in_the_feminine() -> None:
    case = example_case()
    female = case.model_copy(update={"subject": case.subject.model_copy(update={"gender": "female"})})
    body = _body(to_markdown(_compose(female), "ru"))
    assert "о выдаче г-жи Мухтар Аблязов" in body  # a woman's name ending in a consonant does not decline
    assert "гражданки Казахстана, содержащейся под стражей во Франции" in body
    assert "предоставили ей статус беженца" in body
    assert "не допустить её передачи" in body


def test_a_letter_to_the_ukrainian_prosecutor_general_is_addressed_in_russian() -> None:
    to = resolve_addressee("UA", None, "Prosecutor General", "ru", LETTER_DAY)
    body = _body(to_markdown(_compose(example_case(), to), "ru"))
    assert "Генеральному прокурору Украины" in body
    assert "Уважаемый господин Генеральный прокурор!" in body
    assert "України" not in body.split("Уважаемый")[1]  # Ukrainian only in the postal address


@pytest.mark.parametrize(
    ("code", "forms"),
    [
        ("KZ", ["Казахстан", "в Казахстане", "Казахстана", "в Казахстан"]),
        ("RU", ["Россия", "в России", "России", "в Россию"]),
        ("UA", ["Украина", "в Украине", "Украины", "в Украину"]),
        ("FR", ["Франция", "во Франции", "Франции", "во Францию"]),
        ("CY", ["Кипр", "на Кипре", "Кипра", "на Кипр"]),
    ],
)
def test_state_names_take_the_russian_cases(code: str, forms: list[str]) -> None:
    assert [state_name(code, "ru", form) for form in range(4)] == forms


def test_the_to_form_of_english_and_french_is_unchanged() -> None:
    assert state_name("RU", "fr", 3) == "vers la Russie"
    assert state_name("RU", "en", 3) == "to Russia"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-05-25", "25 мая 2015 г."),
        ("2014-10", "октябрь 2014 г."),
        ("2013", "2013 г."),
        ("2015-03-01", "1 марта 2015 г."),
    ],
)
def test_russian_dates(value: str, expected: str) -> None:
    assert format_date(value, "ru") == expected


def test_french_and_english_partial_dates_are_unchanged() -> None:
    assert format_date("2014-10", "fr") == "octobre 2014"
    assert format_date("2014-10", "en") == "October 2014"
    assert format_date("2015-03-01", "fr") == "1er mars 2015"


@pytest.mark.parametrize(
    ("name", "gender", "genitive", "dative"),
    [
        ("Мухтар Аблязов", "male", "Мухтара Аблязова", "Мухтару Аблязову"),
        ("Алма Шалабаева", "female", "Алмы Шалабаевой", "Алме Шалабаевой"),
        ("Андрей Жуковский", "male", "Андрея Жуковского", "Андрею Жуковскому"),
        ("Павел Тимошенко", "male", "Павла Тимошенко", "Павлу Тимошенко"),
        ("Ирина Ким", "female", "Ирины Ким", "Ирине Ким"),
        ("Mukhtar Ablyazov", "male", "Mukhtar Ablyazov", "Mukhtar Ablyazov"),
        ("Мухтар Аблязов", None, "Мухтар Аблязов", "Мухтар Аблязов"),
    ],
)
def test_russian_names_decline(name: str, gender: str | None, genitive: str, dative: str) -> None:
    cases = ru_name_cases(name, gender)
    assert (cases["gen"], cases["dat"]) == (genitive, dative)


def test_the_russian_pdf_keeps_its_cyrillic(tmp_path: Path) -> None:
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(to_pdf(_letter()[0], "ru"))
    text = subprocess.run([tool("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Уважаемый господин Премьер-министр!" in flat
    assert "г-на Мухтара Аблязова" in flat
    assert "Минская конвенция" in flat
    assert "Примечания" in flat
    fonts = subprocess.run([tool("pdffonts"), str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "yes" in fonts.split("\n", 2)[2]  # the fonts are embedded
