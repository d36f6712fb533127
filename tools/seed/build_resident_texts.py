#!/usr/bin/env python3
"""Builds data/texts/resident.{lang}.json from tools/seed/resident_texts_*.txt.

The .txt files are the translators' source: one block per key ("## key"), one line per language ("code: text").
Every key must have every form language; placeholders ({hours}) must match the English text. meta.reviewed stays
false until a native speaker has checked the language (set it in REVIEWED below, with who and when in the commit).
"""
import glob, json, os, re, sys

LANGS = "nl en ar ti am fa prs ps ckb kmr tr so uk ru pl ro bg".split()
REVIEWED = set()  # languages a native speaker has checked
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
texts = {l: {} for l in LANGS}
errors = []
for path in sorted(glob.glob(os.path.join(here, "resident_texts_*.txt"))):
    key = None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("## "):
            key = line[3:].strip()
            continue
        code, sep, text = line.partition(": ")
        if not sep or code not in texts or key is None:
            errors.append(f"{path}:{n}: cannot read '{line[:40]}'")
            continue
        if key in texts[code]:
            errors.append(f"{path}:{n}: {code} {key} twice")
        texts[code][key] = text.strip()
ph = lambda s: sorted(re.findall(r"\{[a-zA-Z]+\}", s))
for key in texts["en"]:
    for l in LANGS:
        if key not in texts[l]:
            errors.append(f"{l} lacks {key}")
        elif ph(texts[l][key]) != ph(texts["en"][key]):
            errors.append(f"{l} {key}: placeholders differ from English")
if errors:
    sys.exit("\n".join(errors))
os.makedirs(os.path.join(root, "data", "texts"), exist_ok=True)
for l in LANGS:
    doc = {"meta.language": l, "meta.reviewed": l in REVIEWED}
    doc.update(texts[l])
    with open(os.path.join(root, "data", "texts", f"resident.{l}.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
print(f"{len(texts['en'])} keys x {len(LANGS)} languages")
