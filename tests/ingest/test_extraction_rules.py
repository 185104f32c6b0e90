"""Extraction rules on short texts in English, French and Russian."""

from __future__ import annotations

from exwatch.ingest import IngestResult, ingest_bytes


def _ingest(text: str, date: str | None = None) -> IngestResult:
    return ingest_bytes(text.encode("utf-8"), "t.txt", date)


def _roles(result: IngestResult) -> set[tuple[str, str]]:
    return {(p.value["state"], r) for p in result.proposals if p.kind == "state_role" for r in p.value["roles"]}


def _events(result: IngestResult) -> set[tuple[str, str]]:
    return {(p.value["action"], p.value["date"]) for p in result.proposals if p.kind == "event"}


def test_french_roles_and_events() -> None:
    result = _ingest(
        "M. Moukhtar Abliazov a été arrêté en France le 31 juillet 2013 à la demande des autorités russes. "
        "Le 24 octobre 2014, la chambre de l'instruction de la cour d'appel de Lyon a donné un avis favorable."
    )
    assert result.document.language == "fr"
    assert {("FR", "custodial"), ("RU", "requesting")} <= _roles(result)
    assert {("arrest", "2013-07-31"), ("opinion", "2014-10-24")} <= _events(result)


def test_russian_roles_and_events() -> None:
    result = _ingest(
        "Господин Аблязов был задержан во Франции 31 июля 2013 года по запросу России и Украины "
        "в сотрудничестве с Казахстаном."
    )
    assert result.document.language == "ru"
    assert {("FR", "custodial"), ("RU", "requesting"), ("UA", "requesting"), ("KZ", "persecuting")} <= _roles(result)
    assert ("arrest", "2013-07-31") in _events(result)
    names = {p.value["name"]: p.value["kind"] for p in result.proposals if p.kind == "name"}
    assert names["Аблязов"] == "primary"
    assert names["Ablyazov"] == "transliteration"


def test_state_before_the_verb_requests() -> None:
    result = _ingest("On 11 September 2008 the Tajikistani Prosecutor General's Office requested his extradition.")
    assert ("TJ", "requesting") in _roles(result)
    requests = {(p.value["kind"], p.value["issuer"]) for p in result.proposals if p.kind == "request"}
    assert ("extradition_request", "TJ") in requests


def test_interim_measure_and_cassation_in_france() -> None:
    result = _ingest(
        "On 10 August 2009 the Court indicated to the Government under Rule 39 of the Rules of Court that the "
        "applicant should not be extradited. On 4 March 2015 the Cour de cassation dismissed his appeal."
    )
    events = {p.value["action"]: p.value for p in result.proposals if p.kind == "event"}
    assert events["interim_measure"]["jurisdiction"] == "ECTHR"
    assert events["cassation"]["jurisdiction"] == "FR"


def test_charges_need_a_charge_context() -> None:
    charged = _ingest("In June 2009 the applicant was charged in absentia with fraud and money laundering.")
    report = _ingest("Fraud is widespread in the banking sector, the report said.")
    assert {p.value["charge"] for p in charged.proposals if p.kind == "charge"} == {"fraud", "money laundering"}
    assert not [p for p in report.proposals if p.kind == "charge"]


def test_events_of_other_people_are_not_proposed() -> None:
    result = _ingest("In 2007 law enforcement bodies continued to arrest individuals; many were arrested in 2008.")
    assert not [p for p in result.proposals if p.kind == "event"]


def test_refugee_status_and_torture_facts() -> None:
    result = _ingest(
        "The applicant was granted refugee status in Germany in 2012. He alleged that he had been tortured by "
        "the police in Uzbekistan."
    )
    facts = {p.value["kind"] for p in result.proposals if p.kind == "fact"}
    assert {"refugee_status", "ill_treatment_alleged"} <= facts


def test_undated_event_needs_review_rather_than_a_guess() -> None:
    result = _ingest("The applicant was arrested at the airport.")
    assert not [p for p in result.proposals if p.kind == "event"]


def test_an_expulsion_names_the_state_of_removal_not_a_requesting_state() -> None:
    en = _ingest("The Migration Board ordered the applicant's expulsion to Iran. He was later deported to Iraq.")
    assert {("IR", "destination"), ("IQ", "destination")} <= _roles(en)
    assert not {("IR", "requesting"), ("IR", "persecuting")} & _roles(en)
    fr = _ingest("Le préfet a ordonné son éloignement vers la Tunisie.")
    assert ("TN", "destination") in _roles(fr)
    ru = _ingest("Суд постановил о выдворении заявителя в Узбекистан.")
    assert ("UZ", "destination") in _roles(ru)
