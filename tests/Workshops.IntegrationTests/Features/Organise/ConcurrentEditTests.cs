using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Materials;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Organise;

/// <summary>
/// Two organisers open the same form; the first saves; the second saves from the stale form. Before, the second
/// silently overwrote the first. Now it is refused with 409 and a message, keeps what they typed, and nothing of it
/// is saved until they save again knowingly.
/// </summary>
public sealed class ConcurrentEditTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task AssertSecondSaveIsRefusedAsync(string page, string? handler, string field, Func<Task<string>> stored, string? secondPage = null)
    {
        var first = await app.BrowserAs(Roles.Organiser);
        var second = await app.BrowserAs(Roles.Organiser);
        var firstForm = await BrowserForm.LoadAsync(first, page, handler);
        var staleForm = await BrowserForm.LoadAsync(second, secondPage ?? page, handler);

        var saved = await firstForm.With(field, "First organiser's words").PostAsync(first);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refused = await staleForm.With(field, "Second organiser's words").PostAsync(second);
        Assert.True(refused.StatusCode == HttpStatusCode.Conflict, $"{refused.StatusCode} {refused.Headers.Location} " + string.Join("&", staleForm.Fields.Select(f => f.Key + "=" + f.Value)));
        var body = WebUtility.HtmlDecode(await refused.BodyAsync());
        Assert.Contains("Someone else saved", body);
        Assert.Contains("Second organiser's words", body); // their input is kept on the page
        Assert.Equal("First organiser's words", await stored());

        // Saving the kept form again, now drawn from the current version, goes through.
        var kept = BrowserForm.FromHtml(await refused.BodyAsync(), refused.RequestMessage!.RequestUri!.PathAndQuery, handler);
        var again = await kept.PostAsync(second);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Second organiser's words", await stored());
    }

    [Fact]
    public async Task A_workshop()
    {
        var workshop = await app.AddWorkshopAsync($"cc-{Guid.NewGuid():N}"[..20]);
        await AssertSecondSaveIsRefusedAsync($"/organise/workshops/{workshop.Id}/edit", null, "Input.Title",
            () => app.WithDb(db => db.Workshops.AsNoTracking().Where(w => w.Id == workshop.Id).Select(w => w.Title).SingleAsync()).ContinueWith(t => t.Result.ToString()));
    }

    [Fact]
    public async Task A_call()
    {
        var call = await app.AddCallAsync();
        await AssertSecondSaveIsRefusedAsync($"/organise/calls/{call.Id}/edit", null, "Input.Title",
            () => app.WithDb(db => db.Calls.AsNoTracking().Where(c => c.Id == call.Id).Select(c => c.Title).SingleAsync()).ContinueWith(t => t.Result.ToString()));
    }

    [Fact]
    public async Task The_registration_settings()
    {
        var workshop = await app.AddWorkshopAsync($"cr-{Guid.NewGuid():N}"[..20]);
        await app.AddRegistrationAsync(workshop);
        await AssertSecondSaveIsRefusedAsync($"/organise/workshops/{workshop.Id}/registration", null, "Input.PrivacyNotice",
            () => app.WithDb(db => db.RegistrationSetups.AsNoTracking().Where(s => s.WorkshopId == workshop.Id).Select(s => s.PrivacyNotice!).SingleAsync()).ContinueWith(t => t.Result.ToString()));
    }

    [Fact]
    public async Task A_material()
    {
        var workshop = await app.AddWorkshopAsync($"cm-{Guid.NewGuid():N}"[..20]);
        var material = await app.WithDb(async db =>
        {
            var m = Material.ForWorkshop(workshop.Id, null, new MaterialDetails("Slides", MaterialType.Slides, null, MaterialVisibility.Public, "https://example.org/slides"),
                null, DateTimeOffset.UtcNow);
            db.Materials.Add(m);
            await db.SaveChangesAsync();
            return m;
        });
        await AssertSecondSaveIsRefusedAsync($"/materials/{material.Id}", null, "Input.Title",
            () => app.WithDb(db => db.Materials.AsNoTracking().Where(m => m.Id == material.Id).Select(m => m.Title).SingleAsync()));
    }

    [Fact]
    public async Task The_pack_settings()
    {
        var workshop = await app.AddWorkshopAsync($"cp-{Guid.NewGuid():N}"[..20]);
        var organiser = await app.BrowserAs(Roles.Organiser);
        // Settings exist once saved the first time.
        var created = await (await BrowserForm.LoadAsync(organiser, $"/organise/workshops/{workshop.Id}/packs", "Settings")).With("PracticalInfo", "Start").PostAsync(organiser);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await AssertSecondSaveIsRefusedAsync($"/organise/workshops/{workshop.Id}/packs", "Settings", "PracticalInfo",
            async () => (await app.WithDb(db => db.PackSettings.AsNoTracking().Where(s => s.WorkshopId == workshop.Id).Select(s => s.PracticalInfo!).SingleAsync())).Default);
    }
}
