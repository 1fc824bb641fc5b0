#!/usr/bin/env python3
"""parse.py FILE...: parses XML and CSV files of a built site with Python's
own parsers (xml.etree over expat, which rejects any document that is not
well-formed; csv in strict mode) and prints one JSON object: for each
file, either {"error": "..."} or the parsed content, which the
formats suite then checks for structure.

XML becomes {"tag": "{namespace}name", "attrs": {...}, "text": "...",
"children": [...]}; CSV becomes {"rows": [[...], ...], "bom": bool}.
Being a different parser from anything in the generator is the point.
"""
import csv
import io
import json
import sys
import xml.etree.ElementTree as ET


def tree(el):
    return {
        "tag": el.tag,
        "attrs": dict(el.attrib),
        "text": (el.text or "").strip(),
        "children": [tree(c) for c in el],
    }


def parse_xml(path):
    try:
        return tree(ET.parse(path).getroot())
    except ET.ParseError as e:
        return {"error": f"not well-formed XML: {e}"}


def parse_csv(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return {"error": f"not UTF-8: {e}"}
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        return {"error": f"not valid CSV: {e}"}
    return {"rows": rows, "bom": bom, "crlf": "\r\n" in text}


def main(paths):
    out = {}
    for p in paths:
        if p.endswith(".csv"):
            out[p] = parse_csv(p)
        else:
            out[p] = parse_xml(p)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
