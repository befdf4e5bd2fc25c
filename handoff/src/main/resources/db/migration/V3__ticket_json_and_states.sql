-- What agents read but never query (the triage reasons, the case summary, the turns before the handoff, where
-- answers go) is JSON the database can check (jsonb), mapped to records by Hibernate.
alter table tickets
    alter column triage_reasons type jsonb using triage_reasons::jsonb,
    alter column case_summary   type jsonb using case_summary::jsonb,
    alter column history        type jsonb using history::jsonb,
    alter column reply_target   type jsonb using reply_target::jsonb;

-- The draft's state, the case summary's status and the close reason are enums, stored by name like the state.
update tickets set draft_state = upper(draft_state) where draft_state is not null;
update tickets set case_summary_status = upper(case_summary_status);
update tickets set close_reason = upper(close_reason) where close_reason is not null;
alter table tickets
    add constraint tickets_state_check
        check (state in ('WAITING', 'ASSIGNED', 'ACTIVE', 'CLOSED')),
    add constraint tickets_draft_state_check
        check (draft_state in ('PENDING', 'APPROVED', 'EDITED', 'REJECTED')),
    add constraint tickets_case_summary_status_check
        check (case_summary_status in ('OK', 'UNKNOWN_CUSTOMER', 'UNAVAILABLE')),
    add constraint tickets_close_reason_check
        check (close_reason in ('CUSTOMER_CLOSED', 'AGENT_CLOSED', 'INACTIVITY'));
