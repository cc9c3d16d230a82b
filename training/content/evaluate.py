"""Scores models/content-head/head.json on a labelled split: per-label precision/recall/F1, micro P/R/F1 and the
hard-negative false-positive rate (share of hard negatives given any label). Prints figures only, never item text.

OMP_NUM_THREADS=1 python training/content/evaluate.py                 # the held-out test split (report once)
OMP_NUM_THREADS=1 python training/content/evaluate.py --split dev     # the dev split (TRAINING data: a fit check)

The shipped thresholds are head.json `thresholds`; the figures for the pre-declared alternative set
(trainedOn.alternativeThresholds, F-beta 0.5) are printed too, for information. Nothing here feeds back into training.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import data  # noqa: E402
from train import HEAD_DIR, print_scores, scores_at, sigmoid  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["test", "dev", "extra"], default="test")
    parser.add_argument("--head", type=Path, default=HEAD_DIR / "head.json")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    head = json.loads(args.head.read_text(encoding="utf-8"))
    assert head["labels"] == data.LABELS and head["dim"] == data.DIM
    W = np.array(head["weights"], dtype=np.float64)
    B = np.array(head["bias"], dtype=np.float64)
    thresholds = np.array(head["thresholds"], dtype=np.float64)
    path = {"test": data.TEST_FILE, "dev": data.DEV_FILE, "extra": data.EXTRA_FILE}[args.split]
    items = data.read_items(path, args.split)
    if args.split != "test":
        print(f"NOTE: '{args.split}' is training data for this head; these figures are a fit check, not an estimate.")
    if data.training_sha256() != head["sha256OfTrainingData"]:
        print("WARNING: the training files changed since head.json was written (sha256 differs).")

    embedder = data.Embedder(threads=1)
    X = embedder.embed([item.text for item in items]).astype(np.float64)
    Y = np.stack([item.target() for item in items])
    hard_neg = np.array([item.hard_negative for item in items])
    P = sigmoid(X @ W.T + B)
    result = {"split": args.split, "items": len(items), "shipped": scores_at(P, Y, thresholds, hard_neg)}
    print(f"{args.split}: {len(items)} items, {int(hard_neg.sum())} hard negatives, "
          f"{int(Y.any(axis=1).sum())} positives")
    print_scores(f"shipped thresholds {np.round(thresholds, 3).tolist()}", result["shipped"])
    alt = head.get("trainedOn", {}).get("alternativeThresholds") or {}
    if alt.get("thresholds"):
        t_alt = np.array(alt["thresholds"], dtype=np.float64)
        result["alternative"] = scores_at(P, Y, t_alt, hard_neg)
        print_scores(f"alternative thresholds (F-beta {alt['beta']}) {np.round(t_alt, 3).tolist()}",
                     result["alternative"])
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
