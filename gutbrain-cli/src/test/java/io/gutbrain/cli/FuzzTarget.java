package io.gutbrain.cli;

import io.gutbrain.io.TableFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One reader under attack: small valid seed files, the one of them that is mutated, and the
 * command that reads it (writing, where the command writes, into {@code out}).
 */
record FuzzTarget(String name, Map<String, byte[]> seeds, String attacked, BiFunction<Path, Path, String[]> commandLine,
                  boolean listsEveryProblem) {

    FuzzTarget(String name, Map<String, byte[]> seeds, String attacked, BiFunction<Path, Path, String[]> commandLine) {
        this(name, seeds, attacked, commandLine, false);
    }

    static final String TSV = "#OTU ID\tS1\tS2\tS3\tS4\ttaxonomy\n"
            + "F1\t10\t0\t3\t7\tk__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; f__Lachnospiraceae; g__Coprococcus\n"
            + "F2\t5\t12\t0\t1\tk__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; f__Ruminococcaceae; g__Faecalibacterium\n"
            + "F3\t0\t4\t9\t2\tk__Bacteria; p__Bacteroidetes; c__Bacteroidia; o__Bacteroidales; f__Bacteroidaceae; g__Bacteroides\n"
            + "F4\t1\t1\t1\t30\tk__Bacteria; p__Actinobacteria\n";
    static final String CSV = "feature,S1,S2,S3,S4\nF1,10,0,3,7\nF2,5,12,0,1\nF3,0,4,9,2\nF4,1,1,1,30\n";
    static final String METADATA = "sample-id\tgroup\tage\tsubject\n#q2:types\tcategorical\tnumeric\tcategorical\n"
            + "S1\tcase\t34\tP1\nS2\tcontrol\t41\tP2\nS3\tcase\t29\tP3\nS4\tcontrol\t55\tP4\n";
    static final String TREE = "((F1:0.1,F2:0.2)n1:0.05,(F3:0.3,F4:0.15)n2:0.4)root;\n";
    static final String TAXONOMY = "Feature ID\tTaxon\tConfidence\nF1\tk__Bacteria; p__Firmicutes; g__Coprococcus\t0.99\n"
            + "F2\tk__Bacteria; p__Firmicutes; g__Faecalibacterium\t0.98\nF3\tk__Bacteria; p__Bacteroidetes\t0.9\nF4\tk__Bacteria\t0.7\n";
    static final String DISTANCES = "\tS1\tS2\tS3\tS4\nS1\t0\t0.5\t0.3\t0.8\nS2\t0.5\t0\t0.6\t0.2\nS3\t0.3\t0.6\t0\t0.7\nS4\t0.8\t0.2\t0.7\t0\n";
    static final String METAPHLAN = "#mpa_vJan21_CHOCOPhlAnSGB_202103\nclade_name\tclade_taxid\tA\tB\n"
            + "UNCLASSIFIED\t-1\t10.0\t25.0\nk__Bacteria\t2\t90.0\t75.0\n"
            + "k__Bacteria|p__Firmicutes\t2|1239\t50.0\t59.5\nk__Bacteria|p__Bacteroidetes\t2|976\t40.0\t15.5\n"
            + "k__Bacteria|p__Firmicutes|c__Clostridia|o__Eubacteriales|f__Oscillospiraceae|g__Faecalibacterium|s__Faecalibacterium_prausnitzii\t2|1239|186801|186802|216572|216851|853\t50.0\t59.5\n"
            + "k__Bacteria|p__Bacteroidetes|c__Bacteroidia|o__Bacteroidales|f__Bacteroidaceae|g__Bacteroides|s__Bacteroides_dorei\t2|976|200643|171549|815|816|357276\t40.0\t15.5\n";
    static final String HUMANN = "# Gene Family\tS1_Abundance-RPKs\tS2_Abundance-RPKs\tS3_Abundance-RPKs\n"
            + "UNMAPPED\t1500.0\t2100.5\t987.25\nUniRef90_A0A015QQE8\t25.0\t0.0\t4.5\n"
            + "UniRef90_A0A015QQE8|g__Bacteroides.s__Bacteroides_fragilis\t20.0\t0.0\t4.5\nUniRef90_A0A015QQE8|unclassified\t5.0\t0.0\t0.0\n"
            + "UniRef90_B0B015QQE9\t3.0\t8.0\t1.0\n";
    static final String KO = "# Gene Family\tS1\tS2\tS3\nK00001\t12\t0\t4\nK00002\t3\t9\t1\nK00003\t0\t5\t5\nK00004\t7\t7\t0\n";
    static final String MODULES = "M1\tfirst module\nK00001,K00002\tK00003\n///\nM2\tsecond module\nK00003\nK00004\tK00001\n///\n";
    static final String SPEC = "name: gi_symptoms\ntitle: GI symptoms (test)\nitems: gi_1..gi_4\nitem-range: 1, 7\nreverse: gi_2\n"
            + "band: low, 4, 10\nband: moderate, 11, 19\nband: high, 20, 28\nmax-missing: 1\nproration: mean\n"
            + "flag: severe_pain when gi_3 >= 6\nreference: hand-made for the gutbrain tests\n";
    static final String ITEMS = "sample-id\tgi_1\tgi_2\tgi_3\tgi_4\nC1\t2\t6\t3\t1\nC2\t7\t1\t6\t7\nC3\t4\t4\t2\t3\n";
    static final String PHQ9 = "sample-id\tphq9_1\tphq9_2\tphq9_3\tphq9_4\tphq9_5\tphq9_6\tphq9_7\tphq9_8\tphq9_9\n"
            + "P1\t0\t1\t2\t3\t0\t1\t2\t3\t0\nP2\t3\t3\t3\t2\t1\t0\t0\t1\t2\n";
    static final String STUDY = "study:\n  name: fuzz\n  description: seed for the fuzzer\n\ninputs:\n  table: t.tsv\n  metadata: md.tsv\n\n"
            + "design:\n  group: group\n  reference: control\n  covariates: [age]\n\n"
            + "analyses:\n  qc:\n    min_depth: 5\n  rarefaction:\n    depth: auto\n    iterations: 2\n"
            + "  alpha:\n    metrics: [shannon, observed_otus]\n  beta:\n    metrics: [braycurtis]\n    permutations: 9\n"
            + "  association:\n    method: maaslin2\n\nseed: 42\n";

    static List<FuzzTarget> all() {
        return List.of(
                convert("table-tsv", "t.tsv", utf8(TSV)),
                convert("table-csv", "t.csv", utf8(CSV)),
                convert("biom-json", "t.biom", ReaderFuzzTest.tableAs(TableFormat.BIOM_JSON, TSV)),
                convert("biom-hdf5", "t.h5", ReaderFuzzTest.tableAs(TableFormat.BIOM_HDF5, TSV)),
                convert("qza-table", "t.qza", qza("FeatureTable[Frequency]", "BIOMV210DirFmt", "feature-table.biom",
                        ReaderFuzzTest.tableAs(TableFormat.BIOM_HDF5, TSV))),
                withTable("qza-taxonomy", "taxonomy.qza", qza("FeatureData[Taxonomy]", "TSVTaxonomyDirectoryFormat", "taxonomy.tsv", utf8(TAXONOMY)),
                        (d, o) -> new String[]{"table", "summarize", d.resolve("t.tsv").toString(), "--taxonomy", d.resolve("taxonomy.qza").toString()}),
                withTable("qza-tree", "tree.qza", qza("Phylogeny[Rooted]", "NewickDirectoryFormat", "tree.nwk", utf8(TREE)),
                        (d, o) -> new String[]{"diversity", "alpha", "--table", d.resolve("t.tsv").toString(), "--tree", d.resolve("tree.qza").toString(),
                                "--metrics", "faith_pd", "--out", o.resolve("alpha.tsv").toString()}),
                new FuzzTarget("qza-distance", seeds("dm.qza", qza("DistanceMatrix", "DistanceMatrixDirectoryFormat", "distance-matrix.tsv", utf8(DISTANCES))),
                        "dm.qza", (d, o) -> new String[]{"diversity", "pcoa", "--distance", d.resolve("dm.qza").toString(), "--out", o.resolve("pcoa").toString()}),
                convert("metaphlan", "mpa.tsv", utf8(METAPHLAN)),
                convert("humann", "genefamilies.tsv", utf8(HUMANN)),
                withTable("metadata", "md.tsv", utf8(METADATA), (d, o) -> new String[]{"table", "summarize", d.resolve("t.tsv").toString(),
                        "--metadata", d.resolve("md.tsv").toString()}),
                withTable("taxonomy", "taxonomy.tsv", utf8(TAXONOMY), (d, o) -> new String[]{"table", "summarize", d.resolve("t.tsv").toString(),
                        "--taxonomy", d.resolve("taxonomy.tsv").toString()}),
                withTable("newick", "tree.nwk", utf8(TREE), (d, o) -> new String[]{"diversity", "alpha", "--table", d.resolve("t.tsv").toString(),
                        "--tree", d.resolve("tree.nwk").toString(), "--metrics", "faith_pd", "--out", o.resolve("alpha.tsv").toString()}),
                new FuzzTarget("distance-matrix", seeds("dm.tsv", utf8(DISTANCES), "md.tsv", utf8(METADATA)), "dm.tsv",
                        (d, o) -> new String[]{"stats", "permanova", "--distance", d.resolve("dm.tsv").toString(), "--metadata",
                                d.resolve("md.tsv").toString(), "--formula", "group", "--permutations", "19", "--out", o.resolve("p.tsv").toString()}),
                new FuzzTarget("distance-pcoa", seeds("dm.tsv", utf8(DISTANCES)), "dm.tsv",
                        (d, o) -> new String[]{"diversity", "pcoa", "--distance", d.resolve("dm.tsv").toString(), "--out", o.resolve("pcoa").toString()}),
                new FuzzTarget("ko-table", seeds("ko.tsv", utf8(KO), "modules.txt", utf8(MODULES)), "ko.tsv", FuzzTarget::modules),
                new FuzzTarget("module-file", seeds("ko.tsv", utf8(KO), "modules.txt", utf8(MODULES)), "modules.txt", FuzzTarget::modules),
                new FuzzTarget("instrument-spec", seeds("gi.spec", utf8(SPEC), "items.tsv", utf8(ITEMS)), "gi.spec",
                        (d, o) -> new String[]{"measures", "score", "--metadata", d.resolve("items.tsv").toString(), "--spec",
                                d.resolve("gi.spec").toString(), "--out", o.resolve("scores.tsv").toString()}),
                new FuzzTarget("instrument-items", seeds("phq.tsv", utf8(PHQ9)), "phq.tsv",
                        (d, o) -> new String[]{"measures", "score", "--metadata", d.resolve("phq.tsv").toString(), "--instrument",
                                "phq9", "--out", o.resolve("scores.tsv").toString()}),
                new FuzzTarget("study-yaml", seeds("study.yaml", utf8(STUDY), "t.tsv", utf8(TSV), "md.tsv", utf8(METADATA)), "study.yaml",
                        (d, o) -> new String[]{"study", "check", d.resolve("study.yaml").toString()}, true));
    }

    /** The file names an error line may name. */
    List<String> fileNames() { return List.copyOf(seeds.keySet()); }

    void writeSeeds(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
    }

    String[] command(Path dir, Path out) { return commandLine.apply(dir, out); }

    private static FuzzTarget convert(String name, String file, byte[] content) {
        return new FuzzTarget(name, seeds(file, content), file,
                (d, o) -> new String[]{"table", "convert", d.resolve(file).toString(), o.resolve("converted.biom").toString(), "-q"});
    }

    private static FuzzTarget withTable(String name, String file, byte[] content, BiFunction<Path, Path, String[]> cmd) {
        return new FuzzTarget(name, seeds("t.tsv", utf8(TSV), file, content), file, cmd);
    }

    private static String[] modules(Path d, Path o) {
        return new String[]{"modules", "--ko", d.resolve("ko.tsv").toString(), "--modules", d.resolve("modules.txt").toString(),
                "--out", o.resolve("modules").toString(), "-q"};
    }

    private static Map<String, byte[]> seeds(Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) m.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        return m;
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** A QIIME 2 archive around one payload, laid out as QIIME 2 writes it. */
    static byte[] qza(String type, String format, String payloadName, byte[] payload) {
        String uuid = "2f6b1a8e-0c1d-4a55-9d6e-3b0f2c7d8e91";
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            put(z, uuid + "/VERSION", utf8("QIIME 2\narchive: 5\nframework: 2023.9.0\n"));
            put(z, uuid + "/metadata.yaml", utf8("uuid: " + uuid + "\ntype: " + type + "\nformat: " + format + "\n"));
            put(z, uuid + "/data/" + payloadName, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }
}
