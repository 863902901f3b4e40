package io.gutbrain.diversity.beta;

/**
 * Textbook dense O(N²F) definitions of every metric, written straight from the formulas (and,
 * for Canberra, from vegan's {@code veg_canberra} loop), as the independent oracle for the
 * sparse kernel. Rows are samples.
 */
final class NaiveBeta {
    private NaiveBeta() {}

    static double distance(String metric, double[] x, double[] y, BetaOptions o) {
        return switch (metric) {
            case "braycurtis" -> brayCurtis(x, y);
            case "jaccard" -> jaccard(x, y);
            case "canberra" -> canberra(x, y);
            case "euclidean" -> euclid(x, y);
            case "hellinger" -> euclid(hellinger(x), hellinger(y));
            case "aitchison" -> euclid(clr(replaceZeros(x, o)), clr(replaceZeros(y, o)));
            case "robust-aitchison" -> euclid(rclr(x), rclr(y));
            default -> throw new IllegalArgumentException(metric);
        };
    }

    static double brayCurtis(double[] x, double[] y) {
        double num = 0, den = 0;
        for (int f = 0; f < x.length; f++) {
            num += Math.abs(x[f] - y[f]);
            den += x[f] + y[f];
        }
        return num / den;
    }

    static double jaccard(double[] x, double[] y) {
        int inter = 0, union = 0;
        for (int f = 0; f < x.length; f++) {
            if (x[f] > 0 && y[f] > 0) inter++;
            if (x[f] > 0 || y[f] > 0) union++;
        }
        return 1 - (double) inter / union;
    }

    static double canberra(double[] x, double[] y) {
        double sum = 0;
        int count = 0;
        for (int f = 0; f < x.length; f++) {
            if (x[f] != 0 || y[f] != 0) {
                count++;
                sum += Math.abs(x[f] - y[f]) / (x[f] + y[f]);
            }
        }
        return sum / count;
    }

    static double euclid(double[] a, double[] b) {
        double s = 0;
        for (int f = 0; f < a.length; f++) s += (a[f] - b[f]) * (a[f] - b[f]);
        return Math.sqrt(s);
    }

    static double[] hellinger(double[] x) {
        double total = 0;
        for (double v : x) total += v;
        double[] out = new double[x.length];
        for (int f = 0; f < x.length; f++) out[f] = Math.sqrt(x[f] / total);
        return out;
    }

    /** x + pseudocount, or Martín-Fernández multiplicative replacement on proportions. */
    static double[] replaceZeros(double[] x, BetaOptions o) {
        double[] out = new double[x.length];
        if (!o.multiplicativeReplacement()) {
            for (int f = 0; f < x.length; f++) out[f] = x[f] + o.pseudocount();
            return out;
        }
        double delta = Double.isNaN(o.delta()) ? 1.0 / ((double) x.length * x.length) : o.delta();
        double total = 0;
        int zeros = 0;
        for (double v : x) {
            total += v;
            if (v == 0) zeros++;
        }
        for (int f = 0; f < x.length; f++) out[f] = x[f] == 0 ? delta : (1 - zeros * delta) * (x[f] / total);
        return out;
    }

    static double[] clr(double[] r) {
        double mean = 0;
        for (double v : r) mean += Math.log(v);
        mean /= r.length;
        double[] out = new double[r.length];
        for (int f = 0; f < r.length; f++) out[f] = Math.log(r[f]) - mean;
        return out;
    }

    static double[] rclr(double[] x) {
        double mean = 0;
        int n = 0;
        for (double v : x) {
            if (v > 0) {
                mean += Math.log(v);
                n++;
            }
        }
        mean /= n;
        double[] out = new double[x.length];
        for (int f = 0; f < x.length; f++) out[f] = x[f] > 0 ? Math.log(x[f]) - mean : 0;
        return out;
    }
}
