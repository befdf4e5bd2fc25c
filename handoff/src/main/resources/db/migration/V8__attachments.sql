-- Files customers sent (images, video, audio, documents): the metadata their inbound message carried, and the bytes,
-- fetched from the ingress that received them (they never travel through Kafka) and dropped once the ticket has been
-- closed longer than the retention; the row stays, so the ticket still says what was sent.
create table ticket_attachments (
    id              bigserial     primary key,
    ticket_id       varchar(36)   not null references tickets (id),
    conversation_id varchar(512)  not null,
    channel         varchar(16)   not null,
    -- Where the ingress finds the message: the LINE message id, the mail's Message-ID.
    source_ref      varchar(998)  not null,
    -- The channel's id of the file: the LINE message id, the MIME part path (1.2).
    channel_id      varchar(300)  not null,
    kind            varchar(32),
    name            varchar(255),
    media_type      varchar(255),
    size_bytes      bigint,
    content         bytea,
    state           varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz,
    received_at     timestamptz   not null,
    stored_at       timestamptz,
    purged_at       timestamptz,
    constraint ticket_attachments_state
        check (state in ('PENDING', 'STORED', 'TOO_LARGE', 'UNAVAILABLE', 'PURGED')),
    constraint ticket_attachments_once unique (ticket_id, source_ref, channel_id)
);
create index ticket_attachments_ticket on ticket_attachments (ticket_id, id);
create index ticket_attachments_due on ticket_attachments (next_attempt_at) where state = 'PENDING';
create index ticket_attachments_stored on ticket_attachments (ticket_id) where state = 'STORED';
