package io.earshot.triage.insights;

/** The Poisson upper tail, in log space so that the tiny p-values of a real burst do not underflow to 0. */
public final class Poisson {

    private Poisson() {
    }

    /** P(X >= k) for X ~ Poisson(lambda). */
    public static double upperTail(int k, double lambda) {
        if (k <= 0) {
            return 1.0;
        }
        if (lambda <= 0) {
            return 0.0;
        }
        if (k <= lambda) {
            // below the mean the tail is large: 1 - P(X < k), summed from 0 (k is small here)
            double term = Math.exp(-lambda);
            double cdf = 0;
            for (int i = 0; i < k; i++) {
                cdf += term;
                term *= lambda / (i + 1);
            }
            return Math.max(0.0, Math.min(1.0, 1.0 - cdf));
        }
        double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
        double term = Math.exp(logTerm);
        double sum = 0;
        for (int i = k; i < k + 10_000; i++) {
            sum += term;
            term *= lambda / (i + 1);
            if (term < sum * 1e-12) {
                break;
            }
        }
        return Math.min(1.0, sum);
    }

    static double logFactorial(int n) {
        if (n < 256) {
            double s = 0;
            for (int i = 2; i <= n; i++) {
                s += Math.log(i);
            }
            return s;
        }
        // Stirling with the 1/12n correction: exact to far below the precision a threshold needs
        return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1.0 / (12.0 * n);
    }
}
