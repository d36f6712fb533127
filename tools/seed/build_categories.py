#!/usr/bin/env python3
"""Builds data/reference/categories.json from categories_names.txt (one row per category, names in the 17 form
languages) and the promises and flags below. Run from the repository root: python3 tools/seed/build_categories.py"""
import json, pathlib

LANGS = "nl en ar ti am fa prs ps ckb kmr tr so uk ru pl ro bg".split()
MAIN = {  # code: (pictogram, acknowledge within working hours, resolve within working days)
    "wonen": ("house", 16, 10), "veiligheid": ("shield", 4, 5), "zorg": ("heart", 8, 5),
    "informatie": ("info", 16, 10), "werk": ("briefcase", 24, 15), "taal": ("book", 24, 20),
    "vervoer": ("bus", 24, 15), "sociaal": ("people", 40, 20), "overig": ("question", 24, 15),
}
EMERGENCY = {"wonen-brand", "veiligheid-acuut", "zorg-spoed", "zorg-zelfdoding"}
SENSITIVE = {"veiligheid-medewerker", "veiligheid-seksueel", "veiligheid-kinderen"}
# Immediate danger is acknowledged within the hour; sensitive signals within a working day by the confidential handler.
PROMISE = {c: (1, 1) for c in EMERGENCY} | {c: (8, 10) for c in SENSITIVE}

here = pathlib.Path(__file__).parent
rows = [l for l in (here / "categories_names.txt").read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
cats, by_code = [], {}
for row in rows:
    cells = [c.strip() for c in row.split("|")]
    code, names = cells[0], cells[1:]
    assert len(names) == len(LANGS), (code, len(names))
    assert all(names), code
    named = dict(zip(LANGS, names))
    if code in MAIN:
        pic, ack, res = MAIN[code]
        entry = {"code": code, "pictogram": pic, "promise": {"acknowledgeWithinWorkingHours": ack, "resolveWithinWorkingDays": res},
                 "names": named, "subcategories": []}
        cats.append(entry); by_code[code] = entry
    else:
        parent = next(m for m in sorted(MAIN, key=len, reverse=True) if code.startswith(m + "-"))
        sub = {"code": code, "names": named}
        if code in PROMISE:
            sub["promise"] = {"acknowledgeWithinWorkingHours": PROMISE[code][0], "resolveWithinWorkingDays": PROMISE[code][1]}
        if code in SENSITIVE: sub["sensitive"] = True
        if code in EMERGENCY: sub["emergency"] = True
        by_code[parent]["subcategories"].append(sub)
for i, c in enumerate(cats): c["order"] = i
out = pathlib.Path("data/reference/categories.json")
out.write_text(json.dumps({"version": 1, "categories": cats}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{len(cats)} main categories, {sum(len(c['subcategories']) for c in cats)} subcategories -> {out}")
