using System.Globalization;
using System.Runtime.InteropServices;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Hands back the pages of files the process has mapped: the runtime's and libraries' .dll and .so files and
/// ICU's data. Start-up touches far more of them than serving pages does, and the kernel keeps them counted as the
/// site's resident memory until it needs the room. MADV_PAGEOUT drops the clean ones now (the kernel skips a page
/// another process maps too, and pages the process has written, which without swap stay); the next access reads them
/// again, from the page cache or the disk. Nothing changes in what the process sees. Linux 5.4 and later; elsewhere
/// nothing to do.
/// </summary>
public static class MappedFiles
{
    private const int MadvPageout = 21;

    /// <summary>Advises every file mapping but writable shared ones; returns the bytes they span (not all of which were resident).</summary>
    public static long PageOut()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        string[] maps;
        try { maps = File.ReadAllLines("/proc/self/maps"); }
        catch (IOException) { return 0; }
        long spanned = 0;
        foreach (var line in maps)
        {
            if (!TryParse(line, out var start, out var length)) continue;
            // Refusals change nothing, the pages just stay: a mapping gone since the list was read (ENOMEM), a locked one
            // (EINVAL), or every mapping on a kernel older than 5.4 (EINVAL), where a trim then costs a few hundred calls.
            if (madvise((nint)start, (nuint)length, MadvPageout) == 0) spanned += (long)length;
        }
        return spanned;
    }

    /// <summary>
    /// A line of /proc/self/maps ("start-end perms offset dev inode path") that maps a real file: the runtime maps
    /// assemblies read-only and shared, native libraries private. Writable shared mappings are left alone (SQLite's -shm
    /// index: its written pages would be written back to disk first), and so are the runtime's own memory under
    /// /memfd: and deleted files.
    /// </summary>
    public static bool TryParse(string line, out ulong start, out ulong length)
    {
        start = length = 0;
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6) return false;
        var (range, perms, inode, path) = (fields[0], fields[1], fields[4], fields[5].Trim());
        if (perms.Length != 4 || (perms[1] == 'w' && perms[3] == 's') || inode == "0") return false;
        if (!path.StartsWith('/') || path.StartsWith("/memfd:", StringComparison.Ordinal) || path.EndsWith(" (deleted)", StringComparison.Ordinal)) return false;
        var dash = range.IndexOf('-');
        if (dash < 0
            || !ulong.TryParse(range.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out start)
            || !ulong.TryParse(range.AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            || end <= start)
            return false;
        length = end - start;
        return true;
    }

    [DllImport("libc")]
    private static extern int madvise(nint address, nuint length, int advice);
}
