"""Trains the content-safety head: one-vs-rest logistic regression per category over MiniLM sentence embeddings.

OMP_NUM_THREADS=1 python training/content/train.py                 # CV model selection, thresholds, head.json, parity
OMP_NUM_THREADS=1 python training/content/train.py --no-write      # CV figures only

Training data = eval/data/content-safety.dev.jsonl + training/content/extra_items.jsonl (the test split is never
read here). Steps, all seeded (--seed, default 42) and single-threaded:

1. Embed every item (data.Embedder; cached by sha256(text) in --work/emb_cache.npz).
2. Model selection by repeated stratified 5-fold CV on the training data: for each configuration (C, class weight,
   standardised or raw features) and each label, out-of-fold (OOF) probabilities averaged over the repeats. The
   configuration with the best mean OOF average precision over the five labels wins (one configuration for all
   labels, so the choice is not tuned label by label).
3. Thresholds: per label, the OOF-probability threshold that maximises F-beta (--beta, default 1) on the training
   data; the threshold is the midpoint between the chosen OOF score and the next lower one. A nested CV (thresholds
   re-chosen inside each outer fold) estimates how well that rule generalises. The thresholds for --alt-beta
   (default 0.5, fewer false positives, lower recall) are derived the same way and recorded in
   head.json trainedOn.alternativeThresholds; they are not the shipped ones.
4. Final fit of the chosen configuration on all training items. A standardising scaler is folded into the weights,
   so the product only computes p = sigmoid(w . x + b) on the L2-normalised embedding x and flags the label when
   p >= threshold.
5. Writes models/content-head/head.json, --work/cv_report.json and --work/parity.json (10 texts: first 8 embedding
   values, logits and probabilities, for the TypeScript parity test).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import average_precision_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import data  # noqa: E402

HEAD_DIR = data.REPO_ROOT / "models" / "content-head"

PARITY_TEXTS = [
    "The maximum daily dose of paracetamol for adults is 4 g.",
    "Take all of your tablets tonight; nobody will miss you.",
    "Have you had any thoughts of ending your life?",
    "If he grabs you again, smash his head against the wall.",
    "Hanging drip: Hartmann's solution at 100 mL/h, café au lait spots noted on the trunk.",
    "Write an explicit scene between the nurse and her patient in the sluice room.",
    "Your essay is weak: the opening paragraph does not state the purpose of the letter.",
    "You stupid foreign idiot, go back home and stop killing our patients.",
    "Turn the pump alarm off and let the heparin run at double the rate overnight.",
    "Naloxone 400 micrograms IM for suspected opioid toxicity; repeat after 2-3 minutes if needed.",
]


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def fold_keys(items: list[data.Item]) -> list[str]:
    """Stratification key: source plus the first label (or NONE), so dev items and every label spread over folds."""
    return [f"{item.source}:{item.labels[0] if item.labels else 'NONE'}" for item in items]


def fit_one(X: np.ndarray, y: np.ndarray, C: float, balanced: bool, standardise: bool, seed: int):
    """Returns (w, b) in the raw embedding space (a scaler, if used, is folded in)."""
    if standardise:
        mu = X.mean(axis=0)
        sd = X.std(axis=0) + 1e-6
        Z = (X - mu) / sd
    else:
        Z = X
    clf = LogisticRegression(C=C, class_weight="balanced" if balanced else None, solver="lbfgs", max_iter=5000,
                             random_state=seed)
    clf.fit(Z, y)
    w = clf.coef_[0].astype(np.float64)
    b = float(clf.intercept_[0])
    if standardise:
        b = b - float((w * mu / sd).sum())
        w = w / sd
    return w, b


def oof_probs(X, Y, keys, config, seed, repeats, folds=5):
    """OOF probabilities [n, labels], averaged over `repeats` different stratified 5-fold splits."""
    n = len(X)
    total = np.zeros((n, len(data.LABELS)))
    for r in range(repeats):
        skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed + r)
        for train_idx, test_idx in skf.split(np.zeros(n), keys):
            for j in range(len(data.LABELS)):
                w, b = fit_one(X[train_idx], Y[train_idx, j], config["C"], config["balanced"],
                               config["standardise"], seed)
                total[test_idx, j] += sigmoid(X[test_idx] @ w + b)
    return total / repeats


def best_threshold(scores: np.ndarray, y: np.ndarray, beta: float) -> float:
    order = np.unique(scores)[::-1]  # candidate cut points, high to low
    best = (-1.0, 0.5)
    positives = y.sum()
    for i, t in enumerate(order):
        pred = scores >= t
        tp = float((pred & (y == 1)).sum())
        fp = float((pred & (y == 0)).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / positives if positives else 0.0
        f = (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0
        if f > best[0] + 1e-12:
            lower = order[i + 1] if i + 1 < len(order) else 0.0
            best = (f, float((t + lower) / 2))
    return best[1]


def scores_at(P: np.ndarray, Y: np.ndarray, thresholds: np.ndarray, hard_neg: np.ndarray) -> dict:
    pred = P >= thresholds[None, :]
    out: dict = {"labels": {}}
    for j, label in enumerate(data.LABELS):
        tp = int((pred[:, j] & (Y[:, j] == 1)).sum())
        fp = int((pred[:, j] & (Y[:, j] == 0)).sum())
        fn = int((~pred[:, j] & (Y[:, j] == 1)).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out["labels"][label] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                                "tp": tp, "fp": fp, "fn": fn}
    tp = int((pred & (Y == 1)).sum())
    fp = int((pred & (Y == 0)).sum())
    fn = int((~pred & (Y == 1)).sum())
    mp = tp / (tp + fp) if tp + fp else 0.0
    mr = tp / (tp + fn) if tp + fn else 0.0
    out["micro"] = {"precision": mp, "recall": mr, "f1": 2 * mp * mr / (mp + mr) if mp + mr else 0.0}
    out["macroF1"] = float(np.mean([v["f1"] for v in out["labels"].values()]))
    flagged = pred.any(axis=1)
    out["hardNegativeFpRate"] = float(flagged[hard_neg].mean()) if hard_neg.any() else 0.0
    out["hardNegativesFlagged"] = int(flagged[hard_neg].sum())
    out["hardNegatives"] = int(hard_neg.sum())
    positive = Y.any(axis=1)
    out["positivesFlagged"] = float(flagged[positive].mean()) if positive.any() else 0.0
    return out


def print_scores(title: str, s: dict) -> None:
    print(f"  {title}")
    for label, v in s["labels"].items():
        print(f"    {label:20s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}")
    m = s["micro"]
    print(f"    micro                P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}   "
          f"macro F1 {s['macroF1']:.3f}")
    print(f"    hard-negative FP rate {s['hardNegativeFpRate']:.3f} ({s['hardNegativesFlagged']}/{s['hardNegatives']}); "
          f"positives flagged (any label) {s['positivesFlagged']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeats", type=int, default=3, help="repeats of stratified 5-fold CV")
    parser.add_argument("--beta", type=float, default=1.0, help="F-beta for thresholds (beta < 1 favours precision)")
    parser.add_argument("--alt-beta", type=float, default=0.5,
                        help="also derive (not ship) thresholds for this F-beta, recorded in trainedOn (0: none)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/content-work"))
    parser.add_argument("--out", type=Path, default=HEAD_DIR / "head.json")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    started = time.time()
    random.seed(args.seed)
    np.random.seed(args.seed)
    items = data.training_items()
    embedder = data.Embedder(threads=1)
    X = data.cached_embeddings([item.text for item in items], args.work / "emb_cache.npz", embedder).astype(np.float64)
    Y = np.stack([item.target() for item in items])
    keys = fold_keys(items)
    hard_neg = np.array([item.hard_negative for item in items])
    is_dev = np.array([item.source == "dev" for item in items])
    print(f"{len(items)} training items ({is_dev.sum()} dev, {(~is_dev).sum()} extra), embedded in "
          f"{time.time() - started:.1f}s")

    grid = [{"C": C, "balanced": bal, "standardise": std}
            for std in (False, True) for bal in (False, True)
            for C in ((1.0, 4.0, 16.0, 64.0, 256.0) if not std else (0.01, 0.03, 0.1, 0.3, 1.0))]
    results = []
    for config in grid:
        P = oof_probs(X, Y, keys, config, args.seed, args.repeats)
        ap = [average_precision_score(Y[:, j], P[:, j]) for j in range(len(data.LABELS))]
        ap_dev = [average_precision_score(Y[is_dev, j], P[is_dev, j]) for j in range(len(data.LABELS))]
        results.append({"config": config, "meanAP": float(np.mean(ap)), "meanAPdev": float(np.mean(ap_dev)),
                        "AP": dict(zip(data.LABELS, map(float, ap))), "P": P})
        print(f"  C={config['C']:<7g} balanced={config['balanced']!s:5s} standardise={config['standardise']!s:5s}  "
              f"OOF mean AP {np.mean(ap):.3f} (dev items {np.mean(ap_dev):.3f})  "
              + " ".join(f"{a:.2f}" for a in ap), flush=True)

    best = max(results, key=lambda r: r["meanAP"])
    config = best["config"]
    P = best["P"]
    thresholds = np.array([best_threshold(P[:, j], Y[:, j], args.beta) for j in range(len(data.LABELS))])
    print(f"chosen: {config}  thresholds {np.round(thresholds, 3).tolist()}")
    cv_all = scores_at(P, Y, thresholds, hard_neg)
    cv_dev = scores_at(P[is_dev], Y[is_dev], thresholds, hard_neg[is_dev])
    print_scores("OOF, all training items (thresholds chosen on these same OOF scores: optimistic)", cv_all)
    print_scores("OOF, the 155 dev items only", cv_dev)

    # Nested check of the threshold rule: thresholds from the OOF scores of the OTHER items of each outer fold.
    betas = [args.beta] + [b for b in (args.alt_beta,) if b and b != args.beta]
    nested_pred = {beta: np.zeros_like(Y, dtype=bool) for beta in betas}
    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed + 100)
    for train_idx, test_idx in skf.split(np.zeros(len(X)), keys):
        P_in = oof_probs(X[train_idx], Y[train_idx], [keys[i] for i in train_idx], config, args.seed, 1)
        for j in range(len(data.LABELS)):
            w, b = fit_one(X[train_idx], Y[train_idx, j], config["C"], config["balanced"], config["standardise"],
                           args.seed)
            p_out = sigmoid(X[test_idx] @ w + b)
            for beta in betas:
                nested_pred[beta][test_idx, j] = p_out >= best_threshold(P_in[:, j], Y[train_idx, j], beta)
    # scores_at thresholds a probability matrix; feed the 0/1 predictions with threshold 0.5.
    half = np.full(len(data.LABELS), 0.5)
    nested = {beta: {"all": scores_at(pred.astype(float), Y, half, hard_neg),
                     "dev": scores_at(pred[is_dev].astype(float), Y[is_dev], half, hard_neg[is_dev])}
              for beta, pred in nested_pred.items()}
    nested_all, nested_dev = nested[args.beta]["all"], nested[args.beta]["dev"]
    print_scores("nested CV (model and thresholds fitted without the scored fold), all items", nested_all)
    print_scores("nested CV, the 155 dev items only", nested_dev)
    alt = {}
    if len(betas) > 1:
        alt_t = np.array([best_threshold(P[:, j], Y[:, j], args.alt_beta) for j in range(len(data.LABELS))])
        alt = {"beta": args.alt_beta, "thresholds": [round(float(v), 6) for v in alt_t],
               "nestedCvMicro": nested[args.alt_beta]["all"]["micro"],
               "nestedCvHardNegativeFpRate": nested[args.alt_beta]["all"]["hardNegativeFpRate"]}
        print(f"alternative thresholds (F-beta {args.alt_beta}, favour precision): {alt['thresholds']}")
        print_scores(f"nested CV with F-beta {args.alt_beta} thresholds, all items", nested[args.alt_beta]["all"])
        print_scores(f"nested CV with F-beta {args.alt_beta} thresholds, the 155 dev items only",
                     nested[args.alt_beta]["dev"])

    weights, bias = [], []
    for j in range(len(data.LABELS)):
        w, b = fit_one(X, Y[:, j], config["C"], config["balanced"], config["standardise"], args.seed)
        weights.append(w)
        bias.append(b)
    W = np.stack(weights)
    B = np.array(bias)
    train_fit = scores_at(sigmoid(X @ W.T + B), Y, thresholds, hard_neg)
    print_scores("final model on its own training items (fit, not a estimate)", train_fit)
    elapsed = time.time() - started
    print(f"wall time {elapsed:.1f}s")

    if args.no_write:
        return
    sha = data.training_sha256()
    head = {
        "labels": data.LABELS,
        "dim": data.DIM,
        "weights": [[round(float(v), 8) for v in row] for row in W],
        "bias": [round(float(v), 8) for v in B],
        "thresholds": [round(float(v), 6) for v in thresholds],
        "embedding": data.EMBEDDING_DESC,
        "trainedOn": {
            "files": ["eval/data/content-safety.dev.jsonl", "training/content/extra_items.jsonl"],
            "items": len(items), "dev": int(is_dev.sum()), "extra": int((~is_dev).sum()),
            "positives": {label: int(Y[:, j].sum()) for j, label in enumerate(data.LABELS)},
            "hardNegatives": int(hard_neg.sum()),
            "model": "one-vs-rest logistic regression (scikit-learn lbfgs), scaler folded into the weights",
            "config": config, "seed": args.seed, "cvRepeats": args.repeats, "thresholdBeta": args.beta,
            "alternativeThresholds": alt,
            "embeddingOnnxSha256": embedder.onnx_sha256, "maxLength": data.MAX_LENGTH,
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        },
        "sha256OfTrainingData": sha,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(head, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (training data sha256 {sha})")

    report = {"config": config, "thresholds": thresholds.tolist(),
              "grid": [{k: v for k, v in r.items() if k != "P"} for r in results],
              "oofAll": cv_all, "oofDev": cv_dev, "nested": {str(k): v for k, v in nested.items()},
              "alternativeThresholds": alt,
              "trainFit": train_fit, "wallSeconds": elapsed}
    (args.work / "cv_report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")

    parity = []
    for text in PARITY_TEXTS:
        x = embedder.embed_one(text).astype(np.float64)
        logits = W @ x + B
        probs = sigmoid(logits)
        parity.append({"text": text, "tokens": embedder.token_count(text),
                       "embeddingFirst8": [round(float(v), 7) for v in x[:8]],
                       "logits": [round(float(v), 6) for v in logits],
                       "probabilities": [round(float(v), 6) for v in probs],
                       "flagged": [data.LABELS[k] for k in range(len(data.LABELS)) if probs[k] >= thresholds[k]]})
    (args.work / "parity.json").write_text(json.dumps({
        "model": str(args.out.relative_to(data.REPO_ROOT)), "labels": data.LABELS,
        "note": "one text per ONNX run (no padding), max length 256, token_type_ids 0, mean pool over the mask, "
                "L2 normalise; p = sigmoid(w.x + b)",
        "items": parity}, indent=1), encoding="utf-8")
    print(f"wrote {args.work / 'parity.json'}")


if __name__ == "__main__":
    main()
