-- Link attempts are limited per identity, per case number and for the whole firm (one row, subject '*'), so that
-- an attacker with unlimited LINE accounts or From addresses still gets only a few guesses at a case's secret.
-- Each row is locked while an attempt is checked, so parallel attempts are counted one after another.
create table link_guards (
    scope             text        not null check (scope in ('identity', 'case', 'global')),
    -- identity: '<channel>:<external id>'; case: the case number as given (known or not: the same treatment);
    -- global: '*'.
    subject           text        not null,
    -- Unsuccessful attempts in the current short window.
    attempts          integer     not null default 0,
    window_started_at timestamptz not null,
    locked_until      timestamptz,
    -- Lockouts, unsuccessful attempts and code mails in the current day (24 h from its first attempt): each
    -- lockout of the day lasts twice as long as the one before, and the day's caps hold whatever the window.
    day_started_at    timestamptz not null,
    day_lockouts      integer     not null default 0,
    day_failures      integer     not null default 0,
    day_codes         integer     not null default 0,
    primary key (scope, subject)
);

-- Rows of quiet identities and case numbers are purged; this finds them.
create index link_guards_day_started_at_idx on link_guards (day_started_at);

-- The earlier per-identity counter; its lockouts were at most 15 minutes long.
drop table identity_link_guards;
