using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Workshops;

public enum WorkshopStatus
{
    Draft,
    Published,
    Cancelled,
}

public enum WorkshopFormat
{
    InPerson,
    Online,
    Hybrid,
}

public static class WorkshopStatuses
{
    /// <summary>Statuses a visitor may see.</summary>
    public static readonly WorkshopStatus[] Public = [WorkshopStatus.Published, WorkshopStatus.Cancelled];

    private static readonly Dictionary<WorkshopStatus, WorkshopStatus[]> Allowed = new()
    {
        [WorkshopStatus.Draft] = [WorkshopStatus.Published, WorkshopStatus.Cancelled],
        [WorkshopStatus.Published] = [WorkshopStatus.Draft, WorkshopStatus.Cancelled],
        [WorkshopStatus.Cancelled] = [WorkshopStatus.Draft],
    };

    public static bool CanMove(WorkshopStatus from, WorkshopStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<WorkshopStatus> NextFrom(WorkshopStatus from) => Allowed[from];

    public static string Label(this WorkshopFormat format) => format switch
    {
        WorkshopFormat.InPerson => Tr.T("In person"),
        WorkshopFormat.Online => Tr.T("Online"),
        WorkshopFormat.Hybrid => Tr.T("Hybrid (in person and online)"),
        _ => format.ToString(),
    };
}
