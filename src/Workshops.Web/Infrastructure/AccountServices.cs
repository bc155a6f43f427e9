using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Workshops.Web.Features.Account;

namespace Workshops.Web.Infrastructure;

public static class AccountServices
{
    public const string AdminPolicy = "Admin";
    public const string OrganisePolicy = "Organise";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // Length is the rule (NIST SP 800-63B); the common-password validator below does the rest.
                o.Password.RequiredLength = CommonPasswordValidator.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                // The user name is the email address, already checked as one: Identity's default characters refuse
                // addresses such as o'brien@ or josé@, which would fail half-way through changing an address.
                o.User.AllowedUserNameCharacters = "";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<VersionedClaimsFactory>()
            // Identity's messages in the site's words, in the reader's language.
            .AddErrorDescriber<IdentityErrors>();
        // One validator gives one clear message, instead of Identity's and ours saying the same thing twice.
        services.RemoveAll<IPasswordValidator<AppUser>>();
        services.AddScoped<IPasswordValidator<AppUser>, CommonPasswordValidator>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        // A role given or a lock set by an admin applies on the person's next page: see AccountVersionValidator.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, AccountVersionValidator>());
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "workshops.auth";
            o.Cookie.HttpOnly = true;
            o.SlidingExpiration = true;
        });
        services.AddSingleton<SessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>, SessionStore>((cookie, security, store) =>
            {
                cookie.ExpireTimeSpan = TimeSpan.FromDays(security.Value.SessionSlidingDays);
                cookie.SessionStore = store;
            });
        services.AddDataProtection().SetApplicationName("Workshops").PersistKeysToDbContext<AppDbContext>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(OrganisePolicy, p => p.RequireRole(Roles.Organiser, Roles.Admin));
        services.AddScoped<AccountDesk>();
        services.AddScoped<ApiTokenDesk>();
        // Admins manage accounts (roles, disabling, two-factor resets) through the same area.
        services.AddScoped<Features.Admin.UserDesk>();
        services.AddScoped<AccountEmails>();
        // A person's copy of their data, and the deletion of their account (issue 25).
        services.AddScoped<Core.Privacy.PersonalRecord>();
        services.AddScoped<Core.Privacy.AccountEraser>();
        services.AddScoped<Core.Jobs.ExportPersonalDataJob>();
        services.AddScoped<Features.Account.AccountDeletion>();
        return services;
    }
}
