using System.Collections.Concurrent;
using Workshops.Core.Localization;
using Workshops.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Workshops.IntegrationTests.Features.Languages;

/// <summary>
/// The whole site in one language, for every role and with every form's messages, on a site of its own (the walk's
/// empty posts change the demo): no text is asked for that the language lacks (it would show in English), every page
/// says its language, and none fails.
/// </summary>
public abstract class TranslatedSiteTests(AppFactory app, ITestOutputHelper output, string language)
{
    [Fact]
    public async Task Every_page_has_all_its_texts()
    {
        var (member, everything) = await DemoWalk.PrepareAsync(app);
        var missing = new ConcurrentDictionary<string, byte>();
        void Note(string key, string culture)
        {
            if (culture == language) missing.TryAdd(key, 0);
        }
        Tr.Missing += Note;
        List<(string Where, int Status, string Html)> read;
        try
        {
            read = await DemoWalk.ReadAsync(app, language, member, everything);
        }
        finally
        {
            Tr.Missing -= Note;
        }
        output.WriteLine($"{language}: {read.Count} pages, {missing.Count} texts missing");
        Assert.True(read.Count > 150, $"only {read.Count} pages were read in {language}");
        var failed = read.Where(r => r.Status >= 500).Select(r => $"{r.Where}: {r.Status}").ToList();
        Assert.True(failed.Count == 0, $"in {language}: " + string.Join("\n", failed));
        var otherLanguage = read.Where(r => !r.Html.Contains($"<html lang=\"{language}\">", StringComparison.Ordinal)).Select(r => r.Where).ToList();
        Assert.True(otherLanguage.Count == 0, $"not in {language}: " + string.Join("\n", otherLanguage));
        Assert.True(missing.IsEmpty, $"{language} lacks: " + string.Join(" | ", missing.Keys.Take(40)));
    }
}

public sealed class SpanishSiteTests(AppFactory app, ITestOutputHelper output) : TranslatedSiteTests(app, output, "es"), IClassFixture<AppFactory>;

public sealed class FrenchSiteTests(AppFactory app, ITestOutputHelper output) : TranslatedSiteTests(app, output, "fr"), IClassFixture<AppFactory>;

public sealed class PortugueseSiteTests(AppFactory app, ITestOutputHelper output) : TranslatedSiteTests(app, output, "pt"), IClassFixture<AppFactory>;
