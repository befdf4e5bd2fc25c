-- A closed case's closing as recorded: when it closed and how it ended (the bundle's closedAt and outcome, or
-- the date and text of its last history entry), so that a customer who asks about a closed case is told.
alter table cases add column closed_at date;
alter table cases add column outcome text;
