-- The state change the test events announce.
create table test_changes (
    id   text primary key,
    note text not null
);
