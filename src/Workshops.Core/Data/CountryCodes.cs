using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Common;

namespace Workshops.Core.Data;

/// <summary>A country written as text in one table, not yet a code, and how many rows hold it.</summary>
public sealed record UnmappedCountry(string Where, string Value, int Count);

/// <summary>
/// Moves countries typed as text before the picker ("Brasil", "ESPAÑA", "Japan") to ISO codes, in every table that
/// holds one. Run at start-up after the schema migrations, so a database of any age ends up with codes wherever the
/// text names a single country; what it cannot read is listed for an organiser to choose (<see cref="FixAsync"/>).
/// </summary>
public sealed class CountryCodes(AppDbContext db)
{
    // Table and what people call it. The same SQL on SQLite and PostgreSQL.
    private static readonly (string Table, string Where)[] Columns =
    [
        ("Registrations", "registrations"), ("Workshops", "workshops"), ("WorkshopPlans", "workshop proposals"),
        ("ArchivedEvents", "archived events"), ("SearchDocuments", "the archive's search index"),
    ];

    private sealed record ValueCount(string Value, int Count);

    /// <summary>Maps every value that names one country; returns how many rows changed.</summary>
    public async Task<int> MapAsync(CancellationToken ct)
    {
        var changed = 0;
        foreach (var (table, _) in Columns)
        foreach (var (value, _) in await TextValuesAsync(table, ct))
            if (Countries.Find(value) is { } code)
                changed += await SetAsync(table, value, code, ct);
        return changed;
    }

    /// <summary>The values left as text, for an organiser to choose a country for.</summary>
    public async Task<IReadOnlyList<UnmappedCountry>> UnmappedAsync(CancellationToken ct)
    {
        var left = new List<UnmappedCountry>();
        foreach (var (table, where) in Columns.Where(c => c.Table != "SearchDocuments"))
            left.AddRange((await TextValuesAsync(table, ct)).Select(v => new UnmappedCountry(where, v.Value, v.Count)));
        return left.OrderBy(u => u.Value, StringComparer.CurrentCultureIgnoreCase).ThenBy(u => u.Where).ToList();
    }

    /// <summary>Gives every row holding <paramref name="value"/> the chosen country, in every table; returns how many changed.</summary>
    public async Task<int> FixAsync(string value, string code, CancellationToken ct)
    {
        if (!Countries.IsCode(code)) throw new ArgumentException("Not a country code.", nameof(code));
        var changed = 0;
        foreach (var (table, _) in Columns) changed += await SetAsync(table, value, code.ToUpperInvariant(), ct);
        return changed;
    }

#pragma warning disable EF1002 // the table names come from the fixed list above; the values are parameters
    private async Task<List<ValueCount>> TextValuesAsync(string table, CancellationToken ct) =>
        (await db.ListAsync(
            $"""SELECT "Country", COUNT(*) FROM "{table}" WHERE "Country" IS NOT NULL AND "Country" <> '' GROUP BY "Country" """,
            r => new ValueCount(r.GetString(0), Convert.ToInt32(r.GetValue(1))), ct))
        .Where(v => !Countries.IsCode(v.Value) || v.Value != v.Value.ToUpperInvariant())
        .ToList();

    private Task<int> SetAsync(string table, string value, string code, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync($$"""UPDATE "{{table}}" SET "Country" = {0} WHERE "Country" = {1}""", [code, value], ct);
#pragma warning restore EF1002
}
