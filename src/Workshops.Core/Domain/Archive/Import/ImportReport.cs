namespace Workshops.Core.Domain.Archive.Import;

/// <summary>What an import did, event by event, for the admin page and the command line.</summary>
public sealed class ImportReport
{
    public List<EventReport> Events { get; init; } = [];
    public int MembersCreated { get; set; }
    public int MembersUpdated { get; set; }
    public int MembersUnchanged { get; set; }
    public List<string> MembersSkipped { get; init; } = [];
    /// <summary>The current site's attendee lists, installations, installation pages and projects, one by one.</summary>
    public List<ItemReport> Items { get; init; } = [];
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

    public ItemReport Item(string kind, string source)
    {
        var item = new ItemReport { Kind = kind, Source = source };
        Items.Add(item);
        return item;
    }

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
        foreach (var i in Items)
        {
            yield return $"{i.Source}: {i.Kind.ToLowerInvariant()} {i.Outcome.ToString().ToLowerInvariant()} “{i.Title}”{(i.Address is null ? "" : " at " + i.Address)}";
            foreach (var n in i.Notes) yield return "  note: " + n;
        }
        yield return $"Community directory: {MembersCreated} added, {MembersUpdated} updated, {MembersUnchanged} unchanged, {MembersSkipped.Count} skipped";
        foreach (var s in MembersSkipped) yield return "  skipped: " + s;
        foreach (var p in Problems) yield return "problem: " + p;
        yield return $"Events: {EventsCreated} added, {EventsUpdated} updated, {EventsUnchanged} unchanged, {EventsSkipped} skipped. " +
            $"Materials: {MaterialsCreated} added, {MaterialsUpdated} updated, {FilesStored} files stored, {LinksKept} links kept, {EntriesSkipped} entries skipped, {FilesMissing} files missing." +
            string.Concat(Items.GroupBy(i => i.Kind).Select(g => $" {g.Key}s: {g.Count(i => i.Outcome == EventOutcome.Created)} added, {g.Count(i => i.Outcome == EventOutcome.Updated)} updated, " +
                $"{g.Count(i => i.Outcome == EventOutcome.Unchanged)} unchanged, {g.Count(i => i.Outcome == EventOutcome.Skipped)} skipped."));
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

/// <summary>One attendee list, installation, installation page or project of the current site, and what became of it.</summary>
public sealed class ItemReport
{
    public string Kind { get; init; } = "";
    public string Source { get; init; } = "";
    public string Title { get; set; } = "";
    public EventOutcome Outcome { get; set; } = EventOutcome.Unchanged;
    public string? Address { get; set; }
    public List<string> Notes { get; init; } = [];

    public void Skip(string why)
    {
        Outcome = EventOutcome.Skipped;
        Notes.Add(why);
    }
}
