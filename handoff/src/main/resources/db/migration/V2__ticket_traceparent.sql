-- The trace of the handed-off message: every event the ticket causes continues it (W3C traceparent).
alter table tickets add column traceparent varchar(55);
