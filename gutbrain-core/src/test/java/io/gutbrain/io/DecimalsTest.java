package io.gutbrain.io;

import com.fasterxml.jackson.core.io.NumberOutput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {
    /**
     * Reference: jackson-core's port of Giulietti's own Schubfach implementation (the one that
     * became Java 19's Double.toString), an independent implementation of the same specification.
     */
    static String reference(double v) {
        return NumberOutput.toString(v, true);
    }

    static void check(double v) {
        String s = Decimals.format(v);
        assertThat(s).as("bits %016x", Double.doubleToRawLongBits(v)).isEqualTo(reference(v));
        if (Double.isFinite(v)) assertThat(Double.parseDouble(s)).isEqualTo(v);
    }

    @Test
    void specialValuesAndLayout() {
        assertThat(Decimals.format(0.0)).isEqualTo("0.0");
        assertThat(Decimals.format(-0.0)).isEqualTo("-0.0");
        assertThat(Decimals.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Decimals.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(Decimals.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        // layout of Double.toString: plain within [1e-3, 1e7), scientific outside
        assertThat(Decimals.format(1.0)).isEqualTo("1.0");
        assertThat(Decimals.format(100.0)).isEqualTo("100.0");
        assertThat(Decimals.format(9999999.0)).isEqualTo("9999999.0");
        assertThat(Decimals.format(1e7)).isEqualTo("1.0E7");
        assertThat(Decimals.format(0.001)).isEqualTo("0.001");
        assertThat(Decimals.format(0.00099)).isEqualTo("9.9E-4");
        assertThat(Decimals.format(123.456)).isEqualTo("123.456");
        assertThat(Decimals.format(-1.5e-300)).isEqualTo("-1.5E-300");
        assertThat(Decimals.format(1e23)).isEqualTo("1.0E23");
        assertThat(Decimals.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Decimals.format(Double.MIN_VALUE)).isEqualTo("4.9E-324");
        assertThat(Decimals.format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
        assertThat(Decimals.format(-Double.MIN_NORMAL)).hasSize(Decimals.MAX_CHARS).isEqualTo("-2.2250738585072014E-308");
    }

    @Test
    void matchesReferenceOnPowersBoundariesAndIntegers() {
        for (int e = -1074; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            check(p);
            check(Math.nextUp(p));
            check(Math.nextDown(p));
        }
        for (int e = -323; e <= 308; e++) {
            double p = Double.parseDouble("1e" + e);
            check(p);
            check(Math.nextUp(p));
            check(Math.nextDown(p));
        }
        for (long bits = 1; bits < 5000; bits++) check(Double.longBitsToDouble(bits)); // smallest subnormals
        for (long i = 1; i < 20_000; i++) check(i);
        check(9007199254740991.0);
        check(9007199254740992.0);
        check(9007199254740993.0);
        check(Double.MIN_NORMAL);
        check(Math.nextDown(Double.MIN_NORMAL));
        check(Double.MAX_VALUE);
    }

    @Test
    void matchesReferenceOnRandomDoubles() {
        Random rnd = new Random(20240611);
        for (int i = 0; i < 100_000; i++) {
            check(Double.longBitsToDouble(rnd.nextLong())); // every exponent, NaNs included
            check(rnd.nextDouble());                         // typical distances in [0, 1)
            check(rnd.nextInt(1_000_000) / 1000.0);          // short decimals
        }
    }

    @Test
    void log10ApproximationsAreExactOverTheDoubleRange() {
        for (int q = -1100; q <= 1100; q++) {
            assertThat(Decimals.floorLog10Pow2(q)).as("q=%d", q).isEqualTo(floorLog10(BigDecimal.ONE, q));
            assertThat(Decimals.floorLog10ThreeQuartersPow2(q)).as("q=%d", q).isEqualTo(floorLog10(new BigDecimal("0.75"), q));
        }
    }

    /** floor(log10(m * 2^q)) exactly, by comparison with powers of ten. */
    static int floorLog10(BigDecimal m, int q) {
        BigDecimal x = q >= 0 ? m.multiply(new BigDecimal(BigInteger.TWO.pow(q))) : m.divide(new BigDecimal(BigInteger.TWO.pow(-q)));
        int k = x.precision() - x.scale() - 1; // exponent of the leading digit
        return k;
    }

    @Test
    void strictDecimalSyntax() {
        String[] ok = {"0", "-1", "+2.5", ".5", "5.", "1e5", "1E-05", "-0.0e+0", "007", "0.000123"};
        double[] expected = {0, -1, 2.5, 0.5, 5, 1e5, 1e-5, -0.0, 7, 0.000123};
        for (int i = 0; i < ok.length; i++) assertThat(Decimals.parseFinite(ok[i])).as(ok[i]).isEqualTo(expected[i]);
        for (String bad : new String[] {"", "-", ".", "e5", "1e", "1e+", "1d", "0x1p3", "NaN", "Infinity", " 1", "1 ", "1..2", "1e5.0", "--1", "1e999"}) {
            assertThat(Decimals.parseFinite(bad)).as(bad).isNaN();
        }
        assertThat(Decimals.parseFinite("-2.5E-3")).isEqualTo(-0.0025);
        assertThat(Decimals.parse("x\t0.25\ty", 2, 6)).isEqualTo(0.25);
    }

    @Test
    void parseAgreesWithParseDouble() {
        // Double.parseDouble is correctly rounded: the fast path must give the same double
        Random rnd = new Random(99);
        for (int i = 0; i < 60_000; i++) {
            double v = Double.longBitsToDouble(rnd.nextLong());
            if (!Double.isFinite(v)) continue;
            for (String s : new String[] {Decimals.format(v), String.format("%.15g", rnd.nextDouble()),
                    Long.toString(rnd.nextLong() >>> rnd.nextInt(64)) + "." + rnd.nextInt(1000) + "e" + (rnd.nextInt(60) - 30),
                    "0.000" + (rnd.nextLong() >>> 1), (rnd.nextLong() >>> 11) + "e-" + rnd.nextInt(23)}) {
                assertThat(Decimals.parseFinite(s)).as(s).isEqualTo(Double.parseDouble(s));
            }
        }
    }
}
