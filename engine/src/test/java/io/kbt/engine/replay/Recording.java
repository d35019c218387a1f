package io.kbt.engine.replay;

import io.kbt.engine.event.IndexTick;
import io.kbt.engine.run.Fill;
import io.kbt.engine.run.PnlPoint;
import io.kbt.engine.run.RunListener;
import io.kbt.engine.run.Sample;
import io.kbt.engine.run.Settlement;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps everything a replay emits, in order, for list comparisons. */
final class Recording implements RunListener {
    private final boolean wantsSamples;
    final List<Object> all = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final List<Settlement> settlements = new ArrayList<>();
    final List<Sample> samples = new ArrayList<>();
    final List<PnlPoint> pnl = new ArrayList<>();

    Recording() {
        this(true);
    }

    /** A recording that tells the replay whether it uses samples, as a sweep's listener says it does not. */
    Recording(boolean wantsSamples) {
        this.wantsSamples = wantsSamples;
    }

    @Override
    public boolean wantsSamples() {
        return wantsSamples;
    }

    @Override
    public void onFill(Fill fill) {
        fills.add(fill);
        all.add(fill);
    }

    @Override
    public void onSample(Sample sample) {
        samples.add(sample);
        all.add(sample);
    }

    @Override
    public void onPnl(PnlPoint point) {
        pnl.add(point);
        all.add(point);
    }

    @Override
    public void onSettlement(Settlement settlement) {
        settlements.add(settlement);
        all.add(settlement);
    }

    @Override
    public void onIndex(IndexTick tick) {
        all.add(tick);
    }
}
