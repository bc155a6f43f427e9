using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Workshops.Core.Data;
using Workshops.Core.Localization;

namespace Workshops.Core.Privacy;

/// <summary>One field of a row: a value, or the rows it holds (a registration's answers).</summary>
public sealed record ExportField(string Name, object? Value);

public sealed record ExportRow(IReadOnlyList<ExportField> Fields, string? Of);

public sealed record ExportSection(string Key, string Title, IReadOnlyList<ExportRow> Rows);

/// <summary>
/// Reads everything held about a person, part by part (<see cref="ExportPlan"/>), writing each row's columns as the
/// model describes them. Secrets (password hashes, tokens, session tickets) and the stored files' hashes are never
/// written; an id that names something (a workshop, a question) is written as its name.
/// </summary>
public sealed class PersonalRecord(AppDbContext db)
{
    private static readonly HashSet<string> Secret =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "Ticket", "ClaimToken", "FileHash", "Hash",
        "NormalizedEmail", "NormalizedUserName", "SearchName",
    ];

    /// <summary>
    /// The organisers' side of a decision: a staged admission or decision is nobody's business until it is released
    /// (it shows in the status then), and their notes on a session are their working notes.
    /// </summary>
    private static readonly HashSet<string> Unreleased = ["Staged", "StagedMinor", "Decision", "OrganiserNotes"];

    public async Task<ExportSubject> SubjectAsync(string userId, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
        // The account's own addresses only: its address, those it registered with (the account's at the time), and
        // earlier ones that account emails went to; never an address someone typed for them.
        var used = await db.Registrations.Where(r => r.UserId == userId).Select(r => r.NormalizedEmail).Distinct().ToListAsync(ct);
        var earlier = await db.OutboxMessages.Where(m => m.Reference.StartsWith(userId + ":") && m.Kind != Erasure.UnconfirmedAddressKind)
            .Select(m => m.To).Distinct().ToListAsync(ct);
        return new ExportSubject(userId, used.Concat(earlier.Select(e => e.ToUpperInvariant())).Append(email).OfType<string>().Distinct().ToList());
    }

    /// <summary>Reads one part; the job calls it part by part to count its progress.</summary>
    public async Task<ExportSection> ReadAsync(ExportPart part, ExportSubject subject, CancellationToken ct)
    {
        var type = db.Model.GetEntityTypes().First(t => t.ClrType == part.Type);
        var rows = await part.LoadAsync(db, subject, ct);
        var names = await NamesAsync(rows.SelectMany(r => Ids(type, r.Row)).ToHashSet(), ct);
        return new ExportSection(part.Key, part.Title(), rows.Select(r => Row(type, r.Row, r.Of, part.Omitted, names)).ToList());
    }

    private static ExportRow Row(IEntityType type, object entity, string? of, IReadOnlyDictionary<string, string> omitted, IReadOnlyDictionary<Guid, string> names)
    {
        var fields = new List<ExportField>();
        foreach (var property in Columns(type).Where(p => !omitted.ContainsKey(p.Name)))
        {
            var value = property.GetGetter().GetClrValue(entity);
            // "WorkshopId" is written as "Workshop": the workshop's title, which is what the person knows it by.
            if (value is Guid id && property.Name.Length > 2 && property.Name.EndsWith("Id", StringComparison.Ordinal) && names.TryGetValue(id, out var name))
                fields.Add(new ExportField(property.Name[..^2], name));
            else
                fields.Add(new ExportField(property.Name, Plain(value)));
        }
        foreach (var navigation in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !omitted.ContainsKey(n.Name)))
        {
            fields.Add(new ExportField(navigation.Name, Children(navigation, entity).Select(c => Row(navigation.TargetEntityType, c, null, omitted, names)).ToList()));
        }
        return new ExportRow(fields, of);
    }

    /// <summary>The columns written for a row: not secrets, not the owner's key repeated in each owned row.</summary>
    public static IEnumerable<IProperty> Columns(IEntityType type) =>
        type.GetProperties().Where(p => !p.IsShadowProperty() && !Secret.Contains(p.Name) && !Unreleased.Contains(p.Name) && !p.IsConcurrencyToken
            && !(type.IsOwned() && p.IsForeignKey()) && p.PropertyInfo?.GetCustomAttribute<ActedByAttribute>() is null);

    private static IEnumerable<Guid> Ids(IEntityType type, object entity)
    {
        foreach (var property in Columns(type))
            if (property.Name.EndsWith("Id", StringComparison.Ordinal) && property.Name != "Id" && property.GetGetter().GetClrValue(entity) is Guid id)
                yield return id;
        foreach (var navigation in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        foreach (var child in Children(navigation, entity))
        foreach (var id in Ids(navigation.TargetEntityType, child))
            yield return id;
    }

    /// <summary>The owned rows behind a navigation: none, one, or a list of them.</summary>
    private static IEnumerable<object> Children(INavigation navigation, object entity) => navigation.GetGetter().GetClrValue(entity) switch
    {
        null => [],
        System.Collections.IEnumerable list => list.Cast<object>(),
        var one => [one],
    };

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(HashSet<Guid> ids, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0) return names;
        void Add(IEnumerable<(Guid Id, string Name)> found) { foreach (var (id, name) in found) names[id] = name; }
        Add((await db.Workshops.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct)).Select(x => (x.Id, x.Title.ToString())));
        Add((await db.Tracks.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name.ToString())));
        Add((await db.Calls.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct)).Select(x => (x.Id, x.Title.ToString())));
        Add((await db.Set<Domain.Registrations.RegistrationQuestion>().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Text }).ToListAsync(ct)).Select(x => (x.Id, x.Text.ToString())));
        Add((await db.Set<Domain.Proposals.CallQuestion>().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Text }).ToListAsync(ct)).Select(x => (x.Id, x.Text.ToString())));
        Add((await db.Set<Domain.Proposals.ReviewCriterion>().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name.ToString())));
        Add((await db.Proposals.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct)).Select(x => (x.Id, x.Title)));
        Add((await db.AgendaItems.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct)).Select(x => (x.Id, x.Title)));
        Add((await db.Materials.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct)).Select(x => (x.Id, x.Title.ToString())));
        Add((await db.Installations.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)));
        Add((await db.ArchivedEvents.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct)).Select(x => (x.Id, x.Title.ToString())));
        return names;
    }

    /// <summary>Values as JSON and HTML write them: instants in UTC ISO 8601, multilingual texts in the reader's language.</summary>
    private static object? Plain(object? value) => value switch
    {
        null => null,
        DateTimeOffset at => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        Guid id => id.ToString(),
        Enum e => e.ToString(),
        LocalText text => text.ToString(),
        string or bool or int or long or double or decimal => value,
        byte[] => null,
        _ => value.ToString(),
    };
}
