-- The knowledge loop's further evidence (DESIGN §5): a question the customer asked again right after the bot's answer
-- (re_asked: no ticket, seen in the audit log, whose answer turns now keep their detail, the kind of answer), and a
-- bot answer an agent marked wrong (marked_wrong: its feedback, whose right answer the group's draft prefers).
alter table recent_turns add column detail varchar(64);

-- Replies that started from a canned response, for the metrics page's count over its window (Prometheus counts them
-- too, but the page reads the database).
create table canned_response_uses (
    id                 bigserial   primary key,
    canned_response_id bigint      not null,
    at                 timestamptz not null
);
create index canned_response_uses_at on canned_response_uses (at);

alter table knowledge_gaps alter column ticket_id drop not null;
alter table knowledge_gaps add column feedback_id bigint unique references answer_feedback (id);

-- Drafts may also come from an agent's corrected answer, from the other Chinese script's draft, or from a language
-- model.
alter table knowledge_drafts drop constraint knowledge_drafts_source_check;
-- For a model's draft, the group's gap count it was written from: written again when the group grows.
alter table knowledge_drafts add column basis integer;
alter table knowledge_drafts add constraint knowledge_drafts_source_check
    check (source in ('agent_reply', 'corrected_answer', 'skeleton', 'converted', 'model'));
