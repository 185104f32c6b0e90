"""Filed documents keep their original bytes, attachments at every depth included, and stay filed in their case."""

from __future__ import annotations

import hashlib
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import select

from exwatch.logic import cases, documents, review
from exwatch.model.case import CaseFile, Source
from exwatch.store.db import Database
from exwatch.store.review_tables import DocumentRow
from tests.cli.test_ingest_review import LETTER
from tests.factories import case_data

INNER = b"Note of 3 February 2021: Mr Ivan Petrov was arrested in Riga on an INTERPOL red notice.\n"


def _mail(subject: str, body: str, attachment: tuple[bytes, str, str, str]) -> bytes:
    mail = EmailMessage()
    mail["Subject"] = subject
    mail["From"] = "counsel@example.org"
    mail.set_content(body)
    data, maintype, subtype, name = attachment
    mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return mail.as_bytes()


def _store(db: Database) -> str:
    with db.transaction() as session:
        return cases.import_case(session, CaseFile.model_validate(case_data()))


def test_attachments_at_every_depth_are_kept_with_their_bytes(db: Database, tmp_path: Path) -> None:
    case_id = _store(db)
    inner_mail = _mail("Fwd: note", "The note is attached.", (INNER, "text", "plain", "note.txt"))
    outer = tmp_path / "outer.eml"
    outer.write_bytes(_mail("Petrov", LETTER, (inner_mail, "application", "octet-stream", "forwarded.eml")))
    with db.transaction() as session:
        documents.ingest(session, [outer], case_id, False)
    with db.transaction(write=False) as session:
        filed = {d.file_name: d.content for d in documents.case_documents(session, case_id)}
    assert filed == {"outer.eml": outer.read_bytes(), "forwarded.eml": inner_mail, "note.txt": INNER}


def test_a_file_ingested_after_it_came_as_an_attachment_is_one_document_with_its_bytes(
    db: Database, tmp_path: Path
) -> None:
    case_id = _store(db)
    mail = tmp_path / "mail.eml"
    mail.write_bytes(_mail("Petrov", "See the note.", (INNER, "text", "plain", "note.txt")))
    note = tmp_path / "note.txt"
    note.write_bytes(INNER)
    with db.transaction() as session:
        documents.ingest(session, [mail], case_id, False)
        documents.ingest(session, [note], case_id, False)
    with db.transaction(write=False) as session:
        rows = session.scalars(select(DocumentRow).where(DocumentRow.sha256 == hashlib.sha256(INNER).hexdigest()))
        assert [row.content for row in rows] == [INNER]


def test_amending_or_reviewing_a_case_keeps_its_documents_filed(db: Database, tmp_path: Path) -> None:
    case_id = _store(db)
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    with db.transaction() as session:
        filed = documents.ingest(session, [letter], case_id, False)
    with db.transaction() as session:
        cases.add_item(session, case_id, Source(id="report", title="A report"))
        review.decide(session, case_id, review.Decision([], [filed.proposals[0]["id"]], {}))
        review.accept_all(session, case_id)
    with db.transaction(write=False) as session:
        assert [d.file_name for d in documents.case_documents(session, case_id)] == ["letter.txt"]


def test_an_accepted_profile_joins_the_subject_with_its_document_as_source(db: Database, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(
        "Note of 3 February 2021: Mr Ivan Petrov was arrested in Riga. In Tashkent he had been charged with "
        "membership of Hizb ut-Tahrir.\n",
        encoding="utf-8",
    )
    case_id = _store(db)
    with db.transaction() as session:
        documents.ingest(session, [note], case_id, False, "2021-02-03")
        proposed = [p.value for p in review.proposals(session, case_id) if p.kind == "profile"]
        assert [v["profile"] for v in proposed] == ["terrorism_suspect"]
        review.accept_all(session, case_id)
        subject = cases.export_case(session, case_id).subject
    assert "terrorism_suspect" in subject.profiles
    assert proposed[0]["sources"][0]["source"] in {c.source for c in subject.sources}
