"""Word-level entity P/R/F1 (exact span, seqeval-style BIO repair) for NAME, ADDRESS, DATE.

CLI: python training/phi/evaluate.py --onnx models/phi-ner/onnx/model_quantized.onnx
     python training/phi/evaluate.py --torch /tmp/phi-work/run/best [--split heldout] [--json out.json]

A word's label is its first word-piece's argmax (what the server does); words are the generator's words
(letters/digits runs and single other characters), so a span is exact when its first and last words match.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA_DIR, ENTITY_TYPES, LABELS, base_model_dir, collate, load_split  # noqa: E402

EVAL_MAX_LENGTH = 512  # held-out examples are scored whole


def entities(tags: list[str]) -> set[tuple[str, int, int]]:
    """(type, first word, last word). An I- after O or after another type starts an entity (seqeval default)."""
    spans, current = set(), None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, kind = tag.split("-", 1) if tag != "O" else ("O", "")
        continues = prefix == "I" and current is not None and current[0] == kind
        if current is not None and not continues:
            spans.add((current[0], current[1], i - 1))
            current = None
        if prefix in ("B", "I") and current is None:
            current = (kind, i)
    return spans


def prf(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2),
            "tp": tp, "pred": npred, "gold": ngold}


def score(gold: list[list[str]], pred: list[list[str]]) -> dict:
    counts = {k: [0, 0, 0] for k in ENTITY_TYPES}
    for g, p in zip(gold, pred):
        gs, ps = entities(g), entities(p)
        for kind in ENTITY_TYPES:
            gk = {s for s in gs if s[0] == kind}
            pk = {s for s in ps if s[0] == kind}
            counts[kind][0] += len(gk & pk)
            counts[kind][1] += len(pk)
            counts[kind][2] += len(gk)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    out = {"micro": prf(*total)}
    for kind, c in counts.items():
        out[kind] = prf(*c)
    # Sentences without any gold entity that got a prediction: the hard-negative false-alarm rate.
    empty = [p for g, p in zip(gold, pred) if not entities(g)]
    out["no_entity_sentences"] = {"n": len(empty), "with_prediction": sum(1 for p in empty if entities(p))}
    return out


def word_tags(logits: np.ndarray, word_starts: list[int]) -> list[str]:
    """A word's label is its first piece's argmax; a word truncated away is O."""
    ids = logits.argmax(-1)
    return [LABELS[int(ids[s])] if s >= 0 else "O" for s in word_starts]


def batches_by_length(examples, batch_size):
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].input_ids))
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


def predict_torch(model, examples, pad_id: int, batch_size: int = 64) -> list[list[str]]:
    import torch

    model.eval()
    out = [None] * len(examples)
    with torch.inference_mode():
        for batch in batches_by_length(examples, batch_size):
            ids, mask, _, _ = collate([examples[i] for i in batch], pad_id)
            logits = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).logits.numpy()
            for row, i in enumerate(batch):
                out[i] = word_tags(logits[row], examples[i].word_starts)
    return out


def onnx_session(path: str):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("OMP_NUM_THREADS", "1"))
    options.inter_op_num_threads = 1
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def predict_onnx(path: str, examples, pad_id: int, batch_size: int = 64) -> list[list[str]]:
    session = onnx_session(path)
    out = [None] * len(examples)
    for batch in batches_by_length(examples, batch_size):
        width = max(len(examples[i].input_ids) for i in batch)
        ids = np.full((len(batch), width), pad_id, dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, i in enumerate(batch):
            ids[row, : len(examples[i].input_ids)] = examples[i].input_ids
            mask[row, : len(examples[i].input_ids)] = 1
        (logits,) = session.run(["logits"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})
        for row, i in enumerate(batch):
            out[i] = word_tags(logits[row], examples[i].word_starts)
    return out


def report(examples, predictions) -> dict:
    return score([e.tags for e in examples], predictions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--onnx", help="ONNX model file")
    parser.add_argument("--torch", help="saved PyTorch model folder")
    parser.add_argument("--split", default="heldout")
    parser.add_argument("--data", default=str(DATA_DIR))
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--errors", type=int, default=0, help="print up to N sentences with a wrong span")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(base_model_dir()))
    examples = load_split(tokenizer, args.split, EVAL_MAX_LENGTH, Path(args.data))
    start = time.time()
    if args.onnx:
        preds = predict_onnx(args.onnx, examples, tokenizer.pad_token_id)
    elif args.torch:
        import torch
        from transformers import AutoModelForTokenClassification

        torch.set_num_threads(1)
        model = AutoModelForTokenClassification.from_pretrained(args.torch)
        preds = predict_torch(model, examples, tokenizer.pad_token_id)
    else:
        parser.error("give --onnx or --torch")
    result = report(examples, preds)
    result["seconds"] = round(time.time() - start, 1)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n")
    shown = 0
    for e, p in zip(examples, preds):
        if shown >= args.errors:
            break
        gold, pred = entities(e.tags), entities(p)
        if gold != pred:
            shown += 1
            show = lambda spans: sorted((k, " ".join(e.words[a : b + 1])) for k, a, b in spans)  # noqa: E731
            print("---", " ".join(e.words))
            print("   missed:", show(gold - pred))
            print("   extra: ", show(pred - gold))


if __name__ == "__main__":
    main()
