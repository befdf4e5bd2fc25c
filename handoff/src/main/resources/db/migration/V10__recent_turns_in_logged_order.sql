-- A conversation's latest turns are read in the order they were logged (the conversation's order on its topic),
-- not by their times, which come from several services' clocks.
create index recent_turns_logged on recent_turns (conversation_id, id desc);
