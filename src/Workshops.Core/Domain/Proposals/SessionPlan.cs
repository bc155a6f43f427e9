using System.Net.Mail;
using Workshops.Core.Domain.Common;

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
    public string? OrganiserNotes { get; private set; }
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
        var when = submitted ? "in a submitted proposal" : "before submitting";
        var gaps = new List<Problem>();
        if (Type is null) gaps.Add(new(nameof(Type), $"Choose the kind of session {when}."));
        if (DurationMinutes is null) gaps.Add(new(nameof(DurationMinutes), $"Choose how long the session lasts {when}."));
        if (TrackId is null && call.TrackIds.Count > 0) gaps.Add(new(nameof(TrackId), $"Choose a track {when}."));
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
            var format = call.FormatOf(type) ?? throw new DomainException($"This call does not take a {type.Label().ToLowerInvariant()}.", nameof(Type));
            if (DurationMinutes is { } minutes && !format.Durations.Contains(minutes))
                throw new DomainException($"A {type.Label().ToLowerInvariant()} lasts {Minutes(format.Durations)}.", nameof(DurationMinutes));
        }
        else if (DurationMinutes is { } minutes && call.SessionFormats.All(f => !f.Durations.Contains(minutes)))
            throw new DomainException($"Sessions in this call last {Minutes(call.SessionFormats.SelectMany(f => f.Durations).Distinct().Order().ToList())}.", nameof(DurationMinutes));
        if (TrackId is { } track && !call.TrackIds.Contains(track)) throw new DomainException("Choose one of the call's tracks.", nameof(TrackId));
        if (OrganiserNotes?.Length > MaxOrganiserNotes)
            throw new DomainException($"The notes for organisers can be at most {MaxOrganiserNotes:N0} characters.", nameof(OrganiserNotes));
        var speakers = CoSpeakers.Where(c => !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.Name)).ToList();
        if (speakers.Count > MaxCoSpeakers) throw new DomainException($"A session can have at most {MaxCoSpeakers} co-speakers.", nameof(CoSpeakers));
        foreach (var s in speakers)
        {
            if (string.IsNullOrWhiteSpace(s.Email) || !IsEmail(s.Email.Trim()))
                throw new DomainException($"Give a valid email address for co-speaker {s.Name?.Trim() ?? s.Email}; they are invited there to confirm.", nameof(CoSpeakers));
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > CoSpeakerDetails.MaxName)
                throw new DomainException($"Give the name of the co-speaker at {s.Email.Trim()} (at most {CoSpeakerDetails.MaxName} characters).", nameof(CoSpeakers));
        }
        if (speakers.Select(s => s.Email!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != speakers.Count)
            throw new DomainException("A co-speaker is listed twice.", nameof(CoSpeakers));
    }

    private static bool IsEmail(string value) =>
        value.Length <= CoSpeakerDetails.MaxEmail && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static string Minutes(IReadOnlyList<int> durations) =>
        durations.Count == 1 ? $"{durations[0]} minutes" : string.Join(", ", durations.SkipLast(1)) + $" or {durations[^1]} minutes";
}

public sealed record CoSpeakerDetails(string? Name, string? Email)
{
    public const int MaxName = 200;
    public const int MaxEmail = 254;
}
