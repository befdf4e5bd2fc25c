-- Tickets: one per handed-off conversation (DESIGN §5).
create table tickets (
    id                       varchar(36)  primary key,
    conversation_id          varchar(512) not null,
    channel                  varchar(16)  not null,
    state                    varchar(16)  not null,
    reason                   varchar(64),
    queue                    varchar(80)  not null,
    priority                 integer      not null,
    intent                   varchar(32),
    emotion                  varchar(16),
    urgency                  varchar(16),
    language                 varchar(35),
    triage_reasons           text,
    identity                 varchar(320),
    customer_ref             varchar(64),
    customer_name            varchar(200),
    vip                      boolean      not null default false,
    case_summary             text,
    case_summary_status      varchar(16)  not null,
    history                  text,
    draft_text               text,
    draft_state              varchar(16),
    reply_target             text         not null,
    handoff_event_id         varchar(64)  not null unique,
    agent                    varchar(120),
    created_at               timestamptz  not null,
    wait_started_at          timestamptz  not null,
    assigned_at              timestamptz,
    first_response_at        timestamptz,
    last_agent_message_at    timestamptz,
    last_customer_message_at timestamptz,
    waiting_notice_at        timestamptz,
    out_of_hours_notice_at   timestamptz,
    supervisor_notified      boolean      not null default false,
    closed_at                timestamptz,
    closed_by                varchar(120),
    close_reason             varchar(32),
    rating_requested_at      timestamptz,
    rating_due_at            timestamptz,
    rating                   integer,
    rated_at                 timestamptz,
    event_seq                integer      not null default 0,
    version                  bigint       not null default 0
);
-- At most one open ticket per conversation.
create unique index tickets_open_conversation on tickets (conversation_id) where state <> 'CLOSED';
create index tickets_state on tickets (state, priority, wait_started_at);
create index tickets_conversation on tickets (conversation_id, created_at desc);
create index tickets_rating_due on tickets (rating_due_at) where rating_due_at is not null;

-- What was said while the ticket was open.
create table ticket_messages (
    id                bigserial    primary key,
    ticket_id         varchar(36)  not null references tickets (id),
    seq               integer      not null,
    author            varchar(130) not null,
    kind              varchar(16)  not null,
    text              text,
    at                timestamptz  not null,
    source_event_id   varchar(64),
    outbound_event_id varchar(64),
    delivery_status   varchar(16),
    delivery_detail   varchar(200),
    unique (ticket_id, seq)
);
create unique index ticket_messages_source on ticket_messages (ticket_id, source_event_id) where source_event_id is not null;
create index ticket_messages_outbound on ticket_messages (outbound_event_id) where outbound_event_id is not null;

-- The last turns of each conversation, from cs.conversation.v1; bounded per conversation.
create table recent_turns (
    id              bigserial    primary key,
    event_id        varchar(64)  not null unique,
    conversation_id varchar(512) not null,
    at              timestamptz  not null,
    kind            varchar(16)  not null,
    actor           varchar(130),
    text            text
);
create index recent_turns_conversation on recent_turns (conversation_id, at desc, id desc);

-- Idempotent consumers: an event id is recorded in the transaction of the change it caused.
create table processed_events (
    consumer     varchar(32) not null,
    event_id     varchar(64) not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
create index processed_events_age on processed_events (processed_at);

-- Bot pauses: per conversation, and '*' for all of them.
create table conversation_controls (
    conversation_id varchar(512) primary key,
    paused          boolean      not null,
    changed_by      varchar(120),
    changed_at      timestamptz  not null,
    version         integer      not null default 0
);

-- Per conversation and day: what happened, for the automation and handoff rates.
create table conversation_days (
    conversation_id varchar(512) not null,
    day             date         not null,
    inbound_turns   integer      not null default 0,
    bot_answers     integer      not null default 0,
    handoffs        integer      not null default 0,
    agent_replies   integer      not null default 0,
    primary key (conversation_id, day)
);
