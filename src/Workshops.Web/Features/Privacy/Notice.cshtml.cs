using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Privacy;

namespace Workshops.Web.Features.Privacy;

/// <summary>The site's privacy notice, in the reader's language, with the controller and the periods admins set.</summary>
public sealed class NoticeModel(PrivacySettingsStore store) : PageModel
{
    public PrivacySettings Settings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Settings = await store.GetAsync(ct);
}
