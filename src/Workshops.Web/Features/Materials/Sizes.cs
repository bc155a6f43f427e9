namespace Workshops.Web.Features.Materials;

public static class Sizes
{
    /// <summary>"512 B", "340 KB", "2.5 MB": the unit and the decimal mark as the reader writes them.</summary>
    public static string Of(long bytes) => bytes switch
    {
        < 1024 => Tr.T("{0} B", bytes),
        < 1024 * 1024 => Tr.T("{0:0} KB", bytes / 1024.0),
        < 1024L * 1024 * 1024 => Tr.T("{0:0.0} MB", bytes / (1024.0 * 1024)),
        _ => Tr.T("{0:0.00} GB", bytes / (1024.0 * 1024 * 1024)),
    };
}
