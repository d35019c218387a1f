package io.kbt.db.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kbt.db.DatabaseUnavailableException;
import io.kbt.db.DbUrl;
import io.kbt.db.testing.TestDatabase;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The table streams' connections opened ahead: handed out once each, the rest closed, failures as one line. */
class StreamConnectionsTest {
    static TestDatabase testDb;

    @BeforeAll
    static void create() {
        testDb = TestDatabase.create(StreamConnectionsTest.class, false);
    }

    @AfterAll
    static void drop() {
        testDb.close();
    }

    @Test
    void closingReleasesTheConnectionsNeverTakenAndLeavesTheTakenOnesOpen() throws Exception {
        Connection taken;
        try (StreamConnections ahead = new StreamConnections(testDb.url(), 3)) {
            taken = ahead.take();
        }
        assertThat(taken.isValid(5)).isTrue();
        testDb.awaitUnpooledConnections(1);
        taken.close();
        testDb.awaitUnpooledConnections(0);
    }

    @Test
    void takingMoreThanWereOpenedAheadConnectsFreshOnes() throws Exception {
        try (StreamConnections ahead = new StreamConnections(testDb.url(), 1);
                Connection first = ahead.take();
                Connection second = ahead.take()) {
            assertThat(first).isNotSameAs(second);
            assertThat(first.isValid(5)).isTrue();
            assertThat(second.isValid(5)).isTrue();
        }
        testDb.awaitUnpooledConnections(0);
    }

    @Test
    void anUnreachableServerFailsTheTakeAsUnavailableAndClosingStaysQuiet() {
        DbUrl nowhere = DbUrl.resolve("jdbc:postgresql://127.0.0.1:1/kbt", Map.of());
        StreamConnections ahead = new StreamConnections(nowhere, 2);
        assertThatThrownBy(ahead::take).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("127.0.0.1:1/kbt");
        ahead.close();
    }
}
