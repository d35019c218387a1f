package io.kbt.runner.sweep;

/**
 * Runs a sweep's cells on a cluster: the workers load their own shards from the job's source, and only cell
 * figures come back. Implementations are found with {@link java.util.ServiceLoader} (module {@code kbt-spark}),
 * so the CLI carries no cluster library unless one is on the class path.
 */
public interface RemoteSweep {
    /** Told as cells finish, on the driver. */
    interface Progress {
        void finished(int done, int total);
    }

    /**
     * @param master where to run, e.g. {@code local[2]} or {@code spark://host:7077}
     * @return every cell of {@code job}, in a matrix over {@code job.sets()} × {@code job.shards()}
     */
    SweepMatrix run(String master, SweepJob job, Progress progress);
}
