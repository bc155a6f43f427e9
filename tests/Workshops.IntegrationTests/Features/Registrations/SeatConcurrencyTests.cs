using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;
using Workshops.Web.Features.Registrations;

namespace Workshops.IntegrationTests.Features.Registrations;

/// <summary>
/// Everyone arrives at once when registration opens. Hundreds of registrations (first come) and admissions (approval)
/// race for a handful of seats; exactly the seats are filled, in each track and in the total, with no error.
/// </summary>
public sealed class SeatConcurrencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Attempts = 200;

    private async Task<Workshop> SmallWorkshopAsync()
    {
        var starts = DateTime.UtcNow.Date.AddDays(60).AddHours(9);
        var workshop = new AWorkshop
        {
            Title = "Small room", Slug = $"small-{Guid.NewGuid():N}"[..20], Starts = starts, Days = 3, Zone = "UTC",
            Tracks = [AWorkshop.Track("Developers", 5), AWorkshop.Track("Managers", 5)],
        }.Build();
        return await app.WithDb(async db =>
        {
            db.Workshops.Add(workshop);
            await db.SaveChangesAsync();
            return workshop;
        });
    }

    /// <summary>A scope that looks like a request, so the desk can make the links it emails.</summary>
    private AsyncServiceScope RequestScope()
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider, Request = { Scheme = "https", Host = new HostString("workshops.test") } };
        return scope;
    }

    private static RegistrationForm Form(RegistrationSetup setup, Workshop workshop, int i) => new()
    {
        Name = $"Participant {i}",
        Email = $"p{i}-{Guid.NewGuid():N}@example.org",
        Institution = "Node",
        Country = "Chile",
        TrackId = workshop.Tracks[i % 2].Id,
        AcceptsPrivacy = true,
        Answers = new() { [setup.Questions[0].Id] = ["Biocache"] },
    };

    [Fact]
    public async Task First_come_registrations_fill_exactly_the_seats_and_waitlist_the_rest()
    {
        for (var round = 0; round < 3; round++)
        {
            var workshop = await SmallWorkshopAsync();
            var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome, totalSeats: 8);

            var results = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(i => Task.Run(async () =>
            {
                await using var scope = RequestScope();
                return await scope.ServiceProvider.GetRequiredService<RegistrationDesk>()
                    .RegisterAsync(workshop, setup, $"user-{i}", Form(setup, workshop, i), emailTaken: false, default);
            })));

            Assert.All(results, r => Assert.Null(r.Error));
            await AssertSeatsAsync(workshop, admitted: 8, others: Attempts - 8, RegistrationStatus.Waitlisted);
        }
    }

    [Fact]
    public async Task Concurrent_admissions_never_admit_beyond_the_seats()
    {
        for (var round = 0; round < 3; round++)
        {
            var workshop = await SmallWorkshopAsync();
            var setup = await app.AddRegistrationAsync(workshop, RegistrationMode.Approval, totalSeats: 8);
            var ids = await app.WithDb(async db =>
            {
                var all = Enumerable.Range(0, Attempts).Select(i =>
                {
                    var f = Form(setup, workshop, i);
                    return Registration.Submit(setup, workshop, $"user-{i}", f.ToDetails(), f.ToAnswers(), DateTimeOffset.UtcNow);
                }).ToList();
                db.Registrations.AddRange(all);
                await db.SaveChangesAsync();
                return all.Select(r => r.Id).ToList();
            });

            var results = await Task.WhenAll(ids.Select(id => Task.Run(async () =>
            {
                await using var scope = RequestScope();
                return await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().MoveAsync(id, RegistrationStatus.Admitted, "organiser", default);
            })));

            Assert.Equal(8, results.Count(r => r.Error is null));
            Assert.All(results.Where(r => r.Error is not null), r => Assert.Contains("full", r.Error));
            await AssertSeatsAsync(workshop, admitted: 8, others: Attempts - 8, RegistrationStatus.Submitted);
        }
    }

    private async Task AssertSeatsAsync(Workshop workshop, int admitted, int others, RegistrationStatus rest)
    {
        var statuses = await app.WithDb(db => db.Registrations.Where(r => r.WorkshopId == workshop.Id)
            .Select(r => new { r.Status, r.TrackId }).ToListAsync());
        Assert.Equal(admitted, statuses.Count(s => s.Status == RegistrationStatus.Admitted));
        Assert.Equal(others, statuses.Count(s => s.Status == rest));
        foreach (var track in workshop.Tracks)
        {
            var inTrack = statuses.Count(s => s.Status == RegistrationStatus.Admitted && s.TrackId == track.Id);
            Assert.InRange(inTrack, 0, track.Capacity);
            Assert.Equal(inTrack, await app.SeatsTakenAsync(workshop, SeatCounter.ForTrack(track.Id)));
        }
        Assert.Equal(admitted, await app.SeatsTakenAsync(workshop, SeatCounter.Total));
    }
}
