#!/usr/bin/env python3
"""Extract every XML example of the RSS 2000 XML API spec into corpus/spec/.

Usage, from the repository root:

    python3 corpus/spec/extract.py [SPEC_PATH] [--out DIR]

SPEC_PATH defaults to corpus/spec/rss2000-xml-api.txt; DIR defaults to the
folder holding this script. The section map `sections.tsv` is always read from
the folder holding this script.

The spec text came from a PDF: every line is followed by a blank line and page
breaks add more. Blank lines are dropped; every other line of an example is
kept exactly as it stands, defects included (they are the point of the
corpus). An example starts at its XML declaration (`<?xml`, or `<? xml`) or, if
it has none, at the `DVCRMANAGER` root opening, and ends at the line closing
that root. The script writes, for each example NNN (001..154, spec order):

    NNN-<section xmlid>-<kind>-<ordinal>.xml   the example text, UTF-8
    NNN-<section xmlid>-<kind>-<ordinal>.tpkt  the same bytes behind a TPKT header

and `index.tsv`, one row per example. Re-running it rewrites the same bytes.
Only the Python 3 standard library is used.
"""

import os
import re
import sys

EXPECTED_EXAMPLES = 154
DEFAULT_SPEC = os.path.join("corpus", "spec", "rss2000-xml-api.txt")
HERE = os.path.dirname(os.path.abspath(__file__))

# Examples before the first command heading (the spec's "General Information").
GENERAL_XMLID = "general"
GENERAL_TITLE = "General Information"

DECLARATION = re.compile(r"^\s*<\s*\?\s*xml\b", re.IGNORECASE)
ROOT_OPEN = re.compile(r"<\s*DVCRMANAGER\b", re.IGNORECASE)
ROOT_CLOSE = re.compile(r"<\s*/\s*DVCRMANAGER\s*>?", re.IGNORECASE)
RECORD = re.compile(r"<\s*(COMMAND|CONFIRM|INDICATION)\b", re.IGNORECASE)
RECORD_XMLID = re.compile(
    r"<\s*(?:COMMAND|CONFIRM|INDICATION)\b[^>]*?\bxmlid\s*=\s*\"([^\"]*)\"",
    re.IGNORECASE,
)
GENERATED = re.compile(r"^\d{3}-.+\.(xml|tpkt)$")
TPKT_VERSION = 3
TPKT_HEADER_LEN = 4
TPKT_MAX_LEN = 0xFFFF


def fail(message):
    """Stop with a message on stderr and a non-zero exit status."""
    sys.stderr.write("extract.py: error: " + message + "\n")
    sys.exit(1)


def parse_args(argv):
    """Return (spec_path, out_dir) from the command line."""
    spec = DEFAULT_SPEC
    out = HERE
    rest = list(argv)
    positional = []
    while rest:
        arg = rest.pop(0)
        if arg == "--out":
            if not rest:
                fail("--out needs a directory")
            out = rest.pop(0)
        elif arg.startswith("-"):
            fail("unknown option " + arg)
        else:
            positional.append(arg)
    if len(positional) > 1:
        fail("expected at most one SPEC_PATH, got " + str(len(positional)))
    if positional:
        spec = positional[0]
    return spec, out


def read_sections(path):
    """Return the command sections as (line, xmlid, title path), in spec order."""
    sections = []
    with open(path, encoding="utf-8") as handle:
        rows = handle.read().splitlines()
    for number, row in enumerate(rows[1:], start=2):
        cells = row.split("\t")
        if len(cells) != 3:
            fail("%s:%d: expected 3 tab-separated cells" % (path, number))
        xmlid, title, line = cells
        sections.append((int(line), xmlid, title))
    sections.sort()
    return sections


def find_examples(lines):
    """Return every example as (start line number, [its non-blank lines])."""
    examples = []
    pending = None  # (line number, text) of a declaration not yet followed by a root
    current = None  # (start line number, lines) of the example being read
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        if current is None:
            if DECLARATION.search(text):
                if pending is not None:
                    fail("line %d: declaration without a root before line %d"
                         % (pending[0], number))
                pending = (number, text)
            if not ROOT_OPEN.search(text):
                continue
            if pending is None:
                current = (number, [text])
            elif pending[0] == number:
                current = (number, [text])
            else:
                current = (pending[0], [pending[1], text])
            pending = None
        else:
            if DECLARATION.search(text) or ROOT_OPEN.search(text):
                fail("line %d: a new example starts before the one of line %d is closed"
                     % (number, current[0]))
            current[1].append(text)
        if ROOT_CLOSE.search(text):
            examples.append(current)
            current = None
    if current is not None:
        fail("line %d: example never closes its DVCRMANAGER root" % current[0])
    if pending is not None:
        fail("line %d: declaration without a root" % pending[0])
    return examples


def section_of(sections, line):
    """Return (xmlid, title path) of the command section holding a spec line."""
    found = (GENERAL_XMLID, GENERAL_TITLE)
    for start, xmlid, title in sections:
        if start > line:
            break
        found = (xmlid, title)
    return found


def kind_of(text):
    """Return command, confirm, indication or unknown from the record element."""
    match = RECORD.search(text)
    if match is None:
        return "unknown"
    return match.group(1).lower()


def carried_xmlid(text):
    """Return the xmlid the example's first record carries, as written."""
    match = RECORD_XMLID.search(text)
    if match is None:
        return ""
    return match.group(1)


def tpkt(payload):
    """Return payload behind a TPKT header (RFC 1006)."""
    length = TPKT_HEADER_LEN + len(payload)
    if length > TPKT_MAX_LEN:
        fail("example of %d bytes does not fit a TPKT frame" % len(payload))
    return bytes([TPKT_VERSION, 0, length >> 8, length & 0xFF]) + payload


def write_bytes(path, data):
    """Write data to path, binary, no newline translation."""
    with open(path, "wb") as handle:
        handle.write(data)


def main(argv):
    spec_path, out_dir = parse_args(argv)
    if not os.path.isfile(spec_path):
        fail("spec not found at " + spec_path)
    with open(spec_path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    sections = read_sections(os.path.join(HERE, "sections.tsv"))
    examples = find_examples(lines)
    opened = sum(len(ROOT_OPEN.findall(text)) for text in lines)
    if opened != EXPECTED_EXAMPLES:
        fail("expected %d DVCRMANAGER root openings, found %d"
             % (EXPECTED_EXAMPLES, opened))
    if len(examples) != EXPECTED_EXAMPLES:
        fail("expected %d examples, extracted %d" % (EXPECTED_EXAMPLES, len(examples)))

    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(out_dir)):
        if GENERATED.match(name):
            os.remove(os.path.join(out_dir, name))

    ordinals = {}
    rows = ["stem\tsection\tsection_title\tkind\tline\texample_xmlid"]
    for number, (start, body) in enumerate(examples, start=1):
        text = "\n".join(body) + "\n"
        xmlid, title = section_of(sections, start)
        kind = kind_of(text)
        key = (xmlid, kind)
        ordinals[key] = ordinals.get(key, 0) + 1
        stem = "%03d-%s-%s-%d" % (number, xmlid, kind, ordinals[key])
        payload = text.encode("utf-8")
        write_bytes(os.path.join(out_dir, stem + ".xml"), payload)
        write_bytes(os.path.join(out_dir, stem + ".tpkt"), tpkt(payload))
        rows.append("\t".join([stem, xmlid, title, kind, str(start), carried_xmlid(text)]))

    write_bytes(os.path.join(out_dir, "index.tsv"), ("\n".join(rows) + "\n").encode("utf-8"))
    print("extract.py: wrote %d examples to %s" % (len(examples), out_dir))


if __name__ == "__main__":
    main(sys.argv[1:])
