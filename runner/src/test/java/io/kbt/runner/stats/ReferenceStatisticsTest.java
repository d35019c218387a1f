package io.kbt.runner.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statistics against reference.json, written by reference.py (beside it in the test resources) from the
 * published formulas in plain Python, independently of this code: 7 sets × 40 days.
 */
class ReferenceStatisticsTest {
    private static JsonNode reference;
    private static long[][] pnl;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ReferenceStatisticsTest.class.getResourceAsStream("reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        JsonNode rows = reference.get("pnl_micros");
        pnl = new long[rows.size()][];
        for (int set = 0; set < rows.size(); set++) {
            pnl[set] = new long[rows.get(set).size()];
            for (int day = 0; day < pnl[set].length; day++) {
                pnl[set][day] = rows.get(set).get(day).asLong();
            }
        }
    }

    @Test
    void sharpeAndSortinoOfEachSet() {
        for (int set = 0; set < pnl.length; set++) {
            SetStatistics s = SetStatistics.of(pnl[set], 100, 0);
            assertThat(s.sharpe()).isCloseTo(reference.get("sharpe_annual").get(set).asDouble(), within(1e-9));
            assertThat(s.sortino()).isCloseTo(reference.get("sortino_annual").get(set).asDouble(), within(1e-9));
        }
    }

    @Test
    void deflatedSharpeOfTheBestSet() {
        JsonNode expected = reference.get("deflated_sharpe");
        DeflatedSharpe dsr = DeflatedSharpe.of(pnl);

        assertThat(dsr.bestSet()).isEqualTo(expected.get("best_set").asInt());
        assertThat(dsr.trials()).isEqualTo(7);
        assertThat(dsr.sharpe()).isCloseTo(expected.get("sharpe").asDouble(), within(1e-12));
        assertThat(dsr.expectedMaxSharpe()).isCloseTo(expected.get("expected_max_sharpe").asDouble(), within(1e-9));
        assertThat(dsr.skewness()).isCloseTo(expected.get("skewness").asDouble(), within(1e-9));
        assertThat(dsr.kurtosis()).isCloseTo(expected.get("kurtosis").asDouble(), within(1e-9));
        assertThat(dsr.probability()).isCloseTo(expected.get("probability").asDouble(), within(1e-9));
    }

    @Test
    void pboByCombinatoriallySymmetricCrossValidation() {
        for (JsonNode expected : reference.get("pbo")) {
            Pbo pbo = Pbo.of(pnl, expected.get("splits").asInt());
            assertThat(pbo.combinations()).isEqualTo(expected.get("combinations").asInt());
            assertThat(pbo.probability()).isEqualTo(expected.get("probability").asDouble());
            assertThat(Arrays.stream(pbo.logits()).sum()).isCloseTo(expected.get("logits_sum").asDouble(), within(1e-9));
        }
    }

    @Test
    void walkForwardChoicesAndOutOfSampleTotal() {
        for (JsonNode expected : reference.get("walk_forward")) {
            WalkForward wf = WalkForward.of(pnl, expected.get("train").asInt(), expected.get("test").asInt(),
                    WalkForward.Criterion.valueOf(expected.get("criterion").asText().toUpperCase()));
            List<Integer> sets = new ArrayList<>();
            expected.get("sets").forEach(n -> sets.add(n.asInt()));
            assertThat(wf.windows().stream().map(WalkForward.Window::set).toList()).isEqualTo(sets);
            assertThat(wf.totalMicros()).isEqualTo(expected.get("total").asLong());
        }
    }
}
