using Workshops.Core.Privacy;
namespace Workshops.Core.Domain.Workshops;

/// <summary>A parallel stream of a workshop with its own seats (say the developers' track, 25 seats).</summary>
public sealed class Track
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid WorkshopId { get; private set; }
    [NotPersonal("a track's name")] public string Name { get; internal set; } = "";
    public string? Description { get; internal set; }
    public int Capacity { get; internal set; }
    public int Position { get; internal set; }

    private Track() { }

    internal Track(string name, string? description, int capacity, int position)
    {
        Name = name;
        Description = description;
        Capacity = capacity;
        Position = position;
    }
}
