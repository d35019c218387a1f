package io.kbt.engine.run;

/** Where a settlement's result came from. */
public enum SettlementSource {
    /** The market's recorded result. */
    RECORDED,
    /** The underlying's last tick at or before close, compared with the strikes. */
    INDEX,
    /** Neither was available: the position was left unsettled at its last mid. */
    NONE
}
