"""Macro-F1, per-class P/R/F1, accuracy and confusion matrix of claim-verifier on the held-out split.

python training/claim/evaluate.py --onnx models/claim-verifier/onnx/model_quantized.onnx [--json out.json]
python training/claim/evaluate.py --torch /tmp/claim-work/final/model
python training/claim/evaluate.py --onnx ... --parity /tmp/claim-work/parity.json   # 20 held-out pairs + logits
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
from data import LABELS, MAX_LENGTH, base_model_dir, encode, load_split  # noqa: E402


def report(gold: list[int], pred: list[int]) -> dict:
    """Figures in percent (rounded to 2 places); confusion[gold][pred] in LABELS order."""
    k = len(LABELS)
    confusion = np.zeros((k, k), dtype=int)
    for g, p in zip(gold, pred):
        confusion[g, p] += 1
    per_class, f1s = {}, []
    for i, label in enumerate(LABELS):
        tp = confusion[i, i]
        npred, ngold = confusion[:, i].sum(), confusion[i, :].sum()
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        per_class[label] = {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2),
                            "support": int(ngold), "predicted": int(npred)}
    return {"macro_f1": round(100 * float(np.mean(f1s)), 2),
            "accuracy": round(100 * float(np.trace(confusion)) / max(1, len(gold)), 2),
            "n": len(gold), "per_class": per_class,
            "confusion": {"rows_gold_cols_pred": LABELS, "matrix": confusion.tolist()}}


def batches_by_length(examples, batch_size: int):
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].input_ids))
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


def pad(examples, batch, pad_id: int):
    width = max(len(examples[i].input_ids) for i in batch)
    ids = np.full((len(batch), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(batch), width), dtype=np.int64)
    types = np.zeros((len(batch), width), dtype=np.int64)
    for row, i in enumerate(batch):
        n = len(examples[i].input_ids)
        ids[row, :n] = examples[i].input_ids
        mask[row, :n] = 1
        types[row, :n] = examples[i].token_type_ids
    return ids, mask, types


def logits_torch(model, examples, pad_id: int, batch_size: int = 64) -> np.ndarray:
    import torch

    model.eval()
    out = np.zeros((len(examples), len(LABELS)), dtype=np.float32)
    with torch.inference_mode():
        for batch in batches_by_length(examples, batch_size):
            ids, mask, types = (torch.from_numpy(a) for a in pad(examples, batch, pad_id))
            out[batch] = model(input_ids=ids, attention_mask=mask, token_type_ids=types).logits.float().numpy()
    return out


def onnx_session(path: str):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("OMP_NUM_THREADS", "1"))
    options.inter_op_num_threads = 1
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def logits_onnx(path: str, examples, pad_id: int, batch_size: int = 64) -> np.ndarray:
    session = onnx_session(path)
    out = np.zeros((len(examples), len(LABELS)), dtype=np.float32)
    for batch in batches_by_length(examples, batch_size):
        ids, mask, types = pad(examples, batch, pad_id)
        (logits,) = session.run(["logits"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
        out[batch] = logits
    return out


def write_parity(path: str, onnx_path: str, examples, n: int = 20) -> None:
    """n held-out pairs (every label, short and long, the longest included), each scored ALONE (batch of 1, no
    padding) by Python onnxruntime, with the pieces the Python tokenizer produced."""
    session = onnx_session(onnx_path)
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].input_ids))
    picks = {order[round(j * (len(order) - 1) / (n - 1))] for j in range(n)}  # evenly spread over lengths
    for label in range(len(LABELS)):  # make sure each label appears
        if not any(examples[i].label == label for i in picks):
            picks.add(next(i for i in order if examples[i].label == label))
    items = []
    for i in sorted(picks, key=lambda i: int(examples[i].row.id)):
        e = examples[i]
        feeds = {"input_ids": np.array([e.input_ids], dtype=np.int64),
                 "attention_mask": np.ones((1, len(e.input_ids)), dtype=np.int64),
                 "token_type_ids": np.array([e.token_type_ids], dtype=np.int64)}
        (logits,) = session.run(["logits"], feeds)
        items.append({"id": e.row.id, "claim": e.row.claim, "evidence": e.row.evidence, "gold": LABELS[e.label],
                      "input_ids": e.input_ids, "token_type_ids": e.token_type_ids,
                      "logits": [float(x) for x in logits[0]], "predicted": LABELS[int(logits[0].argmax())]})
    doc = {"model": onnx_path, "labels": LABELS,
           "tokenizer_call": f"tokenizer(claim, evidence, truncation=True, max_length={MAX_LENGTH}) "
                             "(longest_first; [CLS] claim [SEP] evidence [SEP], token_type_ids 0 then 1)",
           "scored": "one pair per run, no padding, Python onnxruntime CPU, 1 thread", "pairs": items}
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--onnx", help="ONNX model file")
    parser.add_argument("--torch", help="saved PyTorch model folder")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--parity", help="with --onnx: write 20 held-out pairs and their logits here")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(base_model_dir()))
    _, held = load_split()
    examples = encode(tokenizer, held)
    start = time.time()
    if args.onnx:
        logits = logits_onnx(args.onnx, examples, tokenizer.pad_token_id)
    elif args.torch:
        import torch

        from model import load_model

        torch.set_num_threads(1)
        model = load_model(args.torch)
        logits = logits_torch(model, examples, tokenizer.pad_token_id)
    else:
        parser.error("give --onnx or --torch")
    result = report([e.label for e in examples], logits.argmax(-1).tolist())
    result["seconds"] = round(time.time() - start, 1)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n")
    if args.parity:
        if not args.onnx:
            parser.error("--parity needs --onnx")
        write_parity(args.parity, args.onnx, examples)
        print(f"wrote {args.parity}")


if __name__ == "__main__":
    main()
