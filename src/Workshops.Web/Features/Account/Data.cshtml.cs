using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Jobs;
using Workshops.Core.Privacy;
using Workshops.Core.Security;
using Workshops.Core.Storage;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>
/// A person asks for a copy of everything held about them; a job builds it while this page shows how far it got, and
/// they download it here, signed in, until it expires. Each step is in their security log.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimitOptions.AccountEmail)]
public sealed class DataModel(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, IBackgroundJobClient jobs, IFileStore files,
    SecurityLog log, TimeProvider clock) : PageModel
{
    /// <summary>How long a copy stays to download: long enough for the email to be read, short enough not to linger.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    /// <summary>At most this many copies a day: each reads the whole account, and one is what a person needs.</summary>
    public const int PerDay = 3;

    /// <summary>Asked again: the copy holds everything, and a borrowed browser must not take it.</summary>
    [BindProperty] public string? Password { get; set; }

    public DataExport? Latest { get; private set; }
    public bool Running { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        Latest = await db.DataExports.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.CreatedAt).FirstOrDefaultAsync(ct);
        Running = Latest?.IsActive(clock.GetUtcNow()) == true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var now = clock.GetUtcNow();
        var recent = await db.DataExports.Where(e => e.UserId == userId && e.CreatedAt > now.AddDays(-1)).ToListAsync(ct);
        if (recent.Any(e => e.IsActive(now)))
        {
            TempData[Flash.Key] = Tr.T("Your copy is being prepared; this page shows when it is ready.");
            return RedirectToPage();
        }
        if (recent.Count >= PerDay)
        {
            ModelState.AddModelError("", Tr.N(PerDay, "You asked for {0} copy of your data today. Ask again tomorrow.", "You asked for {0} copies of your data today. Ask again tomorrow.", PerDay));
            await OnGetAsync(ct);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (await PasswordAgain.ProblemAsync(signIn, user!, Password) is { } wrong)
        {
            ModelState.AddModelError(nameof(Password), wrong);
            await OnGetAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var export = DataExport.Ask(userId, now, KeptFor);
        db.DataExports.Add(export);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<ExportPersonalDataJob>(j => j.Run(export.Id, CancellationToken.None));
        await log.RecordAsync(SecurityEventKind.PersonalDataRequested, user!);
        TempData[Flash.Key] = Tr.T("We are preparing your data. This page shows the progress, and we email you when it is ready.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        // Another person's copy, an expired one or one not ready: all look the same from outside.
        var export = await db.DataExports.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.UserId == userId, ct);
        if (export is null || !export.IsReady(clock.GetUtcNow()) || files.OpenRead(export.FileHash!) is not { } stream) return NotFound();
        var user = await users.GetUserAsync(User);
        await log.RecordAsync(SecurityEventKind.PersonalDataExported, user!, detail: "downloaded");
        Response.Headers.CacheControl = "no-store";
        return File(stream, "application/zip", $"my-data-{export.CreatedAt.UtcDateTime:yyyy-MM-dd}.zip");
    }
}
