package io.gutbrain.diversity.alpha;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The names {@link AlphaMetric#byName} knows, canonical names first, then aliases. */
final class MetricRegistry {
    private MetricRegistry() {}

    static final Map<String, AlphaMetric> BY_NAME = new LinkedHashMap<>();
    static final List<String> CANONICAL;

    static {
        for (AlphaMetric m : List.of(ObservedFeatures.INSTANCE, Shannon.NATURAL, Shannon.base(2), Shannon.base(10),
                Simpson.INSTANCE, InverseSimpson.INSTANCE, PielouE.INSTANCE, Chao1.INSTANCE, Ace.INSTANCE,
                GoodsCoverage.INSTANCE, BergerParkerD.INSTANCE, FaithPd.UNBOUND)) {
            BY_NAME.put(m.name(), m);
        }
        CANONICAL = List.copyOf(BY_NAME.keySet());
        // names used by scikit-bio < 0.5.7 (observed_otus) and vegan (invsimpson)
        BY_NAME.put("observed_otus", ObservedFeatures.INSTANCE);
        BY_NAME.put("invsimpson", InverseSimpson.INSTANCE);
    }
}
