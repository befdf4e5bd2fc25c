-- The customer's salutation per language tag ({"zh-Hant": "張先生", "en": "Mr. Chang"}), from case-service, for the
-- {salutation} of canned responses.
alter table tickets add column salutation jsonb;

-- Canned responses: texts agents insert into a reply, per language, found by a short shortcut name.
create table canned_responses (
    id         bigserial    primary key,
    language   varchar(16)  not null,
    shortcut   varchar(40)  not null,
    title      varchar(120) not null,
    body       text         not null,
    updated_by varchar(120) not null,
    updated_at timestamptz  not null,
    version    bigint       not null default 0,
    constraint canned_responses_language_check check (language in ('zh-Hant', 'zh-Hans', 'en')),
    constraint canned_responses_shortcut unique (language, shortcut)
);
