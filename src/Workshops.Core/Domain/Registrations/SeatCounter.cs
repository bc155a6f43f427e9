namespace Workshops.Core.Domain.Registrations;

/// <summary>
/// Seats taken in one track of a workshop, or over all its tracks (<see cref="Total"/>). The capacity is not copied
/// here: the update that takes a seat reads it from the track or the registration setup, in the same statement.
/// </summary>
public sealed class SeatCounter
{
    public const string Total = "total";

    public Guid WorkshopId { get; private set; }
    /// <summary><see cref="Total"/>, or the track's id.</summary>
    public string Scope { get; private set; } = "";
    public int Taken { get; private set; }

    private SeatCounter() { }

    public SeatCounter(Guid workshopId, string scope, int taken) => (WorkshopId, Scope, Taken) = (workshopId, scope, taken);

    public static string ForTrack(Guid trackId) => trackId.ToString("N");
}
