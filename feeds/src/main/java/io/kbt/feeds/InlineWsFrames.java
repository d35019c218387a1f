package io.kbt.feeds;

/** The frames of a recording read on the caller's thread, one reused {@link WsFrame}. */
final class InlineWsFrames implements WsFrames {
    private final LineSource lines;
    private final WsFrame frame;
    private final WsFrameScanner scanner = new WsFrameScanner();

    InlineWsFrames(LineSource lines, String sourceName) {
        this.lines = lines;
        JsonFields fields = new JsonFields(sourceName);
        this.frame = new WsFrame(fields.mapper().getFactory(), fields);
    }

    @Override
    public WsFrame next() {
        while (lines.next()) {
            if (!lines.blank()) {
                frame.read(lines, scanner);
                return frame;
            }
        }
        return null;
    }

    @Override
    public void close() {}
}
