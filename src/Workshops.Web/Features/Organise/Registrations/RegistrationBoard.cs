using Workshops.Core.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Time;

namespace Workshops.Web.Features.Organise.Registrations;

/// <summary>What an organiser narrows the list to; the counts and charts stay those of the whole workshop.</summary>
public sealed record BoardFilter(RegistrationStatus? Status, Guid? TrackId, string? Country, string? Search, Guid? QuestionId, string? Answer)
{
    public IReadOnlyList<Registration> Apply(IEnumerable<Registration> all) => all.Where(r =>
            (Status is null || r.Status == Status)
            && (TrackId is null || r.TrackId == TrackId)
            && (string.IsNullOrWhiteSpace(Country) || string.Equals(r.Country, Countries.Find(Country) ?? Country.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(Search) || Matches(r, Search.Trim()))
            && (QuestionId is null || string.IsNullOrWhiteSpace(Answer)
                || r.Answers.Any(a => a.QuestionId == QuestionId && a.Value.Contains(Answer.Trim(), StringComparison.OrdinalIgnoreCase))))
        .ToList();

    private static bool Matches(Registration r, string text) =>
        r.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || r.Email.Contains(text, StringComparison.OrdinalIgnoreCase)
        || r.Institution.Contains(text, StringComparison.OrdinalIgnoreCase);
}

public sealed record TrackSeats(Guid Id, string Name, int Capacity, int Taken, IReadOnlyList<Registration> WaitingList)
{
    public int Waiting => WaitingList.Count;
}

/// <summary>The numbers organisers scan: per status, per track, per day and per country.</summary>
public sealed record BoardCounts(
    IReadOnlyList<(RegistrationStatus Status, int Count)> ByStatus,
    IReadOnlyList<TrackSeats> Tracks,
    IReadOnlyList<(DateOnly Day, int Count)> ByDay,
    IReadOnlyList<(string Country, int Count)> ByCountry,
    int StagedCount);

public sealed class RegistrationBoard(AppDbContext db)
{
    public async Task<IReadOnlyList<Registration>> AllAsync(Guid workshopId, CancellationToken ct) =>
        await db.Registrations.AsNoTracking().Where(r => r.WorkshopId == workshopId).OrderBy(r => r.CreatedAt).ToListAsync(ct);

    public static BoardCounts Count(IReadOnlyList<Registration> all, Workshop workshop)
    {
        var zone = WorkshopTime.Zone(workshop.TimeZoneId);
        return new BoardCounts(
            Enum.GetValues<RegistrationStatus>().Select(s => (s, all.Count(r => r.Status == s))).ToList(),
            workshop.Tracks.OrderBy(t => t.Position).Select(t => new TrackSeats(t.Id, t.Name, t.Capacity,
                all.Count(r => r.TrackId == t.Id && RegistrationStatuses.HoldsSeat(r.Status)),
                WaitingList.Of(all.AsQueryable(), workshop.Id, t.Id).ToList())).ToList(),
            all.GroupBy(r => DateOnly.FromDateTime(WorkshopTime.ToLocal(r.CreatedAt, zone).DateTime)).OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Count())).ToList(),
            all.GroupBy(r => r.Country, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => (g.First().Country, g.Count())).ToList(),
            all.Count(r => r.Staged != StagedAdmission.None));
    }
}
