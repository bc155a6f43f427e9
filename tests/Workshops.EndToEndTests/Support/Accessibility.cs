using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Workshops.EndToEndTests.Support;

public static class Accessibility
{
    /// <summary>Runs axe on the page as it stands and fails with every violation and where it is.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        // Email previews sit in sandboxed iframes (no scripts), where axe cannot run and would wait for an answer
        // forever; they show the email, not the site. The bound turns any other hang into a failure.
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions { Iframes = false }).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.NotEmpty(result.Passes); // axe really looked at the page
        var problems = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => $"{n.Target}: {n.Html}")));
        Assert.True(result.Violations.Length == 0, $"axe found on {page.Url}:\n" + string.Join("\n", problems));
    }
}
