-- Identity of stored data: the same events are never stored twice, whatever bytes brought them.
--  * A trade that carries Kalshi's trade_id (REST /markets/trades) is that id: trade_key holds every stored id with
--    the fields it was stored with, so a repeated id adds nothing and one with other fields is bad input.
--  * Every other event (book snapshots and deltas, recorded trades, index ticks) belongs to a stream, a market or
--    an index symbol; import_span records, per import and stream, the time its events cover. An import whose
--    stream overlaps another import's span must hold exactly the stored events there (they are then skipped), or
--    replace that import.
--  * ws_end keeps where a websocket recording stood at the end of a file (last seq per sid, books known), so that
--    the next file of a rotated recording continues it without a snapshot.

create table trade_key (
    trade_id   varchar     primary key,
    ts         timestamptz not null,
    count      bigint      not null,
    batch_id   integer     not null references import_batch (id) on delete cascade,
    market_id  integer     not null,
    yes_price  integer     not null,
    taker_side smallint    not null
);
create index trade_key_batch on trade_key (batch_id);

create table import_span (
    first_ts   timestamptz not null,
    last_ts    timestamptz not null,
    events     bigint      not null,
    -- the line of the stream's first event in the file, for error messages
    first_line bigint      not null,
    batch_id   integer     not null references import_batch (id) on delete cascade,
    market_id  integer,
    symbol     varchar,
    check ((market_id is null) <> (symbol is null))
);
create index import_span_market on import_span (market_id, first_ts);
create index import_span_symbol on import_span (symbol, first_ts);
create index import_span_batch on import_span (batch_id);

alter table import_batch add column ws_end varchar;

-- Spans of what earlier versions stored (REST trades batches have no span: their trades had no recorded id).
/* [jooq ignore start] */
insert into import_span (first_ts, last_ts, events, first_line, batch_id, market_id)
select min(ts), max(ts), count(*), 0, batch_id, market_id
from (select ts, batch_id, market_id from book_snapshot
      union all select ts, batch_id, market_id from book_delta
      union all select t.ts, t.batch_id, t.market_id from trade t
                join import_batch b on b.id = t.batch_id and b.kind <> 'trades') e
group by batch_id, market_id;
insert into import_span (first_ts, last_ts, events, first_line, batch_id, symbol)
select min(ts), max(ts), count(*), 0, batch_id, symbol from index_tick group by batch_id, symbol;
/* [jooq ignore stop] */
