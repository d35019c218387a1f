package io.kbt.spark;

import io.kbt.runner.sweep.CellResult;
import io.kbt.runner.sweep.RemoteSweep;
import io.kbt.runner.sweep.SweepJob;
import io.kbt.runner.sweep.SweepMatrix;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;

/**
 * A sweep's cells as Spark tasks. Each task is one shard and a block of parameter sets: the executor loads that
 * shard itself from the job's source (a directory or PostgreSQL it can reach) and sends back only the cells'
 * figures, so no market data passes through the driver. The driver counts finished cells for the progress bar.
 */
public final class SparkSweep implements RemoteSweep {
    /**
     * One Spark task: block {@code block} of {@code blocks} of the sets over shard {@code shard}, i.e. sets
     * {@code block}, {@code block + blocks}, ... A block takes every {@code blocks}-th set rather than a run of
     * neighbours because a set's cost follows its place in the grid (the tightest spreads fill most: 5 to 7 times
     * the cost of the widest); blocks of neighbours left one slot with most of a shard's work.
     */
    record Task(int shard, int block, int blocks) implements Serializable {
        List<Integer> sets(int sets) {
            return IntStream.iterate(block, set -> set < sets, set -> set + blocks).boxed().toList();
        }
    }

    @Override
    public SweepMatrix run(String master, SweepJob job, Progress progress) {
        SparkConf conf = new SparkConf().setAppName("kbt sweep").setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        shipClasses(conf, master, classes());
        int total = job.sets().size() * job.shards().size();
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            List<Task> tasks = tasks(job, spark.defaultParallelism());
            LongAccumulator cells = spark.sc().longAccumulator("kbt cells");
            spark.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                    progress.finished((int) cells.value().longValue(), total);
                }
            });
            String sweep = UUID.randomUUID().toString();
            int shards = job.shards().size();
            List<CellResult> results = spark.parallelize(tasks, tasks.size())
                    .flatMap(task -> {
                        int next = task.shard() + 1;
                        List<CellResult> done = SharedShards.use(
                                new SharedShards.Load<>(sweep, task.shard(), () -> job.loadShard(task.shard())),
                                next < shards ? new SharedShards.Load<>(sweep, next, () -> job.loadShard(next)) : null,
                                data -> task.sets(job.sets().size()).stream()
                                        .flatMap(set -> job.runCells(data, set, set + 1).stream()).toList());
                        cells.add(done.size());
                        return done.iterator();
                    })
                    .collect();
            SweepMatrix matrix = new SweepMatrix(job.sets(), job.shards());
            results.forEach(matrix::put);
            return matrix;
        }
    }

    /**
     * Blocks of sets per shard, at least one per task slot, in shard order: the slots of an executor then run the
     * blocks of one shard side by side and share its load ({@link SharedShards}); with fewer shards than twice the
     * slots, enough blocks that every slot has work.
     */
    static List<Task> tasks(SweepJob job, int parallelism) {
        int sets = job.sets().size();
        int shards = job.shards().size();
        int blocks = Math.max(1, Math.min(sets, Math.max(parallelism, (2 * parallelism + shards - 1) / shards)));
        List<Task> tasks = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            for (int block = 0; block < blocks; block++) {
                tasks.add(new Task(shard, block, blocks));
            }
        }
        return tasks;
    }

    /**
     * Executors need kbt's classes: the kbt-spark jar when running from it (unless spark-submit already ships
     * it), else (tests, a build tree) this JVM's class path, which a worker on the same machine can read. A local
     * master's executor runs in this JVM and has them already: shipping the jar there only costs time (the
     * driver serves it and the executor fetches a copy, about 0.7 s of CPU).
     */
    static void shipClasses(SparkConf conf, String master, Path location) {
        // local, local[N], local[N,F]; not local-cluster[...], whose executors are JVMs of their own.
        if (master.equals("local") || master.startsWith("local[")) {
            return;
        }
        if (Files.isRegularFile(location)) {
            if (!conf.contains("spark.jars")) {
                conf.setJars(new String[] {location.toString()});
            }
        } else {
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
    }

    private static Path classes() {
        try {
            return Path.of(SparkSweep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate kbt's classes", e);
        }
    }
}
