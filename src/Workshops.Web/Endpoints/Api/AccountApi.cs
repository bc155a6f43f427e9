using System.ComponentModel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Registrations;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

public sealed record MyRegistration(Guid Id, string Workshop, string WorkshopTitle, string? Track, RegistrationStatus Status, DateTimeOffset RegisteredAt,
    [property: Description("The registration's page.")] string Url);

/// <summary>The token's owner: who they are and their registrations.</summary>
public sealed record MeAnswer(string Name, string Email, IReadOnlyList<string> Roles, [property: Description("What this token may do.")] IReadOnlyList<string> Scopes,
    IReadOnlyList<MyRegistration> Registrations);

public static class AccountApi
{
    public static void MapAccountApi(this RouteGroupBuilder api) =>
        api.MapGet("/me", MeAsync).WithName("GetMe").WithTags("Account")
            .WithSummary("The token's owner").WithDescription("The account a token belongs to, with its registrations.")
            .RequireToken(ApiScopes.AccountRead);

    private static async Task<Ok<MeAnswer>> MeAsync(HttpContext http, AppDbContext db, UserManager<AppUser> users, CancellationToken ct)
    {
        var id = http.User.Id()!;
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == id, ct);
        var rows = await (from r in db.Registrations.AsNoTracking()
                          join w in db.Workshops.AsNoTracking().Include(w => w.Tracks) on r.WorkshopId equals w.Id
                          where r.UserId == id
                          orderby r.CreatedAt descending
                          select new { r, w }).ToListAsync(ct);
        return TypedResults.Ok(new MeAnswer(user.DisplayName, user.Email ?? "", http.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).Order().ToList(),
            http.User.FindAll(ApiTokenAuthentication.ScopeClaim).Select(c => c.Value).ToList(),
            rows.Select(x => new MyRegistration(x.r.Id, x.w.Slug, x.w.Title, x.w.Tracks.FirstOrDefault(t => t.Id == x.r.TrackId)?.Name, x.r.Status, x.r.CreatedAt,
                http.Request.AbsoluteUrl($"/registrations/{x.r.Id}"))).ToList()));
    }
}
