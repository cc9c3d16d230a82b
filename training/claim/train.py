"""Fine-tune all-MiniLM-L6-v2 as a claim/evidence cross-encoder (SUPPORTS / REFUTES / NEUTRAL) on HealthVer.

python training/claim/train.py --cv 5 --epochs 6 --out /tmp/claim-work/cv-lr3e-5     # grouped CV on the train part
python training/claim/train.py --epochs 4 --out /tmp/claim-work/final                # final model, train part only

Only the train part of heldout_claims.json is ever used here. With --cv K it is cut into K topic-grouped,
label-stratified folds; a fresh model is trained on K-1 folds and every epoch is scored on the remaining fold, and
OUT/cv.json gets the mean macro-F1 per epoch (the basis for choosing hyper-parameters and the epoch count).
Without --cv the whole train part is used for --epochs epochs and the LAST epoch is saved to OUT/model (no
held-out look-up decides anything); evaluate.py then scores it on the held-out part.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import LABEL2ID, LABELS, MAX_LENGTH, base_model_dir, collate, cv_folds, encode, length_batches, load_split  # noqa: E402
from evaluate import logits_torch, report  # noqa: E402
from model import load_model  # noqa: E402


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def class_weights(examples, mode: str) -> torch.Tensor | None:
    """`balanced`: n / (k * count_c), the sklearn formula; `sqrt`: its square root; `none`: plain cross-entropy."""
    if mode == "none":
        return None
    counts = Counter(e.label for e in examples)
    w = torch.tensor([len(examples) / (len(LABELS) * counts[i]) for i in range(len(LABELS))], dtype=torch.float)
    return w.sqrt() if mode == "sqrt" else w


def new_model(seed: int, pooling: str):
    torch.manual_seed(seed)  # the classifier head's init does not depend on what ran before
    return load_model(str(base_model_dir()), pooling, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
                      label2id=LABEL2ID)


def fit(model, train, args, pad_id: int, evaluate=None, log_prefix: str = "") -> list[dict]:
    """Train for args.epochs; after each epoch call evaluate(model) -> dict (if given). Returns the history."""
    from transformers import get_linear_schedule_with_warmup

    steps_per_epoch = len(length_batches(train, args.batch_size, args.seed, 0))
    total = steps_per_epoch * args.epochs
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)], "weight_decay": args.weight_decay},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=args.lr)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup_ratio * total), total)
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_weights(train, args.class_weights))
    history, step = [], 0
    for epoch in range(args.epochs):
        model.train()
        start, running, seen = time.time(), 0.0, 0
        for batch in length_batches(train, args.batch_size, args.seed, epoch):
            ids, mask, types, labels = collate([train[j] for j in batch], pad_id)
            logits = model(input_ids=ids, attention_mask=mask, token_type_ids=types).logits
            loss = loss_fn(logits.float(), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            running += loss.item()
            seen += 1
            step += 1
            if args.max_steps and step >= args.max_steps:
                break
        row = {"epoch": epoch + 1, "train_loss": round(running / max(1, seen), 4), "train_seconds": round(time.time() - start)}
        if evaluate is not None:
            row.update(evaluate(model))
        history.append(row)
        brief = {k: v for k, v in row.items() if k not in ("per_class", "confusion")}
        print(f"{log_prefix}{json.dumps(brief)}", flush=True)
        if args.max_steps and step >= args.max_steps:
            break
    return history


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--max-length", type=int, default=MAX_LENGTH)
    parser.add_argument("--warmup-ratio", type=float, default=0.1)
    parser.add_argument("--weight-decay", type=float, default=0.01)
    parser.add_argument("--class-weights", choices=["none", "sqrt", "balanced"], default="none")
    parser.add_argument("--pooling", choices=["cls", "mean"], default="cls", help="classifier head (see model.py)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--cv", type=int, default=0, help="K: grouped K-fold CV on the train part instead of a final fit")
    parser.add_argument("--folds", default="", help="with --cv: only these fold numbers (comma-separated, 0-based)")
    parser.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (smoke tests)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N train rows (smoke tests)")
    parser.add_argument("--out", default="/tmp/claim-work/final")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    seed_everything(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(base_model_dir()))
    train_rows, _ = load_split()
    if args.limit:
        train_rows = train_rows[: args.limit]
    started = time.time()
    info = {"args": vars(args), "torch": torch.__version__, "threads": torch.get_num_threads(),
            "train_rows": len(train_rows), "train_claims": len({r.claim for r in train_rows})}

    if args.cv:
        folds = cv_folds(train_rows, args.cv, args.seed)
        wanted = [int(f) for f in args.folds.split(",")] if args.folds else list(range(args.cv))
        results = []
        for f in wanted:
            tr_idx, va_idx = folds[f]
            tr = encode(tokenizer, [train_rows[i] for i in tr_idx], args.max_length)
            va = encode(tokenizer, [train_rows[i] for i in va_idx], args.max_length)
            model = new_model(args.seed, args.pooling)
            gold = [e.label for e in va]
            epoch_logits = []

            def score(m, va=va, gold=gold, epoch_logits=epoch_logits):
                logits = logits_torch(m, va, tokenizer.pad_token_id)
                epoch_logits.append(logits)
                return report(gold, logits.argmax(-1).tolist())

            history = fit(model, tr, args, tokenizer.pad_token_id, score, log_prefix=f"fold {f} ")
            results.append({"fold": f, "train_rows": len(tr), "val_rows": len(va), "history": history,
                            "gold": gold, "logits": [l.round(4).tolist() for l in epoch_logits]})
            (out / "cv_folds.json").write_text(json.dumps(results) + "\n")
        epochs = min(len(r["history"]) for r in results)
        per_epoch = []
        for e in range(epochs):
            f1s = [r["history"][e]["macro_f1"] for r in results]
            gold = sum((r["gold"] for r in results), [])
            pred = sum((np.array(r["logits"][e]).argmax(-1).tolist() for r in results), [])
            pooled = report(gold, pred)
            per_epoch.append({"epoch": e + 1, "mean_macro_f1": round(float(np.mean(f1s)), 2),
                              "std_macro_f1": round(float(np.std(f1s)), 2), "fold_macro_f1": f1s,
                              "pooled_macro_f1": pooled["macro_f1"], "pooled_accuracy": pooled["accuracy"],
                              "pooled_per_class_f1": {k: v["f1"] for k, v in pooled["per_class"].items()}})
        info.update({"folds": wanted, "per_epoch": per_epoch, "total_seconds": round(time.time() - started)})
        (out / "cv.json").write_text(json.dumps(info, indent=2) + "\n")
        for row in per_epoch:
            print(json.dumps({k: row[k] for k in ("epoch", "mean_macro_f1", "std_macro_f1", "pooled_macro_f1")}), flush=True)
        print(f"cv done in {info['total_seconds']}s", flush=True)
        return

    train = encode(tokenizer, train_rows, args.max_length)
    truncated = sum(1 for e in train if len(e.input_ids) >= args.max_length)
    print(f"train {len(train)} pairs ({truncated} at the {args.max_length}-piece cap), "
          f"{len(length_batches(train, args.batch_size, args.seed, 0))} steps/epoch", flush=True)
    model = new_model(args.seed, args.pooling)
    history = fit(model, train, args, tokenizer.pad_token_id)
    model.save_pretrained(out / "model")
    tokenizer.save_pretrained(out / "model")
    info.update({"history": history, "kept": "last epoch", "total_seconds": round(time.time() - started)})
    (out / "summary.json").write_text(json.dumps(info, indent=2) + "\n")
    print(f"saved {out / 'model'} after {len(history)} epochs in {info['total_seconds']}s", flush=True)


if __name__ == "__main__":
    main()
