package io.kbt.cli;

/** The exit codes of DESIGN.md's CLI contract. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int DATABASE_UNREACHABLE = 4;
    /** Kalshi refused the API key ({@code kbt record}, {@code kbt fetch}). */
    public static final int AUTHENTICATION_REFUSED = 5;

    private ExitCode() {}
}
