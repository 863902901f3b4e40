package io.gutbrain.cli.measures;

import io.gutbrain.cli.common.Console;
import io.gutbrain.cli.common.RunRecord;
import io.gutbrain.error.InputException;
import io.gutbrain.io.MetadataFile;
import io.gutbrain.measures.Instrument;
import io.gutbrain.measures.InstrumentScores;
import io.gutbrain.measures.InstrumentSpec;
import io.gutbrain.measures.Instruments;
import io.gutbrain.measures.Scoring;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.result.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Scores instruments from item-level metadata columns: total, band, missing items, flags. */
@Command(name = "score",
        description = "Score instruments from item columns: score, severity band, missing items (prorated by each instrument's rule), flags.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain measures score --metadata md.tsv --instrument phq9 --items \"phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9\" --out scores.tsv")
public final class ScoreMeasures implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--metadata", required = true, paramLabel = "FILE") Path metadata;
    @Option(names = "--instrument", split = ",", description = "phq9, gad7, pss10, hads (both subscales), hads_a, hads_d, bdi2, bristol (comma-separated); or use --spec.")
    List<String> instruments = new ArrayList<>();
    @Option(names = "--spec", paramLabel = "FILE", description = "A user-defined instrument (see docs/instruments.md).") Path specFile;
    @Option(names = "--items", description = "Item columns in item order (default: the instrument's naming, e.g. phq9_1..phq9_9). Only with one instrument.") String items;
    @Option(names = "--invalid-as-missing", description = "Treat out-of-range or non-integer items as missing (with a warning) instead of failing.") boolean invalidAsMissing;
    @Option(names = "--out", required = true, paramLabel = "TSV") Path out;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        List<Instrument> list = new ArrayList<>();
        for (String name : instruments) list.addAll(Instruments.named(name.strip()));
        if (specFile != null) list.add(InstrumentSpec.read(specFile));
        if (list.isEmpty()) throw new InputException(null, "--instrument", "no instrument given", "use --instrument " + String.join("|", Instruments.names()) + " or --spec FILE");
        if (items != null && list.size() != 1) throw new InputException(null, "--items", "--items applies to one instrument, " + list.size() + " were given", "score one instrument per call when naming items");
        SampleMetadata md = MetadataFile.read(metadata);
        List<InstrumentScores> scores = new ArrayList<>();
        for (Instrument ins : list) {
            List<String> columns = items == null ? null : Arrays.stream(items.split(",")).map(String::strip).toList();
            scores.add(Scoring.score(md, ins, columns, invalidAsMissing ? Scoring.InvalidItems.MISSING_WITH_WARNING : Scoring.InvalidItems.ERROR, console.warnings()));
        }
        InstrumentScores.writeTsv(out, scores);
        Provenance prov = RunRecord.start(spec).input("metadata", metadata);
        if (specFile != null) prov.input("instrument spec", specFile);
        prov.parameter("instruments_scored", list.stream().map(Instrument::name).toList());
        RunRecord.finishSidecar(prov, "scores", out);
        for (InstrumentScores s : scores) {
            console.info(String.format(Locale.ROOT, "%s: %d of %d samples scored", s.instrument().title(), s.scoredCount(), s.samples().size()));
        }
        return 0;
    }
}
