using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Announcements;

/// <summary>
/// Who an announcement goes to: any mix of the community's subscribers, a workshop's registrants (by status and
/// track), its speakers, the reviewers, and addresses pasted in. Someone in several is sent one email.
/// </summary>
public sealed record Audience(bool Subscribers, IReadOnlyList<RegistrationStatus> Statuses, IReadOnlyList<Guid> Tracks, bool Speakers, bool Reviewers,
    string? Pasted)
{
    public const int MaxPasted = 200_000;

    public static readonly Audience Nobody = new(false, [], [], false, false, null);

    public bool NeedsWorkshop => Statuses.Count > 0 || Speakers;

    /// <summary>Everyone it reaches has a registration, so placeholders about one ({registration_status}, {track}) have a value.</summary>
    public bool OnlyRegistrants => Statuses.Count > 0 && !Subscribers && !Speakers && !Reviewers && string.IsNullOrWhiteSpace(Pasted);

    /// <summary>Who in this audience has no registration, as an organiser would name them.</summary>
    public string WithoutRegistration()
    {
        var who = new List<string>();
        if (Subscribers) who.Add(Tr.T("community subscribers"));
        if (Speakers) who.Add(Tr.T("audience|speakers"));
        if (Reviewers) who.Add(Tr.T("audience|reviewers"));
        if (!string.IsNullOrWhiteSpace(Pasted)) who.Add(Tr.T("pasted addresses"));
        if (who.Count == 0) return Tr.T("people outside the registrants");
        return who.Count == 1 ? who[0] : Tr.T("{0} and {1}", string.Join(", ", who[..^1]), who[^1]);
    }

    public bool IsEmpty => !Subscribers && Statuses.Count == 0 && !Speakers && !Reviewers && string.IsNullOrWhiteSpace(Pasted);

    public void Validate(Guid? workshopId)
    {
        if (IsEmpty) throw new DomainException(Tr.T("Choose who receives it: subscribers, registrants, speakers, reviewers or pasted addresses."), "Audience");
        if (NeedsWorkshop && workshopId is null) throw new DomainException(Tr.T("Registrants and speakers belong to a workshop: choose the workshop."), "WorkshopId");
        if (Tracks.Count > 0 && Statuses.Count == 0) throw new DomainException(Tr.T("Tracks narrow down registrants: choose which registrants too."), "Audience");
        if (Pasted?.Length > MaxPasted) throw new DomainException(Tr.T("Paste at most {0:N0} characters of addresses.", MaxPasted), nameof(Pasted));
        var bad = PastedAddresses.Parse(Pasted).Invalid;
        if (bad.Count > 0)
            throw new DomainException(bad.Count > 5
                ? Tr.T("These pasted lines are not email addresses: {0} and {1} more.", string.Join(", ", bad.Take(5)), bad.Count - 5)
                : Tr.T("These pasted lines are not email addresses: {0}.", string.Join(", ", bad)), nameof(Pasted));
    }

    /// <summary>Stored as text: "Submitted,Admitted" and track ids the same way.</summary>
    public static string Join<T>(IEnumerable<T> values) => string.Join(',', values);

    public static List<RegistrationStatus> StatusesFrom(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Enum.TryParse<RegistrationStatus>(s, out var v) ? (RegistrationStatus?)v : null)
            .Where(v => v is not null).Select(v => v!.Value).ToList();

    public static List<Guid> TracksFrom(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var g) ? (Guid?)g : null)
            .Where(g => g is not null).Select(g => g!.Value).ToList();
}
