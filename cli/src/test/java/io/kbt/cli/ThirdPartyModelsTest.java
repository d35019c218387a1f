package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.samples.Samples;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue model and a fee schedule from outside kbt's packages ({@code com.example.thirdparty}, registered in this
 * test source set's META-INF/services) are chosen by name like the built-ins.
 */
class ThirdPartyModelsTest {
    private static final String DAY = Samples.START.toString();

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void sample() {
        data = Samples.extractTo(dir.resolve("data"));
    }

    private static JsonNode backtest(String name, String... options) throws IOException {
        Path out = dir.resolve(name);
        String[] args = {"backtest", "--data", data.toString(), "--from", DAY, "--set", "preset=seed", "--out", out.toString()};
        String[] all = new String[args.length + options.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        CliRun run = CliRun.of(all);
        assertThat(run.exit()).as(run.err()).isZero();
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void aThirdPartyQueueModelIsChosenByNameAndChangesTheFills() throws IOException {
        JsonNode riskAverse = backtest("risk-averse");
        JsonNode front = backtest("front", "--queue", "halfway:percent=0");
        JsonNode optimistic = backtest("optimistic", "--queue", "optimistic");

        assertThat(front.get("queue_model").asText()).isEqualTo("halfway:percent=0");
        assertThat(riskAverse.get("queue_model").asText()).isEqualTo("risk-averse");
        // Joining at the front of the queue is what optimistic assumes; both differ from joining at the back.
        assertThat(front.get("fills").asLong()).isEqualTo(optimistic.get("fills").asLong())
                .isNotEqualTo(riskAverse.get("fills").asLong());
    }

    @Test
    void aThirdPartyFeeScheduleIsChosenByNameWithOptionsAndTime() throws IOException {
        JsonNode perContract = backtest("per-contract", "--fees", "per-contract:cents=1,makersFrom=0");
        JsonNode takersOnly = backtest("takers-only", "--fees", "per-contract:cents=1");

        assertThat(perContract.get("fee_schedule").asText()).isEqualTo("per-contract:cents=1,makersFrom=0");
        // Every fill pays 1¢ a contract once makers pay too: fees = contracts exactly.
        assertThat(perContract.get("fees_cents").decimalValue())
                .isEqualByComparingTo(perContract.get("contracts").decimalValue());
        assertThat(perContract.get("fees_cents").decimalValue()).isPositive();
        assertThat(takersOnly.get("fees_cents").decimalValue())
                .isLessThan(perContract.get("fees_cents").decimalValue());
    }

    @Test
    void anUnknownModelListsTheThirdPartyOnesToo() {
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--from", DAY, "--queue", "fifo",
                "--out", dir.resolve("fifo").toString());
        CliRun badOption = CliRun.of("backtest", "--data", data.toString(), "--from", DAY, "--queue", "halfway:share=2",
                "--out", dir.resolve("share").toString());

        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unknown queue model 'fifo'").contains("risk-averse").contains("halfway");
        assertThat(badOption.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(badOption.err()).contains("halfway: unknown option 'share' (takes percent)");
    }
}
