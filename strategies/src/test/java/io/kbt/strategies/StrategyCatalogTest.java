package io.kbt.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.kbt.engine.market.Instruments;
import io.kbt.strategies.model.CauchyReturns;
import io.kbt.strategies.model.NormalReturns;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding strategy parameters: defaults, the seed preset, overrides, errors and config files. */
class StrategyCatalogTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryResolvedParameterInAFixedOrderWithDefaults() {
        StrategySpec spec = StrategyCatalog.spec("cauchy", Map.of());
        assertThat(spec.name()).isEqualTo("cauchy");
        assertThat(spec.params()).containsExactly(
                entry("preset", "none"), entry("x0", "0"), entry("gamma0", "0.000005"), entry("h", "0.6"),
                entry("halfSpread", "1"), entry("skew", "0.1"), entry("quoteSize", "10"), entry("positionLimit", "40"),
                entry("crossGuard", "false"), entry("postOnly", "true"), entry("stopBeforeCloseSeconds", "60"),
                entry("maxLossCents", "none"));
        assertThat(StrategyCatalog.spec("normal", Map.of()).params()).containsKeys("mu", "sigma0", "h")
                .doesNotContainKeys("x0", "gamma0")
                .contains(entry("sigma0", "0.000082"), entry("h", "0.5"));
        assertThat(StrategyCatalog.names()).containsExactly("cauchy", "normal");
    }

    @Test
    void seedPresetReproducesTheReferenceBot() {
        StrategySpec seed = StrategyCatalog.spec("cauchy", Map.of("preset", "seed"));
        assertThat(seed.model()).isEqualTo(new CauchyReturns(0, 5e-6, 0.6));
        assertThat(seed.quoting().halfSpreadCents()).isEqualByComparingTo("1");
        assertThat(seed.quoting().skewCentsPerContract()).isEqualByComparingTo("0.1");
        assertThat(seed.quoting().quoteSize()).isEqualTo(1_000);
        assertThat(seed.quoting().positionLimit()).isEqualTo(4_000);
        assertThat(seed.quoting().crossGuard()).isTrue();
        assertThat(seed.quoting().postOnly()).isFalse();
        assertThat(seed.quoting().stopBeforeCloseSeconds()).isZero();
        assertThat(seed.quoting().maxLossCents()).isEqualTo(OptionalLong.empty());
        assertThat(seed.params()).contains(entry("preset", "seed"), entry("crossGuard", "true"));
    }

    @Test
    void explicitKeysOverrideThePresetWhateverTheirOrder() {
        StrategySpec spec = StrategyCatalog.spec("cauchy",
                Map.of("halfSpread", "2.50", "preset", "SEED", "gamma0", "1e-5", "quoteSize", "2.5", "maxLossCents", "1000"));
        assertThat(spec.params()).contains(entry("preset", "seed"), entry("halfSpread", "2.5"), entry("gamma0", "0.00001"),
                entry("quoteSize", "2.5"), entry("crossGuard", "true"), entry("maxLossCents", "1000"));
        assertThat(spec.quoting().quoteSize()).isEqualTo(250);
        assertThat(spec.quoting().halfSpreadCents()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(spec.quoting().maxLossCents()).isEqualTo(OptionalLong.of(1000));
        assertThat(((CauchyReturns) spec.model()).gamma0()).isEqualTo(1e-5);
    }

    @Test
    void seedOnTheNormalStrategySetsOnlyTheQuoting() {
        StrategySpec spec = StrategyCatalog.spec("normal", Map.of("preset", "seed", "sigma0", "0.0001"));
        assertThat(spec.model()).isEqualTo(new NormalReturns(0, 1e-4, 0.5));
        assertThat(spec.quoting().crossGuard()).isTrue();
        assertThat(spec.quoting().postOnly()).isFalse();
    }

    @Test
    void withLaysSweepOverridesOverTheOriginalSettings() {
        StrategySpec base = StrategyCatalog.spec("cauchy", Map.of("preset", "seed", "skew", "0.2"));
        StrategySpec point = base.with(Map.of("halfSpread", "3"));
        assertThat(point.params()).contains(entry("halfSpread", "3"), entry("skew", "0.2"), entry("crossGuard", "true"));
        assertThat(base.params()).contains(entry("halfSpread", "1"));
        assertThat(base.with(Map.of("preset", "none")).params()).contains(entry("crossGuard", "false"), entry("skew", "0.2"));
        assertThatThrownBy(() -> base.with(Map.of("halfSpread", "-1"))).isInstanceOf(BadParameterException.class);
    }

    @Test
    void everyCallMakesAFreshStrategy() {
        StrategySpec spec = StrategyCatalog.spec("cauchy", Map.of());
        Instruments none = new Instruments(List.of(), List.of("SPX"));
        assertThat(spec.newStrategy(none)).isNotSameAs(spec.newStrategy(none));
        assertThat(spec.newStrategy(none).positionLimit()).isEqualTo(4_000);
    }

    @Test
    void unknownKeyNamesTheKeyAndListsWhatIsAccepted() {
        assertThatThrownBy(() -> StrategyCatalog.spec("cauchy", Map.of("spread", "1")))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("unknown parameter 'spread' for strategy cauchy")
                .hasMessageContaining("accepts: preset, x0, gamma0, h, halfSpread, skew, quoteSize, positionLimit, "
                        + "crossGuard, postOnly, stopBeforeCloseSeconds, maxLossCents")
                .extracting(e -> ((BadParameterException) e).key()).isEqualTo("spread");
        assertThatThrownBy(() -> StrategyCatalog.spec("cauchy", Map.of("halfspread", "1")))
                .hasMessageContaining("did you mean halfSpread?");
        assertThatThrownBy(() -> StrategyCatalog.spec("normal", Map.of("gamma0", "1e-5")))
                .hasMessageContaining("unknown parameter 'gamma0' for strategy normal");
    }

    @Test
    void badValuesNameTheKeyAndWhatItAccepts() {
        assertBad("halfSpread", "abc", "parameter halfSpread of strategy cauchy: 'abc' is not a number ≥ 0 (cents)");
        assertBad("halfSpread", "-0.5", "'-0.5' is not a number ≥ 0");
        assertBad("quoteSize", "1.234", "'1.234' is not a number of contracts > 0 with at most 2 decimals");
        assertBad("positionLimit", "0", "positionLimit");
        assertBad("crossGuard", "maybe", "'maybe' is not true or false");
        assertBad("stopBeforeCloseSeconds", "1.5", "a whole number of seconds ≥ 0");
        assertBad("maxLossCents", "-1", "a whole number of cents ≥ 0, or none");
        assertBad("preset", "bot", "'bot' is not none or seed");
        assertBad("gamma0", "0", "'0' is not a number > 0");
        assertBad("x0", "NaN", "'NaN' is not a finite number");
        assertBad("h", "", "'' is not a number ≥ 0");
    }

    @Test
    void parameterTableListsKeyUnitDefaultAcceptsAndMeaning() {
        List<List<String>> table = StrategyCatalog.parameterTable("normal");
        assertThat(table).extracting(row -> row.get(0)).containsExactly("preset", "mu", "sigma0", "h", "halfSpread",
                "skew", "quoteSize", "positionLimit", "crossGuard", "postOnly", "stopBeforeCloseSeconds", "maxLossCents");
        assertThat(table.get(4)).startsWith("halfSpread", "cents", "1", "a number ≥ 0");
        assertThat(table).allSatisfy(row -> assertThat(row.get(4)).isNotBlank());
    }

    @Test
    void unknownStrategyIsABadParameter() {
        assertThatThrownBy(() -> StrategyCatalog.spec("gaussian", Map.of()))
                .isInstanceOf(BadParameterException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown strategy 'gaussian'; accepts: cauchy, normal");
    }

    @Test
    void readsFlatJsonConfig() throws Exception {
        Path file = Files.writeString(dir.resolve("bot.json"),
                "{\"preset\": \"seed\", \"halfSpread\": 2, \"gamma0\": 5e-6, \"crossGuard\": false, \"quoteSize\": 2.5}");
        Map<String, String> settings = StrategyCatalog.readConfig(file);
        assertThat(settings.keySet()).containsExactly("preset", "halfSpread", "gamma0", "crossGuard", "quoteSize");
        StrategySpec spec = StrategyCatalog.spec("cauchy", settings);
        assertThat(spec.params()).contains(entry("halfSpread", "2"), entry("gamma0", "0.000005"),
                entry("crossGuard", "false"), entry("quoteSize", "2.5"));
    }

    @Test
    void readsFlatYamlConfig() throws Exception {
        Path file = Files.writeString(dir.resolve("bot.yaml"), """
                # the reference bot, wider
                preset: seed
                halfSpread: 1.5
                postOnly: true
                maxLossCents: none
                """);
        StrategySpec spec = StrategyCatalog.spec("cauchy", StrategyCatalog.readConfig(file));
        assertThat(spec.params()).contains(entry("halfSpread", "1.5"), entry("postOnly", "true"),
                entry("maxLossCents", "none"), entry("crossGuard", "true"));
        assertThat(StrategyCatalog.readConfig(Files.writeString(dir.resolve("empty.yml"), ""))).isEmpty();
    }

    @Test
    void badConfigFilesNameTheFile() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"halfSpread\": 2,,}");
        assertThatThrownBy(() -> StrategyCatalog.readConfig(broken))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining(broken + ":1")
                .hasMessageContaining("not valid JSON");
        Path nested = Files.writeString(dir.resolve("nested.yaml"), "quoting:\n  halfSpread: 2\n");
        assertThatThrownBy(() -> StrategyCatalog.readConfig(nested))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("quoting must be a single value");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- halfSpread\n");
        assertThatThrownBy(() -> StrategyCatalog.readConfig(list)).hasMessageContaining("expected flat key: value pairs");
        assertThatThrownBy(() -> StrategyCatalog.readConfig(dir.resolve("missing.yaml")))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("missing.yaml");
    }

    private static void assertBad(String key, String value, String message) {
        assertThatThrownBy(() -> StrategyCatalog.spec("cauchy", Map.of(key, value)))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((BadParameterException) e).key()).isEqualTo(key);
    }
}
