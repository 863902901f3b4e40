package io.gutbrain.study;

import io.gutbrain.report.Figure;
import io.gutbrain.report.HtmlReport;
import io.gutbrain.result.ResultTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one pipeline step as the report and the results store need it: report blocks
 * (paragraphs, notes, figures, tables) in order, named facts for the methods text (e.g. the
 * rarefaction depth actually used), and a folder of data files for downstream steps (filtered
 * table, distance matrices). {@link StepCache} stores and reloads it, so a cached step looks
 * exactly like a computed one.
 */
final class StepOutput {
    /** One report block. */
    sealed interface Block permits Text, Fig, Tab { }

    /** Text block; {@code kind} is {@code paragraph}, {@code note} or {@code subheading}. */
    record Text(String kind, String text) implements Block { }

    /** A figure. */
    record Fig(Figure figure) implements Block { }

    /** A table with its caption and the rows shown in the page; {@code store} = also written to the results store. */
    record Tab(ResultTable table, String caption, int shownRows, boolean store) implements Block { }

    final List<Block> blocks = new ArrayList<>();
    final Map<String, String> facts = new LinkedHashMap<>();
    final Path dir;

    StepOutput(Path dir) { this.dir = dir; }

    StepOutput paragraph(String t) { blocks.add(new Text("paragraph", t)); return this; }

    StepOutput note(String t) { blocks.add(new Text("note", t)); return this; }

    StepOutput subheading(String t) { blocks.add(new Text("subheading", t)); return this; }

    StepOutput figure(Figure f) { blocks.add(new Fig(f)); return this; }

    StepOutput table(ResultTable t, String caption, boolean store) { return table(t, caption, HtmlReport.DEFAULT_SHOWN_ROWS, store); }

    StepOutput table(ResultTable t, String caption, int shownRows, boolean store) { blocks.add(new Tab(t, caption, shownRows, store)); return this; }

    StepOutput fact(String name, Object value) { facts.put(name, String.valueOf(value)); return this; }

    String fact(String name) { return facts.get(name); }

    /** Tables marked for the results store. */
    List<ResultTable> storedTables() {
        List<ResultTable> out = new ArrayList<>();
        for (Block b : blocks) if (b instanceof Tab t && t.store()) out.add(t.table());
        return out;
    }

    /** Appends every block to a report section. */
    void addTo(HtmlReport.Section s) {
        for (Block b : blocks) {
            if (b instanceof Text t) {
                switch (t.kind()) {
                    case "note" -> s.note(t.text());
                    case "subheading" -> s.subheading(t.text());
                    default -> s.paragraph(t.text());
                }
            } else if (b instanceof Fig f) {
                s.figure(f.figure());
            } else if (b instanceof Tab t) {
                s.table(t.table(), t.caption(), t.shownRows());
            }
        }
    }
}
