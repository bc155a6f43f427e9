namespace Workshops.Core.Privacy;

/// <summary>One erasure: who (an organiser, or the daily job when <see cref="ByUserId"/> is empty), when, what and how much.</summary>
public sealed class ErasureRecord
{
    public long Id { get; private set; }
    public Guid? WorkshopId { get; private set; }
    public PersonalDataKind Kind { get; private set; }
    public int Count { get; private set; }
    [ActedBy] public string? ByUserId { get; private set; }
    public DateTimeOffset At { get; private set; }

    private ErasureRecord() { }

    public static ErasureRecord Of(Guid? workshopId, PersonalDataKind kind, int count, string? byUserId, DateTimeOffset at) =>
        new() { WorkshopId = workshopId, Kind = kind, Count = count, ByUserId = byUserId, At = at };

    public bool Automatic => ByUserId is null;
}
