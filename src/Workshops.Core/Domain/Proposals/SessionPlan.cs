using Workshops.Core.Privacy;
using System.Net.Mail;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Proposals;

/// <summary>
/// What a session proposal offers beyond its title and abstract: the kind of session, its track and length, and
/// notes only organisers read. A draft may leave parts blank; submitting needs the kind, the length and a track.
/// </summary>
public sealed class SessionPlan
{
    public SessionType? Type { get; private set; }
    public Guid? TrackId { get; private set; }
    public int? DurationMinutes { get; private set; }
    [NotPersonal("organisers' notes on what a session needs (room, equipment)")] public string? OrganiserNotes { get; private set; }
    /// <summary>When the speaker was last reminded to confirm an accepted session.</summary>
    public DateTimeOffset? RemindedAt { get; internal set; }

    private SessionPlan() { }

    internal static SessionPlan Empty() => new();

    internal static SessionPlan From(SessionPlanDetails d, Call call, DateTimeOffset? remindedAt)
    {
        d.Validate(call);
        return new SessionPlan
        {
            Type = d.Type,
            TrackId = d.TrackId,
            DurationMinutes = d.DurationMinutes,
            OrganiserNotes = string.IsNullOrWhiteSpace(d.OrganiserNotes) ? null : d.OrganiserNotes.Trim(),
            RemindedAt = remindedAt,
        };
    }

    /// <summary>Throws naming the first thing a submitted session proposal still lacks.</summary>
    internal void EnsureComplete(Call call, bool submitted = false)
    {
        if (Gaps(call, submitted) is { Count: > 0 } gaps) throw new DomainException(gaps);
    }

    /// <summary>Every part still missing, each beside its field.</summary>
    internal List<Problem> Gaps(Call call, bool submitted = false)
    {
        var gaps = new List<Problem>();
        if (Type is null)
            gaps.Add(new(nameof(Type), submitted ? Tr.T("Choose the kind of session in a submitted proposal.") : Tr.T("Choose the kind of session before submitting.")));
        if (DurationMinutes is null)
            gaps.Add(new(nameof(DurationMinutes), submitted ? Tr.T("Choose how long the session lasts in a submitted proposal.") : Tr.T("Choose how long the session lasts before submitting.")));
        if (TrackId is null && call.TrackIds.Count > 0)
            gaps.Add(new(nameof(TrackId), submitted ? Tr.T("Choose a track in a submitted proposal.") : Tr.T("Choose a track before submitting.")));
        return gaps;
    }
}

/// <summary>The session part of the proposal form as the proposer typed it.</summary>
public sealed record SessionPlanDetails(SessionType? Type, Guid? TrackId, int? DurationMinutes, string? OrganiserNotes, IReadOnlyList<CoSpeakerDetails> CoSpeakers)
{
    public const int MaxCoSpeakers = 6;
    public const int MaxOrganiserNotes = 5000;

    public void Validate(Call call)
    {
        if (Type is { } type)
        {
            var format = call.FormatOf(type) ?? throw new DomainException(Tr.T("This call does not take a {0}.", type.Label().ToLowerInvariant()), nameof(Type));
            if (DurationMinutes is { } minutes && !format.Durations.Contains(minutes))
                throw new DomainException(Tr.T("A {0} lasts {1}.", type.Label().ToLowerInvariant(), Minutes(format.Durations)), nameof(DurationMinutes));
        }
        else if (DurationMinutes is { } minutes && call.SessionFormats.All(f => !f.Durations.Contains(minutes)))
            throw new DomainException(Tr.T("Sessions in this call last {0}.", Minutes(call.SessionFormats.SelectMany(f => f.Durations).Distinct().Order().ToList())), nameof(DurationMinutes));
        if (TrackId is { } track && !call.TrackIds.Contains(track)) throw new DomainException(Tr.T("Choose one of the call's tracks."), nameof(TrackId));
        if (OrganiserNotes?.Length > MaxOrganiserNotes)
            throw new DomainException(Tr.T("The notes for organisers can be at most {0:N0} characters.", MaxOrganiserNotes), nameof(OrganiserNotes));
        var speakers = CoSpeakers.Where(c => !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.Name)).ToList();
        if (speakers.Count > MaxCoSpeakers) throw new DomainException(Tr.T("A session can have at most {0} co-speakers.", MaxCoSpeakers), nameof(CoSpeakers));
        foreach (var s in speakers)
        {
            if (string.IsNullOrWhiteSpace(s.Email) || !IsEmail(s.Email.Trim()))
                throw new DomainException(Tr.T("Give a valid email address for co-speaker {0}; they are invited there to confirm.", s.Name?.Trim() ?? s.Email), nameof(CoSpeakers));
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > CoSpeakerDetails.MaxName)
                throw new DomainException(Tr.T("Give the name of the co-speaker at {0} (at most {1} characters).", s.Email.Trim(), CoSpeakerDetails.MaxName), nameof(CoSpeakers));
        }
        if (speakers.Select(s => s.Email!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != speakers.Count)
            throw new DomainException(Tr.T("A co-speaker is listed twice."), nameof(CoSpeakers));
    }

    private static bool IsEmail(string value) =>
        value.Length <= CoSpeakerDetails.MaxEmail && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static string Minutes(IReadOnlyList<int> durations) =>
        durations.Count == 1 ? Tr.T("{0} minutes", durations[0]) : Tr.T("{0} or {1} minutes", string.Join(", ", durations.SkipLast(1)), durations[^1]);
}

public sealed record CoSpeakerDetails(string? Name, string? Email)
{
    public const int MaxName = 200;
    public const int MaxEmail = 254;
}
