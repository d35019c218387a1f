package io.kbt.engine.exchange;

import io.kbt.engine.spi.Choice;

/**
 * The queue-model extension point: a named {@link QueueModel}, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.kbt.engine.exchange.QueueModelProvider}) and chosen with
 * {@code --queue NAME[:key=value,...]}. The built-in {@code risk-averse}, {@code prob} and {@code optimistic}
 * models are providers too. Needs a public no-argument constructor.
 */
public interface QueueModelProvider {
    /** The name users choose, e.g. {@code prob}. */
    String name();

    /** One line for help and errors. */
    String description();

    /**
     * The model with {@code choice}'s options; {@link IllegalArgumentException} for options it does not take
     * ({@link Choice#accepting}). The model's {@link QueueModel#name()} should spell the options back.
     */
    QueueModel create(Choice choice);
}
