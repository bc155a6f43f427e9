using System.IO.Compression;

namespace Workshops.Core.Domain.Archive.Import;

/// <summary>
/// The Jekyll site being imported, from a folder or a ZIP of it. Only plain file names are looked up under
/// public/docs, so a name in the data can never reach outside it; a ZIP is read in place, never unpacked by its names.
/// </summary>
public abstract class ImportSource : IDisposable
{
    public abstract IReadOnlyList<string> EventFiles { get; }

    /// <summary>The files directly in a folder of the site ("_events/") whose names end so (".md"), in name order.</summary>
    public abstract IReadOnlyList<string> Files(string folder, string extension);

    /// <summary>
    /// A file the site's pages link to ("/assets/presentation/x.pptx"), matched regardless of case as the old site's server
    /// did, or null. Only paths inside the site, made of plain names, are looked up.
    /// </summary>
    public Stream? OpenSiteFile(string path)
    {
        var parts = path.Replace('\\', '/').Trim('/').Split('/');
        if (parts.Length < 2 || parts.Any(p => !IsPlainName(p))) return null;
        var relative = string.Join('/', parts);
        return OpenExact(relative) ?? (AllFiles.FirstOrDefault(f => string.Equals(f, relative, StringComparison.OrdinalIgnoreCase)) is { } match ? OpenExact(match) : null);
    }

    protected abstract Stream? OpenExact(string relative);
    protected abstract IEnumerable<string> AllFiles { get; }
    /// <summary>A YAML file's text, or null when there is none; over <see cref="ImportLimits.MaxYamlBytes"/> it throws <see cref="ImportTooLargeException"/>, having read no more than that.</summary>
    public abstract string? ReadText(string path);

    protected static string ReadBounded(Stream stream, string path, long declared)
    {
        if (declared > ImportLimits.MaxYamlBytes) throw new ImportTooLargeException(path, declared);
        using var reader = new StreamReader(stream);
        var buffer = new char[ImportLimits.MaxYamlBytes + 1];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        // A ZIP entry may say it is small and unpack to more: what it unpacks to counts.
        if (read > ImportLimits.MaxYamlBytes) throw new ImportTooLargeException(path, read);
        return new string(buffer, 0, read);
    }
    protected abstract Stream? OpenDocExact(string name);
    protected abstract IEnumerable<string> DocNames { get; }

    public const string EventsFolder = "_data/events/";
    public const string ParticipantsFile = "_data/participants.yml";
    public const string DocsFolder = "public/docs/";

    /// <summary>Where the current site's layout keeps things: its events, installation pages and projects as Markdown, their data as CSV.</summary>
    public const string PagesEventsFolder = "_events/";
    public const string ParticipantsFolder = "_participants/";
    public const string ProjectsFolder = "_projects/";
    public const string ProjectDataFolder = "_data/projects/";
    public const string InstallationsFile = "_data/ala-summary-gdocs-sheet1.csv";

    /// <summary>Folders and files that mark the root of a Jekyll site of either layout inside a ZIP.</summary>
    private static readonly string[] Markers = [EventsFolder, PagesEventsFolder, ParticipantsFolder, ProjectsFolder, ParticipantsFile, InstallationsFile];

    /// <summary>The file of that name under public/docs (matched regardless of case, as the old site's server did), or null.</summary>
    public Stream? OpenDoc(string name)
    {
        if (!IsPlainName(name)) return null;
        var exact = OpenDocExact(name);
        if (exact is not null) return exact;
        var match = DocNames.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return match is null ? null : OpenDocExact(match);
    }

    public static bool IsPlainName(string name) =>
        name.Length is > 0 and < 256 && name.IndexOfAny(['/', '\\', '\0']) < 0 && name != "." && name != ".." && !name.StartsWith("..");

    public abstract void Dispose();

    public static ImportSource FromFolder(string folder) => new FolderSource(Path.GetFullPath(folder));

    public static ImportSource FromZip(Stream zip) => new ZipSource(new ZipArchive(zip, ZipArchiveMode.Read));

    private sealed class FolderSource(string root) : ImportSource
    {
        private string Docs => Path.Combine(root, "public", "docs");

        public override IReadOnlyList<string> EventFiles =>
            Directory.Exists(Path.Combine(root, "_data", "events"))
                ? Directory.GetFiles(Path.Combine(root, "_data", "events"), "*.yml").Order(StringComparer.Ordinal).Select(f => EventsFolder + Path.GetFileName(f)).ToList()
                : [];

        public override IReadOnlyList<string> Files(string folder, string extension) =>
            Directory.Exists(Path.Combine(root, folder))
                ? Directory.GetFiles(Path.Combine(root, folder)).Where(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal).Select(f => folder + Path.GetFileName(f)).ToList()
                : [];

        protected override Stream? OpenExact(string relative)
        {
            var full = Path.GetFullPath(Path.Combine(root, relative));
            return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? File.OpenRead(full) : null;
        }

        protected override IEnumerable<string> AllFiles => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'));

        public override string? ReadText(string path)
        {
            var full = Path.GetFullPath(Path.Combine(root, path));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full)) return null;
            using var stream = File.OpenRead(full);
            return ReadBounded(stream, path, stream.Length);
        }

        protected override Stream? OpenDocExact(string name)
        {
            var full = Path.Combine(Docs, name);
            return File.Exists(full) ? File.OpenRead(full) : null;
        }

        protected override IEnumerable<string> DocNames => Directory.Exists(Docs) ? Directory.GetFiles(Docs).Select(Path.GetFileName).OfType<string>() : [];

        public override void Dispose() { }
    }

    private sealed class ZipSource(ZipArchive zip) : ImportSource
    {
        // A zipped folder usually has the folder's name in front of every entry: find it from where the events are.
        private readonly string _prefix = zip.Entries.Select(e => e.FullName.Replace('\\', '/'))
            .SelectMany(n => Markers.Where(m => n.Contains(m, StringComparison.Ordinal)).Select(m => n[..n.IndexOf(m, StringComparison.Ordinal)]))
            .Where(p => p.Length == 0 || p.EndsWith('/')).OrderBy(p => p.Length).FirstOrDefault() ?? "";

        private ZipArchiveEntry? Entry(string path) => zip.GetEntry(_prefix + path) ?? zip.GetEntry((_prefix + path).Replace('/', '\\'));

        public override IReadOnlyList<string> EventFiles => zip.Entries.Select(e => e.FullName.Replace('\\', '/'))
            .Where(n => n.StartsWith(_prefix + EventsFolder, StringComparison.Ordinal) && n.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Select(n => n[_prefix.Length..]).Where(n => !n[EventsFolder.Length..].Contains('/')).Order(StringComparer.Ordinal).ToList();

        public override IReadOnlyList<string> Files(string folder, string extension) => zip.Entries.Select(e => e.FullName.Replace('\\', '/'))
            .Where(n => n.StartsWith(_prefix + folder, StringComparison.Ordinal) && n.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            .Select(n => n[_prefix.Length..]).Where(n => !n[folder.Length..].Contains('/')).Order(StringComparer.Ordinal).ToList();

        protected override Stream? OpenExact(string relative) => Entry(relative)?.Open();

        protected override IEnumerable<string> AllFiles => zip.Entries.Select(e => e.FullName.Replace('\\', '/'))
            .Where(n => n.StartsWith(_prefix, StringComparison.Ordinal) && !n.EndsWith('/')).Select(n => n[_prefix.Length..]);

        public override string? ReadText(string path)
        {
            if (Entry(path) is not { } entry) return null;
            if (entry.Length > ImportLimits.MaxYamlBytes) throw new ImportTooLargeException(path, entry.Length);
            using var stream = entry.Open();
            return ReadBounded(stream, path, entry.Length);
        }

        protected override Stream? OpenDocExact(string name) => Entry(DocsFolder + name)?.Open();

        protected override IEnumerable<string> DocNames => zip.Entries.Select(e => e.FullName.Replace('\\', '/'))
            .Where(n => n.StartsWith(_prefix + DocsFolder, StringComparison.Ordinal)).Select(n => n[(_prefix.Length + DocsFolder.Length)..]).Where(IsPlainName);

        public override void Dispose() => zip.Dispose();
    }
}

/// <summary>A file of the site that is larger than an import reads (see <see cref="ImportLimits"/>).</summary>
public sealed class ImportTooLargeException(string path, long size)
    : Exception($"{path} is {ImportLimits.Size(size)}; files of the site's data over {ImportLimits.Size(ImportLimits.MaxYamlBytes)} are refused.");
