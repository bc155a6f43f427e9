using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Support;

public static class PackData
{
    public static async Task<(Workshop Workshop, RegistrationSetup Setup)> PackWorkshopAsync(this AppFactory app)
    {
        var workshop = await app.AddWorkshopAsync($"pk-{Guid.NewGuid():N}"[..20]);
        return (workshop, await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome));
    }

    /// <summary>Registers through the form (first come: admitted at once) under <paramref name="name"/>.</summary>
    public static async Task<(AppUser User, HttpClient Client, Guid Id)> AdmitAsync(this AppFactory app, Workshop workshop, RegistrationSetup setup, string name,
        bool listed = true, string track = "Developers", string? language = null, bool letter = false)
    {
        var user = await app.CreateUserAsync();
        var client = await app.SignInAsync(user);
        // Registered in this language, so their pack and letters are written in it.
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var fields = RegistrationData.RegistrationFields(setup, workshop, user, track);
        fields["Input.Name"] = name;
        if (listed) fields["Input.ListPublicly"] = "true";
        if (letter)
        {
            fields["Input.WantsLetter"] = "true";
            fields["Input.PassportNationality"] = "Argentine";
        }
        var response = await client.PostFormAsync($"/workshops/{workshop.Slug}/register", fields);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.WithDb(db => db.Registrations.Where(r => r.UserId == user.Id && r.WorkshopId == workshop.Id).Select(r => r.Id).SingleAsync());
        return (user, client, id);
    }

    /// <summary>Waits for the workshop's latest run to end, as the organisers' page would show it.</summary>
    public static async Task<PackRun> FinishedRunAsync(this AppFactory app, Workshop workshop, int runs = 1, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var all = await app.WithDb(db => db.PackRuns.AsNoTracking().Where(r => r.WorkshopId == workshop.Id).OrderBy(r => r.CreatedAt).ToListAsync());
            if (all.Count >= runs && !all[runs - 1].IsActive) return all[runs - 1];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Run {runs} did not finish: {string.Join("; ", all.Select(r => $"{r.Status} {r.Done}/{r.Total} {r.Error}"))}");
            await Task.Delay(200);
        }
    }

    public static Task<HttpResponseMessage> GenerateAsync(this HttpClient organiser, Workshop workshop) =>
        organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/packs?handler=Generate", new Dictionary<string, string>(), $"/organise/workshops/{workshop.Id}/packs");
}
