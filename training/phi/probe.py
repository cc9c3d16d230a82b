"""Tag a few sentences with the exported graph and print the spans, the way the server builds them.

python training/phi/probe.py [--onnx models/phi-ner/onnx/model_quantized.onnx] ["sentence" ...]

Words are `[\\p{L}\\p{N}]+|[^\\p{L}\\p{N}\\s]` runs; each takes its first word-piece's label; BIO is repaired (an I-
after O or another type starts an entity); a span runs from its first word's start to its last word's end. With no
sentences given, a fixed list of hand-written hard cases is used (names with titles/initials/particles, eponyms,
hospitals, cities, common words that are also names, dates and non-dates). Not a metric: a quick look.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import LABELS, REPO_ROOT  # noqa: E402
from evaluate import onnx_session  # noqa: E402
from generate import WORD_RE  # noqa: E402

CASES = [
    "Dear Dr Patel, I am writing to refer Mrs Aisha Rahman, a 67-year-old retired teacher, for review.",
    "Her daughter, Grace, visits daily; there is a grace period for the fee.",
    "Seen by Dr. A. K. Sharma (registrar) on the ward round.",
    "SMITH, John  DOB 03/04/1956  Address: 14 High Street, Leeds LS1 4AB",
    "Mr O'Brien's wife reports he has Parkinson's disease and Bell's palsy.",
    "Known Hodgkin lymphoma, Graves' disease and Down syndrome; Apgar score 9 at birth.",
    "Transferred from St Vincent's Hospital to the Royal Melbourne Hospital on 12 March 2024.",
    "He moved from Auckland to Dubai in 2019 and is covered by Medicare.",
    "She reports brown stools and her white cell count was 14; we hope to discharge her on Friday.",
    "Mr Ahmed bin Khalid Al-Mansouri lives at Villa 12, Street 24, Al Barsha 1, Dubai.",
    "Ms Aroha Te Whare, 3/45 Dominion Road, Mt Eden, Auckland 1024, phone 021 555 0199.",
    "Prof. Jan van der Berg reviewed Nguyen Van Minh at 14:30 on Tuesday.",
    "INR 3.2 on warfarin QID; eGFR 45; review in 6/52.",
    "Will reviewed the bloods; Dr Will Hunter will call Rose later.",
    "Blk 123 Ang Mo Kio Avenue 3, #05-12, Singapore 560123",
    "Postcode D02 X285. Appointment on the 3rd of June, admitted 2024-06-01.",
    "kim min-jun was seen by nurse tui ngata on ward 7b.",
    "Patient has Crohn's, Alzheimer's, Cushing's syndrome, Addison's disease and Wilson's disease.",
]


def spans(session, tokenizer, text: str) -> list[tuple[str, str, float]]:
    enc = tokenizer(text, return_offsets_mapping=True, truncation=True, max_length=512)
    ids = np.array([enc["input_ids"]], dtype=np.int64)
    (logits,) = session.run(["logits"], {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)})
    probs = np.exp(logits[0] - logits[0].max(-1, keepdims=True))
    probs /= probs.sum(-1, keepdims=True)
    offsets = enc["offset_mapping"]
    words = []
    t = 0
    for m in WORD_RE.finditer(text):
        while t < len(offsets) and (offsets[t][1] <= m.start() or offsets[t] == (0, 0)):
            t += 1
        located = t < len(offsets) and offsets[t][0] < m.end()
        label = LABELS[int(probs[t].argmax())] if located else "O"
        words.append((m.start(), m.end(), label, float(probs[t].max()) if located else 0.0))
    out, current = [], None
    for start, end, label, p in words:
        prefix, kind = label.split("-", 1) if label != "O" else ("O", "")
        if prefix == "I" and current and current[0] == kind:
            current[2] = end
            current[3].append(p)
            continue
        current = None
        if prefix in ("B", "I"):
            current = [kind, start, end, [p]]
            out.append(current)
    return [(k, text[s:e], round(sum(ps) / len(ps), 3)) for k, s, e, ps in out]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--onnx", default=str(REPO_ROOT / "models" / "phi-ner" / "onnx" / "model_quantized.onnx"))
    parser.add_argument("sentences", nargs="*")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(Path(args.onnx).parents[1]))
    session = onnx_session(args.onnx)
    for text in args.sentences or CASES:
        print(text)
        for kind, surface, p in spans(session, tokenizer, text):
            print(f"    {kind:8s} {surface!r} {p}")


if __name__ == "__main__":
    main()
