-- What kbt fetch brings from Kalshi's REST API besides markets and trades: one-minute (or hourly, daily) candles,
-- each series' fee changes, and a checkpoint per fetched thing so that an interrupted fetch resumes where it stopped.

-- A candle of one market: OHLC of the best yes bid, the best yes ask and the traded yes price, in ticks of the
-- market's tick size (null: no bid / no ask / no trade in the period); volume and open interest in hundredths.
-- end_ts is the candle's inclusive end: everything in it was known at end_ts.
create table candle (
    end_ts          timestamptz not null,
    volume          bigint      not null default 0,
    open_interest   bigint      not null default 0,
    market_id       integer     not null references market (id),
    period_minutes  smallint    not null check (period_minutes in (1, 60, 1440)),
    yes_bid_open    integer,
    yes_bid_high    integer,
    yes_bid_low     integer,
    yes_bid_close   integer,
    yes_ask_open    integer,
    yes_ask_high    integer,
    yes_ask_low     integer,
    yes_ask_close   integer,
    price_open      integer,
    price_high      integer,
    price_low       integer,
    price_close     integer,
    primary key (market_id, period_minutes, end_ts)
);

-- GET /series/fee_changes: the fee type and multiplier a series charges from scheduled_ts on.
create table fee_change (
    id              varchar     primary key,
    series_ticker   varchar     not null,
    fee_type        varchar     not null check (fee_type in ('quadratic', 'quadratic_with_maker_fees', 'flat')),
    fee_multiplier  numeric     not null,
    scheduled_ts    timestamptz not null
);
create index fee_change_series on fee_change (series_ticker, scheduled_ts);

-- How far kbt fetch got: per kind ('trades', 'candles:1', ...) and market, everything before fetched_until is
-- stored. A market whose close is before fetched_until is complete and not asked again.
create table fetch_checkpoint (
    kind            varchar     not null,
    ticker          varchar     not null,
    fetched_until   timestamptz not null,
    updated_at      timestamptz not null default now(),
    primary key (kind, ticker)
);
