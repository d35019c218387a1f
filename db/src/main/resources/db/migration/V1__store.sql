-- (varchar without a length is text in PostgreSQL; the jOOQ DDL parser maps text to an unindexable CLOB.)
-- kbt store: markets, recorded market data and the import batches that brought it in.
-- Event rows are narrow (integer market id, price in ticks, quantity in hundredths of a contract, timestamptz,
-- bigint seq) and their tables are range-partitioned by ts; the importer creates one partition per UTC month
-- inside its own transaction, so a rolled-back import leaves no partition behind.
-- Columns are ordered 8-byte first so that rows carry no alignment padding.

create table market (
    id                  integer generated always as identity primary key,
    ticker              varchar        not null unique,
    event_ticker        varchar        not null,
    series_ticker       varchar        not null,
    strike_type         varchar        not null default 'unknown'
        check (strike_type in ('between', 'greater', 'greater_or_equal', 'less', 'less_or_equal', 'unknown')),
    floor_strike        double precision,
    cap_strike          double precision,
    underlying          varchar,
    open_time           timestamptz,
    close_time          timestamptz,
    result              varchar check (result in ('yes', 'no')),
    tick_size_micros    integer     not null default 10000 check (tick_size_micros > 0),
    -- true while all we know is what the ticker tells (first seen in a recording); kbt import markets clears it
    created_from_ticker boolean     not null default false
);
-- "markets of a series between two dates, in time order"
create index market_series_close on market (series_ticker, close_time);
create index market_close on market (close_time);

create table import_batch (
    id            integer generated always as identity primary key,
    kind          varchar        not null,
    file_name     varchar        not null,
    sha256        varchar        not null,
    -- the options that change what a file means, e.g. "market=INXD-23APR10-B4075 symbol=SPX"
    options       varchar        not null default '',
    snapshots     bigint      not null default 0,
    deltas        bigint      not null default 0,
    trades        bigint      not null default 0,
    index_ticks   bigint      not null default 0,
    markets_created integer   not null default 0,
    first_ts      timestamptz,
    last_ts       timestamptz,
    imported_at   timestamptz not null default now(),
    seconds       double precision,
    -- re-importing the same bytes with the same meaning adds nothing
    unique (sha256, kind, options)
);

-- Event tables carry no foreign keys: a per-row RI trigger would halve COPY speed, and the importer is the only
-- writer (it resolves market ids and the batch id in the same transaction).
-- Each event table orders its rows by (ts, seq, batch_id, sub): sub counts events of one batch that share ts
-- and seq (e.g. the trade and the book changes of one crossing order), so replay order equals file order.

create table book_snapshot (
    ts        timestamptz not null,
    seq       bigint      not null,
    batch_id  integer     not null,
    market_id integer     not null,
    sub       smallint    not null,
    yes_price integer[]   not null,
    yes_qty   bigint[]    not null,
    no_price  integer[]   not null,
    no_qty    bigint[]    not null
)
/* [jooq ignore start] */ partition by range (ts) /* [jooq ignore stop] */;
create index book_snapshot_market_ts on book_snapshot (market_id, ts, seq);

create table book_delta (
    ts        timestamptz not null,
    seq       bigint      not null,
    -- hundredths of a contract added to the level (negative removes)
    delta     bigint      not null,
    batch_id  integer     not null,
    market_id integer     not null,
    price     integer     not null,
    -- 0 = yes bid, 1 = no bid
    side      smallint    not null check (side in (0, 1)),
    sub       smallint    not null
)
/* [jooq ignore start] */ partition by range (ts) /* [jooq ignore stop] */;
create index book_delta_market_ts on book_delta (market_id, ts, seq);

create table trade (
    ts        timestamptz not null,
    seq       bigint      not null,
    -- hundredths of a contract
    count     bigint      not null check (count > 0),
    batch_id  integer     not null,
    market_id integer     not null,
    yes_price integer     not null,
    -- 0 = the taker bought yes, 1 = the taker bought no
    taker_side smallint   not null check (taker_side in (0, 1)),
    sub       smallint    not null
)
/* [jooq ignore start] */ partition by range (ts) /* [jooq ignore stop] */;
create index trade_market_ts on trade (market_id, ts, seq);

create table index_tick (
    ts        timestamptz      not null,
    seq       bigint           not null,
    level     double precision not null,
    batch_id  integer          not null,
    sub       smallint         not null,
    symbol    varchar             not null
)
/* [jooq ignore start] */ partition by range (ts) /* [jooq ignore stop] */;
create index index_tick_symbol_ts on index_tick (symbol, ts, seq);

-- Backtest runs, so that sweeps can be compared with SQL; markets by ticker because a run may replay files
-- (--data DIR) whose markets were never imported. Money in micro-dollars, quantities in hundredths.
create table backtest_run (
    id                bigint generated always as identity primary key,
    strategy          varchar        not null,
    params            jsonb       not null,
    from_date         date        not null,
    to_date           date        not null,
    queue_model       varchar,
    fee_schedule      varchar,
    -- runs of one sweep share a label
    sweep             varchar,
    events            bigint      not null,
    fills             bigint      not null,
    contracts         bigint      not null,
    volume_micros     bigint      not null,
    fees_micros       bigint      not null,
    pnl_micros        bigint      not null,
    max_drawdown_micros bigint    not null,
    max_abs_position  bigint      not null,
    peak_capital_micros bigint    not null,
    orders_sent       bigint      not null,
    cancels_sent      bigint      not null,
    replay_ms         bigint      not null,
    created_at        timestamptz not null default now()
);
create index backtest_run_sweep on backtest_run (sweep);

create table run_market (
    run_id          bigint  not null references backtest_run (id) on delete cascade,
    ticker          varchar    not null,
    result          varchar,
    pnl_micros      bigint  not null,
    fills           bigint  not null,
    contracts       bigint  not null,
    final_position  bigint  not null,
    fees_micros     bigint  not null,
    primary key (run_id, ticker)
);

create table run_fill (
    run_id         bigint      not null references backtest_run (id) on delete cascade,
    ts             timestamptz not null,
    count          bigint      not null,
    fee_micros     bigint      not null,
    position_after bigint      not null,
    cause_seq      bigint      not null,
    ticker         varchar        not null,
    price          integer     not null,
    -- buy / sell of yes
    action         varchar        not null check (action in ('buy', 'sell')),
    liquidity      varchar        not null check (liquidity in ('maker', 'taker')),
    rule           varchar        not null
);
create index run_fill_run on run_fill (run_id, ts);
