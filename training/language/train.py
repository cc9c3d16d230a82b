"""Trains the ELLIPSE language-trait head: linear regression from measured features (+ essay embedding) to the six traits.

  npx tsc -p tsconfig.json && node dist/eval/ellipseFeatures.js /tmp/ellipse-features.jsonl
  OMP_NUM_THREADS=1 /tmp/lang-venv/bin/python training/language/train.py /tmp/ellipse-features.jsonl           # CV + write
  OMP_NUM_THREADS=1 /tmp/lang-venv/bin/python training/language/train.py /tmp/ellipse-features.jsonl --no-write
  # with language-model likelihood features (node dist/eval/ellipseLikelihood.js /tmp/ellipse-likelihood.jsonl):
  OMP_NUM_THREADS=1 /tmp/lang-venv/bin/python training/language/train.py /tmp/ellipse-features.jsonl --likelihood /tmp/ellipse-likelihood.jsonl

Data: ../shared/data/ellipse/ellipse_calibration.csv (1,000 ELLIPSE essays, CC BY-NC-SA 4.0: non-commercial; the
fitted parameters are a derivative and carry that licence). Steps, seeded (--seed) and single-threaded:

1. 5-fold CV (shuffled KFold, fixed seed) of the candidate heads; every candidate picks its ridge alpha per trait
   by leave-one-out GCV inside each training fold only (RidgeCV), predictions are clipped to [1, 5] as served.
   Prints per-trait RMSE and MCRMSE (mean of the six RMSEs) for each candidate and the constant (train-mean) guess.
2. The best candidate of each head kind present (features+embedding+likelihood, features+likelihood with --likelihood;
   features+embedding; features) is refit on all essays and written
   to models/language-traits/head.json as  y = W . ((x - mean) / scale) + b  per head (block weights folded into
   the scales), with the model card and test/fixtures/language-traits-parity.json (5 essays, inputs and outputs).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from sklearn.linear_model import RidgeCV  # noqa: E402
from sklearn.model_selection import KFold  # noqa: E402

TRAITS = ["cohesion", "syntax", "vocabulary", "phraseology", "grammar", "conventions"]
ALPHAS = np.logspace(-1, 5, 31)
ROOT = Path(__file__).resolve().parents[2]
N_FEATURES = 0


def load(path: str):
    rows = [json.loads(line) for line in open(path, encoding="utf8") if line.strip()]
    names = list(rows[0]["features"].keys())
    feats = np.array([[r["features"][n] for n in names] for r in rows], dtype=np.float64)
    emb = np.array([r["embedding"] for r in rows], dtype=np.float64) if rows[0]["embedding"] is not None else None
    y = np.array([[r[t] for t in TRAITS] for r in rows], dtype=np.float64)
    return rows, names, feats, emb, y


def load_likelihood(path: str, rows):
    """LM likelihood features (eval/ellipseLikelihood.js), one line per CSV row, in the features file's row order."""
    lines = sorted((json.loads(line) for line in open(path, encoding="utf8") if line.strip()), key=lambda r: r["row"])
    if [r["row"] for r in lines] != list(range(len(rows))) or any(a["id"] != b["id"] for a, b in zip(lines, rows)):
        raise SystemExit(f"{path}: rows do not match the features file (rerun ellipseLikelihood.js to completion)")
    names = list(lines[0]["likelihood"].keys())
    for r, line in zip(rows, lines):
        r["likelihood"] = line["likelihood"]
    return names, np.array([[r["likelihood"][n] for n in names] for r in lines], dtype=np.float64)


class LinearHead:
    """Standardise, scale blocks, clip z, ridge with one alpha per trait. Everything exportable as mean/scale/W/b."""

    def __init__(self, blocks: list[tuple[int, float]], clip: float | None):
        self.blocks, self.clip = blocks, clip  # (width, block weight) in input order

    def _z(self, x):
        z = (x - self.mean) / self.scale
        return np.clip(z, -self.clip, self.clip) if self.clip else z

    def fit(self, x, y):
        self.mean = x.mean(0)
        sd = x.std(0)
        sd[sd < 1e-9] = 1.0
        weights = np.concatenate([np.full(w, b) for w, b in self.blocks])
        # z * weight == (x - mean) / (sd / weight): the block weight lives in the exported scale.
        self.scale = sd / weights
        self.model = RidgeCV(alphas=ALPHAS, alpha_per_target=True).fit(self._z(x), y)
        return self

    def predict(self, x):
        return self.model.predict(self._z(x))

    def export(self, names):
        return {
            "inputs": names,
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "clip": self.clip,
            "weights": self.model.coef_.tolist(),
            "bias": self.model.intercept_.tolist(),
            "alphas": self.model.alpha_.tolist(),
        }


def rmse(pred, y):
    return np.sqrt(((pred - y) ** 2).mean(0))


def cv(make, x, y, seed):
    pred = np.zeros_like(y)
    for tr, te in KFold(5, shuffle=True, random_state=seed).split(x):
        pred[te] = np.clip(make().fit(x[tr], y[tr]).predict(x[te]), 1, 5)
    return rmse(pred, y)


class Constant:
    def fit(self, x, y):
        self.m = y.mean(0)
        return self

    def predict(self, x):
        return np.tile(self.m, (len(x), 1))


def model_card(results, chosen, sha, size, n, seed) -> str:
    table = "| candidate | " + " | ".join(TRAITS) + " | MCRMSE |\n|---|" + "---:|" * 7 + "\n"
    for label, (_, r) in results.items():
        mark = " (shipped)" if label in chosen.values() else ""
        table += f"| {label}{mark} | " + " | ".join(f"{v:.3f}" for v in r) + f" | {r.mean():.4f} |\n"
    shipped = ", ".join(f"{k} MCRMSE **{results[v][1].mean():.4f}**" for k, v in chosen.items())
    lm = "features+likelihood" in chosen or "features+embedding+likelihood" in chosen
    lm_inputs = (" and, when a `logprobs` scorer is given, 8 language-model likelihood features (`likelihoodFeatures`: mean, "
                 "10th/25th/50th percentile of token log-probabilities under SmolLM2-135M-Instruct Q4_1, share below -8 and -12, "
                 "mean per-sentence minimum, sd of sentence means; first 384 tokens; `llamaTokenLogprobs`, top-1000 renormalised)") if lm else ""
    lm_eval = " and eval/ellipseLikelihood.ts" if lm else ""
    heads_list = ", ".join(f"`{k}`" for k in chosen)
    lm_when = " and no scorer" if lm else ""
    lm_cmd = "node dist/eval/ellipseLikelihood.js /tmp/ellipse-likelihood.jsonl   # 1.4-3 s/essay (~350 tokens) on 2 shared CPU threads\n" if lm else ""
    lm_arg = " --likelihood /tmp/ellipse-likelihood.jsonl" if lm else ""
    return f"""# language-traits: ELLIPSE analytic-trait head

**Licence: CC BY-NC-SA 4.0 — non-commercial use only.** These parameters are fitted to the ELLIPSE corpus
(Crossley et al. 2023, CC BY-NC-SA 4.0) and are a derivative of it: they carry that licence, and every result the
engine returns from them is labelled `commercialUse: false`.

## What it does

`LanguageAssessor.assess(text)` (src/evaluation/language) predicts the six ELLIPSE analytic traits — cohesion,
syntax, vocabulary, phraseology, grammar, conventions, each 1–5 — of an English text, clipped to [1, 5] and rounded
to 2 decimals. Inputs: {N_FEATURES} measured features (`languageFeatures`: length, sentence shape, word length, lexical diversity,
misspellings against en-US and en-GB Hunspell, conventions, learner-error patterns, cohesive devices) and the essay
embedding (`embedText`: all-MiniLM-L6-v2 int8, the word-weighted mean of <=200-word sentence chunks,
L2-normalised){lm_inputs}. The same TypeScript computes them for training (eval/ellipseFeatures.ts{lm_eval}) and serving.

Linear heads (ridge, one alpha per trait chosen by leave-one-out GCV): {heads_list}; the assessor uses the first whose
inputs it has (`features` when no encoder{lm_when} is given) and the result's `head` says which. Each is
`y = W . clip((x - mean) / scale, ±clip) + b`; block weights are folded into `scale`.

## Data

ELLIPSE test split, random 1,000-essay calibration subset (../shared/data/ellipse/ellipse_calibration.csv,
see its SOURCE.txt); grade 8–12 English-learner essays on argumentative prompts, scores 1–5 in 0.5 steps.
The other 1,571 essays of that split are held back and were not read. Scored essays are by US school learners:
texts of another kind (OET letters, clinical notes) are outside what it was fitted to.

## Cross-validated accuracy ({n} essays, 5-fold, seed {seed}; RMSE per trait, MCRMSE = their mean)

{table}
Shipped: {shipped}; the constant guess
scores {results["constant (train mean)"][1].mean():.4f}. For scale: the best published ELLIPSE/Feedback Prize
systems (fine-tuned DeBERTa ensembles on ~4,000 essays) reach ~0.43–0.45. The alphas were chosen inside each
training fold; the candidate (block weight, clipping) was chosen on these same CV figures, so they are slightly
optimistic.

## Rerun

```
npx tsc -p tsconfig.json && node dist/eval/ellipseFeatures.js /tmp/ellipse-features.jsonl
python3 -m venv /tmp/lang-venv && /tmp/lang-venv/bin/pip install -r training/language/requirements.txt
{lm_cmd}OMP_NUM_THREADS=1 /tmp/lang-venv/bin/python training/language/train.py /tmp/ellipse-features.jsonl{lm_arg}
```

Writes head.json, this card, cv_report.json and test/fixtures/language-traits-parity.json (the TypeScript
parity test). Changing `languageFeatures` requires rerunning both steps: the loader refuses a head whose feature
names differ from the code's.

head.json: {size} bytes, sha256 `{sha}`
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--likelihood", help="jsonl of LM likelihood features (eval/ellipseLikelihood.js)")
    args = ap.parse_args()
    rows, names, feats, emb, y = load(args.features)
    lm_names, lm = load_likelihood(args.likelihood, rows) if args.likelihood else ([], None)
    global N_FEATURES
    N_FEATURES = len(names)
    nf = feats.shape[1]
    print(f"{len(rows)} essays, {nf} features, embedding {None if emb is None else emb.shape[1]}-d, seed {args.seed}\n")

    candidates: dict[str, tuple[str, object, np.ndarray]] = {"constant (train mean)": ("none", Constant, feats)}
    for clip in (None, 4.0):
        candidates[f"ridge features, clip {clip}"] = ("features", lambda c=clip: LinearHead([(nf, 1.0)], c), feats)
    if emb is not None:
        both = np.hstack([feats, emb])
        ne = emb.shape[1]
        candidates["ridge embedding only"] = ("embedding", lambda: LinearHead([(ne, 1.0)], None), emb)
        for w in (0.25, 0.5, 1.0):
            for clip in (None, 4.0):
                candidates[f"ridge features+embedding, emb weight {w}, clip {clip}"] = (
                    "features+embedding", lambda w=w, c=clip: LinearHead([(nf, 1.0), (ne, w)], c), both)
    if lm is not None:
        nl = lm.shape[1]
        candidates["ridge likelihood only"] = ("likelihood", lambda: LinearHead([(nl, 1.0)], 4.0), lm)
        for w in (0.5, 1.0, 2.0):
            candidates[f"ridge features+likelihood, lm weight {w}, clip 4.0"] = (
                "features+likelihood", lambda w=w: LinearHead([(nf, 1.0), (nl, w)], 4.0), np.hstack([feats, lm]))
            if emb is not None:
                candidates[f"ridge features+embedding+likelihood, emb weight 0.25, lm weight {w}, clip 4.0"] = (
                    "features+embedding+likelihood", lambda w=w: LinearHead([(nf, 1.0), (ne, 0.25), (nl, w)], 4.0),
                    np.hstack([feats, emb, lm]))

    print("| candidate | " + " | ".join(TRAITS) + " | MCRMSE |\n|---|" + "---:|" * 7)
    results = {}
    for label, (kind, make, x) in candidates.items():
        r = cv(make, x, y, args.seed)
        results[label] = (kind, r)
        print(f"| {label} | " + " | ".join(f"{v:.3f}" for v in r) + f" | **{r.mean():.4f}** |", flush=True)

    def best(kind):
        pool = {k: v for k, v in results.items() if v[0] == kind}
        return min(pool, key=lambda k: pool[k][1].mean()) if pool else None

    chosen = {kind: best(kind) for kind in ("features+embedding+likelihood", "features+likelihood", "features+embedding", "features")}
    chosen = {k: v for k, v in chosen.items() if v is not None}
    print(f"\nchosen: {chosen}")
    if args.no_write:
        return

    out_dir = ROOT / "models/language-traits"
    out_dir.mkdir(parents=True, exist_ok=True)
    heads, fitted = {}, {}
    for kind, label in chosen.items():
        if label is None:
            continue
        _, make, x = candidates[label]
        head = make().fit(x, y)
        fitted[kind] = (head, x)
        inputs = names + ([f"embedding_{i}" for i in range(emb.shape[1])] if "embedding" in kind else []) + (lm_names if "likelihood" in kind else [])
        heads[kind] = {**head.export(inputs), "candidate": label,
                       "cv": {"rmse": dict(zip(TRAITS, results[label][1].round(4).tolist())), "mcrmse": round(results[label][1].mean(), 4)}}
        heads[kind]["inputs"] = kind
    const = results["constant (train mean)"][1]
    head_json = {
        "format": "oet-language-traits/1",
        "traits": TRAITS,
        "featureNames": names,
        "embeddingDim": None if emb is None else int(emb.shape[1]),
        "embedder": "all-MiniLM-L6-v2 int8 (model alias 'embedder'), word-weighted mean of <=200-word chunks, L2-normalised",
        **({"likelihoodFeatureNames": lm_names,
            "likelihoodModel": "SmolLM2-135M-Instruct Q4_1 (llamaTokenLogprobs: top-1000 renormalised, first 384 tokens after <|endoftext|>)"}
           if lm is not None else {}),
        "heads": heads,
        "licence": "CC BY-NC-SA 4.0 (derived from the ELLIPSE corpus): non-commercial use only",
        "commercialUse": False,
        "trainedOn": {"data": "ELLIPSE calibration subset, 1,000 essays", "seed": args.seed,
                      "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
                      "constantBaselineMcrmse": round(const.mean(), 4)},
    }
    text = json.dumps(head_json, separators=(",", ":"))
    (out_dir / "head.json").write_text(text, encoding="utf8")
    sha = hashlib.sha256(text.encode()).hexdigest()

    idx = [0, 1, 2, 3, 4]
    parity = []
    for i in idx:
        item = {"id": rows[i]["id"], "features": rows[i]["features"], "embedding": rows[i]["embedding"], "predictions": {}}
        if lm is not None:
            item["likelihood"] = rows[i]["likelihood"]
        for kind, (head, x) in fitted.items():
            item["predictions"][kind] = dict(zip(TRAITS, head.predict(x[i:i + 1])[0].tolist()))
        parity.append(item)
    (ROOT / "test/fixtures").mkdir(parents=True, exist_ok=True)
    (ROOT / "test/fixtures/language-traits-parity.json").write_text(json.dumps(parity), encoding="utf8")
    (out_dir / "cv_report.json").write_text(json.dumps(
        {k: {"kind": v[0], "rmse": dict(zip(TRAITS, v[1].round(4).tolist())), "mcrmse": round(v[1].mean(), 4)} for k, v in results.items()},
        indent=1), encoding="utf8")
    (out_dir / "MODEL_CARD.md").write_text(model_card(results, chosen, sha, len(text), len(rows), args.seed), encoding="utf8")
    print(f"wrote {out_dir / 'head.json'} ({len(text) // 1024} KB, sha256 {sha}) and the parity fixture")


if __name__ == "__main__":
    sys.exit(main())
