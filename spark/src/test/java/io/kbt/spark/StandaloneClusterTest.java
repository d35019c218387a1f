package io.kbt.spark;

import io.kbt.runner.sweep.SweepMatrix;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone Spark cluster on localhost, started from Spark's own jars: a master and a worker in child JVMs;
 * the worker starts executors that load their shards from the generated files. The sweep through
 * {@code spark://127.0.0.1:PORT} gives the local sweep's cells.
 */
class StandaloneClusterTest {
    @TempDir
    static Path dir;

    static SweepFixture fixture;
    static final List<Process> cluster = new ArrayList<>();
    static int masterPort;
    /** The master's, the worker's and the executors' logs, kept after the test for a failure's reader. */
    static final Path LOGS = Path.of("target", "spark-cluster");

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        fixture = new SweepFixture(dir, 2);
        Files.createDirectories(LOGS);
        List<String> sparkJars = List.of(Files.readString(Path.of("target", "spark-classpath.txt")).trim().split(":"));
        // A SPARK_HOME whose jars/ the worker puts on its executors' class path, as in a Spark distribution.
        Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
        for (String jar : sparkJars) {
            Path link = jars.resolve(Path.of(jar).getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, Path.of(jar));
            }
        }
        masterPort = freePort();
        String classPath = String.join(":", sparkJars);
        cluster.add(start("master", classPath, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(freePort())));
        awaitPort(masterPort);
        cluster.add(start("worker", classPath, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", "2", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                "--work-dir", LOGS.resolve("work").toString(), "spark://127.0.0.1:" + masterPort));
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (cluster.isEmpty()) {
            return;
        }
        for (Process process : cluster.reversed()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSweepThroughAStandaloneMasterGivesTheLocalCells() {
        SweepMatrix remote = new SparkSweep().run("spark://127.0.0.1:" + masterPort, fixture.job, (done, total) -> { });
        fixture.assertSameAsLocal(remote);
    }

    private static Process start(String name, String classPath, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", dir.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the Spark master did not listen on " + port + " within 120 s; see "
                + LOGS.resolve("master.log").toAbsolutePath());
    }
}
