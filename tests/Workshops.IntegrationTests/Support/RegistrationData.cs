using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.IntegrationTests.Support;

/// <summary>Registration settings and registrations written straight to the database, for tests about what comes after.</summary>
public static class RegistrationData
{
    /// <summary>Registration for the workshop, open since yesterday for a month unless <paramref name="open"/> is false (closed yesterday).</summary>
    public static async Task<RegistrationSetup> AddRegistrationAsync(this AppFactory app, Workshop workshop, RegistrationMode mode = RegistrationMode.Approval,
        bool open = true, int? totalSeats = null, bool autoPromote = true, DateTime? closesLocal = null)
    {
        var zone = Core.Time.WorkshopTime.Zone(workshop.TimeZoneId);
        var today = Core.Time.WorkshopTime.ToLocal(DateTimeOffset.UtcNow, zone).DateTime;
        var setup = RegistrationSetup.For(workshop,
            new RegistrationSetupDetails(open ? today.AddDays(-1) : today.AddDays(-30), closesLocal ?? (open ? today.AddDays(30) : today.AddDays(-1)), mode, totalSeats, autoPromote,
                new DateOnly(workshop.Year, 1, 31), "We keep your data for the workshop only."),
            [
                new RegistrationQuestionDetails(null, "Which modules do you run?", QuestionKind.MultipleChoice, "Biocache\nSpatial portal\nCollectory", true),
                new RegistrationQuestionDetails(null, "Do you need a visa letter?", QuestionKind.YesNo, null, false),
            ],
            DateTimeOffset.UtcNow);
        await app.WithDb(async db =>
        {
            db.RegistrationSetups.Add(setup);
            return await db.SaveChangesAsync();
        });
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeatLedger>().EnsureCountersAsync(workshop.Id, default);
        return setup;
    }

    public static Dictionary<string, string> RegistrationFields(RegistrationSetup setup, Workshop workshop, AppUser user, string track = "Developers") => new()
    {
        ["Input.Name"] = user.DisplayName,
        ["Input.Email"] = user.Email!,
        ["Input.Institution"] = "SiB Colombia",
        ["Input.Country"] = "Colombia",
        ["Input.Role"] = "Developer",
        ["Input.TrackId"] = workshop.Tracks.Single(t => t.Name == track).Id.ToString(),
        ["Input.AcceptsPrivacy"] = "true",
        [$"Input.Answers[{setup.Questions[0].Id}]"] = "Biocache",
    };

    public static Task<int> SeatsTakenAsync(this AppFactory app, Workshop workshop, string scope) => app.WithDb(async db =>
        (await db.SeatCounters.FindAsync(workshop.Id, scope))?.Taken ?? -1);
}
