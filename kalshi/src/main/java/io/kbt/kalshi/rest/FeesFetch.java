package io.kbt.kalshi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbt.db.history.FeeChangeStore;
import io.kbt.db.history.FeeChangeStore.FeeChange;
import io.kbt.feeds.BadInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** {@code kbt fetch fees}: every fee change of each series ({@code show_historical=true}), stored by Kalshi's id. */
final class FeesFetch {
    private static final String SOURCE = "/series/fee_changes";
    private static final List<String> TYPES = List.of("quadratic", "quadratic_with_maker_fees", "flat");

    private final FetchContext context;

    FeesFetch(FetchContext context) {
        this.context = context;
    }

    KindSummary run(List<String> series) {
        long fetched = 0;
        long added = 0;
        context.progress().start("fees", series.size());
        try {
            for (String s : series) {
                List<JsonNode> changes = context.rest().feeChanges(s);
                ObjectNode page = FetchContext.JSON.createObjectNode();
                ArrayNode array = page.putArray("series_fee_change_arr");
                changes.forEach(array::add);
                context.write("fees-" + s + ".json", page);
                List<FeeChange> parsed = new ArrayList<>();
                for (JsonNode c : changes) {
                    parsed.add(feeChange(c));
                }
                fetched += parsed.size();
                added += context.db().dsl().transactionResult(tx -> {
                    FeeChangeStore store = new FeeChangeStore(tx.dsl());
                    int n = 0;
                    for (FeeChange c : parsed) {
                        n += store.upsert(c);
                    }
                    return n;
                });
                context.progress().step(s);
            }
        } finally {
            context.progress().done();
        }
        return new KindSummary("fees", series.size(), 0, fetched, added, List.of());
    }

    private static FeeChange feeChange(JsonNode c) {
        for (String field : List.of("id", "series_ticker", "fee_type", "fee_multiplier", "scheduled_ts")) {
            if (!c.hasNonNull(field)) {
                throw new BadInputException(SOURCE, 0, "fee change without \"" + field + "\": " + c);
            }
        }
        String type = c.get("fee_type").asText();
        if (!TYPES.contains(type)) {
            throw new BadInputException(SOURCE, 0, "unknown fee_type '" + type + "' in " + c);
        }
        BigDecimal multiplier;
        try {
            multiplier = new BigDecimal(c.get("fee_multiplier").asText());
        } catch (NumberFormatException e) {
            throw new BadInputException(SOURCE, 0, "fee_multiplier is not a number in " + c);
        }
        return new FeeChange(c.get("id").asText(), c.get("series_ticker").asText(), type, multiplier,
                FetchContext.isoMicros(c, "scheduled_ts", SOURCE));
    }
}
