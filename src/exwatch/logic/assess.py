"""Assessing a stored case (what ``exwatch assess`` and the web application call)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from exwatch.assess.assessment import Assessment, assess_case
from exwatch.logic import cases


def assess(session: Session, case_id: str, as_of: dt.date) -> Assessment:
    return assess_case(cases.export_case(session, case_id), as_of)
