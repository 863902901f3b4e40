#!/usr/bin/env python3
"""scikit-bio side of the diversity benchmark, on a problem written by `gutbrain bench export`.

Usage: /usr/bin/python3 bench/peer_skbio.py DIR [--repeat 3] [--permutations 999] [--whole-process]
Times (loading excluded, like `gutbrain bench diversity`): Bray-Curtis, Jaccard, PERMANOVA on
Bray-Curtis, alpha (Shannon, observed, Chao1). With --whole-process it instead loads table.biom,
computes Bray-Curtis and writes the square matrix, and prints the total wall time of that.
"""
import sys
import time

import numpy as np


def best_of(fn, repeat):
    t = time.perf_counter()
    fn()
    first = time.perf_counter() - t
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return first, best


def main(argv):
    d = argv[0]
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    perms = int(argv[argv.index("--permutations") + 1]) if "--permutations" in argv else 999
    import skbio
    from skbio.diversity import beta_diversity, alpha_diversity
    from skbio.stats.distance import permanova
    if "--whole-process" in argv:
        import biom
        t = time.perf_counter()
        table = biom.load_table(f"{d}/table.biom")
        counts = table.matrix_data.T.toarray()
        dm = beta_diversity("braycurtis", counts, ids=list(table.ids("sample")))
        dm.write(f"{d}/skbio_braycurtis.tsv")
        print(f"whole-process braycurtis (load + compute + write)\t{time.perf_counter() - t:.3f}")
        return
    rows = [l.rstrip("\n").split("\t") for l in open(f"{d}/table.tsv") if not l.startswith("# ")]
    ids = rows[0][1:]
    counts = np.array([[float(x) for x in r[1:]] for r in rows[1:]]).T
    groups = {l.split("\t")[0]: l.rstrip("\n").split("\t")[1] for l in open(f"{d}/groups.tsv") if not l.startswith("sample-id")}
    print(f"# scikit-bio {skbio.__version__}, numpy {np.__version__}: {counts.shape[0]} samples x {counts.shape[1]} features")
    print("task\tfirst_s\tbest_s")
    bc = beta_diversity("braycurtis", counts, ids=ids)
    for name, fn in [
        ("alpha(shannon,observed,chao1)", lambda: [alpha_diversity(m, counts, ids=ids) for m in ("shannon", "observed_otus", "chao1")]),
        ("braycurtis", lambda: beta_diversity("braycurtis", counts, ids=ids)),
        ("jaccard", lambda: beta_diversity("jaccard", counts, ids=ids)),
        (f"permanova({perms})", lambda: permanova(bc, [groups[i] for i in ids], permutations=perms)),
    ]:
        first, best = best_of(fn, repeat)
        print(f"{name}\t{first:.3f}\t{best:.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
