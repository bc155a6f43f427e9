using System.ComponentModel.DataAnnotations;

namespace Workshops.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary>Sqlite (the default, a file under the data folder) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for Postgres; for Sqlite it defaults to workshops.db in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the site starts (on for a single machine; a rollout runs the migrate command instead).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// The PostgreSQL connection string the site and its job server share. Unless it names a pool size, the pool
    /// keeps to 40 connections: Npgsql's default of 100 is all a stock server allows, so a registration rush would
    /// have the server refuse connections instead of the pool making requests wait their turn.
    /// </summary>
    public string PostgresConnectionString()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        if (!(ConnectionString ?? "").Contains("Pool Size", StringComparison.OrdinalIgnoreCase)) builder.MaxPoolSize = 40;
        return builder.ConnectionString;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult(
                "Database:ConnectionString is required when Database:Provider is Postgres (for example Host=localhost;Database=workshops;Username=workshops;Password=...).",
                [nameof(ConnectionString)]);
    }
}
