package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.engine.event.DataSet;
import io.kbt.engine.market.Result;
import io.kbt.engine.market.Selection;
import io.kbt.engine.replay.Replay;
import io.kbt.engine.replay.ReplayConfig;
import io.kbt.engine.run.Action;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.Liquidity;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.RunResult;
import io.kbt.engine.run.Settlement;
import io.kbt.feeds.DataDirectory;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 2023 reference bot ({@code cauchy}, preset {@code seed}) over the real 2023-04-10 recording: it trades
 * within ±40 contracts, and its P&amp;L is exactly its fills' cash less their fees plus the settlement of what it
 * holds at the close, which the recorded result (no) decides.
 */
class SeedRealDayTest {
    private static final Path DAY = Path.of(System.getProperty("kbt.sharedData", "../../shared/data"), "kalshi-2023-04");

    @Test
    void seedBotStaysWithinFortyContractsAndEarnsItsFillsCashLessFees() {
        StrategySpec seed = StrategyCatalog.builtIn().spec("cauchy", Map.of("preset", "seed"));
        List<Fill> fills = new ArrayList<>();
        List<Settlement> settlements = new ArrayList<>();
        RunResult result;
        LocalDate day = LocalDate.of(2023, 4, 10);
        try (DataSet data = new DataDirectory(DAY).open(new Selection(List.of(), List.of(), day, day))) {
            result = Replay.run(data.instruments(), data.events(), seed.newStrategy(data.instruments()),
                    ReplayConfig.defaults(), new RunListener() {
                        @Override
                        public void onFill(Fill fill) {
                            fills.add(fill);
                        }

                        @Override
                        public void onSettlement(Settlement settlement) {
                            settlements.add(settlement);
                        }
                    });
        }
        assertThat(fills).isNotEmpty()
                .allSatisfy(fill -> assertThat(Math.abs(fill.positionAfter())).isLessThanOrEqualTo(4_000))
                .anySatisfy(fill -> assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER));
        long cash = 0;
        long fees = 0;
        long position = 0;
        for (Fill fill : fills) {
            fees += fill.feeMicros();
            long signed = fill.action() == Action.BUY ? fill.count() : -fill.count();
            position += signed;
            assertThat(fill.positionAfter()).isEqualTo(position);
            cash -= signed * fill.price() * 100; // ticks of 1¢ × hundredths of a contract = 100 micro-dollars
        }
        assertThat(settlements).singleElement().satisfies(s -> assertThat(s.result()).isEqualTo(Result.NO));
        Settlement settlement = settlements.getFirst();
        long held = settlement.position();
        assertThat(held).isEqualTo(position);
        // a no result pays the no contracts (a short yes position) $1 each; in the yes terms of the fills' cash,
        // where selling yes at p brought in p, the yes contracts held are simply worth nothing
        assertThat(settlement.payoutMicros()).isEqualTo(held < 0 ? -held * 10_000 : 0);
        assertThat(result.feesMicros()).isEqualTo(fees);
        assertThat(result.pnlMicros()).isEqualTo(cash - fees);
    }
}
