namespace Switchboard.Silo.Storage.Campaigns;

/// <summary>
/// The campaigns' tables, in the SQL SQLite and PostgreSQL share (named parameters, <c>ON CONFLICT</c>, integer
/// milliseconds for times), so one store serves both modes. PostgreSQL gets them in schema step 5.
/// </summary>
public static class CampaignSql
{
    public const string Tables = """
        CREATE TABLE IF NOT EXISTS campaign_contacts (
            site TEXT NOT NULL, campaign TEXT NOT NULL, id BIGINT NOT NULL,
            phone TEXT NOT NULL, customer_id TEXT NULL, name TEXT NULL, data TEXT NULL, time_zone TEXT NULL,
            state TEXT NOT NULL, step INTEGER NOT NULL, attempt INTEGER NOT NULL, due_ms BIGINT NULL,
            call_id TEXT NULL, claimed_ms BIGINT NULL, answered INTEGER NOT NULL, last_result TEXT NULL, added_ms BIGINT NOT NULL,
            PRIMARY KEY (site, campaign, id));
        CREATE UNIQUE INDEX IF NOT EXISTS campaign_contacts_phone ON campaign_contacts (site, campaign, phone);
        CREATE INDEX IF NOT EXISTS campaign_contacts_due ON campaign_contacts (site, campaign, state, due_ms);
        CREATE TABLE IF NOT EXISTS campaign_attempts (
            site TEXT NOT NULL, campaign TEXT NOT NULL, call_id TEXT NOT NULL, contact_id BIGINT NOT NULL,
            step INTEGER NOT NULL, attempt INTEGER NOT NULL, started_ms BIGINT NOT NULL, ended_ms BIGINT NULL, result TEXT NULL,
            PRIMARY KEY (site, campaign, call_id));
        CREATE INDEX IF NOT EXISTS campaign_attempts_contact ON campaign_attempts (site, campaign, contact_id);
        CREATE TABLE IF NOT EXISTS campaign_do_not_call (site TEXT NOT NULL, phone TEXT NOT NULL, PRIMARY KEY (site, phone));
        """;

    public const string ContactColumns = "id, phone, customer_id, name, data, time_zone, state, step, attempt, call_id, added_ms";
}
