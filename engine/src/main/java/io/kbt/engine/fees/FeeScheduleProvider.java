package io.kbt.engine.fees;

import io.kbt.engine.spi.Choice;

/**
 * The fee-schedule extension point: a named {@link FeeSchedule}, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.kbt.engine.fees.FeeScheduleProvider}) and chosen with
 * {@code --fees NAME[:key=value,...]}. The built-in {@code none}, {@code standard}, {@code standard-maker} and
 * {@code rates} schedules are providers too. Needs a public no-argument constructor.
 */
public interface FeeScheduleProvider {
    /** The name users choose, e.g. {@code standard}. */
    String name();

    /** One line for help and errors. */
    String description();

    /** The schedule with {@code choice}'s options; {@link IllegalArgumentException} for options it does not take. */
    FeeSchedule create(Choice choice);
}
