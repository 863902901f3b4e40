package io.gutbrain.measures;

import io.gutbrain.error.InputException;
import io.gutbrain.io.AtomicOutput;
import io.gutbrain.metadata.SampleMetadata;
import io.gutbrain.metadata.SampleMetadata.ColumnType;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of one instrument for every sample of a metadata sheet, in metadata order.
 *
 * <p>Output columns use the instrument name as prefix: {@code <name>_score} (integer, empty when
 * missing), {@code <name>_band}, {@code <name>_missing} (number of missing items),
 * {@code <name>_prorated} ({@code true}/{@code false}) and {@code <name>_flags} (raised flag
 * labels joined by {@code ;}, empty when none).
 *
 * @param instrument the instrument scored
 * @param columns    the metadata column of each item, in item order
 * @param samples    one result per metadata sample, in metadata order
 */
public record InstrumentScores(Instrument instrument, List<String> columns, List<SampleScore> samples) {

    /** Copies the lists. */
    public InstrumentScores {
        columns = List.copyOf(columns);
        samples = List.copyOf(samples);
    }

    /** Name of the score column, {@code <name>_score}. */
    public String scoreColumn() { return instrument.name() + "_score"; }

    /** Name of the band column, {@code <name>_band}. */
    public String bandColumn() { return instrument.name() + "_band"; }

    /** How many samples received a score. */
    public int scoredCount() {
        int k = 0;
        for (SampleScore s : samples) if (s.score().isPresent()) k++;
        return k;
    }

    /** The result for one sample id, or null when the id was not scored. */
    public SampleScore get(String sampleId) {
        for (SampleScore s : samples) if (s.sampleId().equals(sampleId)) return s;
        return null;
    }

    /** Writes this instrument's results as a TSV; see {@link #writeTsv(Path, List)}. */
    public void writeTsv(Path target) { writeTsv(target, List.of(this)); }

    /**
     * Writes the results of one or more instruments scored on the same metadata as one TSV
     * (atomically): {@code sample-id} then, per instrument, the five columns described in the
     * class comment. The file is a valid QIIME 2 metadata sheet (types are inferred on reading).
     *
     * @throws IllegalArgumentException if the results are not for the same samples in the same order
     */
    public static void writeTsv(Path target, List<InstrumentScores> all) {
        List<String> ids = sameSamples(all);
        AtomicOutput.write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder("sample-id");
            for (InstrumentScores r : all) {
                String p = r.instrument.name();
                for (String suffix : new String[]{"_score", "_band", "_missing", "_prorated", "_flags"}) line.append('\t').append(p).append(suffix);
            }
            w.write(line.append('\n').toString());
            for (int s = 0; s < ids.size(); s++) {
                line.setLength(0);
                line.append(ids.get(s));
                for (InstrumentScores r : all) {
                    SampleScore x = r.samples.get(s);
                    line.append('\t').append(scoreText(x))
                            .append('\t').append(x.band().orElse(""))
                            .append('\t').append(x.missingItems())
                            .append('\t').append(x.prorated())
                            .append('\t').append(String.join(";", x.flags()));
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
        });
    }

    /** Returns {@code md} with this instrument's score and band columns added; see {@link #addTo(SampleMetadata, List)}. */
    public SampleMetadata addTo(SampleMetadata md) { return addTo(md, List.of(this)); }

    /**
     * Returns a copy of {@code md} with {@code <name>_score} (numeric) and {@code <name>_band}
     * (categorical) appended for each instrument, so that scores can be used as outcomes or
     * covariates like any other metadata column. Samples of {@code md} without a result get
     * missing values.
     *
     * @throws InputException if {@code md} already has a column of the same name
     */
    public static SampleMetadata addTo(SampleMetadata md, List<InstrumentScores> all) {
        List<String> columns = new ArrayList<>(md.columns());
        List<String[]> values = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        ColumnType[] old = md.types();
        for (int c = 0; c < columns.size(); c++) {
            values.add(md.textColumn(columns.get(c)));
            types.add(old[c]);
        }
        for (InstrumentScores r : all) {
            Map<String, SampleScore> byId = new HashMap<>(r.samples.size() * 2);
            for (SampleScore x : r.samples) byId.put(x.sampleId(), x);
            String[] score = new String[md.size()];
            String[] band = new String[md.size()];
            for (int s = 0; s < md.size(); s++) {
                SampleScore x = byId.get(md.ids().get(s));
                if (x == null) continue;
                if (x.score().isPresent()) score[s] = scoreText(x);
                band[s] = x.band().orElse(null);
            }
            add(md, columns, values, types, r.scoreColumn(), score, ColumnType.NUMERIC);
            add(md, columns, values, types, r.bandColumn(), band, ColumnType.CATEGORICAL);
        }
        return new SampleMetadata(md.source(), md.ids(), columns, values.toArray(new String[0][]), types.toArray(new ColumnType[0]));
    }

    private static void add(SampleMetadata md, List<String> columns, List<String[]> values, List<ColumnType> types,
                            String name, String[] column, ColumnType type) {
        if (columns.contains(name)) {
            throw new InputException(md.source(), "column '" + name + "'", "the metadata already has a column named '" + name + "'",
                    "rename or remove that column before adding scores");
        }
        columns.add(name);
        values.add(column);
        types.add(type);
    }

    private static String scoreText(SampleScore x) {
        return x.score().isPresent() ? Integer.toString(x.score().getAsInt()) : "";
    }

    private static List<String> sameSamples(List<InstrumentScores> all) {
        if (all.isEmpty()) throw new IllegalArgumentException("no scores to write");
        List<String> ids = new ArrayList<>();
        for (SampleScore x : all.get(0).samples) ids.add(x.sampleId());
        for (InstrumentScores r : all) {
            boolean same = r.samples.size() == ids.size();
            for (int s = 0; same && s < ids.size(); s++) same = r.samples.get(s).sampleId().equals(ids.get(s));
            if (!same) throw new IllegalArgumentException(r.instrument.name() + " was scored on different samples than " + all.get(0).instrument.name());
        }
        return ids;
    }
}
