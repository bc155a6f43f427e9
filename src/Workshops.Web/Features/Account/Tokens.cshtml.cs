using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>A person's API tokens: made here with a name, scopes, workshops and an expiry; shown once; revoked here.</summary>
[Authorize]
[EnableRateLimiting(RateLimitOptions.ApiTokens)]
public sealed class TokensModel(AppDbContext db, ApiTokenDesk desk, TimeProvider clock) : PageModel
{
    public sealed class TokenInput
    {
        public string? Name { get; set; }
        public List<string> Scopes { get; set; } = [];
        public List<Guid> WorkshopIds { get; set; } = [];
        public DateOnly? ExpiresOn { get; set; }
    }

    [BindProperty] public TokenInput Input { get; set; } = new();

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    /// <summary>The scopes this person's roles allow.</summary>
    public IReadOnlyList<string> Scopes { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> Workshops { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> WorkshopNames { get; private set; } = new Dictionary<Guid, string>();
    public DateTimeOffset Now { get; private set; }
    /// <summary>The secret of the token just made: shown in this answer only, never stored.</summary>
    public string? NewSecret { get; private set; }

    private const string SecretItem = "workshops.new-token";

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Read once: the next visit no longer has it.
        NewSecret = TempData[SecretItem] as string;
        if (NewSecret is not null) Response.Headers.CacheControl = "no-store";
        Input.ExpiresOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(90);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await desk.CreateAsync(User.Id()!, new ApiTokenRequest(Input.Name, Input.Scopes, Input.WorkshopIds, Input.ExpiresOn), ct);
        if (!result.Succeeded)
        {
            await LoadAsync(ct);
            // Workshops are offered only with organising scopes; otherwise their refusal is said above the form.
            result.ShowIn(ModelState, f => f is null || f == "WorkshopIds" && Workshops.Count == 0 ? "" : $"Input.{f}");
            Response.StatusCode = result.RefusedStatus;
            return Page();
        }
        // Carried to the next page in the encrypted, one-read message cookie, so reloading the page never makes a second token.
        TempData[SecretItem] = result.Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await desk.RevokeAsync(User.Id()!, id, ct);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            ModelState.AddModelError("", result.Error!);
            await LoadAsync(ct);
            return Page();
        }
        TempData[Flash.Key] = Tr.T("The token is revoked: programs using it are refused from now on.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var userId = User.Id()!;
        var roles = new[] { Roles.Admin, Roles.Organiser, Roles.Reviewer, Roles.Member }.Where(User.IsInRole).ToList();
        Scopes = ApiScopes.All.Where(s => ApiScopes.Allowed(s, roles)).ToList();
        Tokens = (await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct))
            .OrderBy(t => t.IsActive(Now) ? 0 : 1).ThenByDescending(t => t.CreatedAt).ToList();
        var all = await db.Workshops.AsNoTracking().ToListAsync(ct);
        WorkshopNames = all.ToDictionary(w => w.Id, w => (string)w.Title);
        Workshops = Scopes.Any(ApiScopes.Organising.Contains)
            ? all.OrderByDescending(w => w.StartsAt).Select(w => (w.Id, (string)w.Title)).ToList()
            : [];
    }

    public string Status(ApiToken t) => t.RevokedAt is { } revoked ? Tr.T("Revoked on {0}", Formats.ShortDate(revoked))
        : t.ExpiresAt <= Now ? Tr.T("Expired on {0}", Formats.ShortDate(t.ExpiresAt)) : Tr.T("Stops working on {0}", Formats.ShortDate(t.ExpiresAt));
}
