package io.gutbrain.association;

/**
 * One tested association (feature × model coefficient) of a MaAsLin2 run.
 *
 * <p>The first nine components are MaAsLin2's own output columns; the rest are the extended
 * output.
 *
 * @param feature                 feature name, made syntactic as R does ({@link RCompat#makeName})
 * @param metadata                the metadata column (model term) of the coefficient
 * @param value                   the level for a categorical covariate, else the column name
 * @param coef                    the coefficient (effect size on the transformed scale)
 * @param stderr                  its standard error
 * @param n                       samples in the table (MaAsLin2's N, which counts samples left out for
 *                                missing metadata too)
 * @param nNotZero                samples in which the feature is non-zero (before normalisation)
 * @param pval                    two-sided p-value
 * @param qval                    Benjamini–Hochberg q-value over all tests of the run
 * @param df                      degrees of freedom of the t test (n − p, or Satterthwaite for mixed models)
 * @param t                       t statistic
 * @param ciLow                   lower end of the 95% confidence interval of coef
 * @param ciHigh                  upper end of the 95% confidence interval of coef
 * @param nUsed                   samples in the model (complete cases)
 * @param prevalence              fraction of samples (among those in the model) where the feature
 *                                is non-zero — in the level's group for a categorical coefficient
 * @param prevalenceReference     the same in the reference group (NaN for numeric covariates)
 * @param meanAbundance           mean normalised abundance (before the transform), in the level's group
 *                                for a categorical coefficient, else over all samples in the model
 * @param meanAbundanceReference  the same in the reference group (NaN for numeric covariates)
 * @param failure                 null, or why the model could not be fitted for this feature
 */
public record AssociationRow(String feature, String metadata, String value, double coef, double stderr, int n, int nNotZero,
                             double pval, double qval, double df, double t, double ciLow, double ciHigh, int nUsed,
                             double prevalence, double prevalenceReference, double meanAbundance, double meanAbundanceReference,
                             String failure) {

    /** MaAsLin2, as the method name of {@link AssociationResult#method()}. */
    public static final String MAASLIN2 = "maaslin2";

    /**
     * The row in the layout shared by all association methods: {@code value} becomes the level
     * (empty for a numeric covariate, whose value is its own name), {@code coef} the estimate
     * with its t statistic, Satterthwaite or residual df and confidence interval; {@code failure}
     * the reason. Group summaries are not carried over.
     *
     * @param featureId the table's feature id (this row holds R's syntactic name)
     */
    public AssociationResult toResult(String featureId) {
        String level = value == null || value.equals(metadata) ? "" : value;
        return new AssociationResult(MAASLIN2, featureId, metadata, level, "", "t", t, df, "t", coef, stderr, ciLow, ciHigh,
                "", Double.NaN, Double.NaN, Double.NaN, n, nNotZero, pval, qval, java.util.List.of(), failure);
    }

    /** This row with its q-value set. */
    AssociationRow withQval(double q) {
        return new AssociationRow(feature, metadata, value, coef, stderr, n, nNotZero, pval, q, df, t, ciLow, ciHigh, nUsed,
                prevalence, prevalenceReference, meanAbundance, meanAbundanceReference, failure);
    }
}
