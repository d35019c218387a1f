package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbt.db.Database;
import io.kbt.db.imports.EventImporter;
import io.kbt.db.imports.ImportProgress;
import io.kbt.db.imports.Imports;
import io.kbt.db.market.StoredDailyCloses;
import io.kbt.db.testing.TestDatabase;
import io.kbt.engine.market.DailyClose;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily closes from stored index ticks on a real PostgreSQL: the last tick of each New York day. */
class StoredDailyClosesTest {
    private static TestDatabase db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void importTicks() throws Exception {
        db = TestDatabase.create(StoredDailyClosesTest.class);
        Path spx = Files.writeString(dir.resolve("spx.csv"), """
                ts,price
                2023-04-10T13:30:00Z,4100
                2023-04-10T19:59:59Z,4109.11
                2023-04-11T03:30:00Z,4120
                2023-04-11T19:59:00Z,4108.94
                2023-04-12T20:00:00Z,4091.95
                2023-04-13T15:00:00Z,4146.22
                """);
        Path ndx = Files.writeString(dir.resolve("ndx.csv"), "ts,price\n2023-04-11T19:00:00Z,13000\n");
        try (Database database = db.open()) {
            EventImporter importer = new EventImporter(database, ImportProgress.NONE);
            importer.importFile(Imports.index(spx, "SPX"));
            importer.importFile(Imports.index(ndx, "NDX"));
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void takesTheLastTickOfEachNewYorkDayWithinTheDates() {
        // 03:30 UTC on the 11th is 23:30 on the 10th in New York: the 10th's last tick
        assertThat(StoredDailyCloses.dailyCloses(db.url(), "SPX", LocalDate.of(2023, 4, 10), LocalDate.of(2023, 4, 12)))
                .containsExactly(
                        new DailyClose(LocalDate.of(2023, 4, 10), 4120),
                        new DailyClose(LocalDate.of(2023, 4, 11), 4108.94),
                        new DailyClose(LocalDate.of(2023, 4, 12), 4091.95));
        assertThat(StoredDailyCloses.dailyCloses(db.url(), "NDX", LocalDate.of(2023, 4, 10), LocalDate.of(2023, 4, 12)))
                .containsExactly(new DailyClose(LocalDate.of(2023, 4, 11), 13000));
    }

    @Test
    void kbtFitSymbolFitsTheStoredCloses() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Kbt.run(new String[] {"fit", "--symbol", "SPX", "--from", "2023-04-10", "--to", "2023-04-13",
            "--db", db.jdbcUrl(), "--json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("n").asInt()).isEqualTo(3);
        double mean = ((4108.94 / 4120 - 1) + (4091.95 / 4108.94 - 1) + (4146.22 / 4091.95 - 1)) / 3;
        assertThat(json.get("normal.mu").asDouble()).isCloseTo(mean, withPercentage(1e-9));
    }

    @Test
    void tooFewStoredClosesExitThreeAndAnUnreachableDatabaseExitsFour() {
        StringWriter err = new StringWriter();
        int exit = Kbt.run(new String[] {"fit", "--symbol", "SPX", "--from", "2023-04-10", "--to", "2023-04-11",
            "--db", db.jdbcUrl()}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("stored index ticks of SPX 2023-04-10..2023-04-11")
                .contains("need at least 3 daily closes to fit returns, found 2");
        int unreachable = Kbt.run(new String[] {"fit", "--symbol", "SPX", "--from", "2023-04-10", "--to", "2023-04-11",
            "--db", "jdbc:postgresql://127.0.0.1:1/kbt?user=postgres"}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertThat(unreachable).isEqualTo(4);
    }
}
