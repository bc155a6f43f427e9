using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;

namespace Workshops.Core.Privacy;

/// <summary>Who an export is about: their account, and every address and name they used with us.</summary>
public sealed record ExportSubject(string UserId, IReadOnlyList<string> NormalizedEmails);

/// <summary>
/// One part of a person's data: the rows of one kind that are theirs, written out column by column from the model, so
/// a column added later is exported without anyone remembering to. Columns about other people are left out by name,
/// with the reason.
/// </summary>
public abstract class ExportPart(string key, Func<string> title, Type type)
{
    public string Key { get; } = key;
    public Func<string> Title { get; } = title;
    public Type Type { get; } = type;
    public IReadOnlyDictionary<string, string> Omitted { get; init; } = new Dictionary<string, string>();

    /// <summary>The rows, each with what it belongs to when it is part of something else (the proposal a co-speaker is on).</summary>
    internal abstract Task<IReadOnlyList<(object Row, string? Of)>> LoadAsync(AppDbContext db, ExportSubject subject, CancellationToken ct);
}

/// <summary>Rows of an entity of their own: registrations, reviews, sessions.</summary>
internal sealed class RowsPart<T>(string key, Func<string> title, Func<AppDbContext, ExportSubject, IQueryable<T>> query)
    : ExportPart(key, title, typeof(T)) where T : class
{
    internal override async Task<IReadOnlyList<(object Row, string? Of)>> LoadAsync(AppDbContext db, ExportSubject subject, CancellationToken ct) =>
        (await query(db, subject).AsNoTracking().ToListAsync(ct)).Select(r => ((object)r, (string?)null)).ToList();
}

/// <summary>
/// Some of an owner's owned rows: the person's own line among a proposal's co-speakers or a session's speakers, and
/// not the others on it.
/// </summary>
internal sealed class OwnedPart<TOwner, T>(string key, Func<string> title, Func<AppDbContext, ExportSubject, IQueryable<TOwner>> owners,
    Func<TOwner, ExportSubject, IEnumerable<T>> theirs, Func<TOwner, string> of)
    : ExportPart(key, title, typeof(T)) where TOwner : class
{
    internal override async Task<IReadOnlyList<(object Row, string? Of)>> LoadAsync(AppDbContext db, ExportSubject subject, CancellationToken ct) =>
        (await owners(db, subject).AsNoTracking().ToListAsync(ct))
            .SelectMany(o => theirs(o, subject).Select(row => ((object)row!, (string?)of(o)))).ToList();
}
