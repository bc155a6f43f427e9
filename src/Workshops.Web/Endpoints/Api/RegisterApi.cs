using System.ComponentModel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Security;
using Workshops.Web.Features.Registrations;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

/// <summary>
/// A registration as the registration form takes it. It always goes to the token owner's own confirmed email address;
/// what is left out comes from their profile, as the form is filled in.
/// </summary>
public sealed record NewRegistration(
    [property: Description("The name on the badge; the account's name when left out.")] string? Name,
    [property: Description("The account's institution when left out.")] string? Institution,
    [property: Description("ISO 3166-1 alpha-2 code; the account's country when left out.")] string? Country,
    string? Role,
    [property: Description("One of the workshop's tracks, by its id.")] Guid? TrackId,
    [property: Description("Must be true: registering means accepting the workshop's privacy notice.")] bool? AcceptsPrivacy,
    [property: Description("Shown on the public list of participants.")] bool? ListPublicly,
    bool? PhotosAllowed,
    [property: Description("Asks for a letter of invitation, for a visa.")] bool? WantsLetter,
    string? PassportNationality,
    [property: Description("Answers to the organisers' questions, keyed by the question's id: one value, or several for MultipleChoice.")]
    IReadOnlyDictionary<Guid, IReadOnlyList<string>>? Answers);

public static class RegisterApi
{
    public static void MapRegisterApi(this RouteGroupBuilder api) =>
        api.MapPost("/workshops/{slug}/registrations", RegisterAsync).WithName("Register").WithTags("Registrations")
            .WithSummary("Register for a workshop")
            .WithDescription("Registers the token's owner as the registration form does: the same checks, the same seat rules (first come: a seat while one is left, else the waiting list; never a seat beyond the track's), the same receipt. Registration closed, a missing answer or an unaccepted privacy notice is refused with 422 and nothing is kept; a second registration for the same workshop is 409.")
            .RequireToken(ApiScopes.RegistrationsOwn).RequireRateLimiting(RateLimitOptions.Register)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<MyRegistration>, ValidationProblem, ProblemHttpResult>> RegisterAsync(string slug, NewRegistration input,
        HttpContext http, AppDbContext db, UserManager<AppUser> users, RegistrationDesk desk, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().Include(w => w.Tracks).FirstOrDefaultAsync(w => w.Slug == slug && w.Status == WorkshopStatus.Published, ct);
        var setup = workshop is null ? null : await db.RegistrationSetups.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == workshop.Id, ct);
        if (workshop is null || setup is null) return ApiProblems.NotFound(Tr.T("This workshop takes no registrations."));
        // As on the form: the receipt and the private link go to the account's own confirmed address, never to one sent in.
        var me = await users.FindByIdAsync(http.User.Id()!);
        if (me?.Email is null || !me.EmailConfirmed)
            return TypedResults.Problem(Tr.T("Confirm your email address before registering."), statusCode: StatusCodes.Status403Forbidden, title: Tr.T("Refused"));
        var form = RegistrationForm.For(me);
        form.Name = input.Name ?? form.Name;
        form.Institution = input.Institution ?? form.Institution;
        form.Country = input.Country ?? form.Country;
        form.Role = input.Role;
        form.TrackId = input.TrackId;
        form.AcceptsPrivacy = input.AcceptsPrivacy ?? false;
        form.ListPublicly = input.ListPublicly ?? false;
        form.PhotosAllowed = input.PhotosAllowed ?? false;
        form.WantsLetter = input.WantsLetter ?? false;
        form.PassportNationality = input.PassportNationality;
        form.Answers = input.Answers?.ToDictionary(a => a.Key, a => a.Value.ToList()) ?? [];
        var (mine, emailTaken) = await desk.ExistingAsync(workshop.Id, me.Id, form.Email, ct);
        if (mine is not null) return ApiProblems.Conflict(Tr.T("You are registered for this workshop already; your registration is at {0}.", http.Request.AbsoluteUrl($"/registrations/{mine}")));
        if (ApiProblems.Check(form) is { } invalid) return invalid;
        var result = await desk.RegisterAsync(workshop, setup, me.Id, form, emailTaken, ct);
        if (!result.Succeeded) return ApiProblems.Refused(result);
        var registration = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == result.Id, ct);
        return TypedResults.Created(http.Request.AbsoluteUrl($"/registrations/{registration.Id}"),
            new MyRegistration(registration.Id, workshop.Slug, workshop.Title, workshop.Tracks.FirstOrDefault(t => t.Id == registration.TrackId)?.Name,
                registration.Status, registration.CreatedAt, http.Request.AbsoluteUrl($"/registrations/{registration.Id}")));
    }
}
