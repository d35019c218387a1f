package com.example.thirdparty;

import io.kbt.engine.exchange.QueueModel;
import io.kbt.engine.exchange.QueueModelProvider;
import io.kbt.engine.exchange.RestingOrder;
import io.kbt.engine.spi.Choice;

/**
 * A queue model written outside kbt's packages: a new order joins {@code share} of the way back in the displayed
 * queue (default 0.5); trades at our price move it up (kbt's default), and it never stands behind more than the
 * level shows. Uses only the public queue state: ahead, traded, remaining.
 */
public final class HalfwayQueue implements QueueModelProvider {
    @Override
    public String name() {
        return "halfway";
    }

    @Override
    public String description() {
        return "join part of the way back in the displayed queue (test model)";
    }

    @Override
    public QueueModel create(Choice choice) {
        int percent = Integer.parseInt(choice.accepting("percent").option("percent", "50"));
        return new QueueModel() {
            @Override
            public String name() {
                return "halfway:percent=" + percent;
            }

            @Override
            public long aheadOnJoin(long displayed) {
                return displayed * percent / 100;
            }

            @Override
            public void onDepthChange(RestingOrder order, long before, long after, long traded) {
                if (order.remaining() > 0 && order.ahead() > after) {
                    order.ahead(after);
                }
            }
        };
    }
}
