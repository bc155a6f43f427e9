namespace Workshops.Core.Domain.Registrations;

/// <summary>
/// A track's waiting list, in the order seats are offered: who joined the list first, then who registered first.
/// One definition for the automatic promotion, the organisers' list and the position participants see.
/// </summary>
public static class WaitingList
{
    public static IQueryable<Registration> Of(IQueryable<Registration> registrations, Guid workshopId, Guid? trackId) =>
        registrations
            .Where(r => r.WorkshopId == workshopId && r.TrackId == trackId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistedAt).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id);
}
