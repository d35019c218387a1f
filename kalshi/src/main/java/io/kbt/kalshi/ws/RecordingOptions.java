package io.kbt.kalshi.ws;

import io.kbt.kalshi.auth.KalshiCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@code kbt record} records and how: the series whose open markets it discovers, extra markets, the output
 * directory, the two endpoints, the key, when to stop ({@code stopAt}, or {@code recordFor} counted from when
 * recording starts, after any recovery; both null = until stopped), and the fault
 * handling times (the defaults are Kalshi's: it pings every 10 s, so 30 s of silence is a dead connection).
 */
public record RecordingOptions(List<String> series, List<String> markets, Path out, URI wsUrl, URI restUrl,
        KalshiCredentials credentials, Instant stopAt, Duration recordFor, Duration silenceTimeout, Duration initialBackoff,
        Duration maxBackoff, Duration flushInterval) {

    public static final Duration SILENCE = Duration.ofSeconds(30);

    public RecordingOptions {
        series = List.copyOf(series);
        markets = List.copyOf(markets);
    }

    public static RecordingOptions of(List<String> series, List<String> markets, Path out, URI wsUrl, URI restUrl,
            KalshiCredentials credentials, Instant stopAt) {
        return new RecordingOptions(series, markets, out, wsUrl, restUrl, credentials, stopAt, null, SILENCE,
                Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(1));
    }

    public RecordingOptions withTimes(Duration silence, Duration initialBackoff, Duration maxBackoff) {
        return new RecordingOptions(series, markets, out, wsUrl, restUrl, credentials, stopAt, recordFor, silence,
                initialBackoff, maxBackoff, flushInterval);
    }

    /** Records for {@code duration} from the start of recording instead of until {@code stopAt}. */
    public RecordingOptions recordingFor(Duration duration) {
        return new RecordingOptions(series, markets, out, wsUrl, restUrl, credentials, null, duration,
                silenceTimeout, initialBackoff, maxBackoff, flushInterval);
    }

    /** The name files start with: the series (else the markets) joined by {@code +}. */
    String baseName() {
        List<String> names = series.isEmpty() ? markets : series;
        String joined = String.join("+", names);
        return joined.length() > 80 ? joined.substring(0, 80) : joined;
    }
}
