package io.kbt.strategies;

/** One strategy parameter: its key, what it accepts, its unit and default, and what it means. */
record Parameter(String key, ParameterKind kind, String unit, String defaultValue, String meaning) {}
