using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Registrations;

/// <summary>
/// A track's waiting list, in the order seats are offered: who joined the list first, then who registered first.
/// One definition for the automatic promotion, the organisers' list and the position participants see.
/// </summary>
public static class WaitingList
{
    public static IQueryable<Registration> Of(IQueryable<Registration> registrations, Guid workshopId, Guid? trackId) =>
        registrations
            .Where(r => r.WorkshopId == workshopId && r.TrackId == trackId && r.Status == RegistrationStatus.Waitlisted && r.ErasedAt == null)
            .OrderBy(r => r.WaitlistedAt).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id);

    /// <summary>
    /// Why someone waits, said the same in the email and on their page: every seat is taken (and what happens when a
    /// seat frees up), or seats are free and the organisers have not decided yet.
    /// </summary>
    public static string Reason(bool seatFree, bool autoPromote) => (seatFree, autoPromote) switch
    {
        (true, _) => Tr.T("Seats are still free: the organisers have put you on the waiting list while they decide, and we write to you as soon as they do."),
        (false, true) => Tr.T("All seats are taken for now. When one frees up, it goes to the next person in line, and we write to you at once."),
        (false, false) => Tr.T("All seats are taken for now. When one frees up, the organisers offer it to the next person in line, and we write to you."),
    };
}
