-- Bot answers an agent marked wrong in a ticket's history, with the right answer: exported (redacted) for
-- evaluating the bot.
create table answer_feedback (
    id              bigserial    primary key,
    ticket_id       varchar(36)  not null references tickets (id),
    conversation_id varchar(512) not null,
    -- The answer's place in the ticket's history (0 = the oldest turn kept).
    turn_index      integer      not null,
    language        varchar(35),
    intent          varchar(32),
    question        text,
    bot_answer      text         not null,
    answered_at     timestamptz,
    correct_answer  text         not null,
    marked_by       varchar(120) not null,
    marked_at       timestamptz  not null,
    constraint answer_feedback_turn unique (ticket_id, turn_index)
);
create index answer_feedback_marked_at on answer_feedback (marked_at);
