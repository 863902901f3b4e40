package io.gutbrain.study;

import io.gutbrain.report.Figure;
import io.gutbrain.report.HtmlReport;
import io.gutbrain.result.ResultTable;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Step#render} draws: paragraphs, notes, figures and tables in order. Tables marked
 * {@code store} are also written to the results database. Figures and tables are made from the
 * result on every run (cached or not), so the cache holds numbers only.
 */
public final class StepSection {
    private final StepOutput blocks = new StepOutput(null);

    /** Plain text. */
    public StepSection paragraph(String text) { blocks.paragraph(text); return this; }

    /** A highlighted note (a result's diagnostics). */
    public StepSection note(String text) { blocks.note(text); return this; }

    /** A heading inside the section. */
    public StepSection subheading(String text) { blocks.subheading(text); return this; }

    /** A figure; its name must be unique in the report (start it with the step's name). */
    public StepSection figure(Figure f) { blocks.figure(f); return this; }

    /** A table showing at most {@code shownRows} rows; {@code store}: also written to the results database. */
    public StepSection table(ResultTable t, String caption, int shownRows, boolean store) { blocks.table(t, caption, shownRows, store); return this; }

    /** Tables marked for the results store. */
    List<ResultTable> storedTables() { return blocks.storedTables(); }

    /** Everything drawn, in order (for tests). */
    List<StepOutput.Block> blocks() { return new ArrayList<>(blocks.blocks); }

    /** Appends the blocks to a report section. */
    void addTo(HtmlReport.Section s) { blocks.addTo(s); }
}
