"""Documents → case → assessment on the real court documents, against the outcome the court reached.

Run: .venv/bin/python bench/end_to_end.py   (reads ../shared/corpus; EXWATCH_SHARED_DIR overrides)
For each document: the header that states the outcome is stripped; the text is ingested into a new case in a
throwaway SQLite store; every complete proposal is accepted as a reviewer in a hurry would; the case is assessed
as of the end of the year before the decision; ``protection_warranted`` is compared with the Court's finding of a
violation of Article 3 if removed. Nothing here is tuned to these documents.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore")

from exwatch.assess.assessment import assess_case  # noqa: E402
from exwatch.logic import cases  # noqa: E402
from exwatch.logic.documents import ingest  # noqa: E402
from exwatch.logic.review import accept_all  # noqa: E402
from exwatch.store.db import open_database  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EXWATCH_SHARED_DIR", REPO.parent / "shared"))


def main() -> None:
    corpus = SHARED / "corpus"
    if not (corpus / "index.jsonl").exists():
        print(f"no corpus at {corpus}: set EXWATCH_SHARED_DIR to the shared folder")
        return
    rows = [json.loads(line) for line in (corpus / "index.jsonl").read_text(encoding="utf-8").splitlines() if line]
    work = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{work / 'e2e.sqlite3'}")
    results = []
    started = time.perf_counter()
    for row in rows:
        if row.get("court_or_body") != "European Court of Human Rights" or "torture_risk_found" not in row:
            continue
        path = next(
            (corpus / sub / f"{row['id']}.txt" for sub in ("en", "fr") if (corpus / sub / f"{row['id']}.txt").exists()),
            None,
        )
        if path is None:
            continue
        text = path.read_text(encoding="utf-8").split("=====", 1)[-1].lstrip("=\n")
        clean = work / f"{row['id']}.txt"
        clean.write_text(text, encoding="utf-8")
        year = int(str(row["date"])[:4])
        with db.transaction() as session:
            filed = ingest(session, [clean], None, True)
            accept_all(session, filed.case_id)
            case = cases.export_case(session, filed.case_id)
        warranted = assess_case(case, dt.date(year - 1, 12, 31)).conclusion.protection_warranted
        expected = row["torture_risk_found"] is True
        results.append((row["id"], expected, warranted))
    elapsed = time.perf_counter() - started
    db.close()
    width = max(len(r[0]) for r in results)
    print(f"{'document':<{width}}  Art.3 found  protection_warranted  agree")
    for doc, expected, got in results:
        print(f"{doc:<{width}}  {expected!s:<11}  {got!s:<20} {'yes' if expected == got else 'NO'}")
    agree = sum(e == g for _, e, g in results)
    pos = [r for r in results if r[1]]
    neg = [r for r in results if not r[1]]
    print(
        f"\n{len(results)} ECtHR documents: agreement {agree}/{len(results)} ({agree / len(results):.0%}); "
        f"violations flagged {sum(g for _, _, g in pos)}/{len(pos)}, "
        f"no-violation cases not flagged {sum(not g for _, _, g in neg)}/{len(neg)}; {elapsed:.1f} s"
    )


if __name__ == "__main__":
    main()
