package io.kbt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.kbt.runner.sweep.SweepMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep's cells as Spark tasks on {@code local[2]}: the same cells as the local sweep, with progress. */
class SparkSweepTest {
    @TempDir
    static Path dir;

    static SweepFixture fixture;

    @BeforeAll
    static void prepare() {
        fixture = new SweepFixture(dir, 3);
    }

    @Test
    void localTwoGivesTheLocalSweepsCellsAndCountsThemAll() {
        List<Integer> progress = new ArrayList<>();
        SweepMatrix remote = new SparkSweep().run("local[2]", fixture.job, (done, total) -> {
            synchronized (progress) {
                progress.add(done);
                assertThat(total).isEqualTo(9);
            }
        });

        fixture.assertSameAsLocal(remote);
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(9);
    }

    @Test
    void tasksGiveEverySlotABlockOfTheSameShardTakingEveryOtherSet() {
        // 3 shards × 3 sets: one slot → a task per shard; two slots → two blocks per shard, side by side, each
        // taking every second set (neighbouring sets cost alike); four → a task per cell.
        assertThat(SparkSweep.tasks(fixture.job, 1)).hasSize(3)
                .allSatisfy(t -> assertThat(t.sets(3)).containsExactly(0, 1, 2));
        List<SparkSweep.Task> two = SparkSweep.tasks(fixture.job, 2);
        assertThat(two).hasSize(6).startsWith(new SparkSweep.Task(0, 0, 2), new SparkSweep.Task(0, 1, 2));
        assertThat(two.get(0).sets(3)).containsExactly(0, 2);
        assertThat(two.get(1).sets(3)).containsExactly(1);
        assertThat(SparkSweep.tasks(fixture.job, 4)).hasSize(9)
                .allSatisfy(t -> assertThat(t.sets(3)).containsExactly(t.block()));
    }

    @Test
    void aLocalMasterIsShippedNoClassesAClusterTheJarOrTheClassPath() throws IOException {
        Path jar = Files.createFile(dir.resolve("kbt-spark.jar"));
        SparkConf local = new SparkConf(false);
        SparkSweep.shipClasses(local, "local[2]", jar);
        assertThat(local.getAll()).as("the executor shares this JVM's class path").isEmpty();

        SparkConf cluster = new SparkConf(false);
        SparkSweep.shipClasses(cluster, "spark://127.0.0.1:7077", jar);
        assertThat(cluster.get("spark.jars")).isEqualTo(jar.toString());
        SparkConf localCluster = new SparkConf(false);
        SparkSweep.shipClasses(localCluster, "local-cluster[2,1,1024]", jar);
        assertThat(localCluster.get("spark.jars")).isEqualTo(jar.toString());

        SparkConf buildTree = new SparkConf(false);
        SparkSweep.shipClasses(buildTree, "spark://127.0.0.1:7077", dir);
        assertThat(buildTree.get("spark.executor.extraClassPath")).isEqualTo(System.getProperty("java.class.path"));
    }
}
