"""Export the trained model to models/clinical-ner/ (transformers.js layout) as int8 dynamic-quantised ONNX.

python training/ner/export.py [--checkpoint /tmp/ner-work/run/best] [--dest models/clinical-ner]

Writes DEST/onnx/model_quantized.onnx (QInt8 weights, per-channel scales; per-tensor cost ~2 F1 on devel; the fp32 graph stays in /tmp/ner-work/onnx/model.onnx), config.json and
the base model's tokenizer files (copied verbatim, so do_lower_case stays true), then scores the fp32 and int8
graphs on devel into /tmp/ner-work/onnx/devel-*.json and prints the sha256 of the int8 graph.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import torch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import LABEL2ID, LABELS, REPO_ROOT, base_model_dir, load_split  # noqa: E402
from evaluate import EVAL_MAX_LENGTH, predict_onnx, report  # noqa: E402

TOKENIZER_FILES = ["tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"]
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
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(checkpoint, attn_implementation="eager").eval()
    ids = torch.tensor([[101, 7842, 2000, 1037, 7355, 102], [101, 2023, 102, 0, 0, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    path.parent.mkdir(parents=True, exist_ok=True)
    axes = {"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
            "token_type_ids": {0: "batch", 1: "sequence"}, "logits": {0: "batch", 1: "sequence"}}
    with torch.no_grad():
        torch.onnx.export(LogitsOnly(model), (ids, mask, torch.zeros_like(ids)), str(path), dynamo=False,
                          input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
                          dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)


def write_config(checkpoint: str, dest: Path) -> None:
    config = json.loads((Path(checkpoint) / "config.json").read_text())
    config.update({"model_type": "bert", "architectures": ["BertForTokenClassification"],
                   "id2label": {str(i): label for i, label in enumerate(LABELS)}, "label2id": LABEL2ID})
    for key in ("dtype", "torch_dtype", "use_cache", "gradient_checkpointing"):
        config.pop(key, None)
    (dest / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", default="/tmp/ner-work/run/best")
    parser.add_argument("--dest", default=str(REPO_ROOT / "models" / "clinical-ner"))
    parser.add_argument("--work", default="/tmp/ner-work/onnx")
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
    for name in TOKENIZER_FILES:
        shutil.copyfile(base_model_dir() / name, dest / name)

    digest = sha256(int8)
    print(json.dumps({"fp32_bytes": fp32.stat().st_size, "int8_bytes": int8.stat().st_size, "sha256": digest}))
    if args.skip_eval:
        return
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(base_model_dir()))
    devel = load_split(tokenizer, "devel", EVAL_MAX_LENGTH)
    for name, path in (("fp32", fp32), ("int8", int8)):
        result = report(devel, predict_onnx(str(path), devel, tokenizer.pad_token_id))
        (work / f"devel-{name}.json").write_text(json.dumps(result, indent=2) + "\n")
        print(name, json.dumps({"mean_f1": result["mean_f1"], "BC5CDR": result["BC5CDR"]["micro"],
                                "NCBI": result["NCBI-disease"]["micro"]}), flush=True)


if __name__ == "__main__":
    main()
