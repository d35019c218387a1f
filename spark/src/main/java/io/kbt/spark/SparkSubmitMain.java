package io.kbt.spark;

import io.kbt.cli.Kbt;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class for {@code spark-submit}: runs a {@code kbt} command line, adding {@code --spark} with the master
 * spark-submit was given when the command line names none, so {@code spark-submit --master M --class
 * io.kbt.spark.SparkSubmitMain kbt-spark.jar sweep ...} runs the sweep's cells on that cluster.
 */
public final class SparkSubmitMain {
    private SparkSubmitMain() {}

    public static void main(String[] args) {
        List<String> line = new ArrayList<>(List.of(args));
        String master = System.getProperty("spark.master");
        if (!line.isEmpty() && line.get(0).equals("sweep") && !line.contains("--spark") && master != null) {
            line.add("--spark");
            line.add(master);
        }
        Kbt.main(line.toArray(String[]::new));
    }
}
