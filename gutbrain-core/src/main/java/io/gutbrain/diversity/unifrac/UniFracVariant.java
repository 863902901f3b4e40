package io.gutbrain.diversity.unifrac;

import io.gutbrain.error.InputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The four UniFrac distances, named as on the command line. For samples i and j with subtree
 * proportions {@code u}, {@code v} at each non-root node of branch length {@code b}:
 * <ul>
 *   <li>{@link #UNWEIGHTED}: Σ b·[exactly one of u, v &gt; 0] / Σ b·[u &gt; 0 or v &gt; 0]
 *       (Lozupone &amp; Knight 2005, Appl Environ Microbiol 71:8228);</li>
 *   <li>{@link #WEIGHTED_UNNORMALIZED}: Σ b·|u − v| (Lozupone et al. 2007, Appl Environ
 *       Microbiol 73:1576);</li>
 *   <li>{@link #WEIGHTED_NORMALIZED}: Σ b·|u − v| / Σ b·(u + v), which equals the classic
 *       normalisation by Σ over tips of depth-to-tip × (u + v), and lies in [0, 1];</li>
 *   <li>{@link #GENERALIZED}: Σ b·(u + v)^α·|u − v|/(u + v) / Σ b·(u + v)^α over nodes with
 *       u + v &gt; 0 (Chen et al. 2012, Bioinformatics 28:2106); α = 1 is the weighted
 *       normalized distance, α = 0 weighs every lineage equally.</li>
 * </ul>
 */
public enum UniFracVariant {
    UNWEIGHTED("unweighted-unifrac"),
    WEIGHTED_UNNORMALIZED("weighted-unifrac"),
    WEIGHTED_NORMALIZED("weighted-normalized-unifrac"),
    GENERALIZED("generalized-unifrac");

    private final String cliName;

    UniFracVariant(String cliName) { this.cliName = cliName; }

    /** The name used on the command line and in reports, e.g. {@code weighted-normalized-unifrac}. */
    public String cliName() { return cliName; }

    /** True for the variants that use relative abundances (all but unweighted). */
    public boolean isWeighted() { return this != UNWEIGHTED; }

    /**
     * The variant with this command-line name.
     * @throws InputException listing the valid names when none matches
     */
    public static UniFracVariant fromCliName(String name) {
        for (UniFracVariant v : values()) if (v.cliName.equals(name)) return v;
        throw new InputException(null, null, "unknown UniFrac variant '" + name + "'",
                "use one of " + Arrays.stream(values()).map(UniFracVariant::cliName).collect(Collectors.joining(", ")));
    }
}
