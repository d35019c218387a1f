package io.kbt.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a websocket recording stood at the end of one file: the time of its latest frame, the last {@code seq} of
 * each subscription ({@code sid}) and the markets whose book was known, with the sid it came on. The next file of
 * a rotated recording continues it when its first frame's seq follows on from the same sid.
 */
public record WsStreamState(long lastTs, Map<Long, Long> lastSeqBySid, Map<String, Long> bookSidByTicker) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public WsStreamState {
        lastSeqBySid = Map.copyOf(lastSeqBySid);
        bookSidByTicker = Map.copyOf(bookSidByTicker);
    }

    private record Json(long lastTs, TreeMap<Long, Long> seq, TreeMap<String, Long> books) {}

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(new Json(lastTs, new TreeMap<>(lastSeqBySid),
                    new TreeMap<>(bookSidByTicker)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static WsStreamState fromJson(String json) {
        try {
            Json read = MAPPER.readValue(json, new TypeReference<Json>() {});
            return new WsStreamState(read.lastTs(), read.seq(), read.books());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable recording state: " + json, e);
        }
    }

    /** Whether a frame with {@code seq} on {@code sid} is the one that follows this state. */
    boolean continuedBy(long sid, long seq) {
        Long last = lastSeqBySid.get(sid);
        return last != null && last + 1 == seq;
    }
}
