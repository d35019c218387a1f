package io.kbt.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.kbt.engine.market.Instruments;
import io.kbt.engine.strategy.ParameterKind;
import io.kbt.engine.strategy.Strategy;
import io.kbt.engine.strategy.StrategyContext;
import io.kbt.engine.strategy.StrategyParameter;
import io.kbt.engine.strategy.StrategyParams;
import io.kbt.engine.strategy.StrategyProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A provider written outside kbt: ranges, presets, required keys, and a provider that rejects a combination. */
class ProviderCatalogTest {
    /** Quotes nothing; takes a width in 1..5 cents, a required depth, and rejects width > depth. */
    static final class Band implements StrategyProvider {
        @Override
        public String name() {
            return "band";
        }

        @Override
        public String description() {
            return "a test strategy";
        }

        @Override
        public List<StrategyParameter> parameters() {
            return List.of(
                    StrategyParameter.of("width", ParameterKind.NON_NEGATIVE_REAL, "cents", "2", "band width").range("1", "5"),
                    StrategyParameter.of("depth", ParameterKind.WHOLE, "levels", null, "book levels to read"));
        }

        @Override
        public Map<String, Map<String, String>> presets() {
            return Map.of("wide", Map.of("width", "5"));
        }

        @Override
        public Strategy create(StrategyParams params, Instruments instruments) {
            if (params.real("width") > params.whole("depth")) {
                throw new IllegalArgumentException("width must not exceed depth");
            }
            return new Strategy() {
                @Override
                public void onBatch(StrategyContext context) {}
            };
        }
    }

    private final StrategyCatalog catalog = StrategyCatalog.of(List.of(new Band()));

    @Test
    void resolvesDefaultsPresetsAndGivenKeysInOrder() {
        assertThat(catalog.spec("band", Map.of("depth", "3")).params())
                .containsExactly(entry("preset", "none"), entry("width", "2"), entry("depth", "3"));
        assertThat(catalog.spec("band", Map.of("depth", "9", "preset", "wide")).params()).contains(entry("width", "5"));
        assertThat(catalog.spec("band", Map.of("depth", "9", "preset", "wide", "width", "4.0")).params())
                .contains(entry("width", "4"));
    }

    @Test
    void aValueOutsideTheRangeNamesTheKeyAndTheRange() {
        assertThatThrownBy(() -> catalog.spec("band", Map.of("depth", "3", "width", "6")))
                .isInstanceOf(BadParameterException.class)
                .hasMessage("parameter width of strategy band: '6' is not a number ≥ 0 in 1..5 (cents)");
        assertThatThrownBy(() -> catalog.spec("band", Map.of("depth", "3", "preset", "narrow")))
                .hasMessageContaining("'narrow' is not none or wide");
    }

    @Test
    void aKeyWithoutDefaultMustBeGiven() {
        assertThatThrownBy(() -> catalog.spec("band", Map.of()))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("strategy band needs depth (no default)")
                .extracting(e -> ((BadParameterException) e).key()).isEqualTo("depth");
    }

    @Test
    void aCombinationTheProviderRejectsIsABadParameter() {
        StrategySpec spec = catalog.spec("band", Map.of("depth", "1", "width", "3"));
        assertThatThrownBy(() -> spec.newStrategy(new Instruments(List.of(), List.of())))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("strategy band rejects")
                .hasMessageContaining("width must not exceed depth");
    }

    @Test
    void builtInsAreFoundByTheServiceLoaderAndTwoProvidersMayNotShareAName() {
        assertThat(StrategyCatalog.builtIn().providers()).extracting(p -> p.getClass().getSimpleName())
                .containsExactly("CauchyProvider", "NormalProvider");
        assertThat(StrategyCatalog.of(List.of(new Band(), new Band())).names()).containsExactly("band");
        StrategyProvider impostor = new FairValueProvider("normal", "another class", List.of(), Map.of(), p -> null) {};
        assertThatThrownBy(() -> StrategyCatalog.of(List.of(new NormalProvider(), impostor)))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("two strategies are called 'normal'");
    }

    @Test
    void aRangeOnlyAppliesToNumbersAndTheDefaultMustFitIt() {
        assertThatThrownBy(() -> StrategyParameter.of("on", ParameterKind.BOOLEAN, "", "true", "").range("0", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrategyParameter.of("w", ParameterKind.REAL, "", "9", "").range("0", "1"))
                .hasMessageContaining("default '9'");
    }
}
