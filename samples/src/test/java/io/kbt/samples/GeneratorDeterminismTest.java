package io.kbt.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorDeterminismTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    private record Output(byte[] websocket, byte[] index, byte[] markets) {}

    private static Output generate(GeneratorConfig config) {
        var ws = new ByteArrayOutputStream();
        var index = new ByteArrayOutputStream();
        var markets = new ByteArrayOutputStream();
        new Generator(config).write(ws, index, markets);
        return new Output(ws.toByteArray(), index.toByteArray(), markets.toByteArray());
    }

    @Test
    void theSameSeedGivesIdenticalBytes() {
        Output first = generate(GeneratorConfig.of(MONDAY, 1, 1, 7));
        Output second = generate(GeneratorConfig.of(MONDAY, 1, 1, 7));
        assertThat(first.websocket()).isNotEmpty().isEqualTo(second.websocket());
        assertThat(first.index()).isNotEmpty().isEqualTo(second.index());
        assertThat(first.markets()).isNotEmpty().isEqualTo(second.markets());
    }

    @Test
    void anotherSeedGivesAnotherPathAndFlow() {
        Output first = generate(GeneratorConfig.of(MONDAY, 1, 1, 7));
        Output other = generate(GeneratorConfig.of(MONDAY, 1, 1, 8));
        assertThat(other.websocket()).isNotEqualTo(first.websocket());
        assertThat(other.index()).isNotEqualTo(first.index());
    }

    @Test
    void theIndexPathDependsOnTheSeedOnlyNotOnTheNumberOfMarkets() {
        assertThat(generate(GeneratorConfig.of(MONDAY, 1, 3, 7)).index())
                .isEqualTo(generate(GeneratorConfig.of(MONDAY, 1, 1, 7)).index());
    }
}
