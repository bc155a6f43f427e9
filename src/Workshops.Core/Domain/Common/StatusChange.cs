using Workshops.Core.Privacy;
namespace Workshops.Core.Domain.Common;

/// <summary>One audit entry: who moved an aggregate from one status to another, and when.</summary>
public sealed class StatusChange
{
    public long Id { get; private set; }
    public string Entity { get; private set; } = "";
    public Guid EntityId { get; private set; }
    public string From { get; private set; } = "";
    [NotPersonal("a status")] public string To { get; private set; } = "";
    [ActedBy] public string? ByUserId { get; private set; }
    public DateTimeOffset At { get; private set; }

    private StatusChange() { }

    public static StatusChange Record(string entity, Guid entityId, string from, string to, string? byUserId, DateTimeOffset at) =>
        new() { Entity = entity, EntityId = entityId, From = from, To = to, ByUserId = byUserId, At = at };
}
