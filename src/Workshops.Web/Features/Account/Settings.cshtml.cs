using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>
/// The person's home on the site: who they are (name, institution and country, which fill their forms in), what they
/// have going on, their sign-in and security, and the emails they want.
/// </summary>
[Authorize]
public sealed class SettingsModel(AppDbContext db, Subscriptions subscriptions, AccountDesk desk, UserManager<AppUser> users, AppSignInManager signIn,
    Microsoft.Extensions.Options.IOptions<Core.Localization.LanguageOptions> languages) : PageModel
{
    public string Email { get; private set; } = "";
    public bool TwoFactor { get; private set; }
    public int Registrations { get; private set; }
    public int Proposals { get; private set; }
    [BindProperty] public bool Subscribed { get; set; }
    [BindProperty] public ProfileForm Profile { get; set; } = new();
    [BindProperty] public string? Language { get; set; }
    public IReadOnlyList<string> Languages => languages.Value.Codes;

    public sealed class ProfileForm
    {
        public string? DisplayName { get; set; }
        public string? Institution { get; set; }
        public string? Country { get; set; }
        /// <summary>The account's concurrency stamp when the form was drawn.</summary>
        public string? Stamp { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(fillForms: true, ct)) return Challenge();
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        var details = new ProfileDetails(Profile.DisplayName, Profile.Institution, Profile.Country);
        // Every problem at once, each beside its field.
        foreach (var (field, message) in details.Problems()) ModelState.AddModelError($"Profile.{field}", message);
        if (ModelState.ErrorCount == 0)
        {
            var saved = await desk.SaveProfileAsync(UserId, details, Profile.Stamp);
            if (saved.Succeeded)
            {
                // The header shows the name from the sign-in cookie: renew it so the new name shows at once.
                if (await users.FindByIdAsync(UserId) is { } user) await signIn.RefreshSignInAsync(user);
                TempData[Flash.Key] = Tr.T("Your profile is saved. New registration forms start from it.");
                return RedirectToPage();
            }
            ModelState.AddModelError(saved.Field is null ? "" : $"Profile.{saved.Field}", saved.Error!);
            Response.StatusCode = saved.RefusedStatus;
        }
        else Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(fillForms: false, ct);
        if (Response.StatusCode == StatusCodes.Status409Conflict) Profile.Stamp = (await users.FindByIdAsync(UserId))?.ConcurrencyStamp;
        return Page();
    }

    /// <summary>The language of the site and of every email to the person; this browser switches to it at once.</summary>
    public async Task<IActionResult> OnPostLanguageAsync(CancellationToken ct)
    {
        if (!languages.Value.Speaks(Language))
        {
            ModelState.AddModelError(nameof(Language), Tr.T("Choose one of the languages in the list."));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(fillForms: true, ct);
            return Page();
        }
        var user = await users.FindByIdAsync(UserId);
        if (user is null) return Challenge();
        user.Language = Language;
        await users.UpdateAsync(user);
        Infrastructure.Languages.Remember(Response, Language!);
        // Written in the chosen language, which the next page is in.
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(Language!);
        TempData[Flash.Key] = Tr.T("The site and your emails are now in {0}.", Core.Localization.LanguageOptions.NativeName(Language!));
        System.Globalization.CultureInfo.CurrentUICulture = previous;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await subscriptions.SetAsync(UserId, Subscribed, ct);
        TempData[Flash.Key] = Subscribed
            ? Tr.T("You will receive the community's announcements.")
            : Tr.T("You will receive no more announcements. Emails about your own registrations and proposals still arrive.");
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(bool fillForms, CancellationToken ct)
    {
        var me = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == UserId, ct);
        if (me is null) return false;
        (Email, TwoFactor) = (me.Email ?? "", me.TwoFactorEnabled);
        Language ??= languages.Value.Speaks(me.Language) ? me.Language : Tr.Language;
        if (fillForms)
        {
            Subscribed = me.SubscribedToAnnouncements;
            Profile = new ProfileForm { DisplayName = me.DisplayName, Institution = me.Institution, Country = me.Country, Stamp = me.ConcurrencyStamp };
        }
        else Subscribed = me.SubscribedToAnnouncements;
        Registrations = await db.Registrations.CountAsync(r => r.UserId == UserId && r.Status != Core.Domain.Registrations.RegistrationStatus.Cancelled, ct);
        Proposals = await db.Proposals.CountAsync(p => p.ProposerId == UserId, ct);
        return true;
    }

    private string UserId => User.Id()!;
}
