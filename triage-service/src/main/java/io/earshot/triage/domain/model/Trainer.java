package io.earshot.triage.domain.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Trains a {@link LinearModel} deterministically: one thread, examples in input order shuffled by a fixed seed,
 * AdaGrad steps with L2 on touched weights, per-source class weights, then a softmax temperature fitted on a
 * calibration slice carved out of the training rows (chosen by a hash of the row id, never the dev split).
 */
public final class Trainer {

    /** Training settings; the defaults are the ones chosen on the dev split (see the model card). */
    public record Settings(int epochs, double learningRate, double l2, double classWeightPower, long seed,
                           int calibrationModulo, boolean average, double nb, double priorCorrection,
                           Map<String, Double> sourceWeights) {
        public Settings with(String key, String v) {
            return switch (key) {
                case "epochs" -> new Settings(Integer.parseInt(v), learningRate, l2, classWeightPower, seed, calibrationModulo, average, nb, priorCorrection, sourceWeights);
                case "lr" -> new Settings(epochs, Double.parseDouble(v), l2, classWeightPower, seed, calibrationModulo, average, nb, priorCorrection, sourceWeights);
                case "l2" -> new Settings(epochs, learningRate, Double.parseDouble(v), classWeightPower, seed, calibrationModulo, average, nb, priorCorrection, sourceWeights);
                case "cwp" -> new Settings(epochs, learningRate, l2, Double.parseDouble(v), seed, calibrationModulo, average, nb, priorCorrection, sourceWeights);
                case "seed" -> new Settings(epochs, learningRate, l2, classWeightPower, Long.parseLong(v), calibrationModulo, average, nb, priorCorrection, sourceWeights);
                case "nb" -> new Settings(epochs, learningRate, l2, classWeightPower, seed, calibrationModulo, average, Double.parseDouble(v), priorCorrection, sourceWeights);
                case "prior" -> new Settings(epochs, learningRate, l2, classWeightPower, seed, calibrationModulo, average, nb, Double.parseDouble(v), sourceWeights);
                case "average" -> new Settings(epochs, learningRate, l2, classWeightPower, seed, calibrationModulo, Boolean.parseBoolean(v), nb, priorCorrection, sourceWeights);
                default -> {
                    Map<String, Double> m = new TreeMap<>(sourceWeights);
                    m.put(key, Double.parseDouble(v));
                    yield new Settings(epochs, learningRate, l2, classWeightPower, seed, calibrationModulo, average, nb, priorCorrection, Map.copyOf(m));
                }
            };
        }
    }

    private Trainer() { }

    /** Trains on {@code train} (already restricted to training rows) and returns the fitted model. */
    public static LinearModel train(String name, String version, String[] labels, Features features,
                                    List<Example> train, Settings s) {
        int k = labels.length;
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < k; i++) {
            labelIndex.put(labels[i], i);
        }
        List<Example> fit = new ArrayList<>();
        List<Example> calib = new ArrayList<>();
        for (Example e : train) {
            if (!labelIndex.containsKey(e.label())) {
                continue;
            }
            if (s.calibrationModulo() > 0 && Math.floorMod(Features.fnv(7, e.id()), s.calibrationModulo()) == 0) {
                calib.add(e);
            } else {
                fit.add(e);
            }
        }
        // per-source class weights: (n / (classes * n_c)) ^ power, times the source's weight
        Map<String, int[]> counts = new TreeMap<>();
        for (Example e : fit) {
            counts.computeIfAbsent(e.source(), x -> new int[k])[labelIndex.get(e.label())]++;
        }
        Map<String, double[]> classWeight = new HashMap<>();
        counts.forEach((src, c) -> {
            int total = 0, present = 0;
            for (int v : c) {
                total += v;
                present += v > 0 ? 1 : 0;
            }
            double[] w = new double[k];
            double sw = s.sourceWeights().getOrDefault(src, s.sourceWeights().getOrDefault("*", 1.0));
            for (int j = 0; j < k; j++) {
                w[j] = c[j] == 0 ? 0 : sw * Math.pow((double) total / (present * c[j]), s.classWeightPower());
            }
            classWeight.put(src, w);
        });

        int n = fit.size();
        int[][] idx = new int[n][];
        float[][] val = new float[n][];
        int[] y = new int[n];
        double[] ew = new double[n];
        FeatureVector fv = new FeatureVector(false);
        for (int i = 0; i < n; i++) {
            Example e = fit.get(i);
            features.extract(e.text(), e.lang(), e.platform(), fv);
            idx[i] = java.util.Arrays.copyOf(fv.index, fv.size);
            val[i] = java.util.Arrays.copyOf(fv.value, fv.size);
            y[i] = labelIndex.get(e.label());
            ew[i] = classWeight.get(e.source())[y[i]];
        }
        int dim = 1 << features.config().bits();
        float[] w = new float[dim * k];
        float[] g2 = new float[dim * k];
        // NB-weighting (Wang & Manning): scale each feature, per label, by how much it tells that label from the
        // rest (|log-count ratio|), interpolated with 1 by nb; folded into the stored weights after training.
        float[] scaleNb = null;
        if (s.nb() > 0) {
            double[] cnt = new double[dim * k];
            double[] tot = new double[k];
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < idx[i].length; f++) {
                    cnt[idx[i][f] * k + y[i]] += ew[i];
                }
                tot[y[i]] += ew[i];
            }
            double all = 0;
            for (double t : tot) {
                all += t;
            }
            scaleNb = new float[dim * k];
            for (int j = 0; j < dim; j++) {
                double row = 0;
                for (int c = 0; c < k; c++) {
                    row += cnt[j * k + c];
                }
                for (int c = 0; c < k; c++) {
                    double in = (cnt[j * k + c] + 1) / (tot[c] + 2);
                    double out = (row - cnt[j * k + c] + 1) / (all - tot[c] + 2);
                    double r = Math.abs(Math.log(in / out));
                    scaleNb[j * k + c] = (float) ((1 - s.nb()) + s.nb() * r);
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(s.seed());
        double[] z = new double[k];
        float[] avg = s.average() ? new float[w.length] : null;
        int[] order = new int[16];
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            // example weights become repetitions (AdaGrad's per-coordinate scaling would cancel a scaled gradient)
            int m = 0;
            for (int i = 0; i < n; i++) {
                double r = ew[i];
                int reps = (int) Math.floor(r) + (rnd.nextDouble() < r - Math.floor(r) ? 1 : 0);
                for (int c = 0; c < reps; c++) {
                    if (m == order.length) {
                        order = java.util.Arrays.copyOf(order, m * 2);
                    }
                    order[m++] = i;
                }
            }
            for (int i = m - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lr = s.learningRate();
            for (int oi = 0; oi < m; oi++) {
                int ex = order[oi];
                int[] ix = idx[ex];
                float[] vx = val[ex];
                for (int j = 0; j < k; j++) {
                    z[j] = 0;
                }
                for (int f = 0; f < ix.length; f++) {
                    int base = ix[f] * k;
                    for (int j = 0; j < k; j++) {
                        z[j] += w[base + j] * vx[f] * (scaleNb == null ? 1f : scaleNb[base + j]);
                    }
                }
                LinearModel.softmax(z, 1.0);
                for (int j = 0; j < k; j++) {
                    double gj = z[j] - (j == y[ex] ? 1 : 0);
                    for (int f = 0; f < ix.length; f++) {
                        int p = ix[f] * k + j;
                        double g = gj * vx[f] * (scaleNb == null ? 1f : scaleNb[p]) + s.l2() * w[p];
                        g2[p] += (float) (g * g);
                        w[p] -= (float) (lr * g / Math.sqrt(g2[p] + 1e-8));
                    }
                }
            }
            if (avg != null) {
                for (int i = 0; i < w.length; i++) {
                    avg[i] += w[i] / s.epochs();
                }
            }
        }
        float[] fin = avg != null ? avg : w;
        if (scaleNb != null) {
            for (int i = 0; i < fin.length; i++) {
                fin[i] *= scaleNb[i];
            }
        }
        if (s.priorCorrection() > 0) {
            correctPriors(fin, fit, y, ew, features, k, s.priorCorrection());
        }
        LinearModel model = new LinearModel(name, version, labels, features.config(), fin, 1f);
        if (!calib.isEmpty()) {
            model.temperature(fitTemperature(model, features, calib, labelIndex));
        }
        return model;
    }

    /**
     * Moves each language's label prior towards uniform: subtracts {@code strength * log(share of the label among that
     * language's (weighted) training rows)} from the language's bias weight. The sets mix very different label shares
     * (ASTD is three-quarters neutral, the airline set two-thirds complaints); staff need each label found whatever
     * the set it resembles, which is what macro-F1 measures.
     */
    static void correctPriors(float[] w, List<Example> fit, int[] y, double[] ew, Features features, int k,
                              double strength) {
        Map<String, double[]> byLang = new TreeMap<>();
        for (int i = 0; i < fit.size(); i++) {
            byLang.computeIfAbsent(fit.get(i).lang(), x -> new double[k])[y[i]] += ew[i];
        }
        byLang.forEach((lang, c) -> {
            double total = 0;
            for (double v : c) {
                total += v;
            }
            int bias = features.biasIndex(lang);
            for (int j = 0; j < k; j++) {
                double share = (c[j] + 1) / (total + k);
                w[bias * k + j] -= (float) (strength * (Math.log(share) - Math.log(1.0 / k)));
            }
        });
    }

    /** The temperature minimising the negative log-likelihood on {@code calib} (golden-section search on log T). */
    static float fitTemperature(LinearModel model, Features features, List<Example> calib,
                                Map<String, Integer> labelIndex) {
        int k = model.labelCount();
        double[][] logits = new double[calib.size()][k];
        int[] y = new int[calib.size()];
        FeatureVector fv = new FeatureVector(false);
        for (int i = 0; i < calib.size(); i++) {
            features.extract(calib.get(i).text(), calib.get(i).lang(), calib.get(i).platform(), fv);
            model.logits(fv, logits[i]);
            y[i] = labelIndex.get(calib.get(i).label());
        }
        double lo = Math.log(0.05), hi = Math.log(20);
        double gr = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 60; it++) {
            double a = hi - gr * (hi - lo), b = lo + gr * (hi - lo);
            if (nll(logits, y, Math.exp(a)) < nll(logits, y, Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return (float) Math.exp((lo + hi) / 2);
    }

    private static double nll(double[][] logits, int[] y, double t) {
        double sum = 0;
        double[] z = new double[logits[0].length];
        for (int i = 0; i < logits.length; i++) {
            System.arraycopy(logits[i], 0, z, 0, z.length);
            LinearModel.softmax(z, t);
            sum -= Math.log(Math.max(1e-12, z[y[i]]));
        }
        return sum;
    }
}
