package io.gutbrain.cli.modules;

import io.gutbrain.cli.common.options.OptionTypes;
import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.FolderOutput;
import io.gutbrain.cli.common.Progress;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.error.InputException;
import io.gutbrain.io.BiomHdf5;
import io.gutbrain.io.ClassicTsv;
import io.gutbrain.io.OutputFolder;
import io.gutbrain.modules.Estimator;
import io.gutbrain.modules.KoInput;
import io.gutbrain.modules.ModuleContributions;
import io.gutbrain.modules.ModuleOptions;
import io.gutbrain.modules.ModuleProfile;
import io.gutbrain.modules.ModuleProfiler;
import io.gutbrain.modules.ModuleSet;
import io.gutbrain.result.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Scores gut-brain modules on a KO table (Omixer-RPM's method, see
 * {@link io.gutbrain.modules.ModuleProfiler}) and writes the abundance and coverage matrices,
 * per-taxon contributions for stratified input, and a provenance record into one folder.
 */
@Command(name = "modules",
        description = "Gut-brain modules: neuroactive potential (GABA, glutamate, tryptophan/kynurenine, dopamine, histamine, NO, SCFA, ...) from KO profiles (HUMAnN, PICRUSt2, any KO table), Omixer-RPM method.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain modules --ko humann_KO_cpm.tsv --modules builtin --coverage 0.66 --estimator median --out modules")
public final class ModulesCommand implements Callable<Integer> {
    static final String ABUNDANCE_TSV = "module_abundance.tsv";
    static final String COVERAGE_TSV = "module_coverage.tsv";
    static final String ABUNDANCE_BIOM = "module_abundance.biom";
    static final String CONTRIBUTIONS_TSV = "module_contributions.tsv";
    static final String PROVENANCE = "provenance.json";

    @Spec CommandSpec spec;
    @Option(names = "--ko", required = true, paramLabel = "TABLE",
            description = "KO abundance table: HUMAnN (stratified or not), PICRUSt2 KO predictions, or any table whose feature ids are KOs.") Path ko;
    @Option(names = "--modules", defaultValue = "builtin", paramLabel = "builtin|FILE",
            description = "Module set: 'builtin' (gutbrain's open neuroactive set, docs/modules.md) or a file in Omixer-RPM's format, e.g. the GBM or GMM file (default: ${DEFAULT-VALUE}).") String modules;
    @Option(names = "--coverage", converter = OptionTypes.CoverageCutoff.class, defaultValue = "0.66", paramLabel = "C|learn",
            description = "Call a module when its coverage (observed steps / steps) is at least C, or 'learn' the cut-off from the coverage distribution (" + OptionTypes.CoverageCutoff.HELP + "; default: ${DEFAULT-VALUE}, as for the GBMs).") String coverage;
    @Option(names = "--estimator", converter = OptionTypes.ModuleEstimator.class, defaultValue = "median", paramLabel = "median|average",
            description = "Module abundance from the best path's step values: " + OptionTypes.ModuleEstimator.HELP + " (default: ${DEFAULT-VALUE}).") String estimator;
    @Option(names = "--normalize-by-length", description = "Count missing steps as 0 in the estimate (Omixer-RPM's -n).") boolean normalizeByLength;
    @Option(names = "--distribute", description = "Split a KO shared by N modules as abundance / N (Omixer-RPM's --Xdistribute).") boolean distribute;
    @Option(names = "--threads", converter = OptionTypes.Threads.class, defaultValue = "0", description = "Worker threads (" + OptionTypes.Threads.HELP + "; default: ${DEFAULT-VALUE}). Results do not depend on it.") int threads;
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder: module_abundance.tsv/.biom, module_coverage.tsv, module_contributions.tsv (stratified input), provenance.json." + FolderOutput.OUT_RULES) Path out;
    @Mixin FolderOutput folder;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        ModuleOptions options = options();
        Provenance prov = RunRecord.start(spec).input("ko", ko);
        ModuleSet set;
        if (modules.strip().equalsIgnoreCase("builtin")) {
            set = ModuleSet.builtin();
        } else {
            Path file = Path.of(modules);
            set = ModuleSet.read(file);
            prov.input("modules", file);
        }
        KoInput in = KoInput.read(ko);
        console.info(String.format(Locale.ROOT, "%s: %s table, %d samples, %d features%s", ko, in.format(),
                in.community().sampleCount(), in.community().featureCount(), in.isStratified() ? " (stratified by taxon)" : ""));
        ModuleProfile profile;
        try (Progress p = console.progress("modules", in.community().sampleCount())) {
            profile = ModuleProfiler.profile(in.community(), set, options, p);
        }
        if (profile.otherFeatures() > 0) {
            console.info(profile.otherFeatures() + " feature(s) are not KO ids (e.g. UNMAPPED, UNGROUPED) and were ignored");
        }
        if (profile.moduleKosPresent() == 0) {
            console.warn("none of the " + set.orthologs().size() + " KOs of the module set occurs in " + ko + ": every module scores 0");
        }
        // per-taxon contributions are computed before the folder is opened: a long step that fails leaves nothing
        ModuleContributions contributions = null;
        if (in.isStratified()) {
            try (Progress p = console.progress("per-taxon modules", in.stratified().table().sampleCount())) {
                contributions = ModuleProfiler.contributions(in.stratified(), set, options, profile.cutoff(), p);
            }
        }
        List<String> written = new ArrayList<>();
        try (OutputFolder f = folder.stage(spec, out)) {
            write(f, prov, written, ABUNDANCE_TSV, "module abundance", p -> ClassicTsv.write(profile.abundanceTable(), p));
            write(f, prov, written, COVERAGE_TSV, "module coverage", p -> ClassicTsv.write(profile.coverageTable(), p));
            write(f, prov, written, ABUNDANCE_BIOM, "module abundance", p -> BiomHdf5.write(profile.abundanceTable(), p));
            if (contributions != null) write(f, prov, written, CONTRIBUTIONS_TSV, "per-taxon module contributions", contributions::write);
            // the options are recorded by RunRecord; these are what they resolved to
            prov.parameter("module_set", set.source()).parameter("module_count", set.size()).parameter("ko_format", in.format())
                    .parameter("coverage_cutoff", profile.cutoff()).parameter("estimator_used", options.estimator().label());
            prov.write(f.resolve(PROVENANCE));
            written.add(PROVENANCE);
            f.commit();
        }
        console.info(summary(profile));
        console.info("wrote " + out + ": " + String.join(", ", written));
        return 0;
    }

    private ModuleOptions options() {
        Estimator e = Estimator.parse(estimator);
        if (e == null) {
            throw new InputException(null, "--estimator", "unknown estimator '" + estimator + "'", "use median or average");
        }
        ModuleOptions o = ModuleOptions.defaults().withEstimator(e).withNormalizeByLength(normalizeByLength).withDistribute(distribute);
        o = o.withThreads(threads);
        if (coverage.strip().equalsIgnoreCase("learn")) return o.withLearnedCoverage();
        double c;
        try {
            c = Double.parseDouble(coverage.strip());
        } catch (NumberFormatException ex) {
            c = Double.NaN;
        }
        if (!(c >= 0 && c <= 1)) {
            throw new InputException(null, "--coverage", "expected a number in [0, 1] or 'learn', got '" + coverage + "'", "e.g. --coverage 0.66");
        }
        return o.withCoverage(c);
    }

    @FunctionalInterface
    private interface Writer { void write(Path p); }

    private void write(OutputFolder f, Provenance prov, List<String> written, String name, String role, Writer w) {
        Path p = f.resolve(name);
        w.write(p);
        prov.output(role, p, out.resolve(name));
        written.add(name);
    }

    private static String summary(ModuleProfile p) {
        int ns = p.sampleCount();
        int[] perSample = new int[ns];
        for (int s = 0; s < ns; s++) for (int m = 0; m < p.moduleCount(); m++) if (p.called(s, m)) perSample[s]++;
        Arrays.sort(perSample);
        int modulesCalled = 0;
        for (int m = 0; m < p.moduleCount(); m++) if (p.calledSamples(m) > 0) modulesCalled++;
        return String.format(Locale.ROOT, "%d modules (%s), coverage cut-off %s%s: %d module(s) called in at least one sample; per sample median %d (range %d-%d); %d of the set's %d KOs present in the table",
                p.moduleCount(), p.modules().source(), trim(p.cutoff()), p.options().learnsCutoff() ? " (learned)" : "",
                modulesCalled, ns == 0 ? 0 : perSample[ns / 2], ns == 0 ? 0 : perSample[0], ns == 0 ? 0 : perSample[ns - 1],
                p.moduleKosPresent(), p.modules().orthologs().size());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
