#!/bin/bash -eu
# Builds the cargo-fuzz targets of fuzz/ for ClusterFuzzLite and puts each
# binary in $OUT with its dictionary and its seed corpus (the committed
# seeds and regressions), the same targets that fuzz/nightly.sh runs.
cd "$SRC/dvcr/fuzz"
cargo fuzz build -O --debug-assertions
release="target/x86_64-unknown-linux-gnu/release"
for target in $(cargo fuzz list); do
    cp "$release/$target" "$OUT/"
    cp dvcr.dict "$OUT/$target.dict"
    seeds=()
    for folder in "../corpus/fuzz/$target" "../corpus/regressions/$target"; do
        [ -d "$folder" ] && seeds+=("$folder")
    done
    if [ "${#seeds[@]}" -gt 0 ]; then
        find "${seeds[@]}" -type f -print0 | xargs -0 zip -jq "$OUT/${target}_seed_corpus.zip"
    fi
done
