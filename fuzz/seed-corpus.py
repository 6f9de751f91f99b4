#!/usr/bin/env python3
"""Derives the seed corpora and the dictionary of the fuzz targets from the
spec's examples and the command catalog.

Writes corpus/fuzz/<target>/ from corpus/spec/*.xml and *.tpkt and
corpus/decode/*.xml, and fuzz/dvcr.dict from those documents and the
catalog's tables (protocol/src/catalog/*.rs); run it from anywhere, again
whenever they change. The seeds of each target are described in
corpus/fuzz/README.md.
"""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SPEC = ROOT / "corpus" / "spec"
DECODE = ROOT / "corpus" / "decode"
OUT = ROOT / "corpus" / "fuzz"
CATALOG = ROOT / "protocol" / "src" / "catalog"
DICT = ROOT / "fuzz" / "dvcr.dict"

# Tokens no document shows but the grammar and the framing know.
EXTRA = [
    b"<?xml version=\"1.0\" encoding=\"UTF-8\" ?>", b"<? xml", b"?>", b"<!--", b"-->",
    b"<![CDATA[", b"]]>", b"<!DOCTYPE", b"&amp;", b"&lt;", b"&gt;", b"&quot;", b"&apos;",
    b"&#32;", b"&#x20;", b"&#9;", b"&#10;", b"&#13;", b"\xef\xbb\xbf", b"\r\n", b"/>", b"</",
    b"<DVCRMANAGER version=\"1.0.0.0\">", b"</DVCRMANAGER>", b"<COMMAND xmlid=\"",
    b"<CONFIRM xmlid=\"", b"<INDICATION xmlid=\"", b"</COMMAND>", b"</CONFIRM>",
    b"</INDICATION>", b"<Confirm", b"< ", b"=\"0\"", b"value=\"\"",
    # Value shapes: GUID, IPv4, date, duration, numbers at their edges.
    b"7e76c583-2215-4c89-9a1af7a6c4ed8f11", b"172.21.1.1", b"May 19,2006 15:06:00",
    b"00:30:00", b"-1", b"4294967296", b"65535", b"123456",
    # TPKT headers: empty, smallest, largest, bad version, reserved byte set.
    b"\x03\x00\x00\x04", b"\x03\x00\x00\x05", b"\x03\x00\xff\xff", b"\x04\x00",
    b"\x03\x01",
]

# tpkt_split and message_decode read a settings byte first: bit 0 picks
# strict or lenient; tpkt_split reads four chunk sizes next.
STRICT, LENIENT = b"\x00", b"\x01"
CHUNKS = bytes([1, 7, 3, 64])


def write(target, name, data):
    folder = OUT / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def main():
    payloads = sorted(SPEC.glob("*.xml")) + sorted(DECODE.glob("*.xml"))
    frames = sorted(SPEC.glob("*.tpkt"))
    for path in payloads:
        data = path.read_bytes()
        name = f"{path.parent.name}-{path.name}"
        for target in ("decode_agree", "reference_agree", "catalog_validate"):
            write(target, name, data)
        # message_decode reads a settings byte first: strict or lenient,
        # within the default limits.
        write("message_decode", f"strict-{name}", STRICT + data)
        write("message_decode", f"lenient-{name}", LENIENT + data)

    # The structure-aware targets read any bytes; the documents give them
    # names and values of the right shape to start from.
    for path in payloads[::8]:
        for target in ("message_roundtrip", "emulator_session"):
            write(target, f"{path.parent.name}-{path.name}", path.read_bytes())

    for path in frames:
        write("tpkt_split", path.stem + ".bin", STRICT + CHUNKS + path.read_bytes())
    stream = b"".join(path.read_bytes() for path in frames[:16])
    write("tpkt_split", "stream-of-16-frames.bin", STRICT + CHUNKS + stream)
    for path in sorted(SPEC.glob("*.xml"))[:8]:
        unframed = path.read_bytes().rstrip(b"\r\n") + b"\r\n"
        write("tpkt_split", f"unframed-{path.stem}.bin", LENIENT + CHUNKS + unframed)
    write_dict(payloads)


def write_dict(payloads):
    tokens = set()
    for path in payloads:
        text = path.read_bytes()
        tokens.update(re.findall(rb"</?\s*[A-Za-z_][\w.-]*", text))
        tokens.update(re.findall(rb"[A-Za-z_][\w.-]*=", text))
        tokens.update(re.findall(rb'xmlid="[^"]*"', text))
    for path in sorted(CATALOG.glob("*.rs")):
        text = path.read_bytes()
        tokens.update(b'"' + x + b'"' for x in re.findall(rb'xmlid: "([^"]+)"', text))
        tokens.update(re.findall(rb'(?:required|optional|repeatable)\(\s*"([A-Z0-9_]+)"', text))
    tokens.update(EXTRA)
    lines = ["# Tokens of the DVCRMANAGER protocol for libFuzzer's -dict;"]
    lines.append("# written by fuzz/seed-corpus.py, do not edit by hand.")
    for token in sorted(t for t in tokens if 0 < len(t) <= 64):
        escaped = "".join(
            chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else f"\\x{b:02x}" for b in token
        )
        lines.append(f'"{escaped}"')
    DICT.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
