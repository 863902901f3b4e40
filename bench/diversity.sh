#!/usr/bin/env bash
# Side-by-side diversity benchmark: gutbrain vs scikit-bio, vegan and striped UniFrac (ssu) on the
# same seeded problem, on this machine, in one run. Peers come from Debian packages:
#   apt-get install python3-skbio python3-biom-format r-cran-vegan unifrac-tools
# Usage: bench/diversity.sh SAMPLES FEATURES DENSITY [--with-vegan]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000}"; f="${2:-5000}"; dens="${3:-0.1}"
dir="$here/target/bench-${n}x${f}"
gb() { GUTBRAIN_JAVA_OPTS="${GUTBRAIN_JAVA_OPTS:--Xmx8g}" "$here/gutbrain" "$@"; }
gb bench export --samples "$n" --features "$f" --density "$dens" --seed 1 --out "$dir"
echo "== gutbrain, 1 thread"; gb bench diversity --dir "$dir" --threads 1 | tee "$dir/gutbrain_t1.tsv"
echo "== gutbrain, all cores"; gb bench diversity --dir "$dir" --threads 0 | tee "$dir/gutbrain_tall.tsv"
echo "== scikit-bio"; /usr/bin/python3 "$here/bench/peer_skbio.py" "$dir" | tee "$dir/skbio.tsv"
# ssu needs variable-length HDF5 strings (jHDF writes fixed-length ones): rewrite with biom-format
/usr/bin/python3 -c "import biom,h5py,sys; t=biom.load_table(sys.argv[1]); t.to_hdf5(h5py.File(sys.argv[2],'w'),'gutbrain bench')" "$dir/table.biom" "$dir/table_vlen.biom"
for m in unweighted weighted_normalized; do
  for th in 1 2; do
    /usr/bin/time -f "%e %U" -o "$dir/.time" env OMP_NUM_THREADS=$th ssu -i "$dir/table_vlen.biom" -t "$dir/tree.nwk" -m $m -o "$dir/ssu_$m.tsv" --n-substeps $th >/dev/null 2>&1
    echo -e "ssu $m threads=$th\twall_s user_s: $(tail -1 "$dir/.time")" | tee -a "$dir/ssu.tsv"
  done
done
echo "== whole process, Bray-Curtis: load table.biom, compute, write the square matrix"
/usr/bin/time -f "%e" -o "$dir/.time" "$here/gutbrain" diversity beta --table "$dir/table.biom" --metric braycurtis --out "$dir/gutbrain_braycurtis.tsv" -q
echo -e "gutbrain whole-process braycurtis (load + compute + write)\t$(tail -1 "$dir/.time")" | tee "$dir/whole.tsv"
/usr/bin/python3 "$here/bench/peer_skbio.py" "$dir" --whole-process | tee -a "$dir/whole.tsv"
if [ "${4:-}" = "--with-vegan" ]; then echo "== vegan"; Rscript "$here/bench/peer_vegan.R" "$dir" | tee "$dir/vegan.tsv"; fi
