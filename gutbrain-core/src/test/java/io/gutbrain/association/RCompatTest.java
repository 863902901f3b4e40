package io.gutbrain.association;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values printed by R 4.2.2 on this project's machine (commands in each test). */
class RCompatTest {
    @Test
    void makeNamesLikeR() {
        // make.names(c("Faecalibacterium prausnitzii","16S rRNA","_x",".5a",".a","if","TRUE","a-b",
        //   "Eubacterium sp 3_1_31","Bacteroides fragilis et rel.","ok","ok","ok.1","",NA,"é x"), unique=TRUE)
        List<String> in = new ArrayList<>(Arrays.asList("Faecalibacterium prausnitzii", "16S rRNA", "_x", ".5a", ".a", "if", "TRUE", "a-b",
                "Eubacterium sp 3_1_31", "Bacteroides fragilis et rel.", "ok", "ok", "ok.1", "", null, "é x"));
        assertThat(RCompat.makeNamesUnique(in)).containsExactly("Faecalibacterium.prausnitzii", "X16S.rRNA", "X_x", "X.5a", ".a", "if.", "TRUE.",
                "a.b", "Eubacterium.sp.3_1_31", "Bacteroides.fragilis.et.rel.", "ok", "ok.2", "ok.1", "X", "NA.", "é.x");
    }

    @Test
    void numbersLikeWriteTable() {
        // write.table(data.frame(x = c(...)), quote = FALSE, row.names = FALSE, col.names = FALSE)
        double[] x = {-0.203792616948905, 9.36082637074625e-35, 0.000179849183333378, 1.47569945468436e-05, 0.00082474166820237, 1595, 1e5,
                123456.7, 1e15, 1e16, 0.1 + 0.2, 1.0 / 3, -2.5e-300, 100000.5, 1234567890123456.0};
        String[] r = {"-0.203792616948905", "9.36082637074625e-35", "0.000179849183333378", "1.47569945468436e-05", "0.00082474166820237", "1595",
                "1e+05", "123456.7", "1e+15", "1e+16", "0.3", "0.333333333333333", "-2.5e-300", "100000.5", "1234567890123456"};
        for (int i = 0; i < x.length; i++) assertThat(RCompat.formatNumber(x[i])).as("value " + x[i]).isEqualTo(r[i]);
        assertThat(RCompat.formatNumber(Double.NaN)).isEqualTo("NA");
        assertThat(RCompat.formatNumber(0)).isEqualTo("0");
    }

    @Test
    void levelOrderLikeRSort() {
        // sort(c("UC","nonIBD","CD","b","B","a","Yes","no","No","_x","10","9","Ab","aB"))
        List<String> x = new ArrayList<>(List.of("UC", "nonIBD", "CD", "b", "B", "a", "Yes", "no", "No", "_x", "10", "9", "Ab", "aB"));
        x.sort(DesignMatrix.R_LEVEL_ORDER);
        assertThat(x).containsExactly("_x", "10", "9", "a", "aB", "Ab", "b", "B", "CD", "no", "No", "nonIBD", "UC", "Yes");
    }
}
