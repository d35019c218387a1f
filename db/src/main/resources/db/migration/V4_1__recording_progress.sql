-- kbt record stores a recording file while writing it, one small transaction per flushed segment. Each recording
-- file's import_batch row carries a placeholder identity until the file is sealed, then its SHA-256, so that
-- importing the sealed file again adds nothing. through_seq is the last line whose event is stored: after a crash
-- the next run finishes storing the recovered file from there, and nothing is stored twice.
create table recording_progress (
    batch_id    integer primary key references import_batch (id) on delete cascade,
    file_name   varchar not null unique,
    through_seq bigint  not null default 0,
    sealed      boolean not null default false
);
