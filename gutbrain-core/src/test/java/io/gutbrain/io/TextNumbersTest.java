package io.gutbrain.io;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast parser must agree bit for bit with the JDK's correctly rounded Double.parseDouble. */
class TextNumbersTest {

    @Test
    void agreesWithParseDoubleOnRandomDecimals() {
        Random rnd = new Random(7);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            String s = randomDecimal(rnd);
            if (Double.doubleToRawLongBits(TextNumbers.parse(s)) != Double.doubleToRawLongBits(Double.parseDouble(s))) mismatches.add(s);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void agreesWithParseDoubleOnPrintedDoubles() {
        Random rnd = new Random(11);
        List<String> mismatches = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            double d = Double.longBitsToDouble(rnd.nextLong());
            if (!Double.isFinite(d)) continue;
            if (i % 2 == 0) d = Math.rint(d / 1e290); // also whole numbers, written without a fraction
            sb.setLength(0);
            TextNumbers.append(sb, d);
            if (Double.doubleToRawLongBits(TextNumbers.parse(sb.toString())) != Double.doubleToRawLongBits(d)) mismatches.add(sb.toString());
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void edgeCases() {
        assertThat(TextNumbers.parse("0")).isEqualTo(0.0);
        assertThat(TextNumbers.parse("  12  ")).isEqualTo(12.0);
        assertThat(TextNumbers.parse(".5")).isEqualTo(0.5);
        assertThat(TextNumbers.parse("5.")).isEqualTo(5.0);
        assertThat(TextNumbers.parse("+3e2")).isEqualTo(300.0);
        assertThat(TextNumbers.parse("2.99e-05")).isEqualTo(2.99e-05);
        assertThat(TextNumbers.parse("9007199254740993")).isEqualTo(9007199254740992.0); // 2^53 + 1 rounds to even
        assertThat(TextNumbers.parse("123456789012345678901234567890")).isEqualTo(1.2345678901234568E29);
        assertThat(TextNumbers.parse("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(TextNumbers.parse("1e-400")).isEqualTo(0.0);
        assertThat(TextNumbers.parse("-1.5")).isEqualTo(-1.5);
        for (String bad : new String[] {"", " ", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1d", "1f", "0x10", "NaN", "Infinity", "1,5", "1 2", "--1"}) {
            assertThat(TextNumbers.parse(bad)).as("'" + bad + "'").isNaN();
        }
    }

    @Test
    void appendWritesWholeNumbersWithoutFraction() {
        StringBuilder sb = new StringBuilder();
        TextNumbers.append(sb, 12);
        sb.append(' ');
        TextNumbers.append(sb, 0.1);
        sb.append(' ');
        TextNumbers.append(sb, 1e15);
        assertThat(sb.toString()).isEqualTo("12 0.1 1.0E15");
    }

    private static String randomDecimal(Random rnd) {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextInt(4) == 0) sb.append('-');
        int intDigits = rnd.nextInt(22);
        for (int i = 0; i < intDigits; i++) sb.append((char) ('0' + rnd.nextInt(10)));
        if (intDigits == 0 || rnd.nextBoolean()) {
            sb.append('.');
            int frac = 1 + rnd.nextInt(22);
            for (int i = 0; i < frac; i++) sb.append((char) ('0' + rnd.nextInt(10)));
        }
        if (rnd.nextInt(3) == 0) sb.append('e').append(rnd.nextInt(80) - 40);
        return sb.toString();
    }
}
