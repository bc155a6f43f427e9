using System.Text.RegularExpressions;

namespace Workshops.UnitTests.Layout;

/// <summary>
/// Features do not depend on each other in a circle: a feature folder (or a folder of Organise) may use another's
/// types, but then that one uses none of its. An area's AddX() wiring file names every service of the area and does
/// not count. Read from the source, so a new cycle fails here before anyone has to untangle it.
/// </summary>
public sealed partial class FeatureDependencyTests
{
    [Fact]
    public void No_two_features_use_each_others_types()
    {
        var features = Path.Combine(Root(), "src", "Workshops.Web", "Features");
        var files = Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Select(f => (Node: Node(Path.GetRelativePath(features, f)), Path: f, Text: File.ReadAllText(f)))
            .Where(f => f.Node is not ("Shared" or "") && !f.Path.EndsWith("Services.cs"))
            .ToList();
        var declared = files.Where(f => f.Path.EndsWith(".cs"))
            .SelectMany(f => TopLevelType().Matches(f.Text).Select(m => (f.Node, Type: m.Groups[1].Value)))
            .Where(t => !t.Type.EndsWith("Model"))
            .GroupBy(t => t.Type).Where(g => g.Select(t => t.Node).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Node);
        var uses = files.SelectMany(f => declared.Where(d => d.Value != f.Node && Regex.IsMatch(f.Text, $@"\b{d.Key}\b")).Select(d => (From: f.Node, To: d.Value, d.Key)))
            .ToList();
        var cycles = uses.Where(u => uses.Any(back => back.From == u.To && back.To == u.From))
            .Select(u => $"{u.From} uses {u.To} ({u.Key})").Distinct().Order().ToList();
        Assert.True(cycles.Count == 0, string.Join("\n", cycles));
        Assert.Contains(uses, u => u.From == "AgendaPages" && u.To == "WorkshopPages");
    }

    /// <summary>A feature is a folder of Features; under Organise, each folder is one.</summary>
    private static string Node(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        if (parts.Length == 1) return "";
        return parts[0] == "Organise" && parts.Length > 2 ? $"Organise/{parts[1]}" : parts[0];
    }

    [GeneratedRegex(@"(?m)^public\s+(?:sealed\s+|static\s+|abstract\s+)*(?:partial\s+)?(?:class|record|enum|interface|struct)\s+([A-Z]\w+)")]
    private static partial Regex TopLevelType();

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Workshops.sln"))) dir = dir.Parent;
        return dir.FullName;
    }
}
