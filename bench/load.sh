#!/usr/bin/env bash
# Side-by-side load benchmark: gutbrain vs the Python biom-format package on the same files.
# Needs Debian's python3-biom-format for the peer side (apt-get install python3-biom-format).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$here/target/bench-load}"
mkdir -p "$dir"
GUTBRAIN_JAVA_OPTS="${GUTBRAIN_JAVA_OPTS:--Xmx8g -XX:+UseParallelGC}" "$here/gutbrain" bench load --repeat 5 --keep-files "$dir" | tee "$dir/gutbrain.txt"
/usr/bin/python3 "$here/bench/peer_biom_load.py" --repeat 5 "$dir"/bundled/american-gut-2014/AG_100nt_even10k.biom.gz "$dir"/synthetic_*.biom | tee "$dir/peer.txt"
