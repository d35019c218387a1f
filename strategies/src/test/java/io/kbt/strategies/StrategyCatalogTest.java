package io.kbt.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.kbt.engine.market.Instruments;
import io.kbt.strategies.model.CauchyReturns;
import io.kbt.strategies.model.NormalReturns;
import io.kbt.strategies.model.ReturnModel;
import io.kbt.strategies.quote.QuotingParams;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Binding strategy parameters: defaults, the seed preset, overrides and errors. */
class StrategyCatalogTest {
    private static final StrategyCatalog CATALOG = StrategyCatalog.builtIn();

    @Test
    void listsEveryResolvedParameterInAFixedOrderWithDefaults() {
        StrategySpec spec = CATALOG.spec("cauchy", Map.of());
        assertThat(spec.name()).isEqualTo("cauchy");
        assertThat(spec.params()).containsExactly(
                entry("preset", "none"), entry("x0", "0"), entry("gamma0", "0.000005"), entry("h", "0.6"),
                entry("halfSpread", "1"), entry("skew", "0.1"), entry("quoteSize", "10"), entry("positionLimit", "40"),
                entry("crossGuard", "false"), entry("postOnly", "true"), entry("stopBeforeCloseSeconds", "60"),
                entry("maxLossCents", "none"));
        assertThat(CATALOG.spec("normal", Map.of()).params()).containsKeys("mu", "sigma0", "h")
                .doesNotContainKeys("x0", "gamma0")
                .contains(entry("sigma0", "0.000082"), entry("h", "0.5"));
        assertThat(CATALOG.names()).containsExactly("cauchy", "normal");
    }

    @Test
    void seedPresetReproducesTheReferenceBot() {
        StrategySpec seed = CATALOG.spec("cauchy", Map.of("preset", "seed"));
        assertThat(model(seed)).isEqualTo(new CauchyReturns(0, 5e-6, 0.6));
        assertThat(quoting(seed).halfSpreadCents()).isEqualByComparingTo("1");
        assertThat(quoting(seed).skewCentsPerContract()).isEqualByComparingTo("0.1");
        assertThat(quoting(seed).quoteSize()).isEqualTo(1_000);
        assertThat(quoting(seed).positionLimit()).isEqualTo(4_000);
        assertThat(quoting(seed).crossGuard()).isTrue();
        assertThat(quoting(seed).postOnly()).isFalse();
        assertThat(quoting(seed).stopBeforeCloseSeconds()).isZero();
        assertThat(quoting(seed).maxLossCents()).isEqualTo(OptionalLong.empty());
        assertThat(seed.params()).contains(entry("preset", "seed"), entry("crossGuard", "true"));
    }

    @Test
    void explicitKeysOverrideThePresetWhateverTheirOrder() {
        StrategySpec spec = CATALOG.spec("cauchy",
                Map.of("halfSpread", "2.50", "preset", "SEED", "gamma0", "1e-5", "quoteSize", "2.5", "maxLossCents", "1000"));
        assertThat(spec.params()).contains(entry("preset", "seed"), entry("halfSpread", "2.5"), entry("gamma0", "0.00001"),
                entry("quoteSize", "2.5"), entry("crossGuard", "true"), entry("maxLossCents", "1000"));
        assertThat(quoting(spec).quoteSize()).isEqualTo(250);
        assertThat(quoting(spec).halfSpreadCents()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(quoting(spec).maxLossCents()).isEqualTo(OptionalLong.of(1000));
        assertThat(((CauchyReturns) model(spec)).gamma0()).isEqualTo(1e-5);
    }

    @Test
    void seedOnTheNormalStrategySetsOnlyTheQuoting() {
        StrategySpec spec = CATALOG.spec("normal", Map.of("preset", "seed", "sigma0", "0.0001"));
        assertThat(model(spec)).isEqualTo(new NormalReturns(0, 1e-4, 0.5));
        assertThat(quoting(spec).crossGuard()).isTrue();
        assertThat(quoting(spec).postOnly()).isFalse();
    }

    @Test
    void withLaysSweepOverridesOverTheOriginalSettings() {
        StrategySpec base = CATALOG.spec("cauchy", Map.of("preset", "seed", "skew", "0.2"));
        StrategySpec point = base.with(Map.of("halfSpread", "3"));
        assertThat(point.params()).contains(entry("halfSpread", "3"), entry("skew", "0.2"), entry("crossGuard", "true"));
        assertThat(base.params()).contains(entry("halfSpread", "1"));
        assertThat(base.with(Map.of("preset", "none")).params()).contains(entry("crossGuard", "false"), entry("skew", "0.2"));
        assertThatThrownBy(() -> base.with(Map.of("halfSpread", "-1"))).isInstanceOf(BadParameterException.class);
    }

    @Test
    void everyCallMakesAFreshStrategy() {
        StrategySpec spec = CATALOG.spec("cauchy", Map.of());
        Instruments none = new Instruments(List.of(), List.of("SPX"));
        assertThat(spec.newStrategy(none)).isNotSameAs(spec.newStrategy(none));
        assertThat(spec.newStrategy(none).positionLimit()).isEqualTo(4_000);
    }

    @Test
    void unknownKeyNamesTheKeyAndListsWhatIsAccepted() {
        assertThatThrownBy(() -> CATALOG.spec("cauchy", Map.of("spread", "1")))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("unknown parameter 'spread' for strategy cauchy")
                .hasMessageContaining("accepts: preset, x0, gamma0, h, halfSpread, skew, quoteSize, positionLimit, "
                        + "crossGuard, postOnly, stopBeforeCloseSeconds, maxLossCents")
                .extracting(e -> ((BadParameterException) e).key()).isEqualTo("spread");
        assertThatThrownBy(() -> CATALOG.spec("cauchy", Map.of("halfspread", "1")))
                .hasMessageContaining("did you mean halfSpread?");
        assertThatThrownBy(() -> CATALOG.spec("normal", Map.of("gamma0", "1e-5")))
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
        List<List<String>> table = CATALOG.parameterTable("normal");
        assertThat(table).extracting(row -> row.get(0)).containsExactly("preset", "mu", "sigma0", "h", "halfSpread",
                "skew", "quoteSize", "positionLimit", "crossGuard", "postOnly", "stopBeforeCloseSeconds", "maxLossCents");
        assertThat(table.get(4)).startsWith("halfSpread", "cents", "1", "a number ≥ 0");
        assertThat(table).allSatisfy(row -> assertThat(row.get(4)).isNotBlank());
    }

    @Test
    void unknownStrategyIsABadParameter() {
        assertThatThrownBy(() -> CATALOG.spec("gaussian", Map.of()))
                .isInstanceOf(BadParameterException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown strategy 'gaussian'; accepts: cauchy, normal");
    }

    private static ReturnModel model(StrategySpec spec) {
        return ((FairValueProvider) spec.provider()).model(spec.typedParams());
    }

    private static QuotingParams quoting(StrategySpec spec) {
        return QuotingBinding.bind(spec.typedParams());
    }

    private static void assertBad(String key, String value, String message) {
        assertThatThrownBy(() -> CATALOG.spec("cauchy", Map.of(key, value)))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((BadParameterException) e).key()).isEqualTo(key);
    }
}
