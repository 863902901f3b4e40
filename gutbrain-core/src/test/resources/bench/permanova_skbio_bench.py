"""scikit-bio side of io.gutbrain.stats.PermanovaBenchmark.

Usage: /usr/bin/python3 permanova_skbio_bench.py OUT_DIR [PERMUTATIONS]
Loads the condensed matrix and groups the Java benchmark wrote to OUT_DIR, then times
skbio.stats.distance.permanova alone (loading and DistanceMatrix construction excluded):
the first call and the best of five, in wall-clock and in CPU seconds.
"""
import sys
import time

import numpy as np
from scipy.spatial.distance import squareform
from skbio import DistanceMatrix
from skbio.stats.distance import permanova

out = sys.argv[1]
perms = int(sys.argv[2]) if len(sys.argv) > 2 else 999
cond = np.fromfile(f"{out}/condensed.f64", dtype="<f8")
groups = [line.strip() for line in open(f"{out}/groups.txt") if line.strip()]
dm = DistanceMatrix(squareform(cond), [f"s{i}" for i in range(len(groups))])
t = time.perf_counter()
res = permanova(dm, groups, permutations=perms)
first = time.perf_counter() - t
best = best_cpu = float("inf")
for _ in range(5):
    t, c = time.perf_counter(), time.process_time()
    permanova(dm, groups, permutations=perms)
    best = min(best, time.perf_counter() - t)
    best_cpu = min(best_cpu, time.process_time() - c)
print(f"scikit-bio PERMANOVA: {len(groups)} samples, {perms} permutations: first {first:.4f} s, best of 5 {best:.4f} s wall, "
      f"{best_cpu:.4f} s CPU "
      f"(F = {res['test statistic']:.10g}, p = {res['p-value']:.4g})")
