# Expected values for Aitchison distance with multiplicative zero replacement (scikit-bio's
# default delta = 1/F^2), which the shared reference set does not cover.
# Run from gutbrain-core/src/test/resources:  /usr/bin/python3 reference/make_beta_reference.py
# (scikit-bio 0.5.8, SciPy 1.10.1, NumPy 1.24.2, pandas). Writes
# reference/<dataset>/aitchison_multiplicative_skbio.tsv
import pandas as pd
from scipy.spatial.distance import pdist, squareform
from skbio.stats.composition import clr, multiplicative_replacement

inputs = {"synthetic-s50": "synthetic-s50/s50.tsv",
          "peerj32": "microbiome-interventions/peerj32/counts.tsv",
          "dietswap": "microbiome-interventions/dietswap/counts.tsv"}
for name, path in inputs.items():
    counts = pd.read_csv(path, sep="\t", index_col=0, comment=None)
    x = counts.T.to_numpy(dtype=float)  # samples as rows
    d = squareform(pdist(clr(multiplicative_replacement(x)), metric="euclidean"))
    ids = list(counts.columns)
    with open(f"reference/{name}/aitchison_multiplicative_skbio.tsv", "w") as out:
        out.write("\t" + "\t".join(ids) + "\n")
        for i, sid in enumerate(ids):
            out.write(sid + "\t" + "\t".join(repr(float(v)) for v in d[i]) + "\n")
