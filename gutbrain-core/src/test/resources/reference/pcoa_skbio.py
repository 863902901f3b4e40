# PCoA expected values from scikit-bio 0.5.8: /usr/bin/python3 pcoa_skbio.py > pcoa_skbio.tsv
import warnings
from skbio import DistanceMatrix
from skbio.stats.ordination import pcoa
import pandas as pd
warnings.simplefilter("ignore")
print("dataset\tquantity\tvalue")
for ds in ("synthetic-s50", "peerj32", "dietswap"):
    df = pd.read_csv(f"{ds}/braycurtis_vegan.tsv", sep="\t", index_col=0)
    dm = DistanceMatrix(df.values, [str(i) for i in df.index])
    r = pcoa(dm)
    for a in range(5):
        print(f"{ds}\teigenvalue_PC{a + 1}\t{r.eigvals.iloc[a]!r}")
        print(f"{ds}\tproportion_PC{a + 1}\t{r.proportion_explained.iloc[a]!r}")
    for s in (0, 1, dm.shape[0] - 1):
        for a in range(3):
            print(f"{ds}\tabs_coordinate_{dm.ids[s]}_PC{a + 1}\t{abs(r.samples.iloc[s, a])!r}")
