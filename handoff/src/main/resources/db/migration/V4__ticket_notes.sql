-- Agents' private notes on a ticket: shown in the inbox's timeline, never sent to the customer.
create table ticket_notes (
    id        bigserial    primary key,
    ticket_id varchar(36)  not null references tickets (id),
    author    varchar(120) not null,
    text      text         not null,
    at        timestamptz  not null
);
create index ticket_notes_ticket on ticket_notes (ticket_id, id);
create index ticket_notes_at on ticket_notes (at);
