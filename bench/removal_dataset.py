"""Build the index of real ECtHR removal cases used to measure the assessment on material it was not written from.

Source: the ECHR dataset of Chalkidis et al. (2019), English judgments with their conclusions, as committed in the
public repository lilf4p/hlt-project (``ECHR_Dataset/EN_{train,dev,test}/ITEMID.json``). Bring the repository here
with the library's ``fetch`` tool, then:

    .venv/bin/python bench/removal_dataset.py --git-dir PATH/TO/lilf4p+hlt-project/repo

It writes ``bench/data/echr_removal.jsonl``: one line per removal case — HUDOC item id, case name, year,
respondent state, the label (did the Court find that removal would breach Art. 3 / Art. 2?), how the label was
read, the development/test split and the exact source (repository, commit, path). It holds no judgment text:
``python -m bench.removal_eval`` reads the texts again from the same source.

Rules, fixed before any result was looked at:
- Items listed in ``../shared/research/reserved_hudoc_ids.txt`` are skipped by their file name, unread.
- A removal case: the conclusion decides Art. 3 (or Art. 2) and either states it conditionally on a removal
  ("Violation of Art. 3 (in case of extradition to Tajikistan)", or from about 2013 "Violation of Article 3 -
  Prohibition of torture (Article 3 - Extradition) (Conditional) (Tajikistan)") — label read ``explicit`` — or
  the facts speak of extradition, expulsion or deportation at least 8 times — label read ``inferred`` (noisier:
  an Art. 3 finding may concern treatment in the respondent state rather than the risk on removal).
- Or a decision whose whole conclusion is "Inadmissible", whose facts speak of removal at least 8 times and name
  Article 3 — label ``no_violation``, read ``inadmissible`` (the Court did not protect; not always on the risk).
- Label: ``violation`` when the conclusion finds a violation of Art. 3 or 2 conditionally on removal (explicit), or
  any violation of Art. 3 (inferred); ``no_violation`` when it finds no violation of Art. 3 and none of Art. 3.
  Items with both or neither are left out.
- Split: ``test`` when the first hex digit of sha256(item id) is 0–4 (about 31 %), else ``development``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_REPO = "lilf4p/hlt-project"
SOURCE_COMMIT = "3bb0fc36a1c5defe0f0122217a82af27998ad6b0"
RESERVED = REPO.parent / "shared" / "research" / "reserved_hudoc_ids.txt"
OUT = REPO / "bench" / "data" / "echr_removal.jsonl"

REMOVAL_WORDS = re.compile(r"\b(?:extradit\w*|deport\w*|expel\w*|expulsion|refoulement)\b", re.IGNORECASE)
CONDITIONAL = re.compile(
    r"(No violation|Violation) of Art\. ([23])\b[^;]*\((?:[^)]*?)(?:extradit|expul|expel|deport|remov|return)"
    r"[^)]*?(?:(?:to|in) ([A-Z][\w' -]+?))?\)",
    re.IGNORECASE,
)
# HUDOC's later wording of the same conclusion (about 2013 on): "Violation of Article 3 - Prohibition of torture
# (Article 3 - Extradition) (Conditional) (Kyrgyzstan)". The first version of this script read only the older
# "Art. 3 (in case of extradition to ...)" form and so missed 63 removal judgments; added before any of them was
# assessed.
# Widened on 2026-12-05, before any of the items it adds was assessed: the same tag without "(Conditional)" — the
# removal had taken place, or the aspect is named ("(Substantive aspect)") — is still the Court's finding on the
# risk of that removal (e.g. Amerkhanov v. Turkey, Kazakhstan; M.E. v. Denmark, Syria).
CONDITIONAL_LATER = re.compile(
    r"(No violation|Violation) of Article ([23]) - [^;(]*\(Article [23] - (?:Extradition|Expulsion|Deportation)\)"
    r"(?: \((?:Conditional|Substantive aspect|Procedural aspect)\))*(?: \(([^)]*)\))?",
    re.IGNORECASE,
)
# Added on 2026-12-05 with the rule above: a decision declaring a removal complaint inadmissible is the final
# authority's refusal to protect (label ``no_violation``, read ``inadmissible``). Most are manifestly ill-founded
# on the risk; some fail on exhaustion or time, so the evaluation reports the figures with and without them.
ARTICLE_3 = re.compile(r"\bArticle 3\b")
MIN_REMOVAL_WORDS = 8


def split_of(item_id: str) -> str:
    return "test" if hashlib.sha256(item_id.encode()).hexdigest()[0] in "01234" else "development"


def label(conclusion: str, text: str) -> tuple[str, str, str | None] | None:
    """(label, basis, destination) for a removal case, or None when the item is not one or is ambiguous."""
    explicit = CONDITIONAL.findall(conclusion) + CONDITIONAL_LATER.findall(conclusion)
    if explicit:
        kinds = {kind.lower() for kind, _article, _dest in explicit}
        if len(kinds) != 1:
            return None
        destination = explicit[0][2].strip() or None
        return ("violation" if kinds == {"violation"} else "no_violation", "explicit", destination)
    if len(REMOVAL_WORDS.findall(text)) < MIN_REMOVAL_WORDS:
        return None
    if conclusion.strip() == "Inadmissible":
        return ("no_violation", "inadmissible", None) if ARTICLE_3.search(text) else None
    violation = re.search(r"(?<!No )(?<!no )Violation of Art\. 3\b", conclusion) is not None
    no_violation = re.search(r"No violation of Art\. 3\b", conclusion) is not None
    if violation == no_violation:
        return None
    return ("violation" if violation else "no_violation", "inferred", None)


def blobs(git_dir: Path) -> list[tuple[str, str]]:
    """(blob id, path) of the English judgments at the source commit (anonymised copies left out)."""
    listing = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-r", SOURCE_COMMIT, "ECHR_Dataset"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = []
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        if re.fullmatch(r"ECHR_Dataset/EN_(?:train|dev|test)/\d{3}-\d+\.json", path):
            found.append((meta.split()[2], path))
    return found


def read_blobs(git_dir: Path, ids: list[str]) -> list[bytes]:
    """The contents of several blobs through one ``git cat-file --batch``."""
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
        input="\n".join(ids).encode() + b"\n",
        capture_output=True,
        check=True,
    ).stdout
    contents, pos = [], 0
    while pos < len(out):
        end = out.index(b"\n", pos)
        size = int(out[pos:end].split()[2])
        contents.append(out[end + 1 : end + 1 + size])
        pos = end + 1 + size + 1
    return contents


def reserved_ids() -> set[str]:
    if not RESERVED.exists():
        raise SystemExit(f"{RESERVED} is missing: the reserved items cannot be excluded, so nothing is built")
    return set(re.findall(r"\d{3}-\d+", RESERVED.read_text(encoding="utf-8")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--git-dir", type=Path, required=True, help="git directory of lilf4p/hlt-project")
    args = parser.parse_args()
    reserved = reserved_ids()
    listed = blobs(args.git_dir)
    kept = [(blob, path) for blob, path in listed if Path(path).stem not in reserved]  # never read a reserved item
    rows = []
    for (_blob, path), content in zip(kept, read_blobs(args.git_dir, [b for b, _ in kept]), strict=True):
        item = json.loads(content)
        found = label(item.get("CONCLUSION", ""), " ".join(item.get("TEXT", [])))
        if found is None:
            continue
        verdict, basis, destination = found
        rows.append(
            {
                "id": item["ITEMID"],
                "name": item["DOCNAME"],
                "year": item["DATE"],
                "respondent": item["RESPONDENT"],
                "label": verdict,
                "label_basis": basis,
                "destination": destination,
                "conclusion": item["CONCLUSION"],
                "split": split_of(item["ITEMID"]),
                "source": {"repository": SOURCE_REPO, "commit": SOURCE_COMMIT, "path": path},
            }
        )
    rows.sort(key=lambda r: r["id"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(listed)} judgments read, {len(listed) - len(kept)} reserved items skipped unread")
    print(f"{'split':<12} {'violation':>9} {'no_violation':>12} {'explicit':>8} {'inadmissible':>12}")
    for split in ("development", "test"):
        part = [r for r in rows if r["split"] == split]
        print(
            f"{split:<12} {sum(r['label'] == 'violation' for r in part):>9} "
            f"{sum(r['label'] == 'no_violation' for r in part):>12} "
            f"{sum(r['label_basis'] == 'explicit' for r in part):>8} "
            f"{sum(r['label_basis'] == 'inadmissible' for r in part):>12}"
        )
    print(f"wrote {OUT.relative_to(REPO)} ({len(rows)} cases)")


if __name__ == "__main__":
    main()
