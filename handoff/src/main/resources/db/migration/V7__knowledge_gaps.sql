-- Questions the bot could not answer (handoffs for no_article or low_confidence), grouped by meaning, and the FAQ
-- articles drafted from each group for a supervisor to publish to case-service's knowledge base.
create table knowledge_groups (
    id         bigserial    primary key,
    -- The mean of the group's gaps' embeddings (float32, little-endian), compared by cosine with a new gap's.
    centroid   bytea        not null,
    gap_count  integer      not null,
    first_seen timestamptz  not null,
    last_seen  timestamptz  not null
);
create index knowledge_groups_rank on knowledge_groups (gap_count desc, last_seen desc);

create table knowledge_gaps (
    id         bigserial    primary key,
    -- The handoff request's event id: a gap per event.
    event_id   varchar(200) not null unique,
    ticket_id  varchar(36)  not null,
    reason     varchar(32)  not null,
    intent     varchar(32),
    language   varchar(16)  not null,
    -- The customer's text with personal numbers and addresses redacted.
    question   text         not null,
    asked_at   timestamptz  not null,
    -- Null until the grouping worker has embedded it.
    group_id   bigint       references knowledge_groups (id),
    constraint knowledge_gaps_language_check check (language in ('zh-Hant', 'zh-Hans', 'en'))
);
create index knowledge_gaps_ungrouped on knowledge_gaps (id) where group_id is null;
create index knowledge_gaps_group on knowledge_gaps (group_id);
create index knowledge_gaps_asked_at on knowledge_gaps (asked_at);

create table knowledge_drafts (
    id          bigserial    primary key,
    group_id    bigint       not null references knowledge_groups (id),
    language    varchar(16)  not null,
    title       varchar(200) not null,
    body        text         not null,
    -- Comma-separated.
    tags        text         not null,
    -- agent_reply: built from agents' answers in the gaps' tickets; skeleton: the questions and a placeholder.
    source      varchar(16)  not null,
    state       varchar(16)  not null,
    edited_by   varchar(120),
    edited_at   timestamptz,
    decided_by  varchar(120),
    decided_at  timestamptz,
    article_id  varchar(200),
    constraint knowledge_drafts_language_check check (language in ('zh-Hant', 'zh-Hans', 'en')),
    constraint knowledge_drafts_state_check check (state in ('draft', 'approved', 'rejected')),
    constraint knowledge_drafts_source_check check (source in ('agent_reply', 'skeleton')),
    constraint knowledge_drafts_group_language unique (group_id, language)
);
