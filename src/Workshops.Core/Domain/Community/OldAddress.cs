namespace Workshops.Core.Domain.Community;

/// <summary>
/// An address of the community's previous website (/events/workshop-2019, /assets/presentation/…/x.pptx) and where
/// its content lives now, so links from elsewhere keep working with a permanent redirect. Written by the archive import.
/// </summary>
public sealed class OldAddress
{
    public const int MaxPath = 600;

    /// <summary>The old path, without a trailing slash, as <see cref="Normalise"/> makes it.</summary>
    public string Path { get; private set; } = "";
    /// <summary>A path of this site.</summary>
    public string Target { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private OldAddress() { }

    public static OldAddress Create(string path, string target, DateTimeOffset now) =>
        new() { Path = Normalise(path), Target = target, CreatedAt = now, UpdatedAt = now };

    /// <summary>True when it now points elsewhere.</summary>
    public bool PointTo(string target, DateTimeOffset now)
    {
        if (Target == target) return false;
        (Target, UpdatedAt) = (target, now);
        return true;
    }

    /// <summary>
    /// One spelling for each old address: decoded (%20 and spaces alike), lower-case (the old site's server did not
    /// care), without a trailing slash or "index.html".
    /// </summary>
    public static string Normalise(string path)
    {
        var p = Uri.UnescapeDataString(path.Split('?', '#')[0]).Trim().ToLowerInvariant();
        if (p.EndsWith("/index.html", StringComparison.Ordinal)) p = p[..^"index.html".Length];
        p = p.TrimEnd('/');
        return p.Length == 0 ? "/" : p.StartsWith('/') ? p : "/" + p;
    }
}
