package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.engine.market.DailyClose;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kbt fit} in-process: the reference figures, the JSON keys, bad files and usage errors. */
class FitCommandTest {
    private static final Path SPX = Path.of(System.getProperty("kbt.sharedData", "../../shared/data"),
            "spx-daily", "spx-daily-2000-2020.csv");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run kbt(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Kbt.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void fitsTheSpxDailyClosesAsJsonWithFlatDottedKeys() throws Exception {
        Run run = kbt("fit", "--closes", SPX.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("n").asInt()).isEqualTo(5200);
        assertThat(json.get("closes").asInt()).isEqualTo(5201);
        assertThat(json.get("cauchy.x0").asDouble()).isCloseTo(7.327636e-4, withPercentage(1e-3));
        assertThat(json.get("cauchy.gamma").asDouble()).isCloseTo(4.955059e-3, withPercentage(1e-3));
        assertThat(json.get("cauchy.loglik").asDouble()).isCloseTo(15943.35298, withPercentage(1e-3));
        assertThat(json.get("cauchy.gamma0").asDouble() * Math.pow(23_400, 0.6))
                .isCloseTo(json.get("cauchy.gamma").asDouble(), withPercentage(1e-9));
        assertThat(json.get("h").asDouble()).isEqualTo(0.6);
        // population standard deviation of the 5,200 returns, independently computed
        assertThat(json.get("normal.sigma").asDouble()).isCloseTo(0.012542755797240207, withPercentage(1e-8));
        assertThat(json.get("normal.mu").asDouble()).isCloseTo(2.519966156923894e-4, withPercentage(1e-8));
        assertThat(json.get("normal.loglik").asDouble()).isLessThan(json.get("cauchy.loglik").asDouble());
        assertThat(json.fieldNames()).toIterable().contains("cauchy.aic", "cauchy.ks", "cauchy.ks_p",
                "normal.aic", "normal.ks", "normal.ks_p", "normal.sigma0", "from", "to");
    }

    @Test
    void printsATableWithoutJson() {
        Run run = kbt("fit", "--closes", SPX.toString(), "--h", "0.5");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("5201 closes 2000-01-03..2020-09-02, 5200 daily returns")
                .contains("cauchy ").contains("normal ").contains("h = 0.5: gamma0 = ");
    }

    @Test
    void fromAndToRestrictTheClosesOfAFile() throws Exception {
        Run run = kbt("fit", "--closes", SPX.toString(), "--from", "2010-01-01", "--to", "2010-12-31", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("from").asText()).isEqualTo("2010-01-04");
        assertThat(json.get("to").asText()).isEqualTo("2010-12-31");
        assertThat(json.get("closes").asInt()).isEqualTo(252);
    }

    @Test
    void aBadCloseExitsThreeNamingFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("closes.csv"), "date,close\n2020-01-02,3257.85\n2020-01-03,abc\n");
        Run run = kbt("fit", "--closes", file.toString());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("kbt: " + file + ":3: close 'abc' is not a number" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void otherBadFilesExitThree() throws Exception {
        Path backwards = Files.writeString(dir.resolve("backwards.csv"), "2020-01-03,3234.85\n2020-01-02,3257.85\n");
        assertThat(kbt("fit", "--closes", backwards.toString()).err()).contains(backwards + ":2: date 2020-01-02 does not come after 2020-01-03");
        Path columns = Files.writeString(dir.resolve("columns.csv"), "2020-01-02,3257.85,1\n");
        assertThat(kbt("fit", "--closes", columns.toString()).err()).contains(columns + ":1: expected 2 columns");
        Path date = Files.writeString(dir.resolve("date.csv"), "01/02/2020,3257.85\n");
        assertThat(kbt("fit", "--closes", date.toString()).err()).contains(date + ":1: date '01/02/2020' is not an ISO date");
        Path negative = Files.writeString(dir.resolve("negative.csv"), "2020-01-02,-1\n");
        assertThat(kbt("fit", "--closes", negative.toString()).exit()).isEqualTo(3);
        Path two = Files.writeString(dir.resolve("two.csv"), "2020-01-02,3257.85\n2020-01-03,3234.85\n");
        Run tooFew = kbt("fit", "--closes", two.toString());
        assertThat(tooFew.exit()).isEqualTo(3);
        assertThat(tooFew.err()).contains("need at least 3 daily closes");
        Path flat = Files.writeString(dir.resolve("flat.csv"), "2020-01-02,100\n2020-01-03,100\n2020-01-06,100\n2020-01-07,100\n");
        assertThat(kbt("fit", "--closes", flat.toString()).exit()).isEqualTo(3);
        Run missing = kbt("fit", "--closes", dir.resolve("missing.csv").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("missing.csv: no such file");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(kbt("fit").exit()).isEqualTo(2);
        assertThat(kbt("fit", "--closes", SPX.toString(), "--symbol", "SPX").exit()).isEqualTo(2);
        Run noDates = kbt("fit", "--symbol", "SPX");
        assertThat(noDates.exit()).isEqualTo(2);
        assertThat(noDates.err()).contains("--symbol needs --from and --to");
        assertThat(kbt("fit", "--closes", SPX.toString(), "--h", "-1").err()).contains("--h must be a finite number ≥ 0");
        assertThat(kbt("fit", "--closes", SPX.toString(), "--from", "2020-13-01").exit()).isEqualTo(2);
        assertThat(kbt("fit", "--closes", SPX.toString(), "--from", "2020-02-01", "--to", "2020-01-01").exit()).isEqualTo(2);
    }

    @Test
    void symbolReadsDailyClosesFromTheStore() throws Exception {
        List<Object> asked = new ArrayList<>();
        DailyCloseStore store = (db, symbol, from, to) -> {
            asked.addAll(List.of(db.host() + "/" + db.database(), symbol, from, to));
            return List.of(new DailyClose(LocalDate.of(2023, 4, 10), 4109.11), new DailyClose(LocalDate.of(2023, 4, 11), 4108.94),
                    new DailyClose(LocalDate.of(2023, 4, 12), 4091.95), new DailyClose(LocalDate.of(2023, 4, 13), 4146.22));
        };
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new FitCommand(store));
        commandLine.setOut(new PrintWriter(out, true));
        int exit = commandLine.execute("--symbol", "SPX", "--from", "2023-04-10", "--to", "2023-04-13", "--db",
                "jdbc:postgresql://db.example/kbt", "--json");
        assertThat(exit).isZero();
        assertThat(asked).containsExactly("db.example/kbt", "SPX", LocalDate.of(2023, 4, 10),
                LocalDate.of(2023, 4, 13));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("n").asInt()).isEqualTo(3);
        double r1 = 4108.94 / 4109.11 - 1;
        double r2 = 4091.95 / 4108.94 - 1;
        double r3 = 4146.22 / 4091.95 - 1;
        assertThat(json.get("normal.mu").asDouble()).isCloseTo((r1 + r2 + r3) / 3, withPercentage(1e-9));
    }
}
