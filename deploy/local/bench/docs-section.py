"""Replaces one generated block of docs/benchmarks.md, leaving every other section alone.

usage: docs-section.py FILE HEADING KEY CONTENT_FILE
The block sits under "## HEADING" between <!-- KEY:begin --> and <!-- KEY:end -->; when the markers are missing the
heading and block are appended at the end of the file.
"""
import sys

path, heading, key, content_file = sys.argv[1:5]
content = open(content_file, encoding="utf-8").read().rstrip("\n")
begin, end = f"<!-- {key}:begin -->", f"<!-- {key}:end -->"
text = open(path, encoding="utf-8").read()
block = f"{begin}\n{content}\n{end}"
if begin in text and end in text:
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    text = head + block + tail
else:
    text = text.rstrip("\n") + f"\n\n## {heading}\n\n{block}\n"
open(path, "w", encoding="utf-8").write(text if text.endswith("\n") else text + "\n")
