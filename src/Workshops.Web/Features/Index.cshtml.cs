using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Web.Infrastructure;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.WorkshopPages;

namespace Workshops.Web.Features;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(WorkshopQueries queries, Core.Data.AppDbContext db, Shared.YourStatus your, TimeProvider clock, HomePage home,
    News.NewsItems news, Core.SiteAddress address, Microsoft.Extensions.Options.IOptions<Core.SiteOptions> site) : PageModel
{
    public IReadOnlyList<Workshop> Upcoming { get; private set; } = [];
    public IReadOnlyList<Workshop> Past { get; private set; } = [];
    /// <summary>The upcoming workshops' registration settings, to say whether registration is open.</summary>
    public IReadOnlyDictionary<Guid, Core.Domain.Registrations.RegistrationSetup> Registration { get; private set; } =
        new Dictionary<Guid, Core.Domain.Registrations.RegistrationSetup>();
    /// <summary>The signed-in person's registrations for them.</summary>
    public IReadOnlyDictionary<Guid, Shared.YourRegistration> Yours { get; private set; } = new Dictionary<Guid, Shared.YourRegistration>();
    public DateTimeOffset Now { get; private set; }
    /// <summary>The About page, whose opening tells the community's story here; null until organisers write one.</summary>
    public Core.Domain.Community.Pages.SitePage? About { get; private set; }
    public IReadOnlyList<Core.Domain.Proposals.Call> OpenCalls { get; private set; } = [];
    public IReadOnlyList<News.NewsItem> LatestNews { get; private set; } = [];
    public int Installations { get; private set; }
    public IReadOnlyList<(Core.Domain.Community.InstallationStatus Status, int Count)> ByStatus { get; private set; } = [];
    public IReadOnlyList<Community.MapRow> MapRows { get; private set; } = [];
    public IReadOnlyList<(string Name, string Address)> Links { get; private set; } = [];
    public string SiteName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        (Upcoming, Past) = await queries.HomeAsync(ct);
        var ids = Upcoming.Select(w => w.Id).ToList();
        Registration = await db.RegistrationSetups.AsNoTracking().Where(s => ids.Contains(s.WorkshopId)).ToDictionaryAsync(s => s.WorkshopId, ct);
        Yours = await your.RegistrationsAsync(User.Id(), ids, ct);
        About = await home.AboutAsync(ct);
        OpenCalls = await home.OpenCallsAsync(Now, ct);
        LatestNews = (await news.PageAsync(1, 3, address.Origin, ct)).Items;
        var installations = await home.InstallationsAsync(ct);
        Installations = installations.Count;
        ByStatus = Community.CommunityMap.ByStatus(installations);
        MapRows = Community.CommunityMap.Rows(installations);
        Links = site.Value.Links.All.ToList();
        SiteName = site.Value.Name;
    }
}
