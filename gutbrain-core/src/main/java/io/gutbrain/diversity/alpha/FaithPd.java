package io.gutbrain.diversity.alpha;

import io.gutbrain.diversity.ValueFormat;
import io.gutbrain.error.InputException;
import io.gutbrain.table.FeatureTable;
import io.gutbrain.tree.PhyloTree;
import io.gutbrain.tree.TreeChecks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Faith's phylogenetic diversity {@code faith_pd}: the total branch length of the part of the
 * tree spanned by the sample's features, i.e. the sum of the lengths of the union of the
 * root-to-tip paths of every feature with a non-zero count (scikit-bio {@code faith_pd}).
 * Abundances only matter through presence, so proportions are accepted.
 *
 * <p>Conventions, as scikit-bio 0.5.8:
 * <ul>
 *   <li>the root's own branch length counts when the Newick string gives one (scikit-bio sums
 *       every node on a path, root included); an absent root length counts as 0;</li>
 *   <li>a single taxon gives the length of its path to the root; all singletons are treated like
 *       any other presence.</li>
 * </ul>
 * Checked when binding ({@link #bind}): the tree is present; tip names are unique; every
 * non-root node has a branch length ({@link TreeChecks}) and none is negative, the root's
 * included when given (PD is a sum of lengths, so a negative one makes it meaningless); every feature observed in at least one sample is a tip (the error
 * names up to five missing ids). Features that are zero in every sample need not be in the tree.
 *
 * <p>Cost: each sample walks up from its tips until it meets a node already counted for that
 * sample, so it touches every node of the spanned subtree once. A per-thread stamp array of one
 * int per tree node, reused across samples, marks counted nodes without clearing.
 *
 * <p>Faith, D. P. (1992) Conservation evaluation and phylogenetic diversity. <i>Biological
 * Conservation</i> 61: 1–10.
 */
public final class FaithPd implements AlphaMetric {
    /** The metric before it has a tree; {@link #bind} returns a usable one. */
    public static final FaithPd UNBOUND = new FaithPd(null, null, null);

    private final int[] tipOfFeature; // tree node per table feature, -1 if the feature is never observed
    private final int[] parent;
    private final double[] length;    // root's length: as given, 0 when absent
    private final ThreadLocal<Stamps> stamps;

    private FaithPd(int[] tipOfFeature, int[] parent, double[] length) {
        this.tipOfFeature = tipOfFeature;
        this.parent = parent;
        this.length = length;
        this.stamps = parent == null ? null : ThreadLocal.withInitial(() -> new Stamps(parent.length));
    }

    /** Faith's PD for the samples of {@code table} on {@code tree}; same as {@code UNBOUND.bind(table, tree)}. */
    public static FaithPd of(FeatureTable table, PhyloTree tree) {
        if (tree == null) {
            throw new InputException(null, null, "faith_pd needs a phylogenetic tree",
                    "supply a rooted Newick tree whose tip names are the table's feature ids, or drop faith_pd");
        }
        checkTree(tree);
        int[] prevalence = table.featurePrevalence();
        int[] tips = new int[table.featureCount()];
        List<String> missing = new ArrayList<>();
        for (int f = 0; f < tips.length; f++) {
            tips[f] = prevalence[f] > 0 ? tree.tipIndex(table.featureIds().get(f)) : -1;
            if (prevalence[f] > 0 && tips[f] < 0) missing.add(table.featureIds().get(f));
        }
        if (!missing.isEmpty()) {
            throw new InputException(table.source(), "feature ids", missing.size() + " observed feature(s) are not tips of the tree" + TreeChecks.inFile(tree) + ": "
                    + ValueFormat.firstFew(missing),
                    "use the tree the features were placed on, or remove those features from the table");
        }
        double[] len = tree.rawLengths().clone();
        int root = tree.root();
        if (Double.isNaN(len[root])) len[root] = 0;
        return new FaithPd(tips, tree.rawParents(), len);
    }

    private static void checkTree(PhyloTree tree) {
        TreeChecks.requireBranchLengths(tree, null);
        TreeChecks.requireNonNegativeLengths(tree, null);
        double rootLength = tree.branchLength(tree.root());
        if (rootLength < 0) { // TreeChecks ignores the root, but this metric sums its length
            throw TreeChecks.error(tree, tree.root(), "negative branch length " + rootLength + " on the root",
                    "remove the root's length or make it non-negative");
        }
        Set<String> seen = new HashSet<>();
        for (int node = 0; node < tree.nodeCount(); node++) {
            if (tree.isTip(node) && tree.name(node) != null && !seen.add(tree.name(node))) {
                throw TreeChecks.error(tree, node, "tip name occurs more than once", "give every tip a unique name");
            }
        }
    }

    @Override public String name() { return "faith_pd"; }

    @Override public boolean requiresTree() { return true; }

    @Override public FaithPd bind(FeatureTable table, PhyloTree tree) { return of(table, tree); }

    /**
     * @throws IllegalStateException when called on {@link #UNBOUND}, or for a feature that was
     *                               never observed in the table this metric was bound to
     */
    @Override public double compute(double[] values, int[] features, int from, int to) {
        if (stamps == null) throw new IllegalStateException("faith_pd has no tree: bind it to the table and tree first");
        Stamps s = stamps.get();
        int[] mark = s.mark;
        int gen = s.next();
        double pd = 0;
        for (int k = from; k < to; k++) {
            int node = tipOfFeature[features[k]];
            if (node < 0) throw new IllegalStateException("feature " + features[k] + " was not observed when faith_pd was bound");
            while (node >= 0 && mark[node] != gen) {
                mark[node] = gen;
                pd += length[node];
                node = parent[node];
            }
        }
        return pd;
    }

    /** Per-thread "counted in the current sample" marks: a node is counted iff mark == generation. */
    private static final class Stamps {
        final int[] mark;
        int generation;

        Stamps(int nodes) { mark = new int[nodes]; }

        int next() {
            if (++generation == Integer.MAX_VALUE) {
                Arrays.fill(mark, 0);
                generation = 1;
            }
            return generation;
        }
    }
}
