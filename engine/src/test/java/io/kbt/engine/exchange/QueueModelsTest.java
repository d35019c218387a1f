package io.kbt.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueueModelsTest {
    private static RestingOrder order(QueueModel model, long displayed) {
        RestingOrder order = new RestingOrder(true);
        order.remaining = 1_000;
        order.ahead = model.aheadOnJoin(displayed);
        return order;
    }

    @Test
    void namesSelectModels() {
        assertThat(QueueModels.byName("risk-averse")).isInstanceOf(RiskAverseQueueModel.class);
        assertThat(QueueModels.byName("optimistic")).isInstanceOf(OptimisticQueueModel.class);
        assertThat(((ProbQueueModel) QueueModels.byName("prob")).n()).isEqualTo(3);
        assertThat(((ProbQueueModel) QueueModels.byName("prob:n=2")).n()).isEqualTo(2);
        assertThat(QueueModels.byName("prob:n=2").name()).isEqualTo("prob:n=2");
        assertThatThrownBy(() -> QueueModels.byName("fifo")).hasMessageContaining("risk-averse");
        assertThatThrownBy(() -> QueueModels.byName("prob:n=x")).hasMessageContaining("prob:n=x");
    }

    @Test
    void riskAverseMovesOnlyWithTradesAndTheDisplayedCap() {
        QueueModel model = QueueModels.byName("risk-averse");
        RestingOrder order = order(model, 1_000);
        model.onDepthChange(order, 1_000, 1_500, 0);
        assertThat(order.ahead()).isEqualTo(1_000);
        model.onDepthChange(order, 1_500, 1_200, 0);
        assertThat(order.ahead()).isEqualTo(1_000);
        assertThat(model.onTrade(order, 300)).isZero();
        assertThat(order.ahead()).isEqualTo(700);
        model.onDepthChange(order, 1_200, 400, 0);
        assertThat(order.ahead()).isEqualTo(400);
        assertThat(model.onTrade(order, 600)).isEqualTo(200);
    }

    @Test
    void probAdvancesByTheExpectedShareOfCancelsFromAhead() {
        QueueModel model = QueueModels.byName("prob");
        // 500 ahead, 500 behind: a cancel of 200 is half ahead → 400 ahead.
        RestingOrder even = order(model, 500);
        model.onDepthChange(even, 1_000, 800, 0);
        assertThat(even.ahead()).isEqualTo(400);
        // 200 ahead, 800 behind, n = 3: share 200³ / (200³ + 800³) = 1/65 of 130 = 2.
        RestingOrder front = order(model, 200);
        model.onDepthChange(front, 1_000, 870, 0);
        assertThat(front.ahead()).isEqualTo(198);
        // n = 1 is proportional: 1/5 of 130 = 26.
        QueueModel linear = QueueModels.byName("prob:n=1");
        RestingOrder proportional = order(linear, 200);
        linear.onDepthChange(proportional, 1_000, 870, 0);
        assertThat(proportional.ahead()).isEqualTo(174);
    }

    @Test
    void probDoesNotCountADecreaseThatATradeAlreadyExplained() {
        QueueModel model = QueueModels.byName("prob");
        RestingOrder order = order(model, 500);
        assertThat(model.onTrade(order, 100)).isZero();
        model.onDepthChange(order, 1_000, 900, 100);
        assertThat(order.ahead()).isEqualTo(400);
    }

    @Test
    void probCancelsBeyondWhatStoodBehindMustHaveBeenAhead() {
        QueueModel model = QueueModels.byName("prob:n=1");
        RestingOrder order = order(model, 900);
        // 900 ahead, 100 behind, cancel 500: model says 50 behind, 450 ahead → 450; capped by 500 shown.
        model.onDepthChange(order, 1_000, 500, 0);
        assertThat(order.ahead()).isEqualTo(450);
    }

    @Test
    void optimisticIsAlwaysAtTheFront() {
        QueueModel model = QueueModels.byName("optimistic");
        RestingOrder order = order(model, 1_000);
        assertThat(order.ahead()).isZero();
        assertThat(model.onTrade(order, 300)).isEqualTo(300);
    }
}
