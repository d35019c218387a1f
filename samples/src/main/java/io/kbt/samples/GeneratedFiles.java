package io.kbt.samples;

/** The names of the files a generation writes into its directory (and of the bundled sample's files). */
public final class GeneratedFiles {
    public static final String MARKETS = "markets.json";
    public static final String INDEX = "index-SPX.csv";
    public static final String WEBSOCKET = "kalshi-ws.jsonl";

    private GeneratedFiles() {}
}
