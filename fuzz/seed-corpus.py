#!/usr/bin/env python3
"""Derives the seed corpora of the fuzz targets from the spec's examples.

Writes corpus/fuzz/<target>/ from corpus/spec/*.xml and *.tpkt and
corpus/decode/*.xml; run it from anywhere, again whenever those change.
The seeds of each target are described in corpus/fuzz/README.md.
"""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SPEC = ROOT / "corpus" / "spec"
DECODE = ROOT / "corpus" / "decode"
OUT = ROOT / "corpus" / "fuzz"

# tpkt_split reads a settings byte, then four chunk sizes, then the stream.
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
        for target in ("message_decode", "reference_agree", "catalog_validate"):
            write(target, name, data)

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


if __name__ == "__main__":
    main()
