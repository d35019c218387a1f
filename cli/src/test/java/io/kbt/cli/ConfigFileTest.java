package io.kbt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.kbt.strategies.BadParameterException;
import io.kbt.strategies.StrategyCatalog;
import io.kbt.strategies.StrategySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --config FILE}: flat JSON or YAML strategy parameters, and the errors that name the file. */
class ConfigFileTest {
    private static final StrategyCatalog CATALOG = StrategyCatalog.builtIn();

    @TempDir
    Path dir;

    @Test
    void readsFlatJsonConfig() throws Exception {
        Path file = Files.writeString(dir.resolve("bot.json"),
                "{\"preset\": \"seed\", \"halfSpread\": 2, \"gamma0\": 5e-6, \"crossGuard\": false, \"quoteSize\": 2.5}");
        Map<String, String> settings = ConfigFile.read(file);
        assertThat(settings.keySet()).containsExactly("preset", "halfSpread", "gamma0", "crossGuard", "quoteSize");
        StrategySpec spec = CATALOG.spec("cauchy", settings);
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
        StrategySpec spec = CATALOG.spec("cauchy", ConfigFile.read(file));
        assertThat(spec.params()).contains(entry("halfSpread", "1.5"), entry("postOnly", "true"),
                entry("maxLossCents", "none"), entry("crossGuard", "true"));
        assertThat(ConfigFile.read(Files.writeString(dir.resolve("empty.yml"), ""))).isEmpty();
    }

    @Test
    void badConfigFilesNameTheFile() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"halfSpread\": 2,,}");
        assertThatThrownBy(() -> ConfigFile.read(broken))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining(broken + ":1")
                .hasMessageContaining("not valid JSON");
        Path nested = Files.writeString(dir.resolve("nested.yaml"), "quoting:\n  halfSpread: 2\n");
        assertThatThrownBy(() -> ConfigFile.read(nested))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("quoting must be a single value");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- halfSpread\n");
        assertThatThrownBy(() -> ConfigFile.read(list)).hasMessageContaining("expected flat key: value pairs");
        assertThatThrownBy(() -> ConfigFile.read(dir.resolve("missing.yaml")))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("missing.yaml");
    }
}
