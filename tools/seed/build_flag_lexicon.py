#!/usr/bin/env python3
"""Builds data/reference/flag-lexicon.json from the flag_lexicon_*.py sources (one per script family).

Checks what the C# loader cannot know: every form language present, every kind with at least three terms, and
Latin-script terms made of Latin letters only (a Cyrillic 'а' typed into a Polish stem never matches anything).
The matcher itself is tested in tests/Signalering.Domain.Tests/Flagging.
"""
import json, os, sys, unicodedata
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
ns = {}
for name in ("flag_lexicon_latin.py", "flag_lexicon_cyrillic.py", "flag_lexicon_arabic_geez.py"):
    exec(open(os.path.join(here, name), encoding="utf-8").read(), ns)
langs = {**ns["LATIN"], **ns["CYRILLIC"], **ns["ARABIC_GEEZ"]}
FORM = "nl en ar ti am fa prs ps ckb kmr tr so uk ru pl ro bg".split()
KINDS = {"emergency": ["violence", "fire", "medical", "suicide", "danger"], "sensitive": ["staff-abuse", "sexual", "child-safety"]}
errors = [f"missing language {l}" for l in FORM if l not in langs]
for code, lex in langs.items():
    for flag, kinds in KINDS.items():
        for kind in kinds:
            terms = lex.get(flag, {}).get(kind, [])
            if len(terms) < 3:
                errors.append(f"{code} {kind}: only {len(terms)} terms")
            if len(set(terms)) != len(terms):
                errors.append(f"{code} {kind}: duplicate terms")
    if code in ns["LATIN"]:
        every = [t for f in KINDS for ts in lex.get(f, {}).values() for t in ts] + [m for g in lex.get("groups", {}).values() for m in g]
        for t in every:
            if t.startswith("@") or " + " in t:
                continue
            stripped = "".join(c for c in unicodedata.normalize("NFD", t) if not unicodedata.combining(c))
            if any(ord(c) > 0x24F for c in stripped):
                errors.append(f"{code}: term '{t}' has a non-Latin letter")
if errors:
    sys.exit("\n".join(errors))
ordered = {code: langs[code] for code in FORM}
with open(os.path.join(root, "data", "reference", "flag-lexicon.json"), "w", encoding="utf-8") as f:
    json.dump({"version": 1, "languages": ordered}, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"{len(ordered)} languages, {sum(len(t) for l in ordered.values() for f in KINDS for t in l.get(f, {}).values())} terms")
