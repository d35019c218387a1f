package io.kbt.engine.exchange;

/**
 * The default queue model: we join behind everything displayed at our price; only trades at our price move us
 * forward, and the queue ahead never exceeds what the level still displays (cancels at the level may have been
 * in front of us, so we assume the worst the data allows).
 */
public final class RiskAverseQueueModel implements QueueModel {
    @Override
    public String name() {
        return "risk-averse";
    }

    @Override
    public long aheadOnJoin(long displayed) {
        return displayed;
    }

    @Override
    public void onDepthChange(RestingOrder order, long before, long after, long traded) {
        if (order.ahead > after) {
            order.ahead = after;
        }
    }
}
