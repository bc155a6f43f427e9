using System.Text.RegularExpressions;
using Workshops.Core.Domain.Materials;

namespace Workshops.Core.Domain.Archive.Import.Jekyll;

/// <summary>A link found in a page's resources: its text, where it goes, who gave it, and what kind of material it is.</summary>
public sealed record PageLink(string Title, string Href, string? Speakers, MaterialType Type)
{
    /// <summary>A file the old site kept itself (/assets/…), rather than a page elsewhere.</summary>
    public bool IsSiteFile => Href.StartsWith("/assets/", StringComparison.OrdinalIgnoreCase) || Href.StartsWith("assets/", StringComparison.OrdinalIgnoreCase);

    public bool IsWeb => MaterialDetails.IsWebAddress(Href);
}

/// <summary>
/// Reads the Markdown of the current site's pages: the text up to its resources, the links listed under them, the
/// tables of modules, and a section by its heading.
/// </summary>
public static partial class PageSections
{
    /// <summary>The page's text before its first resources heading, and the links listed from there on.</summary>
    public static (string Description, IReadOnlyList<PageLink> Links) SplitResources(string markdown)
    {
        var lines = markdown.Split('\n');
        var start = Array.FindIndex(lines, l => Heading().Match(l) is { Success: true } h && ResourceWords().IsMatch(h.Groups[2].Value));
        if (start < 0) return (markdown.Trim(), []);
        var links = new List<PageLink>();
        var section = "";
        foreach (var line in lines[start..])
        {
            if (Heading().Match(line) is { Success: true } heading) { section = heading.Groups[2].Value; continue; }
            var matches = Link().Matches(line);
            foreach (Match m in matches)
            {
                var href = m.Groups["href"].Value.Trim().Trim('<', '>');
                var after = line[(m.Index + m.Length)..];
                var before = line[..m.Index];
                links.Add(new PageLink(Clean(m.Groups["text"].Value), href, Speakers(after), TypeOf(section + " " + before, href)));
            }
        }
        return (string.Join('\n', lines[..start]).Trim(), links);
    }

    /// <summary>The text under a heading ("Description"), up to the next heading of the same or a higher level; null when there is none.</summary>
    public static string? Section(string markdown, string title)
    {
        var lines = markdown.Split('\n');
        var start = Array.FindIndex(lines, l => Heading().Match(l) is { Success: true } h && h.Groups[2].Value.Trim().Equals(title, StringComparison.OrdinalIgnoreCase));
        if (start < 0) return null;
        var level = Heading().Match(lines[start]).Groups[1].Value.Length;
        var end = Array.FindIndex(lines, start + 1, l => Heading().Match(l) is { Success: true } h && h.Groups[1].Value.Length <= level);
        var text = string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Every row of every two-column table whose first column is a name and second a link: an installation's modules.</summary>
    public static IReadOnlyList<(string Name, string? Address)> Modules(string markdown)
    {
        var rows = new List<(string, string?)>();
        foreach (var line in markdown.Split('\n'))
        {
            var cells = line.Trim();
            if (!cells.StartsWith('|') || Separator().IsMatch(cells)) continue;
            var parts = cells.Trim('|').Split('|').Select(c => c.Trim()).ToList();
            if (parts.Count < 2 || parts[0].Length == 0 || parts[0].Equals("Name", StringComparison.OrdinalIgnoreCase)) continue;
            var link = Link().Match(parts[1]);
            var address = link.Success ? link.Groups["href"].Value.Trim() : MaterialDetails.IsWebAddress(parts[1]) ? parts[1] : null;
            rows.Add((Clean(parts[0]), address));
        }
        return rows;
    }

    /// <summary>The links of a list ("- [GitHub account](https://…)"), as title and address.</summary>
    public static IReadOnlyList<(string Title, string Href)> ListedLinks(string markdown) => markdown.Split('\n')
        .Where(l => l.TrimStart().StartsWith('-') || l.TrimStart().StartsWith('*'))
        .SelectMany(l => Link().Matches(l).Select(m => (Clean(m.Groups["text"].Value), m.Groups["href"].Value.Trim())))
        .ToList();

    /// <summary>Every link in the text, for the addresses of other pages it names (/events/workshop-2019).</summary>
    public static IEnumerable<string> Hrefs(string markdown) => Link().Matches(markdown).Select(m => m.Groups["href"].Value.Trim());

    private static string? Speakers(string after)
    {
        var by = By().Match(after);
        if (!by.Success) return null;
        var who = by.Groups[1].Value.Trim().TrimEnd('.', ',', ';').Trim();
        return who.Length is > 0 and <= MaterialDetails.MaxSpeakers ? who : null;
    }

    private static MaterialType TypeOf(string context, string href)
    {
        var c = context.ToLowerInvariant();
        if (c.Contains("poster")) return MaterialType.Poster;
        if (c.Contains("video") || c.Contains("recording")) return MaterialType.Recording;
        if (c.Contains("report") || c.Contains("paper")) return MaterialType.Paper;
        if (c.Contains("presentation") || c.Contains("slide") || c.Contains("talk")) return MaterialType.Slides;
        var extension = Path.GetExtension(href.Split('?')[0]).ToLowerInvariant();
        return extension is ".pptx" or ".odp" or ".pdf" or ".ppt" ? MaterialType.Slides : MaterialType.Other;
    }

    private static string Clean(string text) => Emphasis().Replace(text, "").Trim();

    [GeneratedRegex(@"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\b(resources?|presentations?|materials?|documents?|slides|videos?|reports?|exercises)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceWords();

    /// <summary>A Markdown link whose address may hold one level of brackets: "(… (SOS) - 2022.pptx)".</summary>
    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<href>(?:[^()\n]|\([^()\n]*\))+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\bby\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex By();

    [GeneratedRegex(@"^\|[\s\-:|]+\|$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"[*_`]")]
    private static partial Regex Emphasis();
}
