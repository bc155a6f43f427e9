using Workshops.Core.Domain.Workshops;

namespace Workshops.Tests.Shared;

/// <summary>
/// A workshop with tracks, as a test wants it: every detail has a plain default, so a test names only what it is
/// about (<c>new AWorkshop { Zone = "America/Bogota" }.Build()</c>) instead of twelve positional arguments.
/// </summary>
public sealed record AWorkshop
{
    public string Title { get; init; } = "Living Atlases Workshop";
    public string Slug { get; init; } = "workshop-" + Guid.NewGuid().ToString("N")[..8];
    /// <summary>Its first day and time, on the wall clock of <see cref="Zone"/>: by default 09:00, 90 days from today.</summary>
    public DateTime Starts { get; init; } = DateTime.UtcNow.Date.AddDays(90).AddHours(9);
    /// <summary>How many days it lasts; it ends at 17:00 on the last one, unless <see cref="Ends"/> says otherwise.</summary>
    public int Days { get; init; } = 5;
    public DateTime? Ends { get; init; }
    public string Zone { get; init; } = "Europe/Madrid";
    public WorkshopFormat Format { get; init; } = WorkshopFormat.InPerson;
    public string? Venue { get; init; }
    public string? Address { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<TrackDetails> Tracks { get; init; } = [Track("Developers"), Track("Managers")];
    /// <summary>Published, as most tests want it; a draft stays as <see cref="Workshop.Create"/> makes it.</summary>
    public WorkshopStatus Status { get; init; } = WorkshopStatus.Published;
    public DateTimeOffset? Now { get; init; }

    public static TrackDetails Track(string name, int seats = 25, string? description = null) => new(null, name, description, seats);

    public WorkshopDetails Details() =>
        new(Title, Slug, Starts.Year, Starts, Ends ?? Starts.AddDays(Days - 1).Date.AddHours(17), Zone, Format, Venue, Address, City, Country, Description);

    public Workshop Build()
    {
        var now = Now ?? DateTimeOffset.UtcNow;
        var workshop = Workshop.Create(Details(), Tracks, now);
        if (Status != WorkshopStatus.Draft) workshop.MoveTo(Status, null, now);
        return workshop;
    }
}
