#!/usr/bin/env python3
"""Independent reference for gutbrain's module scoring (ModuleEngineReferenceTest).

Implements Omixer-RPM's documented method the slow, literal way: every path (one alternative per
step, the Cartesian product) is scored, and the path with the highest coverage, then the highest
score, wins. gutbrain instead takes the best alternative at each step; this script checks that
the two agree. Run with python3 (no packages needed); it writes random_modules.txt, random_ko.tsv
and random_expected.tsv next to itself. Seeded, so the output is reproducible.
"""
import itertools, os, random

rng = random.Random(20240606)
HERE = os.path.dirname(os.path.abspath(__file__))
KOS = ["K%05d" % (100 + i) for i in range(30)]

modules = []
for m in range(14):
    steps = []
    for _ in range(rng.randint(1, 6)):
        alts = []
        for _ in range(rng.randint(1, 3)):
            alts.append(rng.sample(KOS, rng.randint(1, 3)))
        steps.append(alts)
    modules.append(("RM%02d" % m, "random module %d" % m, steps))

samples = ["S%02d" % s for s in range(25)]
profile = {}
for s in samples:
    row = {}
    for k in KOS:
        row[k] = 0.0 if rng.random() < 0.65 else round(rng.uniform(0.001, 50.0), 3)
    profile[s] = row

# the module count of every KO (distinct modules), for --distribute
n_modules = {k: sum(1 for (_, _, steps) in modules if any(k in alt for st in steps for alt in st)) for k in KOS}

def median(vals):
    v = sorted(vals)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2.0

def path_summary(path, counts, estimator, normalize):
    values, observed, total = [], 0, 0.0
    for alt in path:
        step_count = sum(counts[k] for k in alt)
        value = step_count / len(alt)
        total += value
        if step_count > 0:
            observed += 1
            values.append(value)
        elif normalize:
            values.append(0.0)
    coverage = observed / len(path)
    if estimator == "average":
        norm = len(path) if normalize else observed
        score = total / norm if norm > 0 else float("nan")
    else:
        if not values:
            score = float("nan")
        else:
            score = median(values)
            if score == 0:
                pos = [x for x in sorted(values) if x > 0]
                if pos:
                    score = pos[0]
    return coverage, score

def best(steps, counts, estimator, normalize):
    best_cov, best_score = None, None
    for path in itertools.product(*steps):
        cov, score = path_summary(path, counts, estimator, normalize)
        if best_cov is None or cov > best_cov or (cov == best_cov and score > best_score):
            best_cov, best_score = cov, score
    return best_cov, (0.0 if best_score != best_score else best_score)  # NaN (nothing observed) -> 0

with open(os.path.join(HERE, "random_modules.txt"), "w") as f:
    f.write("# random modules for ModuleEngineReferenceTest, written by omixer_bruteforce.py\n")
    for (mid, name, steps) in modules:
        f.write(mid + "\t" + name + "\n")
        for st in steps:
            f.write("\t".join(",".join(a) for a in st) + "\n")
        f.write("///\n")

with open(os.path.join(HERE, "random_ko.tsv"), "w") as f:
    f.write("#OTU ID\t" + "\t".join(samples) + "\n")
    for k in KOS:
        f.write(k + "\t" + "\t".join(repr(profile[s][k]) for s in samples) + "\n")

with open(os.path.join(HERE, "random_expected.tsv"), "w") as f:
    f.write("estimator\tnormalize\tdistribute\tsample\tmodule\tcoverage\tscore\n")
    for estimator in ("median", "average"):
        for normalize in (False, True):
            for distribute in (False, True):
                for s in samples:
                    counts = dict(profile[s])
                    if distribute:
                        counts = {k: (v / n_modules[k] if n_modules[k] > 0 else v) for k, v in counts.items()}
                    for (mid, _, steps) in modules:
                        cov, score = best(steps, counts, estimator, normalize)
                        f.write("%s\t%s\t%s\t%s\t%s\t%r\t%r\n" % (estimator, str(normalize).lower(), str(distribute).lower(), s, mid, cov, score))
