#!/usr/bin/env python3
"""Peer baseline: medspaCy's ConText on eval/data/context-sentences.json.

For every item the target span (gold start/end, UTF-16 offsets) is added as an
entity, medspaCy's ConText runs with its default rules, and the five span
attributes (is_negated, is_uncertain, is_historical, is_family,
is_hypothetical) are compared with the gold labels.

Pipeline: spacy.blank("en") + medspacy_pyrush (sentence splitter) +
medspacy_context (default rules). No NER, no English model.

Also times the pipeline (sentence splitter + ConText, no NER) on one thread on
a long clinical note built by repeating the set's sentences to ~2,000 and
~100,000 characters, and prints characters per second.

Setup (not part of the Node project):
    python3 -m venv /tmp/peers-venv
    /tmp/peers-venv/bin/pip install -r bench/peers/requirements.txt
    /tmp/peers-venv/bin/python bench/peers/medspacy_context.py [--json] [--errors]
"""
import os

# One thread, set before numpy/spaCy are imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

LABELS = ["negated", "uncertain", "historical", "family", "hypothetical"]
ATTRS = {
    "negated": "is_negated",
    "uncertain": "is_uncertain",
    "historical": "is_historical",
    "family": "is_family",
    "hypothetical": "is_hypothetical",
}
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "eval" / "data" / "context-sentences.json"


def quiet_logs():
    # PyRuSH logs every token at DEBUG through loguru; keep warnings only.
    try:
        from loguru import logger

        logger.remove()
        logger.add(sys.stderr, level="WARNING")
    except ImportError:
        pass


def build_nlp(splitter="pyrush"):
    import spacy
    import medspacy  # noqa: F401  (registers the medspacy_* factories)

    nlp = spacy.blank("en")
    nlp.add_pipe(f"medspacy_{splitter}")
    nlp.add_pipe("medspacy_context")  # rules="default"
    return nlp


def utf16_to_cp(text, offset):
    """Map a UTF-16 code-unit offset to a Python (code point) index."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def run_item(nlp, item):
    text = item["text"]
    start = utf16_to_cp(text, item["start"])
    end = utf16_to_cp(text, item["end"])
    context = nlp.get_pipe("medspacy_context")
    doc = nlp(text, disable=["medspacy_context"])
    span = doc.char_span(start, end, label="TARGET")
    aligned = span is not None
    if span is None:
        span = doc.char_span(start, end, label="TARGET", alignment_mode="expand")
    doc.ents = [span]
    doc = context(doc)
    ent = doc.ents[0]
    pred = {lab: bool(getattr(ent._, ATTRS[lab])) for lab in LABELS}
    modifiers = [(m.category, doc[m.modifier_span[0]:m.modifier_span[1]].text) for m in ent._.modifiers]
    return pred, aligned, ent.text, modifiers


def ratio(a, b):
    return a / b if b else None


def score(items, preds):
    out = {"items": len(items), "labels": {}}
    for lab in LABELS:
        tp = fp = fn = tn = 0
        for item, pred in zip(items, preds):
            g, p = bool(item[lab]), pred[lab]
            if g and p:
                tp += 1
            elif p:
                fp += 1
            elif g:
                fn += 1
            else:
                tn += 1
        prec = ratio(tp, tp + fp)
        rec = ratio(tp, tp + fn)
        f1 = 2 * prec * rec / (prec + rec) if prec and rec else (0.0 if (tp + fp + fn) else None)
        out["labels"][lab] = {
            "support": tp + fn, "predicted": tp + fp, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "accuracy": (tp + tn) / len(items), "precision": prec, "recall": rec, "f1": f1,
        }
    exact = [all(item[lab] == pred[lab] for lab in LABELS) for item, pred in zip(items, preds)]
    out["exact_match"] = sum(exact) / len(items)
    groups = {}
    for item, ok in zip(items, exact):
        g = groups.setdefault(item["group"], [0, 0])
        g[0] += ok
        g[1] += 1
    out["exact_match_by_group"] = {g: {"items": n, "exact_match": k / n} for g, (k, n) in sorted(groups.items())}
    return out


def build_note(items, target_chars):
    parts, n = [], 0
    while n < target_chars:
        for item in items:
            parts.append(item["text"])
            n += len(item["text"]) + 1
            if n >= target_chars:
                break
    return " ".join(parts)


def time_pipeline(nlp, text, min_seconds=2.0, max_reps=200):
    """Median wall time of the whole pipeline, and of each part, over repeated runs."""
    def once():
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        parts = {"tokenizer": time.perf_counter() - t0}
        for name, proc in nlp.pipeline:
            t1 = time.perf_counter()
            doc = proc(doc)
            parts[name] = time.perf_counter() - t1
        return time.perf_counter() - t0, parts

    once()  # warm-up
    totals, parts = [], []
    t_all = time.perf_counter()
    while len(totals) < max_reps and (time.perf_counter() - t_all < min_seconds or len(totals) < 3):
        total, p = once()
        totals.append(total)
        parts.append(p)
    med = statistics.median(totals)
    return {
        "chars": len(text), "reps": len(totals), "median_s": med, "chars_per_s": len(text) / med,
        "median_s_by_component": {k: statistics.median(p[k] for p in parts) for k in parts[0]},
    }


def fmt(x, pct=True):
    if x is None:
        return "   n/a"
    return f"{100 * x:6.1f}" if pct else f"{x:6.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--json", action="store_true", help="write the figures as JSON to stdout")
    ap.add_argument("--errors", action="store_true", help="list the items where medspaCy misses a label")
    ap.add_argument("--splitter", choices=["pyrush", "pysbd"], default="pyrush",
                    help="medspaCy sentence splitter (default: pyrush, as in medspacy.load())")
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--time-text", metavar="FILE",
                    help="only time the pipeline on this file's text (the engine's benchmark note) and print JSON")
    args = ap.parse_args()

    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        except OSError:
            pass

    quiet_logs()
    import spacy
    import medspacy

    with open(args.data, encoding="utf-8") as f:
        data = json.load(f)
    items = data["items"]
    nlp = build_nlp(args.splitter)

    if args.time_text:
        with open(args.time_text, encoding="utf-8") as f:
            text = f.read()
        json.dump({"peer": "medspacy", "version": medspacy.__version__, "splitter": args.splitter, **time_pipeline(nlp, text)}, sys.stdout)
        sys.stdout.write("\n")
        return

    preds, misaligned, errors = [], [], []
    for item in items:
        pred, aligned, span_text, modifiers = run_item(nlp, item)
        preds.append(pred)
        if not aligned:
            misaligned.append({"id": item["id"], "target": item["target"], "span": span_text})
        wrong = [lab for lab in LABELS if pred[lab] != item[lab]]
        if wrong:
            errors.append({
                "id": item["id"], "group": item["group"], "text": item["text"], "target": item["target"],
                "gold": [lab for lab in LABELS if item[lab]], "pred": [lab for lab in LABELS if pred[lab]],
                "modifiers": modifiers,
            })

    result = {
        "peer": "medspacy-context",
        "versions": {"medspacy": medspacy.__version__, "spacy": spacy.__version__, "python": platform.python_version()},
        "pipeline": nlp.pipe_names,
        "data": {"path": os.path.relpath(args.data), "version": data.get("version")},
        "alignment_expanded": misaligned,
    }
    result.update(score(items, preds))

    if not args.no_timing:
        timing = {}
        for label, size in (("2k", 2_000), ("100k", 100_000)):
            note = build_note(items, size)
            timing[label] = time_pipeline(nlp, note)
        result["timing"] = {"threads": 1, "pipeline": f"blank en + medspacy_{args.splitter} + medspacy_context (no NER)",
                            **timing}

    if args.errors:
        result["errors"] = errors

    if args.json:
        json.dump(result, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return

    print(f"medspaCy {result['versions']['medspacy']} / spaCy {result['versions']['spacy']}  "
          f"pipeline {result['pipeline']}  items {len(items)}")
    print(f"{'label':<13}{'support':>8}{'pred':>6}{'acc%':>8}{'prec%':>8}{'rec%':>8}{'F1%':>8}")
    for lab in LABELS:
        m = result["labels"][lab]
        print(f"{lab:<13}{m['support']:>8}{m['predicted']:>6}  {fmt(m['accuracy'])}  {fmt(m['precision'])}"
              f"  {fmt(m['recall'])}  {fmt(m['f1'])}")
    print(f"exact match (all five labels right): {fmt(result['exact_match']).strip()}%")
    print("exact match by group: " + ", ".join(
        f"{g} {100 * v['exact_match']:.0f}% (n={v['items']})" for g, v in result["exact_match_by_group"].items()))
    if misaligned:
        print(f"targets needing alignment_mode='expand': {len(misaligned)}")
    if "timing" in result:
        for label in ("2k", "100k"):
            t = result["timing"][label]
            print(f"speed {label:>4}: {t['chars']:>7} chars, median {1000 * t['median_s']:8.2f} ms over {t['reps']} runs"
                  f" -> {t['chars_per_s']:,.0f} chars/s (1 thread)")
            print("            by component (median ms): " + ", ".join(
                f"{k} {1000 * v:.1f}" for k, v in t["median_s_by_component"].items()))
    if args.errors:
        print(f"\n{len(errors)} items with at least one wrong label:")
        for e in errors:
            mods = "; ".join(f"{c}:{t!r}" for c, t in e["modifiers"]) or "-"
            print(f"  {e['id']:<8} gold={','.join(e['gold']) or 'none':<18} pred={','.join(e['pred']) or 'none':<18}"
                  f" [{e['target']}] {e['text']}  (modifiers: {mods})")


if __name__ == "__main__":
    main()
