using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Materials;

namespace Workshops.Core.Domain.Archive;

public enum SearchKind
{
    Event,
    Session,
    Material,
}

/// <summary>
/// One row of the archive's full-text index: an event or workshop, a session or a material, with the words to
/// search and what the results page shows and filters on. Derived data: rows are rebuilt per workshop or event
/// (their <see cref="Scope"/>) whenever what they come from changes.
/// </summary>
public sealed class SearchDocument
{
    public long Id { get; set; }
    /// <summary>"w:{workshop id}" or "e:{event id}": the unit that is rebuilt together.</summary>
    public string Scope { get; set; } = "";
    public SearchKind Kind { get; set; }
    public string Title { get; set; } = "";
    [PersonalData] public string? Speakers { get; set; }
    /// <summary>Description, abstract, or the text inside the file.</summary>
    public string? Body { get; set; }
    public string Url { get; set; } = "";
    /// <summary>The event or workshop a session or material belongs to, for the result line.</summary>
    public string? Context { get; set; }
    public int? Year { get; set; }
    /// <summary>
    /// When it happened, on the clock of where it happened ("2027-04-05T11:00"): tells apart a session given twice in
    /// one workshop. Text, as it is a wall-clock time with no zone, which both databases keep the same way.
    /// </summary>
    public string? StartsLocal { get; set; }

    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    public static string? Local(DateTime? at) => at?.ToString(LocalFormat, System.Globalization.CultureInfo.InvariantCulture);
    public ArchivedEventType EventType { get; set; }
    public string? Country { get; set; }
    public MaterialType? MaterialType { get; set; }
    public MaterialVisibility Visibility { get; set; }
    /// <summary>Whose participants may see a participants-only row.</summary>
    public Guid? WorkshopId { get; set; }
    /// <summary>The material when it has a file, for a direct download link from the results.</summary>
    public Guid? MaterialId { get; set; }

    public static string WorkshopScope(Guid id) => "w:" + id.ToString("N");
    public static string EventScope(Guid id) => "e:" + id.ToString("N");
}
