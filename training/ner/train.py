"""Fine-tune all-MiniLM-L6-v2 for chemical/disease token classification on BC5CDR + NCBI-disease.

python training/ner/train.py [--epochs 3] [--fold-devel] [--out /tmp/ner-work/run]

NCBI-disease sentences use a partial-label loss: a word tagged O there may be an unannotated chemical, so its
target is the set {O, B-Chemical, I-Chemical} and the loss is -log(p(O) + p(B-Chemical) + p(I-Chemical)).
Every epoch is scored on devel (mean of BC5CDR Chemical+Disease micro F1 and NCBI Disease F1); the best epoch is
kept in OUT/best. With --fold-devel the devel sentences are added to training, the given epoch count is trained
and the last epoch is kept in OUT/best (devel figures are then no longer held-out).
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
from data import IGNORE, LABEL2ID, LABELS, base_model_dir, collate, grouped_batches, load_split  # noqa: E402
from evaluate import EVAL_MAX_LENGTH, predict_torch, report  # noqa: E402

# Targets allowed for a partially annotated O: O or any Chemical tag.
PARTIAL_O = torch.tensor([LABEL2ID[t] in (LABEL2ID["O"], LABEL2ID["B-Chemical"], LABEL2ID["I-Chemical"]) for t in LABELS])


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def partial_label_loss(logits: torch.Tensor, labels: torch.Tensor, partial: torch.Tensor) -> torch.Tensor:
    """Mean over labelled pieces of -log(sum of p over the allowed labels)."""
    logp = torch.log_softmax(logits.float(), dim=-1)  # [B, T, C]
    valid = labels != IGNORE
    safe = labels.clamp(min=0)
    allowed = torch.nn.functional.one_hot(safe, len(LABELS)).bool()  # [B, T, C]
    widen = valid & partial[:, None] & (labels == LABEL2ID["O"])
    allowed = allowed | (widen[..., None] & PARTIAL_O.to(logits.device))
    nll = -torch.logsumexp(logp.masked_fill(~allowed, float("-inf")), dim=-1)
    return nll[valid].mean()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--warmup-ratio", type=float, default=0.1)
    parser.add_argument("--weight-decay", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--fold-devel", action="store_true", help="train on train+devel, keep the last epoch")
    parser.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (smoke tests)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N sentences of each split")
    parser.add_argument("--out", default="/tmp/ner-work/run")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    seed_everything(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from transformers import AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup

    base = str(base_model_dir())
    tokenizer = AutoTokenizer.from_pretrained(base)
    train = load_split(tokenizer, "train", args.max_length)
    devel = load_split(tokenizer, "devel", EVAL_MAX_LENGTH)
    if args.fold_devel:
        train += load_split(tokenizer, "devel", args.max_length)
    if args.limit:
        train, devel = train[: args.limit] + train[-args.limit :], devel[: args.limit] + devel[-args.limit :]
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
    print(f"train {len(train)} sentences, devel {len(devel)}, {steps_per_epoch} steps/epoch, {total} steps", flush=True)

    history, best, step, started = [], None, 0, time.time()
    for epoch in range(args.epochs):
        model.train()
        epoch_start, running = time.time(), 0.0
        for i, batch in enumerate(grouped_batches(train, args.batch_size, args.seed, epoch)):
            ids, mask, labels, partial = collate([train[j] for j in batch], tokenizer.pad_token_id)
            logits = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).logits
            loss = partial_label_loss(logits, labels, partial)
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
        print(json.dumps({"epoch": epoch + 1, "mean_f1": result["mean_f1"],
                          "BC5CDR_f1": result["BC5CDR"]["micro"]["f1"],
                          "NCBI_f1": result["NCBI-disease"]["micro"]["f1"], "train_s": round(train_s)}), flush=True)
        keep = args.fold_devel or best is None or result["mean_f1"] > best["devel"]["mean_f1"]
        if keep:
            best = row
            model.save_pretrained(out / "best")
            tokenizer.save_pretrained(out / "best")
        (out / "history.json").write_text(json.dumps(history, indent=2) + "\n")
        if args.max_steps and step >= args.max_steps:
            break

    summary = {"args": vars(args), "best_epoch": best["epoch"], "best": best, "history": history,
               "train_sentences": len(train), "total_seconds": round(time.time() - started),
               "torch": torch.__version__, "threads": torch.get_num_threads()}
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(f"best epoch {best['epoch']} mean F1 {best['devel']['mean_f1']} in {summary['total_seconds']}s", flush=True)


if __name__ == "__main__":
    main()
