namespace Workshops.Tests.Shared;

/// <summary>
/// A test of what only PostgreSQL offers: several nodes on one database (SQLite's file has one writer, so the site
/// is one process there). Shown as skipped, with the reason, in the SQLite run.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres) Skip = "Several nodes share PostgreSQL only; the SQLite site is one process.";
    }
}
