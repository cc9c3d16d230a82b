"""Export claim-verifier to models/claim-verifier/ (transformers.js layout) as int8 dynamic-quantised ONNX.

python training/claim/export.py [--checkpoint /tmp/claim-work/final/model] [--dest models/claim-verifier]

Writes DEST/onnx/model_quantized.onnx (QInt8 weights, per-channel; the fp32 graph stays in /tmp/claim-work/onnx/),
config.json (id2label SUPPORTS/REFUTES/NEUTRAL) and the base model's tokenizer files, with two edits so every
tokenizer reproduces the training encoding: tokenizer_config.json `model_max_length` 256 (was 512) and tokenizer.json
`truncation` 256 longest_first (was 128) with `padding` removed (was fixed 128). Then it scores the PyTorch
checkpoint, the fp32 and the int8 graphs on the held-out split into WORK/heldout-*.json, writes WORK/parity.json (20
held-out pairs with the int8 logits) and prints the sha256 of the int8 graph.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import LABEL2ID, LABELS, MAX_LENGTH, REPO_ROOT, base_model_dir, encode, load_split  # noqa: E402
from evaluate import logits_onnx, logits_torch, report, write_parity  # noqa: E402
from model import load_model  # noqa: E402

OPSET = 17


class LogitsOnly(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).logits


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def export_fp32(checkpoint: str, path: Path) -> None:
    model = load_model(checkpoint, attn_implementation="eager").eval()
    ids = torch.tensor([[101, 7842, 2000, 102, 1037, 7355, 102], [101, 2023, 102, 2003, 102, 0, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    types = torch.tensor([[0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 1, 0, 0]], dtype=torch.long)
    path.parent.mkdir(parents=True, exist_ok=True)
    axes = {"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
            "token_type_ids": {0: "batch", 1: "sequence"}, "logits": {0: "batch"}}
    with torch.no_grad():
        torch.onnx.export(LogitsOnly(model), (ids, mask, types), str(path), dynamo=False,
                          input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
                          dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)


def write_config(checkpoint: str, dest: Path) -> None:
    config = json.loads((Path(checkpoint) / "config.json").read_text())
    if config.get("classifier_pooling", "cls") == "cls":
        config["architectures"] = ["BertForSequenceClassification"]
    config.update({"model_type": "bert",
                   "id2label": {str(i): label for i, label in enumerate(LABELS)}, "label2id": LABEL2ID,
                   "problem_type": "single_label_classification"})
    for key in ("dtype", "torch_dtype", "use_cache", "gradient_checkpointing"):
        config.pop(key, None)
    (dest / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")


def write_tokenizer(dest: Path) -> None:
    base = base_model_dir()
    for name in ("vocab.txt", "special_tokens_map.json"):
        (dest / name).write_bytes((base / name).read_bytes())
    config = json.loads((base / "tokenizer_config.json").read_text())
    config["model_max_length"] = MAX_LENGTH
    (dest / "tokenizer_config.json").write_text(json.dumps(config) + "\n")
    tok = json.loads((base / "tokenizer.json").read_text(encoding="utf-8"))
    tok["truncation"] = {"direction": "Right", "max_length": MAX_LENGTH, "strategy": "LongestFirst", "stride": 0}
    tok["padding"] = None
    (dest / "tokenizer.json").write_text(json.dumps(tok, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", default="/tmp/claim-work/final/model")
    parser.add_argument("--dest", default=str(REPO_ROOT / "models" / "claim-verifier"))
    parser.add_argument("--work", default="/tmp/claim-work/onnx")
    parser.add_argument("--parity", default="/tmp/claim-work/parity.json")
    parser.add_argument("--skip-eval", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(1)

    from onnxruntime.quantization import QuantType, quantize_dynamic

    dest, work = Path(args.dest), Path(args.work)
    fp32 = work / "model.onnx"
    export_fp32(args.checkpoint, fp32)
    int8 = dest / "onnx" / "model_quantized.onnx"
    int8.parent.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    write_config(args.checkpoint, dest)
    write_tokenizer(dest)

    digest = sha256(int8)
    print(json.dumps({"fp32_bytes": fp32.stat().st_size, "int8_bytes": int8.stat().st_size, "sha256": digest}), flush=True)
    if args.skip_eval:
        return
    from transformers import AutoTokenizer

    # The shipped folder's tokenizer must give the same pieces as the base one used in training.
    tokenizer = AutoTokenizer.from_pretrained(str(base_model_dir()))
    shipped = AutoTokenizer.from_pretrained(str(dest))
    _, held = load_split()
    examples = encode(tokenizer, held)
    if [e.input_ids for e in encode(shipped, held)] != [e.input_ids for e in examples]:
        raise SystemExit("the shipped tokenizer encodes the held-out pairs differently")
    gold = [e.label for e in examples]
    model = load_model(args.checkpoint)
    runs = {"torch": logits_torch(model, examples, tokenizer.pad_token_id),
            "fp32": logits_onnx(str(fp32), examples, tokenizer.pad_token_id),
            "int8": logits_onnx(str(int8), examples, tokenizer.pad_token_id)}
    for name, logits in runs.items():
        result = report(gold, logits.argmax(-1).tolist())
        (work / f"heldout-{name}.json").write_text(json.dumps(result, indent=2) + "\n")
        print(name, json.dumps({"macro_f1": result["macro_f1"], "accuracy": result["accuracy"],
                                "f1": {k: v["f1"] for k, v in result["per_class"].items()}}), flush=True)
    for a, b in (("torch", "fp32"), ("fp32", "int8")):
        agree = float((runs[a].argmax(-1) == runs[b].argmax(-1)).mean())
        print(f"{a} vs {b}: argmax agreement {100 * agree:.2f} %, max |logit diff| "
              f"{float(np.abs(runs[a] - runs[b]).max()):.4f}", flush=True)
    write_parity(args.parity, str(int8), examples)
    print(f"wrote {args.parity}", flush=True)


if __name__ == "__main__":
    main()
