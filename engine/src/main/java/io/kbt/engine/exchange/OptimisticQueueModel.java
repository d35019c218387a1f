package io.kbt.engine.exchange;

/** We are always at the front of the queue: every trade at our price reaches us first. An upper bound. */
public final class OptimisticQueueModel implements QueueModel {
    @Override
    public String name() {
        return "optimistic";
    }

    @Override
    public long aheadOnJoin(long displayed) {
        return 0;
    }

    @Override
    public long onTrade(RestingOrder order, long count) {
        return count;
    }

    @Override
    public void onDepthChange(RestingOrder order, long before, long after, long traded) {
        order.ahead = 0;
    }
}
