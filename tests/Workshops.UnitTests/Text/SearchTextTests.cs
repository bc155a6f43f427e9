using Workshops.Core.Text;

namespace Workshops.UnitTests.Text;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Ελένη", "ελενη")]
    [InlineData("ΕΛΈΝΗ", "ελενη")]
    [InlineData("Conceição", "conceicao")]
    [InlineData("  José Ramírez ", "jose ramirez")]
    [InlineData("Łukasz", "łukasz")]
    [InlineData(null, "")]
    public void Names_fold_to_one_form_whatever_their_accents_and_case(string? name, string folded) => Assert.Equal(folded, SearchText.Fold(name));
}
