"""Export the PHI tagger to models/phi-ner/ (transformers.js layout) as int8 dynamic-quantised ONNX.

python training/phi/export.py [--checkpoint /tmp/phi-work/run/best] [--dest models/phi-ner]

Writes DEST/onnx/model_quantized.onnx (QInt8 weights, per-channel scales; the fp32 graph stays in
/tmp/phi-work/onnx/model.onnx), config.json (id2label: the 7 BIO labels) and the base model's tokenizer files
(copied verbatim, so do_lower_case stays true). Then checks the graph's inputs/outputs, scores the fp32 and int8
graphs on the held-out split into /tmp/phi-work/onnx/heldout-*.json, and prints the sha256 of the int8 graph.
Export and quantisation are reused from training/ner/export.py (loaded as `ner_export`).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA_DIR, LABEL2ID, LABELS, REPO_ROOT, WORK, base_model_dir, load_split  # noqa: E402
from evaluate import EVAL_MAX_LENGTH, onnx_session, predict_onnx, report  # noqa: E402

TOKENIZER_FILES = ["tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"]
MAX_BYTES = 25 * 1000 * 1000


def _load_ner_export():
    """training/ner/export.py for export_fp32/sha256. It imports `data`/`evaluate` from its own folder, so those
    are loaded under that folder for the duration and our own modules are put back afterwards."""
    ner_dir = REPO_ROOT / "training" / "ner"
    saved = {name: sys.modules.pop(name) for name in ("data", "evaluate") if name in sys.modules}
    sys.path.insert(0, str(ner_dir))
    try:
        spec = importlib.util.spec_from_file_location("ner_export", ner_dir / "export.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["ner_export"] = module
        spec.loader.exec_module(module)
    finally:
        while str(ner_dir) in sys.path:  # ours and the one ner/export.py inserts for itself
            sys.path.remove(str(ner_dir))
        for name in ("data", "evaluate"):
            sys.modules.pop(name, None)
        sys.modules.update(saved)
    return module


def write_config(checkpoint: str, dest: Path) -> None:
    config = json.loads((Path(checkpoint) / "config.json").read_text())
    config.update({"model_type": "bert", "architectures": ["BertForTokenClassification"],
                   "id2label": {str(i): label for i, label in enumerate(LABELS)}, "label2id": LABEL2ID})
    for key in ("dtype", "torch_dtype", "use_cache", "gradient_checkpointing"):
        config.pop(key, None)
    (dest / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")


def check_graph(path: Path) -> dict:
    """Inputs input_ids/attention_mask/token_type_ids (int64 [batch, sequence]) → logits [batch, sequence, 7]."""
    session = onnx_session(str(path))
    inputs = {i.name: (i.type, list(i.shape)) for i in session.get_inputs()}
    outputs = {o.name: (o.type, list(o.shape)) for o in session.get_outputs()}
    want = ["input_ids", "attention_mask", "token_type_ids"]
    assert list(inputs) == want, inputs
    assert all(t == "tensor(int64)" for t, _ in inputs.values()), inputs
    assert list(outputs) == ["logits"] and outputs["logits"][1][-1] == len(LABELS), outputs
    ids = np.array([[101, 2720, 3336, 102, 0], [101, 2720, 3336, 2003, 102]], dtype=np.int64)
    mask = (ids != 0).astype(np.int64)
    (logits,) = session.run(["logits"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})
    assert logits.shape == (2, 5, len(LABELS)), logits.shape
    return {"inputs": inputs, "outputs": outputs, "probe_shape": list(logits.shape)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", default=str(WORK / "run" / "best"))
    parser.add_argument("--dest", default=str(REPO_ROOT / "models" / "phi-ner"))
    parser.add_argument("--work", default=str(WORK / "onnx"))
    parser.add_argument("--data", default=str(DATA_DIR))
    parser.add_argument("--skip-eval", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(1)

    from onnxruntime.quantization import QuantType, quantize_dynamic

    ner_export = _load_ner_export()
    dest, work = Path(args.dest), Path(args.work)
    fp32 = work / "model.onnx"
    ner_export.export_fp32(args.checkpoint, fp32)
    int8 = dest / "onnx" / "model_quantized.onnx"
    int8.parent.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    write_config(args.checkpoint, dest)
    for name in TOKENIZER_FILES:
        shutil.copyfile(base_model_dir() / name, dest / name)

    digest = ner_export.sha256(int8)
    folder_bytes = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    print(json.dumps({"fp32_bytes": fp32.stat().st_size, "int8_bytes": int8.stat().st_size,
                      "folder_bytes": folder_bytes, "sha256": digest}))
    if int8.stat().st_size > MAX_BYTES:
        raise SystemExit(f"{int8} is over {MAX_BYTES} bytes")
    for name, path in (("fp32", fp32), ("int8", int8)):
        print(name, json.dumps(check_graph(path)), flush=True)
    if args.skip_eval:
        return
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(base_model_dir()))
    heldout = load_split(tokenizer, "heldout", EVAL_MAX_LENGTH, Path(args.data))
    for name, path in (("fp32", fp32), ("int8", int8)):
        result = report(heldout, predict_onnx(str(path), heldout, tokenizer.pad_token_id))
        (work / f"heldout-{name}.json").write_text(json.dumps(result, indent=2) + "\n")
        print(name, json.dumps({k: result[k] for k in ("micro", "NAME", "ADDRESS", "DATE", "no_entity_sentences")}), flush=True)


if __name__ == "__main__":
    main()
