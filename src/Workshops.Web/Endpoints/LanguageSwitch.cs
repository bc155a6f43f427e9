using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workshops.Core.Domain.Accounts;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints;

/// <summary>
/// The header's language switcher posts here: the choice is kept in a cookie, and in the account of someone signed
/// in (their emails follow it), then the same page comes back in the new language.
/// </summary>
public static class LanguageSwitch
{
    public const string Path = "/language";

    public static void MapLanguageSwitch(this WebApplication app) =>
        // No antiforgery token: the form sits on pages cached for every visitor, and a forged post could only change
        // someone's language, which they change back in one click.
        app.MapPost(Path, async (HttpContext http, IOptions<LanguageOptions> languages, UserManager<AppUser> users) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            var code = form?["lang"].ToString();
            if (!languages.Value.Speaks(code))
                return Results.Text(Tr.T("Choose one of the site's languages: {0}.", string.Join(", ", languages.Value.Codes.Select(LanguageOptions.NativeName))),
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            Languages.Remember(http.Response, code!);
            if (http.User.Id() is { } id && await users.FindByIdAsync(id) is { } user && user.Language != code)
            {
                user.Language = code;
                await users.UpdateAsync(user);
            }
            var back = form?["return"].ToString();
            return Results.Redirect(RedirectHttpResult.IsLocalUrl(back) ? back! : "/");
        }).DisableAntiforgery();
}
