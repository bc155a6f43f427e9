using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive.Import.Jekyll;
using Workshops.Core.Domain.Community;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Storage;
using Workshops.Core.Text;

namespace Workshops.Core.Domain.Archive.Import;

/// <summary>
/// Brings in the community's current Jekyll site: events as Markdown pages (_events/*.md) with their resources as
/// materials and files under assets/, their attendee lists (_data/events/*.csv), the installations' spreadsheet and
/// pages, and the funded projects with their partners. Each item is saved on its own and found again by where it came
/// from, so one bad page never stops the rest and a second run changes nothing. The old addresses are written down.
/// </summary>
public sealed partial class CurrentSiteImporter(AppDbContext db, ArchiveIndex index,
    FileTextReader texts, OldAddressBook addresses, ImportedFiles files, TimeProvider clock)
{
    /// <summary>Whether the folder or ZIP has any part of the current site's layout.</summary>
    public static bool Finds(ImportSource source) => source.Files(ImportSource.PagesEventsFolder, ".md").Count > 0
        || source.Files(ImportSource.ParticipantsFolder, ".md").Count > 0 || source.Files(ImportSource.ProjectsFolder, ".md").Count > 0
        || source.ReadText(ImportSource.InstallationsFile) is not null;

    /// <summary>The steps it takes, for the progress bar: one per page or file, and one for the installations' spreadsheet.</summary>
    public static int Steps(ImportSource source) => source.Files(ImportSource.PagesEventsFolder, ".md").Count + source.Files(ImportSource.EventsFolder, ".csv").Count
        + source.Files(ImportSource.ParticipantsFolder, ".md").Count + source.Files(ImportSource.ProjectsFolder, ".md").Count + 1;

    /// <param name="step">Called after each step.</param>
    public async Task RunAsync(ImportSource source, ImportReport report, Func<Task> step, CancellationToken ct)
    {
        var pages = source.Files(ImportSource.PagesEventsFolder, ".md");
        if (pages.Count > ImportLimits.MaxEvents)
        {
            report.Problems.Add($"{pages.Count} event pages: only the first {ImportLimits.MaxEvents} are imported; the rest are refused.");
            pages = pages.Take(ImportLimits.MaxEvents).ToList();
        }
        foreach (var page in pages)
        {
            var item = new EventReport { Source = page };
            report.Events.Add(item);
            await GuardAsync(() => ImportEventAsync(source, page, item, ct), e => { item.Outcome = EventOutcome.Skipped; item.Skipped.Add(e); });
            await step();
        }
        foreach (var file in source.Files(ImportSource.EventsFolder, ".csv"))
        {
            var item = report.Item("Attendee list", file);
            await GuardAsync(() => ImportAttendeesAsync(source, file, item, ct), e => item.Skip(e));
            await step();
        }
        await GuardAsync(() => ImportInstallationsAsync(source, report, ct), e => report.Problems.Add($"{ImportSource.InstallationsFile} could not be imported: {e}"));
        await step();
        foreach (var file in source.Files(ImportSource.ParticipantsFolder, ".md"))
        {
            var item = report.Item("Installation page", file);
            await GuardAsync(() => ImportInstallationPageAsync(source, file, item, ct), e => item.Skip(e));
            await step();
        }
        var partnerFiles = source.Files(ImportSource.ProjectDataFolder, ".csv").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var file in source.Files(ImportSource.ProjectsFolder, ".md"))
        {
            var item = report.Item("Project", file);
            await GuardAsync(() => ImportProjectAsync(source, file, item, partnerFiles, ct), e => item.Skip(e));
            await step();
        }
        foreach (var unused in partnerFiles)
            report.Problems.Add($"{unused}: no project page reads this list of partners; it is not imported.");
    }

    /// <summary>One item's failure is said in its report and the rest goes on; what it left half-done is dropped.</summary>
    private async Task GuardAsync(Func<Task> work, Action<string> failed)
    {
        try
        {
            await work();
        }
        catch (FormatException e)
        {
            db.ChangeTracker.Clear();
            failed("Not imported: " + e.Message);
        }
        catch (ImportTooLargeException e)
        {
            db.ChangeTracker.Clear();
            failed("Refused: " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            failed("Could not be imported: " + e.Message);
        }
    }

    private FrontMatter Page(ImportSource source, string file) => FrontMatter.Read(source.ReadText(file) ?? "");

    private static string Stem(string file) => Path.GetFileNameWithoutExtension(file);

    /// <summary>A material's source key from its page and address, short enough for the column whatever both are.</summary>
    private static string MaterialKey(string stem, string href) => "la:" + Hash(stem + "\n" + href.ToLowerInvariant())[..40];

    /// <summary>A source key from a name the old site gives; a name too long for the column is replaced by its hash.</summary>
    private static string Key(string prefix, string name)
    {
        var key = prefix + name.Trim().ToLowerInvariant();
        return key.Length <= 250 ? key : prefix + Hash(name);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? Web(string? link) => link is not null && MaterialDetails.IsWebAddress(link.Trim()) ? link.Trim() : null;

    [GeneratedRegex(@"(\d{4}-\d{2}-\d{2})\s*(?:to|-|–|until)\s*(\d{4}-\d{2}-\d{2})")]
    private static partial Regex IsoRange();
}
