package io.gutbrain.io;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Decimal text for doubles, shared by the text writers and readers.
 *
 * <p><b>Writing</b> produces the <em>shortest</em> decimal that parses back to the same double,
 * choosing the one closest to the exact binary value when several are equally short, in
 * {@link Double#toString(double)} layout: plain notation for 10<sup>-3</sup> ≤ |v| &lt;
 * 10<sup>7</sup> ({@code 0.25}, {@code 100.0}), otherwise computerized scientific notation
 * ({@code 1.0E-5}, {@code 1.0E23}). This is the output Java 19 and later specify for
 * {@code Double.toString}; Java 17's own implementation sometimes emits a longer string
 * ({@code 9.999999999999999E22} for 1e23) and is slow enough to dominate writing a 3,000 × 3,000
 * distance matrix (nine million numbers).
 *
 * <p>The algorithm is Schubfach (R. Giulietti, "The Schubfach way to render doubles", 2020): scale
 * the rounding interval of v by a 126-bit approximation of 10<sup>-k</sup> with round-to-odd, then
 * pick the shortest decimal inside the interval, using only 64-bit integer arithmetic. The powers
 * of ten are computed at class initialisation with {@link BigInteger} instead of shipping a table.
 *
 * <p><b>Reading</b> ({@link #parse}) accepts only plain decimal notation ({@code [+-]digits[.digits][(e|E)[+-]digits]}),
 * because {@link Double#parseDouble} also accepts text no scientific tool writes on purpose
 * ({@code 1d}, {@code 0x1p3}, {@code NaN}, surrounding blanks) and would let typos through.
 */
public final class Decimals {
    /** Longest output of {@link #format(double, byte[], int)}: "-2.2250738585072014E-308". */
    public static final int MAX_CHARS = 24;

    private static final int Q_MIN = -1074;              // exponent of the smallest subnormal
    private static final long C_MIN = 1L << 52;          // smallest normal significand
    private static final long C_TINY = 3;                // subnormals below this need a 10x finer grid
    private static final int K_MIN = -324;               // floor(log10(2^Q_MIN))
    private static final int K_MAX = 292;                // floor(log10(2^971))
    private static final long MASK_63 = (1L << 63) - 1;

    /*
     * For each k in [K_MIN, K_MAX]: 10^-k = beta * 2^r with 2^125 <= beta < 2^126, and
     * g = floor(beta) + 1 split as g = G1 * 2^63 + G0, plus r.
     */
    private static final long[] G1 = new long[K_MAX - K_MIN + 1];
    private static final long[] G0 = new long[K_MAX - K_MIN + 1];
    private static final int[] R = new int[K_MAX - K_MIN + 1];

    private static final byte[] DIGIT_PAIRS = new byte[200];
    private static final long[] POW10 = new long[19];
    /** 10^0 .. 10^22, the powers of ten that are exact doubles. */
    private static final double[] EXACT_POW10 = new double[23];

    static {
        BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            BigInteger beta;
            int r;
            if (k <= 0) {
                BigInteger n = BigInteger.TEN.pow(-k);
                r = n.bitLength() - 126;
                beta = r >= 0 ? n.shiftRight(r) : n.shiftLeft(-r);
            } else {
                BigInteger d = BigInteger.TEN.pow(k);
                r = -(125 + d.bitLength());
                beta = BigInteger.ONE.shiftLeft(-r).divide(d);
            }
            BigInteger g = beta.add(BigInteger.ONE);
            if (g.bitLength() > 126) throw new AssertionError("g out of range at k=" + k);
            G1[k - K_MIN] = g.shiftRight(63).longValueExact();
            G0[k - K_MIN] = g.and(mask63).longValueExact();
            R[k - K_MIN] = r;
        }
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = 10 * POW10[i - 1];
        EXACT_POW10[0] = 1;
        for (int i = 1; i < EXACT_POW10.length; i++) EXACT_POW10[i] = 10 * EXACT_POW10[i - 1];
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private Decimals() {}

    /** Shortest round-tripping decimal text of {@code v} in {@code Double.toString} layout. */
    public static String format(double v) {
        byte[] buf = new byte[MAX_CHARS];
        int len = format(v, buf, 0);
        return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@link #format(double)}'s text as ASCII bytes into {@code buf} at {@code pos}, which
     * must have room for {@link #MAX_CHARS} bytes; returns the position after the last byte.
     * Allocation-free, for writers of large numeric files.
     */
    public static int format(double v, byte[] buf, int pos) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & (C_MIN - 1);
        int bq = (int) (bits >>> 52) & 0x7ff;
        if (bq == 0x7ff) return ascii(t != 0 ? "NaN" : bits > 0 ? "Infinity" : "-Infinity", buf, pos);
        if (bits < 0) buf[pos++] = '-';
        if (bq == 0) {
            if (t == 0) return ascii("0.0", buf, pos);
            // subnormal: the two smallest need one more decimal digit of working precision
            return t < C_TINY ? shortest(Q_MIN, 10 * t, -1, buf, pos) : shortest(Q_MIN, t, 0, buf, pos);
        }
        int q = bq - 1075;
        long c = C_MIN | t;
        if (q < 0 && q > -53) {
            // integers below 2^53 are their own shortest decimal
            long f = c >> -q;
            if (f << -q == c) return digits(f, 0, buf, pos);
        }
        return shortest(q, c, 0, buf, pos);
    }

    /** Schubfach on v = c * 2^q; the chosen decimal is f * 10^(k + dk). */
    private static int shortest(int q, long c, int dk, byte[] buf, int pos) {
        int out = (int) c & 1;  // odd c: the rounding interval is open (round-half-even)
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        } else {
            cbl = cb - 1;  // at a power of two the gap below is half the gap above
            k = floorLog10ThreeQuartersPow2(q);
        }
        int i = k - K_MIN;
        int h = q + R[i] + 127;
        long g1 = G1[i];
        long g0 = G0[i];
        long vb = roundToOdd(g1, g0, cb << h);
        long vbl = roundToOdd(g1, g0, cbl << h);
        long vbr = roundToOdd(g1, g0, cbr << h);

        long s = vb >> 2;
        if (s >= 100) {
            // try one digit fewer: the multiples of ten around s
            long sp10 = 10 * (s / 10);
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) return digits(upin ? sp10 : tp10, k + dk, buf, pos);
        }
        long tt = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (tt << 2) + out <= vbr;
        if (uin != win) return digits(uin ? s : tt, k + dk, buf, pos);
        // both s and s+1 are inside: take the closer, ties to even
        long cmp = vb - ((s + tt) << 1);
        return digits(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : tt, k + dk, buf, pos);
    }

    /**
     * The scaled value g * cp / 2^127 rounded to odd, for g = g1 * 2^63 + g0 and 0 &lt;= cp &lt; 2^63.
     * As in the paper, the inexactness bit looks only at the fraction bits 2^-1 .. 2^-63 of the
     * result (the low 64 bits of g0 * cp and the lowest bit of g1 * cp are dropped): g exceeds
     * 10^-k * 2^-r by less than one unit, so the product's error is below cp &lt; 2^63 units of
     * the 192-bit product, i.e. entirely in the dropped bits. Counting them would turn exact
     * midpoints (such as 2^-25) into non-midpoints and break ties the wrong way.
     */
    private static long roundToOdd(long g1, long g0, long cp) {
        long aHi = Math.multiplyHigh(g0, cp);        // g0 * cp / 2^64
        long bLo = g1 * cp;
        long bHi = Math.multiplyHigh(g1, cp);        // g1 * cp = bHi * 2^64 + bLo
        long z = (bLo >>> 1) + aHi;                  // < 2^64 as unsigned; bits 2^-64 .. 2^-1 and the carry
        long floor = bHi + (z >>> 63);
        return (z & MASK_63) != 0 ? floor | 1 : floor;
    }

    /** floor(log10(2^q)) for |q| &lt;= 1100; 661971961083 = floor(log10(2) * 2^41). */
    static int floorLog10Pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 * 2^q)); -274743187321 = floor(log10(3/4) * 2^41). */
    static int floorLog10ThreeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** Writes f * 10^e (f &gt; 0) in Double.toString layout. */
    private static int digits(long f, int e, byte[] buf, int pos) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        int n = decimalLength(f);
        int sci = e + n - 1;  // value = d.ddd * 10^sci
        if (sci >= 0 && sci < 7) {
            int intDigits = sci + 1;
            if (n <= intDigits) {
                writeDigits(f, buf, pos + n);
                pos += n;
                for (int z = n; z < intDigits; z++) buf[pos++] = '0';
                buf[pos++] = '.';
                buf[pos++] = '0';
                return pos;
            }
            // write the digits one slot to the right, then move the integer part left over the '.'
            writeDigits(f, buf, pos + 1 + n);
            System.arraycopy(buf, pos + 1, buf, pos, intDigits);
            buf[pos + intDigits] = '.';
            return pos + 1 + n;
        }
        if (sci < 0 && sci >= -3) {
            buf[pos++] = '0';
            buf[pos++] = '.';
            for (int z = -1; z > sci; z--) buf[pos++] = '0';
            writeDigits(f, buf, pos + n);
            return pos + n;
        }
        writeDigits(f, buf, pos + 1 + n);
        buf[pos] = buf[pos + 1];
        buf[pos + 1] = '.';
        if (n == 1) {
            buf[pos + 2] = '0';
            pos += 3;
        } else {
            pos += 1 + n;
        }
        buf[pos++] = 'E';
        if (sci < 0) {
            buf[pos++] = '-';
            sci = -sci;
        }
        if (sci >= 100) {
            buf[pos++] = (byte) ('0' + sci / 100);
            sci %= 100;
            buf[pos++] = DIGIT_PAIRS[2 * sci];
        } else if (sci >= 10) {
            buf[pos++] = DIGIT_PAIRS[2 * sci];
        }
        buf[pos++] = DIGIT_PAIRS[2 * sci + 1];
        return pos;
    }

    /** Number of decimal digits of 0 &lt; f &lt; 10^18. */
    private static int decimalLength(long f) {
        // log10 of the bit length is right or one too small
        int n = floorLog10Pow2(64 - Long.numberOfLeadingZeros(f));
        return f >= POW10[n] ? n + 1 : n;
    }

    /** Writes the decimal digits of f &gt; 0 so that the last one is at {@code end - 1}. */
    private static void writeDigits(long f, byte[] buf, int end) {
        int i = end;
        while (f >= 100) {
            int r = (int) (f % 100);
            f /= 100;
            buf[--i] = DIGIT_PAIRS[2 * r + 1];
            buf[--i] = DIGIT_PAIRS[2 * r];
        }
        if (f >= 10) {
            buf[--i] = DIGIT_PAIRS[2 * (int) f + 1];
            buf[--i] = DIGIT_PAIRS[2 * (int) f];
        } else {
            buf[--i] = (byte) ('0' + f);
        }
    }

    private static int ascii(String s, byte[] buf, int pos) {
        for (int i = 0; i < s.length(); i++) buf[pos++] = (byte) s.charAt(i);
        return pos;
    }

    /**
     * Parses plain decimal text in {@code s[from, to)} to a finite double, correctly rounded; returns
     * {@code NaN} when the text is not a plain decimal or overflows to infinity, and callers turn
     * NaN into an error naming the position. No substring is made for the common case: up to 18
     * significant digits and a decimal exponent within ±22 are converted exactly with one IEEE
     * multiplication or division (Clinger 1990, "How to read floating point numbers accurately");
     * anything else goes through {@link Double#parseDouble}.
     */
    public static double parse(CharSequence s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        long m = 0;
        int significant = 0;
        int exp10 = 0;
        int digits = 0;
        boolean truncated = false;
        for (; i < to && isDigit(s.charAt(i)); i++, digits++) {
            int d = s.charAt(i) - '0';
            if (m == 0 && d == 0) continue;
            if (significant < 18) {
                m = 10 * m + d;
                significant++;
            } else {
                exp10++;
                truncated = true;
            }
        }
        if (i < to && s.charAt(i) == '.') {
            for (i++; i < to && isDigit(s.charAt(i)); i++, digits++) {
                int d = s.charAt(i) - '0';
                if (m == 0 && d == 0) {
                    exp10--;
                } else if (significant < 18) {
                    m = 10 * m + d;
                    significant++;
                    exp10--;
                } else {
                    truncated = true;
                }
            }
        }
        if (digits == 0) return Double.NaN;
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean negativeExp = false;
            if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) negativeExp = s.charAt(i++) == '-';
            int e = 0;
            int expDigits = 0;
            for (; i < to && isDigit(s.charAt(i)); i++, expDigits++) e = Math.min(100_000, 10 * e + (s.charAt(i) - '0'));
            if (expDigits == 0) return Double.NaN;
            exp10 += negativeExp ? -e : e;
        }
        if (i != to) return Double.NaN;
        if (m == 0) return negative ? -0.0 : 0.0;
        if (!truncated && m <= 1L << 53 && exp10 >= -22 && exp10 <= 22) {
            double v = exp10 < 0 ? m / EXACT_POW10[-exp10] : m * EXACT_POW10[exp10];
            return negative ? -v : v;
        }
        double v = Double.parseDouble(s.subSequence(from, to).toString());
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** {@link #parse(CharSequence, int, int)} of a whole string. */
    public static double parseFinite(String s) {
        return parse(s, 0, s.length());
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
}
