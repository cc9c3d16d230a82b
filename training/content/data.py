"""Labelled items and sentence embeddings for the content-safety head (see training/content/README.md).

python training/content/data.py            # prints the training data's figures and its sha256

Items are JSONL rows `{"id", "text", "labels": [...], "hard_negative": bool}` (a `note` key, if present, is never
model input). Training data = `eval/data/content-safety.dev.jsonl` + `training/content/extra_items.jsonl`; the test
split is read by `evaluate.py` only.

Embeddings are computed the way the TypeScript product computes them (src/inference/onnx/loadOnnxModel.ts +
meanPoolNormalize.ts): all-MiniLM-L6-v2 int8 ONNX from `/work/shared/models/all-minilm-l6-v2-int8`
(`$OET_MINILM_DIR` overrides), WordPiece via the folder's tokenizer.json (BERT normaliser, lower-casing),
`[CLS] text [SEP]`, truncated to MAX_LENGTH pieces, token_type_ids all 0, one text per session run (no padding),
mean of last_hidden_state over the attention mask, then L2 normalisation (norm clamped at 1e-12).
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS = ["SELF_HARM", "VIOLENCE", "SEXUAL", "HARASSMENT", "DANGEROUS_CLINICAL"]
DIM = 384
MAX_LENGTH = 256  # word pieces incl. [CLS] and [SEP]; items are 1-5 sentences, far below this
EMBEDDING_DESC = "all-MiniLM-L6-v2 int8 ONNX, mean pooled, L2-normalised"

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
DEV_FILE = REPO_ROOT / "eval" / "data" / "content-safety.dev.jsonl"
TEST_FILE = REPO_ROOT / "eval" / "data" / "content-safety.test.jsonl"
EXTRA_FILE = HERE / "extra_items.jsonl"


def model_dir() -> Path:
    raw = os.environ.get("OET_MINILM_DIR")
    return Path(raw) if raw else Path("/work/shared/models/all-minilm-l6-v2-int8")


@dataclass
class Item:
    id: str
    text: str
    labels: list[str]
    hard_negative: bool
    source: str  # "dev", "extra" or "test"

    def target(self) -> np.ndarray:
        return np.array([1 if label in self.labels else 0 for label in LABELS], dtype=np.int64)


def read_items(path: Path, source: str) -> list[Item]:
    items: list[Item] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            labels = list(row["labels"])
            unknown = [label for label in labels if label not in LABELS]
            if unknown:
                raise ValueError(f"{path}:{line_no}: unknown label(s) {unknown}")
            if bool(row["hard_negative"]) != (len(labels) == 0):
                raise ValueError(f"{path}:{line_no}: hard_negative must be true exactly when labels is empty")
            if row["id"] in seen:
                raise ValueError(f"{path}:{line_no}: duplicate id {row['id']}")
            seen.add(row["id"])
            items.append(Item(row["id"], row["text"], labels, bool(row["hard_negative"]), source))
    return items


def training_items() -> list[Item]:
    """Dev split + hand-written extra items (the test split is never part of training)."""
    items = read_items(DEV_FILE, "dev") + read_items(EXTRA_FILE, "extra")
    texts = [item.text for item in items]
    if len(set(texts)) != len(texts):
        raise ValueError("duplicate texts in the training data")
    return items


def sha256_of_files(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def training_sha256() -> str:
    """sha256 over the bytes of dev.jsonl followed by extra_items.jsonl."""
    return sha256_of_files([DEV_FILE, EXTRA_FILE])


class Embedder:
    """Single-threaded int8 MiniLM sentence embedder, matching the product's pooling."""

    def __init__(self, folder: Path | None = None, threads: int = 1):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        folder = folder or model_dir()
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # tokenizer.json ships with fixed 128 padding/truncation; the product pads to the batch and truncates at the
        # model limit, and we embed one text at a time: no padding, truncation at MAX_LENGTH.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_LENGTH)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        onnx_path = folder / "onnx" / "model_quantized.onnx"
        self.session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.input_names = [i.name for i in self.session.get_inputs()]
        self.onnx_sha256 = hashlib.sha256(onnx_path.read_bytes()).hexdigest()

    def token_count(self, text: str) -> int:
        return len(self.tokenizer.encode(text).ids)

    def embed_one(self, text: str) -> np.ndarray:
        enc = self.tokenizer.encode(text)
        ids = np.array([enc.ids], dtype=np.int64)
        mask = np.array([enc.attention_mask], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        feeds = {name: feeds[name] for name in self.input_names}
        hidden = self.session.run(None, feeds)[0]  # [1, seq, 384]; last_hidden_state is the first output
        m = mask[0].astype(np.float64)[:, None]
        pooled = (hidden[0].astype(np.float64) * m).sum(axis=0) / max(m.sum(), 1.0)
        norm = max(float(np.sqrt((pooled * pooled).sum())), 1e-12)
        return (pooled / norm).astype(np.float32)

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.embed_one(text) for text in texts]) if texts else np.zeros((0, DIM), np.float32)


def cached_embeddings(texts: list[str], cache_file: Path, embedder: Embedder | None = None) -> np.ndarray:
    """Embeddings keyed by sha256(text) in an .npz cache (speeds up re-runs; delete the file to recompute)."""
    keys = [hashlib.sha256(text.encode("utf-8")).hexdigest() for text in texts]
    cache: dict[str, np.ndarray] = {}
    if cache_file.exists():
        with np.load(cache_file) as data:
            cache = {key: data[key] for key in data.files}
    missing = [i for i, key in enumerate(keys) if key not in cache]
    if missing:
        embedder = embedder or Embedder()
        for i in missing:
            cache[keys[i]] = embedder.embed_one(texts[i])
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache_file, **cache)
    return np.stack([cache[key] for key in keys]) if keys else np.zeros((0, DIM), np.float32)


def main() -> None:
    items = training_items()
    print(f"training items: {len(items)} (dev {sum(i.source == 'dev' for i in items)}, "
          f"extra {sum(i.source == 'extra' for i in items)})")
    print(f"hard negatives: {sum(i.hard_negative for i in items)}; two labels: {sum(len(i.labels) == 2 for i in items)}")
    for label in LABELS:
        dev = sum(label in i.labels for i in items if i.source == "dev")
        extra = sum(label in i.labels for i in items if i.source == "extra")
        print(f"  {label:20s} dev {dev:3d}  extra {extra:3d}")
    print(f"sha256(dev + extra): {training_sha256()}")


if __name__ == "__main__":
    main()
