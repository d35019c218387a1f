package com.example.thirdparty;

import io.kbt.engine.event.IndexTick;
import io.kbt.engine.event.MarketEvent;
import io.kbt.feeds.BadInputException;
import io.kbt.feeds.DataFormat;
import io.kbt.feeds.FeedReader;
import io.kbt.feeds.FeedStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A data format written outside kbt's packages: index ticks as {@code epoch-microseconds<TAB>level} lines under a
 * header line in {@code *.tsv} files, the symbol being the index symbol kbt hands it; seq is the file line.
 */
public final class IndexTsv implements DataFormat {
    @Override
    public String name() {
        return "index-tsv";
    }

    @Override
    public String description() {
        return "index ticks as epoch-µs<TAB>level (test format)";
    }

    @Override
    public int recognise(Path file, String fileName, Supplier<String> head) {
        return fileName.endsWith(".tsv") ? 4 : 0;
    }

    @Override
    public FeedReader open(Path file, Context context) {
        int symbol = context.registry().symbolId(context.indexSymbol());
        BufferedReader lines;
        try {
            lines = Files.newBufferedReader(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FeedReader() {
            private final FeedStats stats = new FeedStats();
            private long line;

            @Override
            public MarketEvent next() {
                try {
                    String text = lines.readLine();
                    line++;
                    if (line == 1 && text != null) {
                        text = lines.readLine();
                        line++;
                    }
                    if (text == null) {
                        return null;
                    }
                    String[] cells = text.split("\t");
                    if (cells.length != 2) {
                        throw new BadInputException(context.sourceName(), line, "expected ts<TAB>level");
                    }
                    return new IndexTick(Long.parseLong(cells[0]), line, symbol, Double.parseDouble(cells[1]));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String sourceName() {
                return context.sourceName();
            }

            @Override
            public long line() {
                return line;
            }

            @Override
            public FeedStats stats() {
                return stats;
            }

            @Override
            public void close() {
                try {
                    lines.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
