-- Refused MFA codes per device, shared by every replica: a device that collects stsgate.mfa.max-failures
-- within stsgate.mfa.failure-window is locked until locked_until. A row is locked (select ... for update)
-- while one attempt is counted, so concurrent guesses on several replicas add up exactly.
create table mfa_device_failure (
    serial_number    varchar(2048) primary key,
    failures         integer       not null,
    last_failure_at  timestamp with time zone,
    locked_until     timestamp with time zone
);
