package io.kbt.bench;

import io.kbt.kalshi.fake.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The recorder's memory over a long run, run by hand (not a test): {@code kbt record} runs as a child process
 * (files and PostgreSQL) while the fake exchange pushes {@code --rate} deltas a second for {@code --minutes}; the
 * child's resident set size (VmRSS) is printed every minute. The child is stopped with SIGTERM at the end.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.kbt.bench.RecorderMemoryBench [--rate 10000] [--minutes 10]
 *     [--db URL] [--xmx 512m]</pre>
 */
public final class RecorderMemoryBench {
    public static void main(String[] args) throws Exception {
        int rate = 10_000;
        int minutes = 10;
        String db = "jdbc:postgresql://127.0.0.1:5432/kbt_record_memory?user=postgres";
        String xmx = "512m";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--minutes" -> minutes = Integer.parseInt(args[++i]);
                case "--db" -> db = args[++i];
                case "--xmx" -> xmx = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("kbt-record-memory");
        try (RecorderLoad load = new RecorderLoad(12)) {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"), "io.kbt.cli.Kbt", "record",
                    "--series", "INXD", "--ws-url", load.fake.wsUrl().toString(), "--rest-url",
                    load.fake.restUrl().toString(), "--key-id", TestKeys.KEY_ID, "--key-file",
                    TestKeys.write(dir, "pkcs8").toString(), "--out", dir.resolve("rec").toString(), "--db", db));
            Process recorder = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile()).start();
            load.start(rate, minutes * 60 + 5);
            long started = System.nanoTime();
            List<Long> rss = new ArrayList<>();
            for (int minute = 1; minute <= minutes; minute++) {
                Thread.sleep(Math.max(0, started + minute * 60_000_000_000L - System.nanoTime()) / 1_000_000);
                long kb = rssKb(recorder.pid());
                rss.add(kb);
                System.out.printf("minute %2d: sent %,d frames, recorder RSS %,d KB%n", minute, load.sent.get(), kb);
            }
            recorder.destroy();
            recorder.waitFor(60, TimeUnit.SECONDS);
            System.out.printf("RSS minute %d / minute 1: %.3f (-Xmx%s, %,d frames/s)%n", minutes,
                    rss.get(rss.size() - 1) / (double) rss.get(0), xmx, rate);
            System.out.println(Files.readString(dir.resolve("out.txt")));
        }
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
