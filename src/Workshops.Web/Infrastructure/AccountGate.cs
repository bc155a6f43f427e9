using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Security;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Runs after authentication on every request: a person whose account an admin just disabled is told so instead of
/// silently finding themself signed out; and where Security:RequireTwoFactorForStaff is on, an admin or organiser
/// without two-factor sign-in can open nothing but its setup (and sign out) until it is done.
/// </summary>
public static class AccountGate
{
    private static readonly string[] OpenDuringSetup = ["/account/two-factor", "/account/signout", "/account/disabled", "/error"];

    public static IApplicationBuilder UseAccountGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Items.ContainsKey(AccountVersionValidator.DisabledItem) && !context.Request.Path.StartsWithSegments("/account/disabled"))
        {
            context.Response.Redirect("/account/disabled");
            return;
        }
        if (context.User.Identity?.IsAuthenticated == true
            && (context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.Organiser))
            && context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireTwoFactorForStaff
            && !OpenDuringSetup.Any(p => context.Request.Path.StartsWithSegments(p))
            && !context.User.HasClaim(c => c.Type == "amr" && c.Value == "mfa"))
        {
            var id = context.User.Id();
            var db = context.RequestServices.GetRequiredService<AppDbContext>();
            if (!await db.Users.AnyAsync(u => u.Id == id && u.TwoFactorEnabled, context.RequestAborted))
            {
                context.Response.Redirect("/account/two-factor?required=1");
                return;
            }
        }
        await next(context);
    });
}
