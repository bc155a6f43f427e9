using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Workshops.EndToEndTests.Support;

public static class Accessibility
{
    /// <summary>Runs axe on the page as it stands and fails with every violation and where it is.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe really looked at the page
        var problems = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => $"{n.Target}: {n.Html}")));
        Assert.True(result.Violations.Length == 0, $"axe found on {page.Url}:\n" + string.Join("\n", problems));
    }
}
