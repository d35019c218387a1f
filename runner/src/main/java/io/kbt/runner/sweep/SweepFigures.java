package io.kbt.runner.sweep;

import io.kbt.reports.SweepPage;
import io.kbt.runner.stats.DeflatedSharpe;
import io.kbt.runner.stats.Pbo;
import io.kbt.runner.stats.SetStatistics;
import io.kbt.runner.stats.SweepStatistics;
import io.kbt.runner.stats.WalkForward;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A sweep's statistics as the reports show them: the {@code statistics} object of {@code sweep.json} (money in
 * cents, ratios as numbers, null where undefined) and the {@link SweepPage} behind {@code sweep.html}.
 */
public final class SweepFigures {
    private static final int TOP = 5;

    private SweepFigures() {}

    /** Each set's contracts and drawdown over the range, then the statistics of the matrix. */
    public static SweepStatistics statistics(SweepMatrix matrix, Integer pboSplits,
            SweepStatistics.WalkForwardSpec walkForward) {
        int sets = matrix.sets().size();
        long[] contracts = new long[sets];
        long[] drawdown = new long[sets];
        for (int set = 0; set < sets; set++) {
            var total = matrix.total(set);
            contracts[set] = total.contracts();
            drawdown[set] = total.maxDrawdownMicros();
        }
        return SweepStatistics.of(matrix.pnl(), contracts, drawdown, pboSplits, walkForward);
    }

    public static Map<String, Object> json(SweepMatrix matrix, SweepStatistics stats) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("days", matrix.days().stream().map(LocalDate::toString).toList());
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int set = 0; set < matrix.sets().size(); set++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("params", matrix.sets().get(set));
            line.putAll(setFigures(stats.sets().get(set)));
            sets.add(line);
        }
        json.put("sets", sets);
        json.putAll(overfitting(matrix, stats));
        if (stats.pbo() != null) {
            json.put("pbo_logits", stats.pbo().logits());
        }
        if (stats.walkForward() != null) {
            WalkForward wf = stats.walkForward();
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("train_days", wf.train());
            w.put("test_days", wf.test());
            w.put("select", wf.criterion().name().toLowerCase(java.util.Locale.ROOT));
            w.put("out_of_sample_pnl_cents", cents(wf.totalMicros()));
            w.put("windows", windows(matrix, wf));
            List<Object> daily = new ArrayList<>();
            for (long x : wf.outOfSample()) {
                daily.add(cents(x));
            }
            w.put("out_of_sample_daily_cents", daily);
            json.put("walk_forward", w);
        }
        json.put("notes", stats.notes());
        return json;
    }

    public static SweepPage page(String title, SweepMatrix matrix, SweepStatistics stats) {
        long[][] pnl = matrix.pnl();
        List<SweepPage.SetLine> lines = new ArrayList<>();
        for (int set = 0; set < pnl.length; set++) {
            lines.add(new SweepPage.SetLine(matrix.sets().get(set), pnl[set], setFigures(stats.sets().get(set))));
        }
        List<Integer> top = IntStream.range(0, pnl.length).boxed()
                .sorted(Comparator.comparingLong((Integer s) -> java.util.Arrays.stream(pnl[s]).sum()).reversed())
                .limit(TOP).toList();
        WalkForward wf = stats.walkForward();
        List<LocalDate> oosDays = wf == null ? List.of() : matrix.days().subList(wf.train(), matrix.days().size());
        return new SweepPage(title, matrix.days(), lines, top, overfitting(matrix, stats),
                stats.pbo() == null ? new double[0] : stats.pbo().logits(), oosDays,
                wf == null ? new long[0] : wf.outOfSample(), wf == null ? List.of() : windows(matrix, wf),
                stats.notes());
    }

    private static Map<String, Object> setFigures(SetStatistics s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("daily_mean_cents", number(s.meanMicros() / 10_000));
        f.put("daily_sd_cents", number(s.sdMicros() / 10_000));
        f.put("sharpe", number(s.sharpe()));
        f.put("sortino", number(s.sortino()));
        f.put("max_drawdown_cents", cents(s.maxDrawdownMicros()));
        f.put("win_share", number(s.winShare()));
        f.put("pnl_per_contract_cents", number(s.pnlPerContractMicros() / 10_000));
        return f;
    }

    private static Map<String, Object> overfitting(SweepMatrix matrix, SweepStatistics stats) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("sets_tried", matrix.sets().size());
        o.put("day_count", matrix.days().size());
        DeflatedSharpe dsr = stats.deflatedSharpe();
        if (dsr != null) {
            o.put("best_set_by_sharpe", matrix.sets().get(dsr.bestSet()));
            o.put("best_daily_sharpe", number(dsr.sharpe()));
            o.put("expected_max_daily_sharpe_of_luck", number(dsr.expectedMaxSharpe()));
            o.put("best_skewness", number(dsr.skewness()));
            o.put("best_kurtosis", number(dsr.kurtosis()));
            o.put("deflated_sharpe", number(dsr.probability()));
        }
        Pbo pbo = stats.pbo();
        if (pbo != null) {
            o.put("pbo_splits", pbo.splits());
            o.put("pbo_combinations", pbo.combinations());
            o.put("pbo", number(pbo.probability()));
        }
        return o;
    }

    private static List<Map<String, Object>> windows(SweepMatrix matrix, WalkForward wf) {
        List<LocalDate> days = matrix.days();
        List<Map<String, Object>> windows = new ArrayList<>();
        for (WalkForward.Window w : wf.windows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("train_from", days.get(w.trainFrom()).toString());
            m.put("train_to", days.get(w.trainTo() - 1).toString());
            m.put("test_from", days.get(w.testFrom()).toString());
            m.put("test_to", days.get(w.testTo() - 1).toString());
            m.put("set", matrix.sets().get(w.set()).toString());
            m.put("test_pnl_cents", cents(w.testPnlMicros()));
            windows.add(m);
        }
        return windows;
    }

    static BigDecimal cents(long micros) {
        BigDecimal c = BigDecimal.valueOf(micros, 4).stripTrailingZeros();
        return c.scale() < 0 ? c.setScale(0, RoundingMode.UNNECESSARY) : c;
    }

    /** A double for JSON: null when undefined, else rounded to 6 significant digits. */
    private static Object number(double x) {
        if (!Double.isFinite(x)) {
            return null;
        }
        BigDecimal r = new BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0, RoundingMode.UNNECESSARY) : r;
    }
}
