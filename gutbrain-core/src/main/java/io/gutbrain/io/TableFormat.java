package io.gutbrain.io;

import java.util.Locale;

/** The feature-table file formats gutbrain reads ({@code R}) and writes ({@code W}). */
public enum TableFormat {
    /** BIOM 1.0 JSON, sparse or dense (R/W). */
    BIOM_JSON("biom-json", true),
    /** BIOM 2.1 HDF5 (R/W). */
    BIOM_HDF5("biom-hdf5", true),
    /** QIIME classic TSV ({@code #OTU ID}, features as rows, optional taxonomy column) (R/W). */
    TSV("tsv", true),
    /** Plain delimited text (TSV or CSV) in either orientation (R). */
    DELIMITED("delimited", false),
    /** MetaPhlAn 3/4 merged profile (R). */
    METAPHLAN("metaphlan", false),
    /** HUMAnN 3 gene-family / KO / pathway table (R; unstratified part). */
    HUMANN("humann", false),
    /** QIIME 2 artifact holding a FeatureTable (R). */
    QZA("qza", false);

    private final String cliName;
    private final boolean writable;

    TableFormat(String cliName, boolean writable) {
        this.cliName = cliName;
        this.writable = writable;
    }

    /** The name used on the command line ({@code --to biom-hdf5}). */
    public String cliName() { return cliName; }

    public boolean isWritable() { return writable; }

    /** Parses a command-line name; null if unknown. */
    public static TableFormat fromCliName(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (TableFormat f : values()) if (f.cliName.equals(t)) return f;
        if (t.equals("biom") || t.equals("hdf5")) return BIOM_HDF5;
        if (t.equals("json")) return BIOM_JSON;
        return null;
    }
}
