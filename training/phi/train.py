"""Fine-tune all-MiniLM-L6-v2 to tag person names, street addresses and dates (BIO, 7 labels) in clinical text.

python training/phi/train.py [--epochs 3] [--data /tmp/phi-work/data] [--out /tmp/phi-work/run]

Reads DATA/{train,devel}.jsonl from training/phi/generate.py. Devel is drawn from the training frames and name
pools with another seed; it picks the epoch. The held-out split (other frames, other names) is not read here:
score it afterwards with evaluate.py / export.py. Plain cross-entropy on each word's first word-piece (other
pieces are ignored), AdamW with linear warmup/decay, deterministic length-grouped batches, one thread by default.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA_DIR, IGNORE, LABEL2ID, LABELS, WORK, base_model_dir, collate, grouped_batches, load_split  # noqa: E402
from evaluate import EVAL_MAX_LENGTH, predict_torch, report  # noqa: E402


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--max-length", type=int, default=160)
    parser.add_argument("--warmup-ratio", type=float, default=0.1)
    parser.add_argument("--weight-decay", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (smoke tests)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N examples of each split")
    parser.add_argument("--data", default=str(DATA_DIR))
    parser.add_argument("--out", default=str(WORK / "run"))
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    seed_everything(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from transformers import AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup

    base = str(base_model_dir())
    tokenizer = AutoTokenizer.from_pretrained(base)
    train = load_split(tokenizer, "train", args.max_length, Path(args.data))
    devel = load_split(tokenizer, "devel", EVAL_MAX_LENGTH, Path(args.data))
    if args.limit:
        train, devel = train[: args.limit], devel[: args.limit]
    truncated = sum(1 for e in train if len(e.input_ids) >= args.max_length)
    model = AutoModelForTokenClassification.from_pretrained(
        base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id=LABEL2ID
    )

    steps_per_epoch = len(grouped_batches(train, args.batch_size, args.seed, 0))
    total = steps_per_epoch * args.epochs
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)], "weight_decay": args.weight_decay},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=args.lr)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup_ratio * total), total)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    print(f"train {len(train)} examples ({truncated} truncated at {args.max_length} pieces), devel {len(devel)}, "
          f"{steps_per_epoch} steps/epoch, {total} steps", flush=True)

    history, best, step, started = [], None, 0, time.time()
    for epoch in range(args.epochs):
        model.train()
        epoch_start, running = time.time(), 0.0
        for i, batch in enumerate(grouped_batches(train, args.batch_size, args.seed, epoch)):
            ids, mask, labels, _ = collate([train[j] for j in batch], tokenizer.pad_token_id)
            logits = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).logits
            loss = loss_fn(logits.float().reshape(-1, len(LABELS)), labels.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            running += loss.item()
            step += 1
            if step % 50 == 0:
                rate = (time.time() - epoch_start) / (i + 1)
                print(f"epoch {epoch + 1} step {i + 1}/{steps_per_epoch} loss {running / 50:.4f} "
                      f"{rate:.2f}s/step lr {scheduler.get_last_lr()[0]:.2e}", flush=True)
                running = 0.0
            if args.max_steps and step >= args.max_steps:
                break
        train_s = time.time() - epoch_start
        eval_start = time.time()
        result = report(devel, predict_torch(model, devel, tokenizer.pad_token_id))
        row = {"epoch": epoch + 1, "train_seconds": round(train_s), "eval_seconds": round(time.time() - eval_start),
               "devel": result}
        history.append(row)
        print(json.dumps({"epoch": epoch + 1, "micro_f1": result["micro"]["f1"],
                          **{k: result[k]["f1"] for k in ("NAME", "ADDRESS", "DATE")}, "train_s": round(train_s)}), flush=True)
        if best is None or result["micro"]["f1"] > best["devel"]["micro"]["f1"]:
            best = row
            model.save_pretrained(out / "best")
            tokenizer.save_pretrained(out / "best")
        (out / "history.json").write_text(json.dumps(history, indent=2) + "\n")
        if args.max_steps and step >= args.max_steps:
            break

    summary = {"args": vars(args), "best_epoch": best["epoch"], "best": best, "history": history,
               "train_examples": len(train), "truncated": truncated, "total_seconds": round(time.time() - started),
               "torch": torch.__version__, "threads": torch.get_num_threads()}
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(f"best epoch {best['epoch']} devel micro F1 {best['devel']['micro']['f1']} in {summary['total_seconds']}s", flush=True)


if __name__ == "__main__":
    main()
