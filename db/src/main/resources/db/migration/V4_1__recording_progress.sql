-- kbt record stores a recording file while writing it, one small transaction per flushed segment. Each recording
-- file's import_batch row carries a placeholder identity until the file is sealed, then its SHA-256, so that
-- importing the sealed file again adds nothing. through_seq is the last line whose event is stored: after a crash
-- the next run finishes storing the recovered file (found by its absolute path) from there: nothing twice.
create table recording_progress (
    batch_id    integer primary key references import_batch (id) on delete cascade,
    path        varchar not null,
    through_seq bigint  not null default 0,
    sealed      boolean not null default false
);
create index recording_progress_path on recording_progress (path) where not sealed;
