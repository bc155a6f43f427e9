using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Community;

/// <summary>The community's registry: every portal with its status, filtered by status, country and module, and counted by status.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    /// <summary>All of them, for the counts and the filters' choices.</summary>
    public IReadOnlyList<Installation> All { get; private set; } = [];
    /// <summary>The ones the filters keep.</summary>
    public IReadOnlyList<Installation> Shown { get; private set; } = [];
    public InstallationStatus? Status { get; private set; }
    public string? Country { get; private set; }
    public string? Module { get; private set; }

    public async Task OnGetAsync(string? status, string? country, string? module, CancellationToken ct)
    {
        // A filter that names nothing known is no filter: a hand-edited address still shows the registry.
        Status = Enum.TryParse<InstallationStatus>(status, out var s) && Enum.IsDefined(s) ? s : null;
        Country = Countries.IsCode(country) ? country : null;
        Module = string.IsNullOrWhiteSpace(module) ? null : module.Trim();
        All = (await db.Installations.AsNoTracking().ToListAsync(ct))
            .OrderBy(i => i.Status).ThenBy(i => i.Place, StringComparer.CurrentCulture).ThenBy(i => i.Name, StringComparer.CurrentCulture).ToList();
        ByStatus = CommunityMap.ByStatus(All);
        MapRows = CommunityMap.Rows(All);
        Shown = All.Where(i => (Status is null || i.Status == Status) && (Country is null || i.Country == Country)
            && (Module is null || i.Modules.Any(m => m.Name.Equals(Module, StringComparison.OrdinalIgnoreCase)))).ToList();
    }

    public IReadOnlyList<(InstallationStatus Status, int Count)> ByStatus { get; private set; } = [];

    public IReadOnlyList<string> CountryFilter => All.Where(i => i.Country is not null).Select(i => i.Country!).Distinct()
        .OrderBy(c => Countries.Name(c), StringComparer.CurrentCulture).ToList();

    public IReadOnlyList<string> ModuleNames => All.SelectMany(i => i.Modules.Select(m => m.Name))
        .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.First()).ToList();

    /// <summary>Every country with an installation, for the map and its table; the filters do not change them.</summary>
    public IReadOnlyList<MapRow> MapRows { get; private set; } = [];

    public bool Filtered => Status is not null || Country is not null || Module is not null;
}
