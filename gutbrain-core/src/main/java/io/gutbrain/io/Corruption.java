package io.gutbrain.io;

/**
 * Magnitudes that no count or proportion has and that therefore mean a damaged file.
 *
 * <p>Real abundances lie within a few dozen orders of magnitude of 1: a read count is at most
 * about 10<sup>12</sup>, one read in 10<sup>15</sup> is 10<sup>-15</sup>, and normalised values
 * (CPM, TPM, percentages) stay within that span. A flipped bit in the exponent of a double
 * moves the value by a factor of 2<sup>1024</sup> (160 becomes 8.9e-307, 0.01 becomes 1.4e306);
 * the same flip in a float moves it by 2<sup>128</sup>. So readers refuse, as corruption:
 *
 * <ul>
 *   <li>double values with 0 &lt; |x| &lt; {@value #MIN_PLAUSIBLE} or |x| &gt; {@value #MAX_PLAUSIBLE},
 *       which includes every subnormal double (|x| &lt; {@link Double#MIN_NORMAL});</li>
 *   <li>single-precision (HDF5 float32) values with 0 &lt; |x| &lt; {@value #MIN_PLAUSIBLE_FLOAT}
 *       or |x| &gt; {@value #MAX_PLAUSIBLE_FLOAT}, which includes every subnormal float.</li>
 * </ul>
 *
 * <p>A subnormal-only rule would not catch the example above: 8.9e-307 is a normal double
 * (subnormals start below 2.2e-308). Each reader applies the rule in the same range test it
 * already makes for negative and non-finite values, so the per-value cost does not change.
 */
public final class Corruption {
    /** Smallest plausible non-zero magnitude of a double value. */
    public static final double MIN_PLAUSIBLE = 1e-250;
    /** Largest plausible magnitude of a double value. */
    public static final double MAX_PLAUSIBLE = 1e250;
    /** Smallest plausible non-zero magnitude of a single-precision value. */
    public static final double MIN_PLAUSIBLE_FLOAT = 1e-30;
    /** Largest plausible magnitude of a single-precision value. */
    public static final double MAX_PLAUSIBLE_FLOAT = 1e30;

    /** The fix shown with every refused value. */
    static final String FIX = "the file is damaged; re-export or re-download the table and compare it with the original";

    private Corruption() {}

    /**
     * The problem text for a positive value outside the plausible range, as written in the file.
     *
     * @param float32 whether the value was stored in single precision (names the float limits)
     */
    static String implausible(String value, double v, boolean float32) {
        double min = float32 ? MIN_PLAUSIBLE_FLOAT : MIN_PLAUSIBLE;
        boolean subnormal = Math.abs(v) < (float32 ? Float.MIN_NORMAL : Double.MIN_NORMAL);
        String how = Math.abs(v) < min
                ? "implausibly small (below " + (float32 ? "1e-30" : "1e-250") + (subnormal ? "; a subnormal number" : "") + ")"
                : "implausibly large (above " + (float32 ? "1e30" : "1e250") + ")";
        return "value " + value + " is " + how + "; no count or proportion has this magnitude, so the data are corrupt (e.g. a flipped exponent bit)";
    }
}
