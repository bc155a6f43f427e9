using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Community;

/// <summary>How far a portal is along; the order is from best to worst, as the map colours a country by its best one.</summary>
public enum InstallationStatus
{
    Live,
    /// <summary>Up, but some of its services are not working.</summary>
    Degraded,
    InDevelopment,
    InDiscussion,
    Offline,
}

public static class InstallationStatuses
{
    public static readonly InstallationStatus[] All = Enum.GetValues<InstallationStatus>();

    public static string Label(this InstallationStatus status) => status switch
    {
        InstallationStatus.Live => Tr.T("installation|Live"),
        InstallationStatus.Degraded => Tr.T("installation|Degraded"),
        InstallationStatus.InDevelopment => Tr.T("installation|In development"),
        InstallationStatus.InDiscussion => Tr.T("installation|In discussion"),
        _ => Tr.T("installation|Offline"),
    };

    /// <summary>The best of several, or null for none: a country with one live portal is a live country.</summary>
    public static InstallationStatus? Best(IEnumerable<InstallationStatus> statuses) =>
        statuses.Select(s => (InstallationStatus?)s).DefaultIfEmpty(null).Min();

    /// <summary>The status words of the old site and of its spreadsheet ("In production", "service-degradation", "dev"), or null.</summary>
    public static InstallationStatus? FromText(string? text) => text?.Trim().ToLowerInvariant().Replace('_', '-') switch
    {
        null or "" => null,
        "live" or "in production" or "production" or "online" => InstallationStatus.Live,
        "service-degradation" or "degraded" or "service degradation" => InstallationStatus.Degraded,
        "in progress" or "in development" or "development" or "dev" or "in-development" => InstallationStatus.InDevelopment,
        "in discussion" or "discussion" or "in-discussion" or "planned" => InstallationStatus.InDiscussion,
        "offline" or "dead" or "down" => InstallationStatus.Offline,
        _ => null,
    };
}

/// <summary>The community's modules, offered as names to choose from; any other name is fine too.</summary>
public static class InstallationModules
{
    public static readonly string[] Known =
    [
        "Biocache", "Biocache service", "Collectory", "Species", "Species lists", "Spatial portal", "Regions", "Image service", "Dashboard",
        "BioCollect", "Auth/CAS", "User details", "Logger", "Sensitive data service", "Name matching", "Data quality", "Alerts", "DOI service",
    ];
}
