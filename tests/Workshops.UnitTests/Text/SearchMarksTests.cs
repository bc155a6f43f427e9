using Workshops.Core.Domain.Archive;

namespace Workshops.UnitTests.Text;

public class SearchMarksTests
{
    private static string Shown(string? marked) => (marked ?? "").Replace(Highlight.Open, '[').Replace(Highlight.Close, ']');

    [Fact]
    public void Marks_words_that_begin_with_a_searched_word_whatever_their_case_and_accents()
    {
        var marks = new SearchMarks(["jardin", "bio"]);
        Assert.Equal("Real [Jardín] Botánico: [biodiversity], [BIOCACHE] and symbiosis", Shown(marks.Mark("Real Jardín Botánico: biodiversity, BIOCACHE and symbiosis")));
    }

    [Fact]
    public void Searched_words_with_accents_match_words_without_them()
    {
        var marks = new SearchMarks(["ação"]);
        Assert.Equal("Plano de [acao] e [Ação]", Shown(marks.Mark("Plano de acao e Ação")));
    }

    [Fact]
    public void A_long_text_is_cut_to_the_passage_holding_the_most_searched_words()
    {
        var words = Enumerable.Range(0, 200).Select(i => $"w{i}").ToArray();
        words[50] = "kakapo";
        words[120] = "kakapo";
        words[124] = "numbat";
        var snippet = Shown(new SearchMarks(["kakapo", "numbat"]).Snippet(string.Join(' ', words)));
        Assert.StartsWith("…w117 w118 w119 [kakapo]", snippet);
        Assert.Contains("[numbat]", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Equal(SearchMarks.SnippetWords, snippet.Trim('…').Split(' ').Length);
    }

    [Fact]
    public void A_text_without_the_words_shows_its_beginning_and_line_breaks_become_spaces()
    {
        var text = "First line\nsecond line\n" + string.Join(' ', Enumerable.Repeat("more", 40));
        var snippet = Shown(new SearchMarks(["absent"]).Snippet(text));
        Assert.StartsWith("First line second line more", snippet);
        Assert.EndsWith("more…", snippet);
    }

    [Fact]
    public void A_short_text_is_shown_whole()
    {
        Assert.Equal("Only [saola] here.", Shown(new SearchMarks(["saola"]).Snippet("Only saola here.")));
        Assert.Null(new SearchMarks(["saola"]).Snippet(null));
    }
}
