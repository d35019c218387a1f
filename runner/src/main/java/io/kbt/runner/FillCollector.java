package io.kbt.runner;

import io.kbt.engine.run.Fill;
import io.kbt.engine.run.RunListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps a run's fills so they can be stored with the run in PostgreSQL. */
public final class FillCollector implements RunListener {
    private final List<Fill> fills = new ArrayList<>();

    @Override
    public void onFill(Fill fill) {
        fills.add(fill);
    }

    public List<Fill> fills() {
        return List.copyOf(fills);
    }
}
