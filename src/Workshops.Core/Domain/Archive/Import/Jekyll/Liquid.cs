using System.Text.RegularExpressions;

namespace Workshops.Core.Domain.Archive.Import.Jekyll;

/// <summary>
/// Takes Jekyll's Liquid out of a page's Markdown: loops over the site's data (the attendee list is imported on its own),
/// includes, and the "## {{ page.title }}" heading the layout repeats. A table left with no rows goes too.
/// </summary>
public static partial class Liquid
{
    public static string Strip(string markdown)
    {
        var text = Block().Replace(markdown, "");
        text = TitleHeading().Replace(text, "");
        text = Tag().Replace(text, "");
        text = Output().Replace(text, "");
        text = EmptyTable().Replace(text, "");
        return Blank().Replace(WithoutEmptySections(text), "\n\n").Trim();
    }

    /// <summary>Drops a heading left with nothing under it (its table was a loop): the next heading is as high, or the page ends.</summary>
    private static string WithoutEmptySections(string text)
    {
        var lines = text.Split('\n').ToList();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (HeadingLevel(lines[i]) is not { } level) continue;
            var next = lines.Skip(i + 1).FirstOrDefault(l => l.Trim().Length > 0);
            if (next is null || HeadingLevel(next) is { } nextLevel && nextLevel <= level) lines.RemoveAt(i);
        }
        return string.Join('\n', lines);
    }

    private static int? HeadingLevel(string line)
    {
        var trimmed = line.TrimStart();
        var level = trimmed.TakeWhile(c => c == '#').Count();
        return level is >= 1 and <= 6 && trimmed.Length > level && trimmed[level] == ' ' ? level : null;
    }

    /// <summary>The data file a page's loop reads ("site.data.projects.CESP2018-04" → "CESP2018-04"), or null.</summary>
    public static string? LoopData(string markdown, string collection) =>
        Loop().Matches(markdown).Select(m => m.Groups[1].Value).FirstOrDefault(v => v.StartsWith(collection + ".", StringComparison.Ordinal)) is { } found
            ? found[(collection.Length + 1)..] : null;

    [GeneratedRegex(@"\{%-?\s*(for|if|unless|case|capture)\b.*?\{%-?\s*end\1\s*-?%\}", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"\{%-?\s*for\s+\w+\s+in\s+site\.data\.([\w.\-]+)")]
    private static partial Regex Loop();

    [GeneratedRegex(@"^[ \t]*#{1,6}[ \t]*\{\{[^}]*\}\}[ \t]*$\n?", RegexOptions.Multiline)]
    private static partial Regex TitleHeading();

    [GeneratedRegex(@"\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Output();

    /// <summary>A header row and its separator with no row under them.</summary>
    [GeneratedRegex(@"^[ \t]*\|.*\|[ \t]*\n[ \t]*\|[ \t\-:|]+\|[ \t]*(?:\n(?![ \t]*\|)|\z)", RegexOptions.Multiline)]
    private static partial Regex EmptyTable();

    [GeneratedRegex(@"\n[ \t]*\n(?:[ \t]*\n)+")]
    private static partial Regex Blank();
}
