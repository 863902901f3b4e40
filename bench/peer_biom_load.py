#!/usr/bin/env python3
"""Peer side of `gutbrain bench load`: time the Python biom-format package loading the same files.

Usage: /usr/bin/python3 bench/peer_biom_load.py FILE [FILE ...] [--repeat 5]
Prints, per file, the median and minimum wall time of biom.load_table and the retained heap
(tracemalloc peak of the load, an upper bound for the table's size in Python).
"""
import statistics
import sys
import time
import tracemalloc

import biom


def main(argv):
    repeat = 5
    files = []
    it = iter(argv)
    for a in it:
        if a == "--repeat":
            repeat = int(next(it))
        else:
            files.append(a)
    print(f"biom-format {biom.__version__}")
    print(f"{'file':48s} {'non-zeros':>10s} {'median (s)':>12s} {'min (s)':>10s} {'peak (MB)':>12s}")
    for f in files:
        t = biom.load_table(f)  # warm-up (imports, caches)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            t = biom.load_table(f)
            times.append(time.perf_counter() - start)
        tracemalloc.start()
        t = biom.load_table(f)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{f.split('/')[-1]:48s} {t.nnz:>10,d} {statistics.median(times):12.3f} {min(times):10.3f} {peak / 1e6:12.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
