namespace Workshops.Core.Domain.Archive.Import;

/// <summary>
/// What an import reads at most, whatever the upload claims: a small ZIP can unpack to gigabytes, and one YAML
/// file of 200 MB once took the process to 5.5 GB and then served a 200 MB page. The report names what was refused.
/// </summary>
public static class ImportLimits
{
    /// <summary>An event's or the members' YAML file; the old site's largest is a few kilobytes.</summary>
    public const int MaxYamlBytes = 1024 * 1024;

    /// <summary>All the files an import stores, together.</summary>
    public const long MaxTotalBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>Events in one import.</summary>
    public const int MaxEvents = 2000;

    /// <summary>Material entries in one event.</summary>
    public const int MaxMaterialsPerEvent = 500;

    public const int MaxTitle = 300;
    public const int MaxDescription = 20_000;
    /// <summary>Dates, places, speakers, types and links.</summary>
    public const int MaxShortText = 1000;

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
