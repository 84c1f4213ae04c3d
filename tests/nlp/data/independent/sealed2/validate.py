"""Structural check of the sealed2 evaluation set (does not run any model)."""
import json, sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"self_harm", "abuse", "neglect", "violence", "sexual", "restraint", "exploitation"}
TYPES = {"PERSON", "PHONE", "EMAIL", "ADDRESS", "POSTCODE", "DATE_OF_BIRTH", "ID_NUMBER"}
TITLES = ("Dr", "Mr", "Mrs", "Ms", "Nurse", "Sister", "Professor", "Prof", "Herr", "Frau", "Schwester", "Pfleger")
errors = []


def load(name, keys):
    rows = []
    for n, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{name}:{n}: bad JSON {e}"); continue
        if set(r) != keys:
            errors.append(f"{name}:{n}: keys {sorted(r)}")
        if r.get("lang") not in ("en", "de"):
            errors.append(f"{name}:{n}: lang {r.get('lang')!r}")
        if not isinstance(r.get("text"), str) or not r["text"].strip():
            errors.append(f"{name}:{n}: empty text")
        rows.append((n, r))
    return rows


sg = load("safeguarding.jsonl", {"lang", "text", "kinds"})
pii = load("pii.jsonl", {"lang", "text", "pii"})
for n, r in sg:
    k = r.get("kinds")
    if not isinstance(k, list) or not set(k) <= KINDS or len(set(k)) != len(k):
        errors.append(f"safeguarding.jsonl:{n}: kinds {k!r}")
for n, r in pii:
    pos, text = 0, r["text"]
    for pair in r.get("pii", []):
        if not (isinstance(pair, list) and len(pair) == 2 and pair[0] in TYPES and pair[1]):
            errors.append(f"pii.jsonl:{n}: pair {pair!r}"); continue
        i = text.find(pair[1], pos)
        if i < 0:
            errors.append(f"pii.jsonl:{n}: {pair!r} not found at/after {pos}"); continue
        if pair[1] != pair[1].strip():
            errors.append(f"pii.jsonl:{n}: whitespace around {pair!r}")
        if pair[0] == "PERSON" and pair[1].split()[0].rstrip(".") in TITLES:
            errors.append(f"pii.jsonl:{n}: title inside PERSON {pair!r}")
        pos = i + len(pair[1])
texts = Counter(r["text"] for _, r in sg + pii)
errors += [f"duplicate text: {t[:60]!r}" for t, c in texts.items() if c > 1]

for lang in ("en", "de"):
    d = [r for _, r in sg if r["lang"] == lang]
    kc = Counter(k for r in d for k in r["kinds"])
    print(f"safeguarding {lang}: {sum(1 for r in d if r['kinds'])} disclosures, "
          f"{sum(1 for r in d if not r['kinds'])} ordinary; label counts {dict(sorted(kc.items()))}")
    p = [r for _, r in pii if r["lang"] == lang]
    tc = Counter(t for r in p for t, _ in r["pii"])
    print(f"pii {lang}: {sum(1 for r in p if r['pii'])} with PII, {sum(1 for r in p if not r['pii'])} without; "
          f"spans {dict(sorted(tc.items()))}")
print("\n".join(errors) if errors else "OK: no problems found")
sys.exit(1 if errors else 0)
