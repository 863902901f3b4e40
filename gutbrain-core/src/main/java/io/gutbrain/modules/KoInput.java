package io.gutbrain.modules;

import io.gutbrain.error.InputException;
import io.gutbrain.io.Humann;
import io.gutbrain.io.HumannTable;
import io.gutbrain.io.Picrust2;
import io.gutbrain.io.Picrust2Table;
import io.gutbrain.io.TableFormat;
import io.gutbrain.io.TableIO;
import io.gutbrain.table.FeatureTable;

import java.nio.file.Path;
import java.util.List;

/**
 * A KO abundance table as read for module profiling, with its taxon-stratified part when the
 * file has one.
 *
 * <p>Recognised from the content: HUMAnN tables ({@code # Gene Family} header; unstratified
 * rows give the community profile, {@code KO|taxon} rows the stratified one; HUMAnN's
 * {@code _Abundance-RPKs}/{@code -CPM}/{@code -RELAB} suffixes are removed from sample names),
 * PICRUSt2 predictions ({@link Picrust2}: unstratified, stratified or contribution layout), and
 * any other table gutbrain reads ({@link TableIO}) whose feature ids are KOs.
 *
 * @param community  samples × functions; only features whose ids are KOs are scored
 * @param stratified the per-taxon part, or null
 * @param format     a short name of the recognised format, for messages and provenance
 */
public record KoInput(FeatureTable community, StratifiedKo stratified, String format) {

    /** True when per-taxon contributions can be computed. */
    public boolean isStratified() { return stratified != null; }

    /**
     * Reads a KO table in any supported format.
     *
     * @throws InputException naming the file when none of its feature ids is a KO, or for any
     *                        problem the format's reader finds
     */
    public static KoInput read(Path path) {
        KoInput in = readAny(path);
        if (in.community().featureIds().stream().noneMatch(id -> KoIds.normalize(id) != null)) {
            List<String> ids = in.community().featureIds();
            throw new InputException(path.toString(), null, "none of the table's " + ids.size()
                    + " feature ids is a KEGG orthology id (K followed by five digits)" + (ids.isEmpty() ? "" : ", e.g. '" + ids.get(0) + "'"),
                    "give a KO table (HUMAnN regrouped to KOs, PICRUSt2 KO_metagenome_out, or any table whose ids are KOs)");
        }
        return in;
    }

    private static KoInput readAny(Path path) {
        TableFormat f = TableIO.detect(path);
        if (f == TableFormat.HUMANN) {
            HumannTable h = Humann.read(path, new Humann.Options(false, true));
            StratifiedKo strat = h.stratified().featureCount() > 0 ? StratifiedKo.of(h) : null;
            FeatureTable community = h.unstratified();
            if (community.featureCount() == 0 && strat != null) community = strat.community();
            return new KoInput(community, strat, "humann");
        }
        if (f == TableFormat.DELIMITED && Picrust2.recognises(path)) {
            Picrust2Table p = Picrust2.read(path);
            return new KoInput(p.unstratified(), p.isStratified() ? StratifiedKo.of(p) : null,
                    "picrust2-" + p.layout().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new KoInput(TableIO.read(path), null, f.cliName());
    }
}
