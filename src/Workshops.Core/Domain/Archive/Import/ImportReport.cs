namespace Workshops.Core.Domain.Archive.Import;

/// <summary>What an import did, event by event, for the admin page and the command line.</summary>
public sealed class ImportReport
{
    public List<EventReport> Events { get; init; } = [];
    public int MembersCreated { get; set; }
    public int MembersUpdated { get; set; }
    public int MembersUnchanged { get; set; }
    public List<string> MembersSkipped { get; init; } = [];
    /// <summary>Whole files that could not be read at all.</summary>
    public List<string> Problems { get; init; } = [];

    public int EventsCreated => Events.Count(e => e.Outcome == EventOutcome.Created);
    public int EventsUpdated => Events.Count(e => e.Outcome == EventOutcome.Updated);
    public int EventsUnchanged => Events.Count(e => e.Outcome == EventOutcome.Unchanged);
    public int EventsSkipped => Events.Count(e => e.Outcome == EventOutcome.Skipped);
    public int MaterialsCreated => Events.Sum(e => e.MaterialsCreated);
    public int MaterialsUpdated => Events.Sum(e => e.MaterialsUpdated);
    public int FilesStored => Events.Sum(e => e.FilesStored);
    public int LinksKept => Events.Sum(e => e.LinksKept);
    public int EntriesSkipped => Events.Sum(e => e.Skipped.Count);
    public int FilesMissing => Events.Sum(e => e.MissingFiles.Count);

    public IEnumerable<string> Lines()
    {
        foreach (var e in Events)
        {
            yield return $"{e.Source}: {e.Outcome.ToString().ToLowerInvariant()} “{e.Title}”{(e.Address is null ? "" : " at " + e.Address)}" +
                $" ({e.MaterialsCreated} materials added, {e.MaterialsUpdated} updated, {e.FilesStored} files stored, {e.LinksKept} links kept)";
            foreach (var w in e.Warnings) yield return "  warning: " + w;
            foreach (var s in e.Skipped) yield return "  skipped: " + s;
            foreach (var m in e.MissingFiles) yield return "  file missing: " + m;
        }
        yield return $"Community directory: {MembersCreated} added, {MembersUpdated} updated, {MembersUnchanged} unchanged, {MembersSkipped.Count} skipped";
        foreach (var s in MembersSkipped) yield return "  skipped: " + s;
        foreach (var p in Problems) yield return "problem: " + p;
        yield return $"Events: {EventsCreated} added, {EventsUpdated} updated, {EventsUnchanged} unchanged, {EventsSkipped} skipped. " +
            $"Materials: {MaterialsCreated} added, {MaterialsUpdated} updated, {FilesStored} files stored, {LinksKept} links kept, {EntriesSkipped} entries skipped, {FilesMissing} files missing.";
    }
}

public enum EventOutcome
{
    Created,
    Updated,
    Unchanged,
    Skipped,
}

public sealed class EventReport
{
    public string Source { get; set; } = "";
    public string Title { get; set; } = "";
    public EventOutcome Outcome { get; set; }
    public string? Address { get; set; }
    public int MaterialsCreated { get; set; }
    public int MaterialsUpdated { get; set; }
    public int FilesStored { get; set; }
    public int LinksKept { get; set; }
    public List<string> Warnings { get; init; } = [];
    public List<string> Skipped { get; init; } = [];
    public List<string> MissingFiles { get; init; } = [];
}
