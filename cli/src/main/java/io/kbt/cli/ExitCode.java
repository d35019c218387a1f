package io.kbt.cli;

/** The exit codes of DESIGN.md's CLI contract. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int DATABASE_UNREACHABLE = 4;

    private ExitCode() {}
}
