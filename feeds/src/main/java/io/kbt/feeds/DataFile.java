package io.kbt.feeds;

import java.nio.file.Path;

/** One file of a data directory and the format its name and content say it is in. */
public record DataFile(Path path, DataFormat format) {}
