using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community;
using Workshops.Core.Domain.Community.Pages;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Localization;
using Workshops.Web.Features.Calls;
using Workshops.Web.Features.Community;

namespace Workshops.Web.Features;

/// <summary>What the home page gathers beside the workshops: the community's story, open calls, the registry's counts and map.</summary>
public sealed partial class HomePage(AppDbContext db)
{
    public async Task<SitePage?> AboutAsync(CancellationToken ct) =>
        await db.SitePages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == SitePage.AboutSlug, ct);

    public async Task<IReadOnlyList<Call>> OpenCallsAsync(DateTimeOffset now, CancellationToken ct) =>
        (await PublicCalls.Of(db).AsNoTracking().ToListAsync(ct)).Where(c => c.IsOpen(now)).OrderBy(c => c.ClosesAt).ToList();

    public async Task<IReadOnlyList<Installation>> InstallationsAsync(CancellationToken ct) =>
        await db.Installations.AsNoTracking().ToListAsync(ct);

    /// <summary>
    /// The opening of a page without its own headings, up to its next section: the About page's first paragraphs tell
    /// the story on the home page, under the site's name, and the rest stays on /about.
    /// </summary>
    public static (string Lead, bool More) Lead(string markdown)
    {
        var text = LeadingHeadings().Replace(markdown, "");
        var next = Heading().Match(text);
        return next.Success ? (text[..next.Index].Trim(), true) : (text.Trim(), false);
    }

    [GeneratedRegex(@"\A(?:\s*#{1,6}\s[^\n]*(?:\n|\z))+")]
    private static partial Regex LeadingHeadings();

    [GeneratedRegex(@"^#{1,6}\s.*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
